// The import workflow every module shares: read the file, validate every row, keep the parsed
// job until the user confirms, then write all rows in one transaction or none at all. The job
// keeps every cell of every row by column index, so the person can correct which column feeds
// which field, and change the importer's options, without uploading the file again.
import type { z } from 'zod';
import type { importMappingInput, importPreview } from '../../shared/contracts/system.js';
import { uuidv7 } from '../../shared/lib/ids.js';
import type { Db } from '../db/connect.js';
import { fromJson, toJson } from '../db/dialect.js';
import type { Actor } from './actor.js';
import type { Audit } from './audit.js';
import type { Clock } from './clock.js';
import { AppError, CoreErrors, type ErrorDetail } from './errors.js';
import { importReason } from './import-messages.js';
import type { ImportOptionValues, Importer, RowIssue } from './registries.js';
import { readRawTable, rowValues, writeErrorReport } from './tabular/index.js';

type Preview = z.infer<typeof importPreview>;
type MappingInput = z.output<typeof importMappingInput>;
/** How many errors and sample rows a preview carries; the full list is in the error report. */
const PREVIEW_ERRORS = 200;
const PREVIEW_SAMPLE = 20;
/** Values per column shown to recognise it in the mapping step, and their longest length. */
const COLUMN_SAMPLES = 2;
const SAMPLE_LENGTH = 100;
/** Parsed jobs nobody confirmed are dropped after a day. */
export const IMPORT_JOB_TTL_MS = 24 * 3_600_000;
/** Bumped when the stored payload changes shape; older jobs are reported as expired. */
const PAYLOAD_VERSION = 2;

/** One data row: its number in the file and its trimmed cells by column index. Short keys: a
 *  job can hold 50,000 of these. */
interface StoredRow {
  n: number;
  c: string[];
}

interface Payload {
  v: typeof PAYLOAD_VERSION;
  format: string;
  encoding: string | null;
  headerRow: number;
  /** Every column's header, in file order. */
  headers: string[];
  /** Up to COLUMN_SAMPLES non-empty values per column. */
  samples: string[][];
  /** The field each column feeds (same order as headers); null: not imported. */
  mapping: (string | null)[];
  rows: StoredRow[];
  /** Outcome of the last check with this mapping and these options. */
  issues: (RowIssue & { row: number })[];
  creates: number;
  updates: number;
  /** Required fields no column feeds; while any is, the rows are not checked. */
  missing: string[];
}

interface JobHead {
  id: string;
  kind: string;
  user_id: number;
  file_name: string;
  status: string;
  created_at: number;
}

/** Finds the importer of a job's kind; throws (not found, forbidden) when it cannot be used. */
export type ImporterOf = (kind: string) => Importer;

export interface ImportDeps {
  db: Db;
  audit: Audit;
  clock: Clock;
}

// ---------------------------------------------------------------------------------------------
// Options and mapping: what the person may choose, checked against what the importer declares

/**
 * Every option the importer declares, from what was asked for or its default. An option the
 * importer does not declare, or a value of the wrong kind, is refused (import.bad_options).
 */
export function resolveOptions(importer: Importer, given: Record<string, unknown>): ImportOptionValues {
  const specs = importer.options ?? [];
  const details: ErrorDetail[] = [];
  for (const key of Object.keys(given)) {
    if (!specs.some((s) => s.key === key)) details.push({ field: `options.${key}`, reason: 'unknown_option', params: { option: key } });
  }
  const values: ImportOptionValues = {};
  for (const spec of specs) {
    const value = Object.hasOwn(given, spec.key) ? given[spec.key] : undefined;
    if (value === undefined) {
      values[spec.key] = spec.default;
    } else if (spec.kind === 'boolean' ? typeof value === 'boolean' : typeof value === 'string' && spec.choices.includes(value)) {
      values[spec.key] = value as boolean | string;
    } else {
      details.push({
        field: `options.${spec.key}`,
        reason: 'invalid_option',
        params: { option: spec.key, ...(spec.kind === 'choice' ? { choices: [...spec.choices] } : { expected: 'boolean' }) },
      });
    }
  }
  if (details.length) throw new AppError(CoreErrors['import.bad_options'], details, 'invalid import options');
  return values;
}

