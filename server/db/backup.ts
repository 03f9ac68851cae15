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
import { Kysely, SqliteDialect, sql } from 'kysely';
import { createFileStore } from '../core/files.js';
import type { Connection } from './connect.js';
import type { Database } from './database.js';
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
  const tables = await db.introspection.getTables();
  const names = tables
    .map((t) => t.name)
    // Kysely's bookkeeping, and SQLite FTS tables (rebuilt from search_text on restore).
    .filter((n) => !n.startsWith('kysely_') && !/_fts($|_)/.test(n));
  const first = ['settings', 'departments', 'people', 'locations', 'dictionaries', 'users'];
  return [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n)).sort()];
}

function encodeValue(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
  // jsonb columns come back parsed from PostgreSQL; keep them as their JSON text, like SQLite.
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

export async function backupTo(conn: Connection, dataDir: string, file: string): Promise<Summary> {
  const summary: Summary = { tables: 0, rows: 0, files: 0 };
  const store = createFileStore(dataDir);
  let tmp: string | undefined;
  let snapshot: Kysely<Database> | undefined;

  async function* lines(db: Kysely<any>): AsyncGenerator<string> {
    yield JSON.stringify({ format: FORMAT, version: VERSION, dialect: conn.kind, createdAt: Date.now(), migrations: Object.keys(migrations) }) + '\n';
    const keys: string[] = [];
    for (const table of await dataTables(db)) {
      summary.tables++;
      yield JSON.stringify({ table }) + '\n';
      let offset = 0;
      for (;;) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1 limit 5000 offset ${offset}`.execute(db);
        for (const row of rows.rows) {
          summary.rows++;
          if (table === 'attachments') keys.push(String(row.storage_key));
          yield JSON.stringify({ r: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)])) }) + '\n';
        }
        if (rows.rows.length < 5000) break;
        offset += 5000;
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
      await conn.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
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
    if (conn.kind === 'postgres') {
      await sql`set local session_replication_role = replica`.execute(trx);
    } else {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql`drop trigger if exists audit_log_no_update`.execute(trx);
      await sql`drop trigger if exists audit_log_no_delete`.execute(trx);
    }
    for (const t of [...tables].reverse()) await trx.deleteFrom(t).execute();
    if (conn.kind === 'sqlite') {
      for (const t of ['people', 'departments', 'locations']) await sql`delete from ${sql.table(`${t}_fts`)}`.execute(trx);
    }

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

    if (conn.kind === 'sqlite') {
      for (const t of ['people', 'departments', 'locations']) {
        await sql`insert into ${sql.table(`${t}_fts`)} (rowid, body) select id, search_text from ${sql.table(t)}`.execute(trx);
      }
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(trx);
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(trx);
    } else {
      // Identity columns continue after the restored ids.
      for (const t of tables) {
        const hasId = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_name = ${t} and column_name = 'id' and is_identity = 'YES'`.execute(trx);
        if (hasId.rows[0]?.n) {
          await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(trx);
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

