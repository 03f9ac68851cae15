// /api/assets/stocktakes: the year-end stocktake. Reading needs assets:read; starting, counting,
// closing and moving assets need assets:write (lab managers and technicians have it).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common.js';
import {
  applyLocationsInput,
  applyLocationsResult,
  extraListQuery,
  extraPage,
  itemIdParam,
  itemListQuery,
  itemPage,
  markFoundInput,
  scanInput,
  scanResult,
  stocktake,
  stocktakeInput,
  stocktakeItem,
  stocktakeListQuery,
  stocktakePage,
  stocktakeReport,
} from '../../../shared/contracts/stocktake.js';
import { MIME, sendDownload } from '../../core/http/download.js';
import type { ModuleContext } from '../../core/module.js';
import { readSettings } from '../../core/settings.js';
import { reportPdf, reportXlsx } from './stocktake.report.js';
import { createStocktakeRepository } from './stocktake.repository.js';
import { createStocktakeService } from './stocktake.service.js';

export function registerStocktakeRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const s = createStocktakeService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'assets:read' as const };
  const write = { access: 'assets:write' as const };
  const tags = ['asset stocktakes'];
  const base = '/api/assets/stocktakes';

  r.get(
    base,
    {
      config: read,
      schema: { tags, summary: 'Stocktakes, newest first', querystring: stocktakeListQuery, response: { 200: stocktakePage } },
    },
    (req) => s.list(req.query),
  );
  r.post(
    base,
    {
      config: write,
      schema: { tags, summary: 'Start a stocktake (snapshots the assets in scope)', body: stocktakeInput, response: { 200: stocktake } },
    },
    (req) => s.start(req.actor, req.body),
  );
  r.get(
    `${base}/:id`,
    {
      config: read,
      schema: { tags, summary: 'One stocktake with its live counts and version', params: idParam, response: { 200: stocktake } },
    },
    (req) => s.get(req.params.id),
  );
  r.get(
    `${base}/:id/items`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Assets of the stocktake: all, found, missing or misplaced',
        params: idParam,
        querystring: itemListQuery,
        response: { 200: itemPage },
      },
    },
    (req) => s.items(req.params.id, req.query),
  );
  r.get(
    `${base}/:id/extras`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Scanned codes outside the snapshot: unknown labels or assets outside the scope',
        params: idParam,
        querystring: extraListQuery,
        response: { 200: extraPage },
      },
    },
    (req) => s.extras(req.params.id, req.query),
  );
  r.post(
    `${base}/:id/scans`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Count one scanned label (URL or number) where the counter stands',
        params: idParam,
        body: scanInput,
        response: { 200: scanResult },
      },
    },
    (req) => s.scan(req.actor, req.params.id, req.body),
  );
  r.post(
    `${base}/:id/items/:itemId/found`,
    {
      config: write,
      schema: { tags, summary: 'Mark an asset found by hand', params: itemIdParam, body: markFoundInput, response: { 200: scanResult } },
    },
    (req) => s.markFound(req.actor, req.params.id, req.params.itemId, req.body),
  );
  r.post(
    `${base}/:id/items/:itemId/undo`,
    { config: write, schema: { tags, summary: 'Take back a found mark', params: itemIdParam, response: { 200: stocktakeItem } } },
    (req) => s.undo(req.actor, req.params.id, req.params.itemId),
  );
  r.post(
    `${base}/:id/close`,
    {
      config: write,
      schema: { tags, summary: 'Close: what was not found is 盘亏; stores the report', params: idParam, response: { 200: stocktake } },
    },
    (req) => s.close(req.actor, req.params.id),
  );
  r.post(
    `${base}/:id/apply-locations`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Move misplaced assets (all, or the listed items) to where they were seen',
        params: idParam,
        body: applyLocationsInput,
        response: { 200: applyLocationsResult },
      },
    },
    (req) => s.applyLocations(req.actor, req.params.id, req.body),
  );
  r.get(
    `${base}/:id/report`,
    {
      config: read,
      schema: { tags, summary: 'The report stored when the stocktake closed', params: idParam, response: { 200: stocktakeReport } },
    },
    async (req) => (await s.report(req.params.id)).report,
  );

  const download = async (id: number) => {
    const { stocktake: st, report } = await s.report(id);
    return { st, ctx: { repo: createStocktakeRepository(ctx.db), stocktake: st, report, timeZone: (await readSettings(ctx.db)).timeZone } };
  };
  r.get(
    `${base}/:id/report.xlsx`,
    { config: read, schema: { tags, summary: 'The report as an XLSX workbook', params: idParam } },
    async (req, reply) => {
      const { st, ctx: c } = await download(req.params.id);
      return sendDownload(reply, await reportXlsx(c), `${st.name}-盘点报告.xlsx`, MIME.xlsx);
    },
  );
  r.get(
    `${base}/:id/report.pdf`,
    { config: read, schema: { tags, summary: 'The report as a printable A4 PDF', params: idParam } },
    async (req, reply) => {
      const { st, ctx: c } = await download(req.params.id);
      return sendDownload(reply, await reportPdf(c), `${st.name}-盘点报告.pdf`, 'application/pdf');
    },
  );
}