/** The stored options for display: what is still valid, defaults for the rest. */
function optionsInForce(importer: Importer, stored: Record<string, unknown>): ImportOptionValues {
  try {
    return resolveOptions(importer, stored);
  } catch {
    // The importer's options changed since the job was stored; the commit will say so.
    return resolveOptions(importer, {});
  }
}

/** Required fields of the importer that no column feeds. */
function missingFields(importer: Importer, mapping: readonly (string | null)[]): string[] {
  const fed = new Set(mapping);
  return importer.fields.filter((f) => f.required && !fed.has(f.key)).map((f) => f.key);
}

/**
 * The mapping asked for, checked: columns that exist, each at most once; fields the importer
 * has, each fed by at most one column; every required field fed. Columns not listed are not
 * imported. Every problem is reported at once (import.bad_mapping), each naming its field.
 */
export function resolveMapping(importer: Importer, headers: readonly string[], columns: MappingInput['columns']): (string | null)[] {
  const specs = new Map(importer.fields.map((f) => [f.key, f]));
  const mapping: (string | null)[] = headers.map(() => null);
  const details: ErrorDetail[] = [];
  const seenColumns = new Set<number>();
  const fedBy = new Map<string, number>();
  columns.forEach(({ index, field }, i) => {
    if (index >= headers.length) {
      details.push({ field: `columns.${i}.index`, reason: 'no_such_column', params: { index } });
      return;
    }
    const column = headers[index]!;
    if (seenColumns.has(index)) {
      details.push({ field: `columns.${i}.index`, reason: 'column_twice', params: { index, column } });
      return;
    }
    seenColumns.add(index);
    if (field === null) return;
    const spec = specs.get(field);
    if (!spec) {
      details.push({ field: `columns.${i}.field`, reason: 'unknown_field', params: { field, column } });
      return;
    }
    if (fedBy.has(field)) {
      details.push({ field: `columns.${i}.field`, reason: 'field_twice', params: { field, header: spec.header, column } });
      return;
    }
    fedBy.set(field, index);
    mapping[index] = field;
  });
  if (details.length === 0) {
    for (const key of missingFields(importer, mapping)) {
      details.push({ field: 'columns', reason: 'required_unmapped', params: { field: key, header: specs.get(key)!.header } });
    }
  }
  if (details.length) throw new AppError(CoreErrors['import.bad_mapping'], details, 'invalid column mapping');
  return mapping;
}

function columnSamples(headers: readonly string[], rows: readonly StoredRow[]): string[][] {
  const samples = headers.map((): string[] => []);
  let open = headers.length;
  for (const { c } of rows) {
    if (open === 0) break;
    for (let i = 0; i < c.length; i++) {
      const list = samples[i];
      if (!list || list.length >= COLUMN_SAMPLES || c[i] === '') continue;
      list.push(c[i]!.slice(0, SAMPLE_LENGTH));
      if (list.length === COLUMN_SAMPLES) open--;
    }
  }
  return samples;
}

const valuesOf = (rows: readonly StoredRow[], mapping: readonly (string | null)[]) =>
  rows.map((r) => ({ rowNumber: r.n, values: rowValues(r.c, mapping) }));

