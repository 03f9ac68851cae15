// The routes one module's list gets for the spreadsheet round trip: export, template, import.
// The follow-up routes of an import (/api/imports/:id...) are shared; see registerImportJobRoutes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importPreview } from '../../../shared/contracts/system.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Actor } from '../actor.js';
import { AppError, CoreErrors } from '../errors.js';
import type { Imports } from '../imports.js';
import type { Permission } from '../permissions.js';
import type { Importer } from '../registries.js';
import { readSettings } from '../settings.js';
import { writeCsv, writeTemplate, writeXlsx, type ColumnSpec } from '../tabular/index.js';
import { MIME, fileStamp, sendDownload } from './download.js';

export interface SpreadsheetRoutes<Row, Q extends z.ZodObject> {
  basePath: string;
  tag: string;
  /** Chinese file name stem, e.g. '人员'. */
  fileStem: string;
  read: Permission;
  importer: Importer;
  columns: ColumnSpec<Row>[];
  /** The list's own filters (paging fields are ignored by exports). */
  filters: Q;
  rows(db: Kysely<Database>, actor: Actor, filter: z.infer<Q>): AsyncIterable<Row>;
}

const formatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/** Reads the single uploaded file of a multipart request. */
export async function uploadedFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError(CoreErrors['file.missing']);
  const part = await req.file();
  if (!part) throw new AppError(CoreErrors['file.missing']);
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw new AppError(CoreErrors['file.too_large']);
  if (!buffer.length) throw new AppError(CoreErrors['file.missing'], [{ reason: 'empty_file' }]);
  return { buffer, fileName: part.filename || 'upload' };
}

export function registerSpreadsheetRoutes<Row, Q extends z.ZodObject>(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; imports: Imports; clock: { now(): number } },
  spec: SpreadsheetRoutes<Row, Q>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = [spec.tag];
  const exportQuery = spec.filters.extend(formatQuery.shape);

  r.get(
    `${spec.basePath}/export`,
    { config: { access: spec.read }, schema: { tags, summary: 'Export the (filtered) list as XLSX or CSV', querystring: exportQuery } },
    async (req, reply) => {
      const { format, ...filter } = req.query as { format: 'xlsx' | 'csv' } & Record<string, unknown>;
      const rows = spec.rows(deps.db, req.actor, filter as z.infer<Q>);
      const body = format === 'csv' ? await writeCsv(spec.columns, rows) : await writeXlsx(spec.fileStem, spec.columns, rows);
      const { timeZone } = await readSettings(deps.db);
      return sendDownload(reply, body, `${spec.fileStem}-${fileStamp(deps.clock.now(), timeZone)}.${format}`, MIME[format]);
    },
  );

  r.get(
    `${spec.basePath}/import-template`,
    {
      config: { access: spec.importer.permission },
      schema: { tags, summary: 'A blank import file with an example row', querystring: formatQuery },
    },
    async (req, reply) => {
      const body = await writeTemplate(req.query.format, spec.importer.fields, spec.importer.example);
      return sendDownload(reply, body, `${spec.fileStem}导入模板.${req.query.format}`, MIME[req.query.format]);
    },
  );

  r.post(
    `${spec.basePath}/import`,
    {
      config: { access: spec.importer.permission },
      schema: {
        tags,
        summary: 'Upload a file (multipart field "file"): returns a preview; nothing is written until commit',
        consumes: ['multipart/form-data'],
        response: { 200: importPreview },
      },
    },
    async (req) => deps.imports.preview(req.actor, spec.importer, await uploadedFile(req)),
  );
}
