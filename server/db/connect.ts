// Opens Kysely on SQLite (embedded default) or PostgreSQL, chosen once from the config.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from './database.js';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

// int8 (counts, epoch milliseconds) and numeric come back as strings from pg; every value we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// json/jsonb come back as their text, exactly like SQLite's text columns, so fromJson() in
// dialect.ts has one input shape (a parsed jsonb string value would otherwise be re-parsed).
pg.types.setTypeParser(114, (v) => v);
pg.types.setTypeParser(3802, (v) => v);

export interface Connection {
  db: Db;
  kind: DbKind;
  /** The raw better-sqlite3 handle, for online backup; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Kysely prepares every query anew, which costs about a fifth of a simple request on SQLite.
 * Statements are kept per SQL text (bounded, least recently used dropped); one still being
 * iterated is never handed out twice.
 */
function cachePreparedStatements(sqlite: SQLite.Database, max = 500): void {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const stmt = prepare(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * PostgreSQL parses and plans an unnamed statement on every call. Naming a SQL text makes pg
 * prepare it once per connection, and PostgreSQL soon reuses a generic plan for it: right for
 * lookups by key, the bulk of the traffic, but wrong where the best plan depends on the value (a
 * rare or a common search term, a short or a long id list), so those stay unnamed and are
 * planned per call. Kysely's SQL texts are few and stable, so the named set stays small.
 */
const VALUE_DEPENDENT = /\blike\b|\bany\(|\bunnest\(|json_each|\bmatch\b/i;
function prepareNamedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const stale = new Set<string>();
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown) => {
      if (typeof text !== 'string' || !Array.isArray(values) || VALUE_DEPENDENT.test(text)) return query(text, values);
      const name = `sw_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
      if (stale.has(name)) return query(text, values);
      // After a migration by another instance, a prepared `select *` no longer fits its table
      // ("cached plan must not change result type"): from then on that text runs unnamed here.
      return (query({ text, values, name }) as Promise<unknown>).catch((err: { code?: string }) => {
        if (err?.code !== '0A000') throw err;
        stale.add(name);
        return query(text, values);
      });
    };
  });
}

export function connect(database: Config['database']): Connection {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
    prepareNamedStatements(pool);
    // A dropped connection must not crash the process; the next query gets a fresh one.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Let the planner gather the statistics it lacks (cheap, bounded); a daily job repeats it.
  sqlite.pragma('optimize = 0x10002');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', sqlite, close: () => db.destroy() };
}