/** Runs the importer's check over the rows with this mapping and these options. */
async function check(
  db: Db,
  actor: Actor,
  importer: Importer,
  rows: readonly StoredRow[],
  mapping: (string | null)[],
  options: ImportOptionValues,
) {
  const missing = missingFields(importer, mapping);
  if (missing.length) return { outcome: { issues: [], creates: 0, updates: 0, missing }, sample: [] };
  const prepared = await importer.prepare(db, actor, valuesOf(rows, mapping), options);
  let creates = 0;
  for (const r of prepared.rows) if (r.action === 'create') creates++;
  return {
    outcome: { issues: prepared.issues, creates, updates: prepared.rows.length - creates, missing },
    sample: prepared.rows
      .slice(0, PREVIEW_SAMPLE)
      .map((r) => ({ row: r.rowNumber, action: r.action, ...importer.sample(r.value) }) as Record<string, unknown>),
  };
}

function toPreview(
  job: JobHead,
  p: Payload,
  importer: Importer,
  optionValues: ImportOptionValues,
  sample: Record<string, unknown>[],
): Preview {
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.file_name,
    status: job.status as Preview['status'],
    encoding: p.encoding,
    headerRow: p.headerRow,
    headers: p.headers.map((header, index) => ({ index, header, samples: p.samples[index] ?? [] })),
    columns: p.headers.map((header, index) => ({ index, header, field: p.mapping[index] ?? null })),
    fields: importer.fields.map((f) => ({ key: f.key, header: f.header, required: f.required === true })),
    missingFields: p.missing,
    options: (importer.options ?? []).map((o) => (o.kind === 'choice' ? { ...o, choices: [...o.choices] } : { ...o })),
    optionValues,
    totalRows: p.rows.length,
    validRows: p.missing.length ? 0 : p.rows.length - new Set(p.issues.map((i) => i.row)).size,
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

function parsePayload(raw: unknown): Payload {
  const payload = fromJson<Payload>(raw);
  // A job parsed by an older version has no cells by column; it is as good as expired.
  if (payload?.v !== PAYLOAD_VERSION) throw new AppError(CoreErrors['import.not_found']);
  return payload;
}

const storedOptions = (raw: unknown): Record<string, unknown> => fromJson<Record<string, unknown> | null>(raw) ?? {};

export function createImports({ db, audit, clock }: ImportDeps) {
  const head = ['id', 'kind', 'user_id', 'file_name', 'status', 'created_at'] as const;
  async function loadHead(actor: Actor, id: string): Promise<JobHead> {
    const job = await db.selectFrom('import_jobs').select(head).where('id', '=', id).executeTakeFirst();
    // Another user's job is reported as missing, not as forbidden: ids reveal nothing.
    if (!job || job.user_id !== actor.userId) throw new AppError(CoreErrors['import.not_found']);
    return job;
  }
  async function loadJob(actor: Actor, id: string) {
    const job = await db
      .selectFrom('import_jobs')
      .select([...head, 'payload', 'options'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!job || job.user_id !== actor.userId) throw new AppError(CoreErrors['import.not_found']);
    return { job: job as JobHead, payload: parsePayload(job.payload), options: storedOptions(job.options) };
  }

  return {
    /**
     * Reads the file and checks every row with the columns matched by their headers. A file
     * whose headers leave a required field without a column still becomes a job (flagged by
     * missingFields), so the person can map the column by hand.
     */
    async preview(
      actor: Actor,
      importer: Importer,
      file: { buffer: Buffer; fileName: string },
      requestedOptions: Record<string, unknown> = {},
    ): Promise<Preview> {
      const options = resolveOptions(importer, requestedOptions);
      const table = await readRawTable(file.buffer, file.fileName, { fields: importer.fields, maxRows: importer.maxRows });
      const rows = table.rows.map((r): StoredRow => ({ n: r.rowNumber, c: r.cells }));
      const mapping = table.columns.map((c) => c.field);
      const { outcome, sample } = await check(db, actor, importer, rows, mapping, options);
      const payload: Payload = {
        v: PAYLOAD_VERSION,
        format: table.format,
        encoding: table.encoding,
        headerRow: table.headerRow,
        headers: table.headers,
        samples: columnSamples(table.headers, rows),
        mapping,
        rows,
        ...outcome,
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
        .values({ ...job, options: toJson(options), payload: toJson(payload), result: null })
        .execute();
      return toPreview(job, payload, importer, options, sample);
    },

    async get(actor: Actor, id: string, importerOf: ImporterOf): Promise<Preview> {
      const { job, payload, options } = await loadJob(actor, id);
      const importer = importerOf(job.kind);
      return toPreview(job, payload, importer, optionsInForce(importer, options), []);
    },

    /**
     * Changes which column feeds which field and the options, then checks every row again with
     * them. Nothing is written but the job; only its owner can, and only before the commit.
     */
    async remap(actor: Actor, id: string, importerOf: ImporterOf, input: MappingInput): Promise<Preview> {
      const { job, payload } = await loadJob(actor, id);
      if (job.status !== 'preview') throw new AppError(CoreErrors['import.already_done']);
      const importer = importerOf(job.kind);
      const mapping = resolveMapping(importer, payload.headers, input.columns);
      const options = resolveOptions(importer, input.options);
      const { outcome, sample } = await check(db, actor, importer, payload.rows, mapping, options);
      const next: Payload = { ...payload, mapping, ...outcome };
      const updated = await db
        .updateTable('import_jobs')
        .set({ payload: toJson(next), options: toJson(options), updated_at: clock.now() })
        .where('id', '=', id)
        .where('status', '=', 'preview')
        .executeTakeFirst();
      // Committed (or discarded) while the rows were being checked.
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError(CoreErrors['import.already_done']);
      return toPreview(job, next, importer, options, sample);
    },

    /**
     * Re-validates against the data as it is now, with the job's mapping and options, and
     * writes every row in one transaction. Any error rolls the whole import back; the database
     * is left as it was.
     */
    async commit(actor: Actor, id: string, importerOf: ImporterOf, progress: (done: number, total: number) => Promise<void>) {
      const job = await loadHead(actor, id);
      if (job.status !== 'preview') throw new AppError(CoreErrors['import.already_done']);
      const imp = importerOf(job.kind);
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
        // Read after the claim: a mapping changed until then is the one imported.
        const stored = await trx.selectFrom('import_jobs').select(['payload', 'options']).where('id', '=', id).executeTakeFirstOrThrow();
        const payload = parsePayload(stored.payload);
        const missing = missingFields(imp, payload.mapping);
        if (missing.length) {
          throw new AppError(
            CoreErrors['import.bad_mapping'],
            missing.map((key) => ({
              field: 'columns',
              reason: 'required_unmapped',
              params: { field: key, header: imp.fields.find((f) => f.key === key)!.header },
            })),
          );
        }
        const options = resolveOptions(imp, storedOptions(stored.options));
        const prepared = await imp.prepare(trx, actor, valuesOf(payload.rows, payload.mapping), options);
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

    /**
     * The rows with errors, every column as uploaded, and what is wrong with each. A field is
     * named by the header of the column that feeds it, else by the importer's own header.
     */
    async errorReport(actor: Actor, id: string, format: 'xlsx' | 'csv', language: 'zh-CN' | 'en', importerOf: ImporterOf): Promise<Buffer> {
      const { job, payload } = await loadJob(actor, id);
      const fields = importerOf(job.kind).fields;
      const headerOf = new Map<string, string>();
      payload.mapping.forEach((field, i) => {
        if (field !== null) headerOf.set(field, payload.headers[i]!);
      });
      const bad = new Set(payload.issues.map((i) => i.row));
      const rows = payload.rows.filter((r) => bad.has(r.n)).map((r) => ({ rowNumber: r.n, cells: r.c }));
      return writeErrorReport(format, payload.headers, rows, payload.issues, (reason) => importReason(reason, language), {
        fieldLabel: (key) => headerOf.get(key) || fields.find((f) => f.key === key)?.header || key,
      });
    },

    async cancel(actor: Actor, id: string): Promise<void> {
      await loadHead(actor, id);
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
