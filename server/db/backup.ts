// `sysward backup` / `sysward restore`: a consistent, dialect-neutral copy of every table and
// every attachment in one gzip'd file of JSON lines. Consistency: SQLite is first copied with
// its online backup API (a snapshot, while the server keeps running); PostgreSQL is read in one
// REPEATABLE READ transaction. Restore replaces everything in one transaction.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type QueryResult, type RawBuilder } from 'kysely';
import { createFileStore } from '../core/files.js';
import type { Connection } from './connect.js';
import type { Database } from './database.js';
import { rebuildSearchBodies, searchBodyTables } from './dialect.js';
import { migrations } from './migrations/index.js';

const FORMAT = 'sysward-backup';
const VERSION = 1;

interface Summary {
  tables: number;
  rows: number;
  files: number;
}

/** Tables that hold data, in an order where referenced tables come first. */
async function dataTables(db: Kysely<any>): Promise<string[]> {
  return (await dataTableMeta(db)).map((t) => t.name);
}

interface TableMeta {
  name: string;
  columns: string[];
  /** jsonb columns (PostgreSQL). */
  jsonColumns: Set<string>;
}

async function dataTableMeta(db: Kysely<any>): Promise<TableMeta[]> {
  const tables = (await db.introspection.getTables())
    // Kysely's bookkeeping, and the search side tables (rebuilt from search_text on restore).
    .filter((t) => !t.name.startsWith('kysely_') && !/_fts($|_)/.test(t.name));
  const names = tables.map((t) => t.name);
  const first = ['settings', 'departments', 'people', 'locations', 'dictionaries', 'users'];
  const order = [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n)).sort()];
  return order.map((name) => {
    const t = tables.find((x) => x.name === name)!;
    return {
      name,
      columns: t.columns.map((c) => c.name),
      jsonColumns: new Set(t.columns.filter((c) => /^jsonb?$/i.test(c.dataType)).map((c) => c.name)),
    };
  });
}

const PAGE = 5000;

/**
 * Every row of a table exactly once. PostgreSQL: a cursor inside the snapshot transaction (LIMIT
 * and OFFSET over a key with ties, such as the gram of a bigram table, may return a row twice and
 * another never), with jsonb read as its JSON text: parsed, a jsonb string scalar ("学校") would
 * come back as a bare string that is no longer JSON, and 'null' would become SQL NULL.
 * SQLite: keyset pages over the rowid of the private snapshot copy.
 */
async function* tableRows(db: Kysely<any>, kind: 'sqlite' | 'postgres', table: TableMeta): AsyncGenerator<Record<string, unknown>> {
  if (kind === 'postgres') {
    const list = table.columns.map((c) => (table.jsonColumns.has(c) ? sql`${sql.ref(c)}::text as ${sql.ref(c)}` : sql.ref(c)));
    await sql`declare sysward_backup no scroll cursor for select ${sql.join(list)} from ${sql.table(table.name)}`.execute(db);
    for (;;) {
      const page = await sql<Record<string, unknown>>`fetch forward ${sql.raw(String(PAGE))} from sysward_backup`.execute(db);
      yield* page.rows;
      if (page.rows.length < PAGE) break;
    }
    await sql`close sysward_backup`.execute(db);
    return;
  }
  const { wr } = (await sql<{ wr: number }>`select wr from pragma_table_list where name = ${table.name}`.execute(db)).rows[0] ?? { wr: 0 };
  if (wr) {
    yield* rowsByPrimaryKey(db, table.name);
    return;
  }
  let after: number | null = null;
  for (;;) {
    const where: RawBuilder<unknown> = after === null ? sql`` : sql`where rowid > ${after}`;
    const page: QueryResult<Record<string, unknown>> = await sql<
      Record<string, unknown>
    >`select rowid as sysward_rowid, * from ${sql.table(table.name)} ${where} order by rowid limit ${PAGE}`.execute(db);
    for (const { sysward_rowid, ...row } of page.rows) {
      after = Number(sysward_rowid);
      yield row;
    }
    if (page.rows.length < PAGE) break;
  }
}

