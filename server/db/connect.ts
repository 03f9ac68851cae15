// Opens Kysely on SQLite (embedded default) or PostgreSQL, chosen once from the config.
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

export function connect(database: Config['database']): Connection {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', sqlite, close: () => db.destroy() };
}
