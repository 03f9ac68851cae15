// /api/assets: path, schema, permission, one service call. Spreadsheet, label and stocktake
// routes live in their own files.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  asset,
  assetCard,
  assetInput,
  assetListQuery,
  assetPage,
  assetPatch,
  assetSettings,
  assignment,
  assignmentList,
  bulkAction,
  bulkResult,
  category,
  categoryInput,
  categoryList,
  categoryPatch,
  dueList,
  dueQuery,
  expiringPage,
  expiringQuery,
  handoutInput,
  historyPage,
  historyQuery,
  maintenance,
  maintenanceIdParam,
  maintenanceInput,
  maintenanceList,
  maintenancePatch,
  numberParam,
  returnInput,
  savedView,
  savedViewInput,
  savedViewList,
  savedViewPatch,
  statusChange,
} from '../../../shared/contracts/assets.js';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import type { ModuleContext } from '../../core/module.js';
import { previewNumber } from './asset-numbers.js';
import { readAssetSettings, updateAssetSettings } from './asset-settings.js';
import type { AssetsService } from './assets.service.js';
import { todayOf } from './assets.service.js';
import type { AssignmentsService } from './assignments.service.js';
import type { CategoriesService } from './categories.service.js';
import { listAssetHistory } from './history.js';
import type { MaintenanceService } from './maintenance.service.js';
import type { createViewsService } from './views.service.js';

export interface AssetServices {
  assets: AssetsService;
  categories: CategoriesService;
  assignments: AssignmentsService;
  maintenance: MaintenanceService;
  views: ReturnType<typeof createViewsService>;
}

const ok = { ok: true as const };

