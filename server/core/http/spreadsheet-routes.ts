// The routes one module's list gets for the spreadsheet round trip: export, template, import.
// The follow-up routes of an import (/api/imports/:id...) are shared; see registerImportJobRoutes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importOptionValues, importPreview } from '../../../shared/contracts/system.js';
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

/**
 * Reads the single uploaded file of a multipart request, and the text fields sent before it
 * (a browser's FormData sends them in the order they were appended).
 */
export async function uploadedFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError(CoreErrors['file.missing']);
  const part = await req.file();
  if (!part) throw new AppError(CoreErrors['file.missing']);
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw new AppError(CoreErrors['file.too_large']);
  if (!buffer.length) throw new AppError(CoreErrors['file.missing'], [{ reason: 'empty_file' }]);
  const fields: Record<string, string> = {};
  for (const [name, f] of Object.entries(part.fields)) {
    if (f && !Array.isArray(f) && f.type === 'field' && typeof f.value === 'string') fields[name] = f.value;
  }
  return { buffer, fileName: part.filename || 'upload', fields };
}

/** The optional multipart field "options": a JSON object of import options. */
function uploadOptions(fields: Record<string, string>): Record<string, unknown> {
  const text = fields.options;
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(CoreErrors['validation.failed'], [{ field: 'options', reason: 'invalid_format' }]);
  }
  const parsed = importOptionValues.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      CoreErrors['validation.failed'],
      parsed.error.issues.map((i) => ({ field: ['options', ...i.path].join('.'), reason: i.code })),
    );
  }
  return parsed.data;
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
        summary:
          'Upload a file (multipart field "file", optionally after a field "options" holding a JSON object of ' +
          'import options): returns a preview; nothing is written until commit',
        consumes: ['multipart/form-data'],
        response: { 200: importPreview },
      },
    },
    async (req) => {
      const { fields, ...file } = await uploadedFile(req);
      return deps.imports.preview(req.actor, spec.importer, file, uploadOptions(fields));
    },
  );
}
