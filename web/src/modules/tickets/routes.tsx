// The fault-ticket pages. Reporting and "my reports" are for everyone; the list, statistics and
// settings for those who work tickets. The knowledge-base module adds its pages to the same
// navigation group (orders 50–59 are left for it) and builds /kb/articles/:id, which the report
// form's suggestions link to, and /kb/articles/new?fromTicket=<id>, which a resolved ticket opens.
import { AlertOutlined, BarChartOutlined, ProfileOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';
import { SCAN_ACTIONS } from '../assets/components/record/scan-actions';

// A scanned label offers "报修": the report form opens with that device filled in.
SCAN_ACTIONS.push({
  key: 'report-fault',
  order: 10,
  labelKey: 'tickets.scanAction',
  icon: <AlertOutlined />,
  to: (card) => `/tickets/report?asset=${encodeURIComponent(card.number)}`,
  when: (card) => card.status !== 'disposed',
});

export const ticketsModule: AppModule = {
  name: 'tickets',
  routes: [
    {
      key: 'tickets',
      path: 'tickets',
      labelKey: 'tickets.nav.list',
      icon: <UnorderedListOutlined />,
      permission: 'tickets:read',
      group: 'tickets',
      order: 10,
      page: lazy(() => import('./pages/TicketsPage')),
    },
    {
      key: 'ticket-report',
      path: 'tickets/report',
      labelKey: 'tickets.nav.report',
      icon: <AlertOutlined />,
      group: 'tickets',
      order: 20,
      page: lazy(() => import('./pages/ReportPage')),
    },
    {
      key: 'tickets-mine',
      path: 'tickets/mine',
      labelKey: 'tickets.nav.mine',
      icon: <ProfileOutlined />,
      group: 'tickets',
      order: 30,
      page: lazy(() => import('./pages/MyTicketsPage')),
    },
    {
      key: 'ticket-stats',
      path: 'tickets/stats',
      labelKey: 'tickets.nav.stats',
      icon: <BarChartOutlined />,
      permission: 'tickets:read',
      group: 'tickets',
      order: 70,
      page: lazy(() => import('./pages/StatsPage')),
    },
    {
      key: 'ticket-settings',
      path: 'tickets/settings',
      labelKey: 'tickets.nav.settings',
      icon: <SettingOutlined />,
      permission: 'settings:write',
      group: 'tickets',
      order: 90,
      page: lazy(() => import('./pages/SettingsPage')),
    },
    {
      // Opened from the lists, notifications and the report's confirmation; staff see their own.
      key: 'ticket-detail',
      path: 'tickets/:id',
      labelKey: 'tickets.nav.detail',
      page: lazy(() => import('./pages/TicketPage')),
    },
  ],
  dashboard: [{ key: 'tickets', order: 5, widget: lazy(() => import('./components/TicketsWidget')) }],
};