/** SQLite tables WITHOUT ROWID (the monitoring results): keyset pages over the primary key. */
async function* rowsByPrimaryKey(db: Kysely<any>, name: string): AsyncGenerator<Record<string, unknown>> {
  const key = (await sql<{ name: string }>`select name from pragma_table_info(${name}) where pk > 0 order by pk`.execute(db)).rows.map(
    (r) => r.name,
  );
  const cols = sql.join(key.map((k) => sql.ref(k)));
  let after: unknown[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown> = after === null ? sql`` : sql`where (${cols}) > (${sql.join(after.map((v) => sql`${v}`))})`;
    const page: QueryResult<Record<string, unknown>> = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(name)} ${where} order by ${cols} limit ${PAGE}`.execute(db);
    yield* page.rows;
    const last = page.rows[page.rows.length - 1];
    if (page.rows.length < PAGE || !last) break;
    after = key.map((k) => last[k]);
  }
}

function encodeValue(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

export async function backupTo(conn: Connection, dataDir: string, file: string): Promise<Summary> {
  const summary: Summary = { tables: 0, rows: 0, files: 0 };
  const store = createFileStore(dataDir);
  let tmp: string | undefined;
  let snapshot: Kysely<Database> | undefined;

  async function* lines(db: Kysely<any>): AsyncGenerator<string> {
    yield (
      JSON.stringify({ format: FORMAT, version: VERSION, dialect: conn.kind, createdAt: Date.now(), migrations: Object.keys(migrations) }) +
      '\n'
    );
    const keys: string[] = [];
    for (const table of await dataTableMeta(db)) {
      summary.tables++;
      yield JSON.stringify({ table: table.name }) + '\n';
      for await (const row of tableRows(db, conn.kind, table)) {
        summary.rows++;
        if (table.name === 'attachments') keys.push(String(row.storage_key));
        yield JSON.stringify({ r: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)])) }) + '\n';
      }
    }
    for (const key of keys) {
      // Attachment bytes never change once written; a file deleted meanwhile is simply absent.
      const data = await store.read(key).catch(() => null);
      if (!data) continue;
      summary.files++;
      yield JSON.stringify({ file: key, data: data.toString('base64') }) + '\n';
    }
    yield JSON.stringify({ end: true, ...summary }) + '\n';
  }

  try {
    if (conn.kind === 'sqlite') {
      tmp = await mkdtemp(join(tmpdir(), 'sysward-backup-'));
      const copy = join(tmp, 'snapshot.db');
      await conn.sqlite!.backup(copy);
      snapshot = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(copy, { readonly: true }) }) });
      await pipeline(Readable.from(lines(snapshot)), createGzip(), createWriteStream(file, { mode: 0o600 }));
    } else {
      await conn.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await sql`set transaction read only`.execute(trx);
          await pipeline(Readable.from(lines(trx)), createGzip(), createWriteStream(file, { mode: 0o600 }));
        });
    }
  } finally {
    await snapshot?.destroy();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
  return summary;
}

function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '$b64' in v) return Buffer.from(String((v as { $b64: string }).$b64), 'base64');
  return v;
}

export async function restoreFrom(conn: Connection, dataDir: string, file: string): Promise<Summary> {
  const summary: Summary = { tables: 0, rows: 0, files: 0 };
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? null : JSON.parse(first.value);
  if (header?.format !== FORMAT || header.version !== VERSION) throw new Error('not a Sysward backup file');
  const known = Object.keys(migrations);
  if (header.migrations.some((m: string) => !known.includes(m))) throw new Error('the backup comes from a newer Sysward; upgrade first');

  const store = createFileStore(dataDir);
  const files: { key: string; data: Buffer }[] = [];
  const db = conn.db as Kysely<any>;
  await db.transaction().execute(async (trx) => {
    const tables = await dataTables(trx);
    // The audit trail refuses deletes by trigger; a restore replaces it wholesale, so the
    // triggers are lifted inside this transaction only, and foreign keys checked at commit.
    // Nothing here needs a superuser: the tables' owner (the application's role) may do it all.
    const ftsTables = await searchBodyTables(trx);
    if (conn.kind === 'postgres') {
      const fks = await sql<{
        tbl: string;
        name: string;
      }>`select conrelid::regclass::text as tbl, conname as name from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(
        trx,
      );
      // Deferrable but still checked immediately in normal use; deferred only in this transaction.
      for (const fk of fks.rows)
        await sql`alter table ${sql.raw(fk.tbl)} alter constraint ${sql.id(fk.name)} deferrable initially immediate`.execute(trx);
      await sql`set constraints all deferred`.execute(trx);
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(trx);
    } else {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql`drop trigger if exists audit_log_no_update`.execute(trx);
      await sql`drop trigger if exists audit_log_no_delete`.execute(trx);
    }
    for (const t of [...tables].reverse()) await trx.deleteFrom(t).execute();

    let table: string | null = null;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (table && batch.length) await trx.insertInto(table).values(batch).execute();
      batch = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) throw new Error('the backup file is truncated');
      const line = JSON.parse(next.value);
      if (line.table) {
        await flush();
        if (!tables.includes(line.table)) throw new Error(`unknown table ${line.table} in backup`);
        table = line.table;
        summary.tables++;
      } else if (line.r) {
        summary.rows++;
        batch.push(Object.fromEntries(Object.entries(line.r).map(([k, v]) => [k, decodeValue(v)])));
        if (batch.length >= 200) await flush();
      } else if (line.file) {
        files.push({ key: line.file, data: Buffer.from(line.data, 'base64') });
      } else if (line.end) {
        await flush();
        break;
      }
    }

    for (const fts of ftsTables) await rebuildSearchBodies(trx, fts);
    if (conn.kind === 'sqlite') {
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
        trx,
      );
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
        trx,
      );
    } else {
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(trx);
      // Identity columns continue after the restored ids.
      for (const t of tables) {
        const hasId = await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.columns where table_name = ${t} and column_name = 'id' and is_identity = 'YES'`.execute(
          trx,
        );
        if (hasId.rows[0]?.n) {
          await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(
            trx,
          );
        }
      }
    }
  });
  // Files after the commit: unknown bytes on disk are harmless, a row without its file is not.
  for (const f of files) {
    await store.writeKey(f.key, f.data);
    summary.files++;
  }
  return summary;
}
