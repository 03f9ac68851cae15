import { AuditOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const systemModule: AppModule = {
  name: 'system',
  routes: [
    {
      key: 'users',
      path: 'system/users',
      labelKey: 'nav.users',
      icon: <UserOutlined />,
      permission: 'users:read',
      group: 'system',
      order: 10,
      page: lazy(() => import('./pages/UsersPage')),
    },
    {
      key: 'audit',
      path: 'system/audit',
      labelKey: 'nav.audit',
      icon: <AuditOutlined />,
      permission: 'audit:read',
      group: 'system',
      order: 20,
      page: lazy(() => import('./pages/AuditPage')),
    },
    {
      key: 'settings',
      path: 'system/settings',
      labelKey: 'nav.settings',
      icon: <SettingOutlined />,
      // Everyone signed in may read the settings, but the page exists to change them.
      permission: 'settings:write',
      group: 'system',
      order: 30,
      page: lazy(() => import('./pages/SettingsPage')),
    },
    {
      key: 'work-calendar',
      path: 'system/work-calendar',
      labelKey: 'nav.workCalendar',
      icon: <CalendarOutlined />,
      permission: 'settings:write',
      group: 'system',
      order: 35,
      page: lazy(() => import('./pages/WorkCalendarPage')),
    },
  ],
};
