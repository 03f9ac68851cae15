import { MenuOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Typography, theme } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { useCan, useMe } from '../../lib/session';
import { useUpdateMe } from '../../modules/auth/api';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { MODULES } from '../modules';
import type { TopBarItem } from '../route-types';
import { UserMenu } from './UserMenu';

// What modules put in the bar (the notification bell): the layout itself names no module.
const TOP_BAR_ITEMS: readonly TopBarItem[] = MODULES.flatMap((m) => m.topBar ?? []);

export function TopBar({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const me = useMe().data;
  const updateMe = useUpdateMe();
  const can = useCan();

  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: mobile ? '0 8px' : '0 24px',
        height: 56,
        lineHeight: '56px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
      }}
    >
      {mobile && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={onOpenMenu} data-testid="nav-open" />}
      <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="org-name">
        {me?.settings.orgName || t('app.name')}
      </Typography.Text>
      <Flex align="center" gap={4}>
        <Suspense fallback={null}>
          {TOP_BAR_ITEMS.filter((item) => can(item.permission)).map((item) => (
            <item.component key={item.key} />
          ))}
        </Suspense>
        <LanguageSwitch
          onChosen={(language) =>
            // Saved on the user so it follows them to other devices.
            updateMe.mutate({ language }, { onError: (err) => void message.error(errorText(t, err)) })
          }
        />
        <UserMenu />
      </Flex>
    </Layout.Header>
  );
}
