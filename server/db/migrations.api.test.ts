// Upgrading a database that already holds data: the migration that added pinyin sort keys fills
// them for rows written before it; PostgreSQL's search moves to its side tables with the rows.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import pg from 'pg';
import { testSettings } from '../config.js';
import { connect, type Connection } from './connect.js';
import { migrateToLatest, migrationsCurrent } from './migrate.js';
import { migrations } from './migrations/index.js';
import * as searchBodies from './migrations/2026120410_search_bodies.js';
import { planSearch } from './dialect.js';
import { dialects } from '../test/test-app.js';

const names = Object.keys(migrations);
const BEFORE_SORT_KEYS = names[names.indexOf('2026112904_name_sort') - 1]!;

for (const dialect of dialects()) {
  describe(`upgrading a database with data (${dialect})`, () => {
    let conn: Connection;
    let cleanup: () => Promise<void>;
    before(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sysward-migrate-'));
      if (dialect === 'sqlite') {
        conn = connect({ kind: 'sqlite', file: join(dir, 'old.db') });
        cleanup = () => rm(dir, { recursive: true, force: true });
      } else {
        const adminUrl = testSettings().postgresUrl!;
        const name = `sw_migrate_${process.pid}_${Date.now()}`;
        const run = async (q: string) => {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(q);
          await c.end();
        };
        await run(`create database ${name}`);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        conn = connect({ kind: 'postgres', url: url.toString(), poolSize: 2 });
        cleanup = async () => {
          await run(`drop database if exists ${name} with (force)`);
          await rm(dir, { recursive: true, force: true });
        };
      }
    });
    after(async () => {
      await conn.close();
      await cleanup();
    });

    it('fills pinyin sort keys for existing people, departments and locations', async () => {
      const migrator = new Migrator({ db: conn.db, provider: { getMigrations: async () => migrations } });
      const partial = await migrator.migrateTo(BEFORE_SORT_KEYS);
      assert.equal(partial.error, undefined);
      assert.equal(await migrationsCurrent(conn.db), false);
      const db = conn.db as unknown as Kysely<any>;
      await db.insertInto('departments').values({ name: '信息中心', created_at: 1, updated_at: 1 }).execute();
      await db.insertInto('people').values({ name: '张伟', kind: 'employee', status: 'active', created_at: 1, updated_at: 1 }).execute();
      await db.insertInto('locations').values({ name: '机房101', kind: 'machine_room', created_at: 1, updated_at: 1 }).execute();
      await migrateToLatest(conn.db);
      assert.equal(await migrationsCurrent(conn.db), true);
      assert.equal((await conn.db.selectFrom('people').select('name_sort').executeTakeFirstOrThrow()).name_sort, 'zhang wei');
      assert.equal((await conn.db.selectFrom('departments').select('name_sort').executeTakeFirstOrThrow()).name_sort, 'xin xi zhong xin');
      assert.equal((await conn.db.selectFrom('locations').select('name_sort').executeTakeFirstOrThrow()).name_sort, 'ji fang 0000000101');
    });

    // SQLite has always had its side tables (FTS5).
    if (dialect === 'postgres')
      it('moves a PostgreSQL table searched by a trigram index on its own rows to the narrow side table', async () => {
        const db = conn.db as unknown as Kysely<any>;
        // The shape before 2026120410: no side table, the trigram index on the wide table.
        await sql`drop table people_fts`.execute(db);
        await sql`create index people_search_trgm on people using gin (search_text gin_trgm_ops)`.execute(db);
        await db
          .insertInto('people')
          .values({ name: '网络中心王芳', kind: 'employee', status: 'active', search_text: '网络中心王芳', created_at: 1, updated_at: 1 })
          .execute();
        await searchBodies.up(db);
        const plan = await planSearch(db, 'people', '络中心王');
        const found = await db.selectFrom('people').select('name').where(plan.condition).execute();
        assert.deepEqual(
          found.map((r) => r.name),
          ['网络中心王芳'],
        );
        const old = await sql`select 1 from pg_indexes where indexname = 'people_search_trgm'`.execute(db);
        assert.equal(old.rows.length, 0);
      });
  });
}
