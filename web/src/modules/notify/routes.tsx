// The notification pages and the bell in the top bar. /notifications is for everyone (not in the
// navigation: the bell leads there); the mail server page sits under 系统设置.
import { MailOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const notifyModule: AppModule = {
  name: 'notify',
  routes: [
    {
      key: 'notifications',
      path: 'notifications',
      labelKey: 'notify.title',
      page: lazy(() => import('./pages/NotificationsPage')),
    },
    {
      key: 'notify-settings',
      path: 'system/notifications',
      labelKey: 'notify.nav.settings',
      icon: <MailOutlined />,
      permission: 'settings:write',
      group: 'system',
      order: 35,
      page: lazy(() => import('./pages/NotifySettingsPage')),
    },
  ],
  topBar: [{ key: 'notification-bell', component: lazy(() => import('./components/NotificationBell')) }],
};
