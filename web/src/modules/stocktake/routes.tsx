// The year-end stocktake's pages: the list (in the asset navigation), one stocktake's progress and
// report, and the counting page people open on their phones.
import { ScanOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const stocktakeModule: AppModule = {
  name: 'stocktake',
  routes: [
    {
      key: 'stocktakes',
      path: 'assets/stocktakes',
      labelKey: 'stocktake.nav.list',
      icon: <ScanOutlined />,
      permission: 'assets:read',
      group: 'assets',
      order: 40,
      page: lazy(() => import('./pages/StocktakesPage')),
    },
    {
      key: 'stocktake',
      path: 'assets/stocktakes/:id',
      labelKey: 'stocktake.nav.detail',
      permission: 'assets:read',
      page: lazy(() => import('./pages/StocktakePage')),
    },
    {
      // Counting writes: only those who may change the ledger open it.
      key: 'stocktake-count',
      path: 'assets/stocktakes/:id/count',
      labelKey: 'stocktake.nav.count',
      permission: 'assets:write',
      page: lazy(() => import('./pages/CountPage')),
    },
  ],
};
