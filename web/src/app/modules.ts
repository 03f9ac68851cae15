// The registry of modules. A new domain (assets, tickets, ...) adds its one entry here; the
// router and the navigation are built from this list.
import { assetsModule } from '../modules/assets/routes';
import { authModule } from '../modules/auth/routes';
import { kbModule } from '../modules/kb/routes';
import { notifyModule } from '../modules/notify/routes';
import { orgModule } from '../modules/org/routes';
import { stocktakeModule } from '../modules/stocktake/routes';
import { systemModule } from '../modules/system/routes';
import { ticketsModule } from '../modules/tickets/routes';
import type { AppModule, PageRoute } from './route-types';

export const MODULES: readonly AppModule[] = [
  authModule,
  orgModule,
  systemModule,
  assetsModule,
  stocktakeModule,
  notifyModule,
  ticketsModule,
  kbModule,
];

export const PAGE_ROUTES: readonly PageRoute[] = MODULES.flatMap((m) => m.routes);
export const PUBLIC_ROUTES = MODULES.flatMap((m) => m.publicRoutes ?? []);
