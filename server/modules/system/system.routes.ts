// /api/health, /api/settings, /api/audit and the shared /api/imports/:id routes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { okResponse } from '../../../shared/contracts/common.js';
import {
  auditListQuery,
  auditPage,
  health,
  importIdParam,
  importMappingInput,
  importPreview,
  importResult,
  settingsInput,
  settingsResponse,
} from '../../../shared/contracts/system.js';
import { VERSION } from '../../core/version.js';
import { AppError, CoreErrors } from '../../core/errors.js';
import { MIME, sendDownload } from '../../core/http/download.js';
import type { ModuleContext } from '../../core/module.js';
import type { Importer } from '../../core/registries.js';
import { readSettings, updateSettings } from '../../core/settings.js';
import { migrationsCurrent } from '../../db/migrate.js';
import { createAuditQueries } from './audit.repository.js';

export function registerSystemRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Liveness and readiness for load balancers', response: { 200: health, 503: health } },
    },
    async (_req, reply) => {
      let reachable = false;
      let current = false;
      try {
        await sql`select 1`.execute(ctx.db);
        reachable = true;
        current = await migrationsCurrent(ctx.db);
      } catch {
        // reported below as degraded
      }
      const ok = reachable && current;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: ctx.kind,
        databaseReachable: reachable,
        migrationsCurrent: current,
        version: VERSION,
      });
    },
  );

  r.get(
    '/api/settings',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['settings'], summary: 'Organisation settings', response: { 200: settingsResponse } },
    },
    () => readSettings(ctx.db),
  );
  r.put(
    '/api/settings',
    {
      config: { access: 'settings:write' },
      schema: { tags: ['settings'], summary: 'Change organisation settings', body: settingsInput, response: { 200: settingsResponse } },
    },
    (req) => updateSettings(ctx.db, ctx, req.actor, req.body),
  );

  const audit = createAuditQueries(ctx.db);
  r.get(
    '/api/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (read-only)',
        querystring: auditListQuery,
        response: { 200: auditPage },
      },
    },
    (req) => audit.list(req.query),
  );

  // ---- import jobs (shared by every module's importer) ----
  const tags = ['imports'];
  /** The importer of a job's kind; `actor` given: only if they hold its permission. */
  function importerOf(kind: string, actor?: { permissions: Set<string> }): Importer {
    const imp = ctx.registries.importers.get(kind);
    if (!imp) throw new AppError(CoreErrors['import.not_found']);
    if (actor && !actor.permissions.has(imp.permission)) throw new AppError(CoreErrors['auth.forbidden']);
    return imp;
  }
  r.get(
    '/api/imports/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'An import preview', params: importIdParam, response: { 200: importPreview } },
    },
    (req) => ctx.imports.get(req.actor, req.params.id, (kind) => importerOf(kind)),
  );
  r.put(
    '/api/imports/:id/mapping',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary:
          'Change which file column feeds which field (columns not listed are not imported) and the import options ' +
          '(options not given take their default), then check every row again. Only before the commit.',
        params: importIdParam,
        body: importMappingInput,
        response: { 200: importPreview },
      },
    },
    (req) => ctx.imports.remap(req.actor, req.params.id, (kind) => importerOf(kind, req.actor), req.body),
  );
  r.delete(
    '/api/imports/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Discard an import that was not committed', params: importIdParam, response: { 200: okResponse } },
    },
    async (req) => {
      await ctx.imports.cancel(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/imports/:id/errors',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The rows with errors and what is wrong, as XLSX or CSV',
        params: importIdParam,
        querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
      },
    },
    async (req, reply) => {
      const body = await ctx.imports.errorReport(req.actor, req.params.id, req.query.format, req.query.lang, (kind) => importerOf(kind));
      return sendDownload(
        reply,
        body,
        `${req.query.lang === 'en' ? 'import-errors' : '导入错误'}.${req.query.format}`,
        MIME[req.query.format],
      );
    },
  );
  r.post(
    '/api/imports/:id/commit',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary:
          'Write every row of a previewed import in one transaction. With Accept: application/x-ndjson the answer streams progress lines.',
        params: importIdParam,
        response: { 200: importResult },
      },
    },
    async (req, reply) => {
      const resolve = (kind: string) => importerOf(kind, req.actor);
      if (!String(req.headers.accept ?? '').includes('application/x-ndjson')) {
        return ctx.imports.commit(req.actor, req.params.id, resolve, async () => {});
      }
      // Streamed: one JSON object per line, so the page can draw a progress bar.
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      const line = (o: unknown) => res.write(`${JSON.stringify(o)}\n`);
      let last = 0;
      try {
        const result = await ctx.imports.commit(req.actor, req.params.id, resolve, async (done, total) => {
          if (done === total || done - last >= Math.max(100, total / 100)) {
            last = done;
            line({ type: 'progress', done, total });
            await new Promise((r) => setImmediate(r));
          }
        });
        line({ type: 'done', ...result });
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError(CoreErrors.internal);
        if (!(err instanceof AppError)) req.log.error({ err }, 'import commit failed');
        line({ type: 'error', error: { code: e.code, message: e.code, details: e.details } });
      }
      res.end();
    },
  );
}
