// The asset ledger module's only door: its registration and what other modules may call.
import type { Kysely } from 'kysely';
import { systemActor } from '../../core/actor.js';
import type { SyswardModule } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { registerAssetDocuments } from './assets.documents.js';
import { registerAssetRoutes } from './assets.routes.js';
import { registerAssetsSpreadsheet } from './assets.spreadsheet.js';
import { createAssetsService } from './assets.service.js';
import { createAssignmentsService } from './assignments.service.js';
import { createCategoriesService } from './categories.service.js';
import { createMaintenanceService } from './maintenance.service.js';
import { createViewsService } from './views.service.js';
import { registerStocktakeRoutes } from './stocktake.routes.js';

declare module '../../core/events.js' {
  interface EventMap {
    'asset.created': { id: number };
    'asset.updated': { id: number };
    'asset.deleted': { id: number };
    'asset_maintenance.deleted': { id: number };
  }
}

export { recordAssetHistory } from './history.js';
export { createAssetsService, createCategoriesService, createMaintenanceService, createAssignmentsService };
export { createStocktakeService } from './stocktake.service.js';

/** Read-only lookups for other modules (tickets link to assets, monitors to their devices). */
export const assetLookups = {
  exists: async (db: Kysely<Database>, id: number) =>
    !!(await db.selectFrom('assets').select('id').where('id', '=', id).executeTakeFirst()),
};

export const assetsModule: SyswardModule = {
  name: 'assets',
  register(app, ctx) {
    ctx.references.declare({ entity: 'location', table: 'assets', column: 'location_id', as: 'assets' });
    ctx.references.declare({ entity: 'department', table: 'assets', column: 'department_id', as: 'assets' });
    ctx.references.declare({ entity: 'person', table: 'assets', column: 'holder_person_id', as: 'assets' });
    ctx.references.declare({ entity: 'person', table: 'asset_assignments', column: 'person_id', as: 'assetHandouts' });

    ctx.registries.attachables.set('asset', {
      entityType: 'asset',
      read: 'assets:read',
      write: 'assets:write',
      exists: assetLookups.exists,
    });
    ctx.registries.attachables.set('asset_maintenance', {
      entityType: 'asset_maintenance',
      read: 'assets:read',
      write: 'assets:write',
      exists: async (db, id) => !!(await db.selectFrom('asset_maintenance').select('id').where('id', '=', id).executeTakeFirst()),
    });

    const services = {
      assets: createAssetsService(ctx),
      categories: createCategoriesService(ctx),
      assignments: createAssignmentsService(ctx),
      maintenance: createMaintenanceService(ctx),
      views: createViewsService(ctx),
    };
    registerAssetRoutes(app, ctx, services);
    registerAssetsSpreadsheet(app, ctx);
    registerAssetDocuments(app, ctx, services);
    registerStocktakeRoutes(app, ctx);

    app.addHook('onReady', async () => services.categories.seedDefaults(systemActor('sysward')));
  },
};
