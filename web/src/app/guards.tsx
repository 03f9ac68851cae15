// Gates in front of the signed-in pages: a session, then the page's permission.
import { Button, Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '@shared/contracts/auth.js';
import type { Permission } from '@shared/lib/access.js';
import { ApiError } from '../lib/api-client';
import { errorText } from '../lib/errors';
import { applyLanguage, chosenLanguage, rememberOrgDefault } from '../lib/i18n';
import { useCan, useMe } from '../lib/session';
import { HomeDashboard, visibleWidgets } from './HomeDashboard';
import { firstVisibleRoute } from './navigation';

/** Follows the user's language setting (or this device's choice, or the organisation default). */
function LanguageSync({ me }: { me: Me }) {
  const own = me.user.language;
  const orgDefault = me.settings.defaultLanguage;
  useEffect(() => {
    rememberOrgDefault(orgDefault);
    void applyLanguage(own ?? chosenLanguage() ?? orgDefault);
  }, [own, orgDefault]);
  return null;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin fullscreen />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return (
      <Result
        status="error"
        title={t('errors.loadSessionFailed')}
        subTitle={errorText(t, me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <>
      <LanguageSync me={me.data} />
      {children}
    </>
  );
}

export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission)) return <Result status="403" title={t('errors.forbiddenPage')} subTitle={t('errors.forbiddenPageHint')} />;
  return children;
}

/** "/" shows the home widgets this user may see; without any, it goes to their first page. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const can = useCan();
  const widgets = visibleWidgets(can);
  if (widgets.length > 0) return <HomeDashboard widgets={widgets} />;
  const first = firstVisibleRoute(can);
  if (first) return <Navigate to={`/${first.path}`} replace />;
  return <Result status="info" title={t('home.welcome')} subTitle={t('home.noPages')} />;
}
