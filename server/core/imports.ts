// The import workflow every module shares: read the file, validate every row, keep the parsed
// job until the user confirms, then write all rows in one transaction or none at all.
import type { z } from 'zod';
import type { importPreview } from '../../shared/contracts/system.js';
import { uuidv7 } from '../../shared/lib/ids.js';
import type { Db } from '../db/connect.js';
import { fromJson, toJson } from '../db/dialect.js';
import type { Actor } from './actor.js';
import type { Audit } from './audit.js';
import type { Clock } from './clock.js';
import { AppError, CoreErrors } from './errors.js';
import { importReason } from './import-messages.js';
import type { Importer, RowIssue } from './registries.js';
import { missingRequired, readTable, writeErrorReport, type TableRow } from './tabular/index.js';

type Preview = z.infer<typeof importPreview>;
/** How many errors and sample rows a preview carries; the full list is in the error report. */
const PREVIEW_ERRORS = 200;
const PREVIEW_SAMPLE = 20;
/** Parsed jobs nobody confirmed are dropped after a day. */
export const IMPORT_JOB_TTL_MS = 24 * 3_600_000;

interface Payload {
  format: string;
  encoding: string | null;
  headerRow: number;
  headers: string[];
  columns: { header: string; field: string | null }[];
  rows: TableRow[];
  issues: (RowIssue & { row: number })[];
  creates: number;
  updates: number;
}

export interface ImportDeps {
  db: Db;
  audit: Audit;
  clock: Clock;
}

function toPreview(
  job: { id: string; kind: string; file_name: string; status: string; created_at: number },
  p: Payload,
  sample: Record<string, unknown>[],
): Preview {
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.file_name,
    status: job.status as Preview['status'],
    encoding: p.encoding,
    headerRow: p.headerRow,
    columns: p.columns,
    totalRows: p.rows.length,
    validRows: p.rows.length - new Set(p.issues.map((i) => i.row)).size,
    creates: p.creates,
    updates: p.updates,
    errors: p.issues
      .slice(0, PREVIEW_ERRORS)
      .map((i) => ({ row: i.row, field: i.field, reason: i.reason, ...(i.value !== undefined ? { value: i.value } : {}) })),
    errorCount: p.issues.length,
    sample,
    createdAt: job.created_at,
  };
}

export function createImports({ db, audit, clock }: ImportDeps) {
  async function loadJob(actor: Actor, id: string) {
    const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    // Another user's job is reported as missing, not as forbidden: ids reveal nothing.
    if (!job || job.user_id !== actor.userId) throw new AppError(CoreErrors['import.not_found']);
    return { job, payload: fromJson<Payload>(job.payload) };
  }

  return {
    async preview(actor: Actor, importer: Importer, file: { buffer: Buffer; fileName: string }): Promise<Preview> {
      const table = await readTable(file.buffer, file.fileName, { fields: importer.fields, maxRows: importer.maxRows });
      const missing = missingRequired(table.columns, importer.fields);
      if (missing.length) {
        const headers = importer.fields.filter((f) => missing.includes(f.key)).map((f) => f.header);
        throw new AppError(CoreErrors['file.no_header'], [{ reason: 'missing_columns', params: { columns: headers } }]);
      }
      const prepared = await importer.prepare(db, actor, table.rows);
      const payload: Payload = {
        format: table.format,
        encoding: table.encoding,
        headerRow: table.headerRow,
        headers: table.headers,
        columns: table.columns,
        rows: table.rows,
        issues: prepared.issues,
        creates: prepared.rows.filter((r) => r.action === 'create').length,
        updates: prepared.rows.filter((r) => r.action === 'update').length,
      };
      const now = clock.now();
      const job = {
        id: uuidv7(now),
        kind: importer.kind,
        user_id: actor.userId!,
        file_name: file.fileName.slice(0, 200),
        status: 'preview',
        created_at: now,
        updated_at: now,
      };
      await db
        .insertInto('import_jobs')
        .values({ ...job, options: toJson({}), payload: toJson(payload), result: null })
        .execute();
      return toPreview(
        job,
        payload,
        prepared.rows.slice(0, PREVIEW_SAMPLE).map((r) => ({ row: r.rowNumber, action: r.action, ...importer.sample(r.value) })),
      );
    },

    async get(actor: Actor, id: string): Promise<Preview> {
      const { job, payload } = await loadJob(actor, id);
      return toPreview(job, payload, []);
    },

    /**
     * Re-validates against the data as it is now and writes every row in one transaction.
     * Any error rolls the whole import back; the database is left as it was.
     */
    async commit(actor: Actor, id: string, importer: (kind: string) => Importer, progress: (done: number, total: number) => Promise<void>) {
      const { job, payload } = await loadJob(actor, id);
      if (job.status !== 'preview') throw new AppError(CoreErrors['import.already_done']);
      const imp = importer(job.kind);
      const result = await db.transaction().execute(async (trx) => {
        // Claim the job first, in the same transaction: a replayed or concurrent commit waits on
        // this row, then finds it taken and is told so, instead of importing twice or redoing
        // every row only to fail on a duplicate number. Any error below releases the claim.
        const claimed = await trx
          .updateTable('import_jobs')
          .set({ status: 'committed', updated_at: clock.now() })
          .where('id', '=', id)
          .where('status', '=', 'preview')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(CoreErrors['import.already_done']);
        const prepared = await imp.prepare(trx, actor, payload.rows);
        if (prepared.issues.length) {
          throw new AppError(
            CoreErrors['import.has_errors'],
            prepared.issues.slice(0, 50).map((i) => ({ field: i.field ?? undefined, reason: i.reason, params: { row: i.row } })),
          );
        }
        const total = prepared.rows.length;
        const counts = await imp.commit(trx, actor, prepared.rows, (done) => progress(done, total));
        await trx
          .updateTable('import_jobs')
          .set({ result: toJson(counts) })
          .where('id', '=', id)
          .execute();
        await audit.record(trx, actor, {
          action: 'import',
          entityType: job.kind,
          entityId: id,
          summary: job.file_name,
          after: { fileName: job.file_name, ...counts },
        });
        return counts;
      });
      return result;
    },

    async errorReport(
      actor: Actor,
      id: string,
      format: 'xlsx' | 'csv',
      language: 'zh-CN' | 'en',
      fieldLabel: (key: string) => string,
    ): Promise<Buffer> {
      const { payload } = await loadJob(actor, id);
      const fieldOfHeader = new Map(payload.columns.map((c) => [c.field, c.header]));
      const rows = payload.rows.map((r) => ({
        rowNumber: r.rowNumber,
        cells: Object.fromEntries(payload.columns.filter((c) => c.field).map((c) => [c.header, r.values[c.field!] ?? ''])),
      }));
      return writeErrorReport(
        format,
        payload.columns.filter((c) => c.field).map((c) => c.header),
        rows,
        payload.issues,
        (reason) => importReason(reason, language),
        {
          fieldLabel: (key) => fieldOfHeader.get(key) ?? fieldLabel(key),
        },
      );
    },

    async cancel(actor: Actor, id: string): Promise<void> {
      await loadJob(actor, id);
      await db.deleteFrom('import_jobs').where('id', '=', id).where('status', '=', 'preview').execute();
    },

    purgeOld: () =>
      db
        .deleteFrom('import_jobs')
        .where('created_at', '<', clock.now() - IMPORT_JOB_TTL_MS)
        .execute(),
  };
}
export type Imports = ReturnType<typeof createImports>;
