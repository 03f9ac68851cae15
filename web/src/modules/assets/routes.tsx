// The asset ledger's pages. The detail, scan and reminder pages are built beside the list pages;
// their routes are declared here so the module has one registry entry.
import { AppstoreOutlined, BellOutlined, DatabaseOutlined, NumberOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const assetsModule: AppModule = {
  name: 'assets',
  routes: [
    {
      key: 'assets',
      path: 'assets',
      labelKey: 'assets.nav.list',
      icon: <DatabaseOutlined />,
      permission: 'assets:read',
      group: 'assets',
      order: 10,
      page: lazy(() => import('./pages/AssetsPage')),
    },
    {
      key: 'asset-reminders',
      path: 'assets/reminders',
      labelKey: 'assets.nav.reminders',
      icon: <BellOutlined />,
      permission: 'assets:read',
      group: 'assets',
      order: 20,
      page: lazy(() => import('./pages/RemindersPage')),
    },
    {
      key: 'asset-categories',
      path: 'assets/categories',
      labelKey: 'assets.nav.categories',
      icon: <AppstoreOutlined />,
      permission: 'assets:read',
      group: 'assets',
      order: 30,
      page: lazy(() => import('./pages/CategoriesPage')),
    },
    {
      key: 'asset-settings',
      path: 'assets/settings',
      labelKey: 'assets.nav.settings',
      icon: <NumberOutlined />,
      // Everyone who reads the ledger may see the pattern; saving needs settings:write.
      permission: 'assets:read',
      group: 'assets',
      order: 90,
      page: lazy(() => import('./pages/AssetSettingsPage')),
    },
    {
      // Opened from the list (a row) and from labels; not in the navigation.
      key: 'asset-detail',
      path: 'assets/:id',
      labelKey: 'assets.nav.detail',
      permission: 'assets:read',
      page: lazy(() => import('./pages/AssetDetailPage')),
    },
    {
      // What a phone opens after scanning a label: anyone signed in sees the asset's card.
      key: 'asset-scan',
      path: 'a/:number',
      labelKey: 'assets.nav.scan',
      page: lazy(() => import('./pages/ScanLandingPage')),
    },
  ],
  // The home page's list of what is due: maintenance, warranties.
  dashboard: [{ key: 'asset-due', permission: 'assets:read', order: 10, widget: lazy(() => import('./components/record/DueWidget')) }],
};