export function registerAssetRoutes(app: FastifyInstance, ctx: ModuleContext, s: AssetServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'assets:read' as const };
  const write = { access: 'assets:write' as const };
  const signedIn = { access: 'signed_in' as const };

  // ---- categories ----
  let tags = ['asset categories'];
  r.get(
    '/api/assets/categories',
    { config: signedIn, schema: { tags, summary: 'Every category with its custom fields', response: { 200: categoryList } } },
    () => s.categories.list(),
  );
  r.get(
    '/api/assets/categories/:id',
    { config: read, schema: { tags, summary: 'One category', params: idParam, response: { 200: category } } },
    (req) => s.categories.get(req.params.id),
  );
  r.post(
    '/api/assets/categories',
    { config: write, schema: { tags, summary: 'Create a category', body: categoryInput, response: { 200: category } } },
    (req) => s.categories.create(req.actor, req.body),
  );
  r.patch(
    '/api/assets/categories/:id',
    {
      config: write,
      schema: { tags, summary: 'Edit a category and its custom fields', params: idParam, body: categoryPatch, response: { 200: category } },
    },
    (req) => s.categories.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/assets/categories/:id',
    { config: write, schema: { tags, summary: 'Delete an empty category', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await s.categories.remove(req.actor, req.params.id);
      return ok;
    },
  );

  // ---- settings ----
  tags = ['asset settings'];
  const settingsResponse = assetSettings.extend({ numberExample: z.string() });
  const withExample = async (settings: z.infer<typeof assetSettings>) => ({
    ...settings,
    numberExample: previewNumber(settings.numberPattern, { today: await todayOf(ctx.db, ctx.clock.now()), categoryCode: 'PC' }) ?? '',
  });
  r.get(
    '/api/assets/settings',
    { config: read, schema: { tags, summary: 'Number pattern and label address', response: { 200: settingsResponse } } },
    async () => withExample(await readAssetSettings(ctx.db)),
  );
  r.put(
    '/api/assets/settings',
    {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Change the number pattern or label address', body: assetSettings, response: { 200: settingsResponse } },
    },
    async (req) => withExample(await updateAssetSettings(ctx.db, ctx, req.actor, req.body)),
  );

  // ---- saved views ----
  tags = ['asset views'];
  r.get('/api/assets/views', { config: read, schema: { tags, summary: 'My saved list views', response: { 200: savedViewList } } }, (req) =>
    s.views.list(req.actor),
  );
  r.post(
    '/api/assets/views',
    { config: read, schema: { tags, summary: 'Save a list view', body: savedViewInput, response: { 200: savedView } } },
    (req) => s.views.create(req.actor, req.body),
  );
  r.patch(
    '/api/assets/views/:id',
    {
      config: read,
      schema: { tags, summary: 'Rename or change a saved view', params: idParam, body: savedViewPatch, response: { 200: savedView } },
    },
    (req) => s.views.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/assets/views/:id',
    { config: read, schema: { tags, summary: 'Delete a saved view', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await s.views.remove(req.actor, req.params.id);
      return ok;
    },
  );

  // ---- reminders ----
  tags = ['assets'];
  r.get(
    '/api/assets/expiring',
    {
      config: read,
      schema: { tags, summary: 'Warranties or service lives ending soon', querystring: expiringQuery, response: { 200: expiringPage } },
    },
    (req) => s.assets.expiring(req.query),
  );
  r.get(
    '/api/assets/maintenance/due',
    {
      config: read,
      schema: { tags, summary: 'Maintenance due (and overdue) within some days', querystring: dueQuery, response: { 200: dueList } },
    },
    (req) => s.maintenance.due(req.query.days),
  );

  // ---- assets ----
  r.get(
    '/api/assets',
    {
      config: read,
      schema: { tags, summary: 'List, filter, sort and search assets', querystring: assetListQuery, response: { 200: assetPage } },
    },
    (req) => s.assets.list(req.query),
  );
  r.get(
    '/api/assets/mine',
    { config: signedIn, schema: { tags, summary: 'Assets I hold', response: { 200: z.object({ items: z.array(asset) }) } } },
    (req) => s.assets.mine(req.actor),
  );
  r.get(
    '/api/assets/by-number/:number',
    { config: signedIn, schema: { tags, summary: 'The card a scanned label opens', params: numberParam, response: { 200: assetCard } } },
    (req) => s.assets.card(req.actor, req.params.number),
  );
  r.get(
    '/api/assets/:id',
    { config: signedIn, schema: { tags, summary: 'One asset (staff: only their own)', params: idParam, response: { 200: asset } } },
    (req) => s.assets.getFor(req.actor, req.params.id),
  );
  r.post(
    '/api/assets',
    { config: write, schema: { tags, summary: 'Create an asset', body: assetInput, response: { 200: asset } } },
    (req) => s.assets.create(req.actor, req.body),
  );
  r.patch(
    '/api/assets/:id',
    { config: write, schema: { tags, summary: 'Edit an asset', params: idParam, body: assetPatch, response: { 200: asset } } },
    (req) => s.assets.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/assets/:id/status',
    {
      config: write,
      schema: { tags, summary: 'Change the status (checked transitions)', params: idParam, body: statusChange, response: { 200: asset } },
    },
    (req) => s.assets.changeStatus(req.actor, req.params.id, req.body.status, req.body.reason),
  );
  r.delete(
    '/api/assets/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a mistaken entry (no hand-outs or maintenance)', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await s.assets.remove(req.actor, req.params.id);
      return ok;
    },
  );
  r.post(
    '/api/assets/bulk',
    { config: write, schema: { tags, summary: 'Change many assets at once', body: bulkAction, response: { 200: bulkResult } } },
    (req) => s.assets.bulk(req.actor, req.body),
  );
  r.get(
    '/api/assets/:id/history',
    {
      config: read,
      schema: {
        tags,
        summary: 'The asset timeline, newest first',
        params: idParam,
        querystring: historyQuery,
        response: { 200: historyPage },
      },
    },
    async (req) => {
      await s.assets.get(req.params.id);
      return listAssetHistory(ctx.db, req.params.id, req.query);
    },
  );

  // ---- hand-out and return ----
  tags = ['asset hand-outs'];
  r.get(
    '/api/assets/:id/assignments',
    { config: read, schema: { tags, summary: 'Hand-outs and returns of an asset', params: idParam, response: { 200: assignmentList } } },
    (req) => s.assignments.list(req.params.id),
  );
  r.post(
    '/api/assets/:id/handout',
    {
      config: write,
      schema: {
        tags,
        summary: 'Hand out (or lend) to a person or department',
        params: idParam,
        body: handoutInput,
        response: { 200: assignment },
      },
    },
    (req) => s.assignments.handout(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/assets/:id/return',
    { config: write, schema: { tags, summary: 'Take back into stock', params: idParam, body: returnInput, response: { 200: assignment } } },
    (req) => s.assignments.return(req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/assets/assignments/:id/signature',
    { config: read, schema: { tags, summary: 'The signature drawn for a hand-out or return (PNG)', params: idParam } },
    async (req, reply) => {
      const png = await s.assignments.signature(req.params.id);
      return reply
        .header('content-type', 'image/png')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(png);
    },
  );

  // ---- maintenance ----
  tags = ['asset maintenance'];
  r.get(
    '/api/assets/:id/maintenance',
    { config: read, schema: { tags, summary: 'Maintenance records of an asset', params: idParam, response: { 200: maintenanceList } } },
    (req) => s.maintenance.list(req.params.id),
  );
  r.post(
    '/api/assets/:id/maintenance',
    {
      config: write,
      schema: { tags, summary: 'Record maintenance', params: idParam, body: maintenanceInput, response: { 200: maintenance } },
    },
    (req) => s.maintenance.create(req.actor, req.params.id, req.body),
  );
  r.patch(
    '/api/assets/:id/maintenance/:maintenanceId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a maintenance record',
        params: maintenanceIdParam,
        body: maintenancePatch,
        response: { 200: maintenance },
      },
    },
    (req) => s.maintenance.update(req.actor, req.params.id, req.params.maintenanceId, req.body),
  );
  r.delete(
    '/api/assets/:id/maintenance/:maintenanceId',
    { config: write, schema: { tags, summary: 'Delete a maintenance record', params: maintenanceIdParam, response: { 200: okResponse } } },
    async (req) => {
      await s.maintenance.remove(req.actor, req.params.id, req.params.maintenanceId);
      return ok;
    },
  );
}
