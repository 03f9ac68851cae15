// The left navigation, built from the module registry: groups in NAV_GROUPS order, pages the
// user may not open left out, empty groups left out.
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Permission } from '@shared/lib/access.js';
import { useCan } from '../lib/session';
import { PAGE_ROUTES } from './modules';
import { NAV_GROUPS, type NavGroup, type PageRoute } from './route-types';

type Can = (permission: Permission | undefined) => boolean;

function visibleIn(group: NavGroup, can: Can): PageRoute[] {
  return PAGE_ROUTES.filter((r) => r.group === group && can(r.permission)).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

export function firstVisibleRoute(can: Can): PageRoute | undefined {
  for (const g of NAV_GROUPS) {
    const first = visibleIn(g, can)[0];
    if (first) return first;
  }
  return undefined;
}

/** The route whose path is the longest prefix of the current location. */
function activeKey(pathname: string): string | undefined {
  let best: PageRoute | undefined;
  for (const r of PAGE_ROUTES) {
    const p = `/${r.path}`;
    if ((pathname === p || pathname.startsWith(`${p}/`)) && (!best || r.path.length > best.path.length)) best = r;
  }
  return best?.key;
}

export function Navigation({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  const current = activeKey(pathname);

  const items: MenuProps['items'] = NAV_GROUPS.flatMap((g) => {
    const routes = visibleIn(g, can);
    if (routes.length === 0) return [];
    return [
      {
        type: 'group' as const,
        key: g,
        label: collapsed ? null : t(`nav.groups.${g}`),
        children: routes.map((r) => ({
          key: r.key,
          icon: r.icon,
          label: (
            <Link to={`/${r.path}`} onClick={onNavigate} data-testid={`nav-${r.key}`}>
              {t(r.labelKey)}
            </Link>
          ),
        })),
      },
    ];
  });

  return <Menu mode="inline" selectedKeys={current ? [current] : []} items={items} style={{ borderInlineEnd: 'none' }} />;
}
