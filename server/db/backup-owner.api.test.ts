// Restore on PostgreSQL as the application's own role (no superuser), with rows whose order in
// the file does not follow their references (a parent department created after its child).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testSettings } from '../config.js';
import { systemActor } from '../core/actor.js';
import { standaloneDeps } from '../core/standalone.js';
import { createDepartmentsService } from '../modules/org/index.js';
import { backupTo, restoreFrom } from './backup.js';
import { connect, type Connection } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { dialects } from '../test/test-app.js';

if (dialects().includes('postgres')) {
  describe('restore as a non-superuser owner (postgres)', () => {
    const adminUrl = testSettings().postgresUrl!;
    const name = `sw_owner_${process.pid}_${Date.now()}`;
    let conn: Connection;
    let dir: string;
    const admin = async (query: string) => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(query);
      await c.end();
    };
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'sysward-owner-'));
      await admin(`create role ${name} login nosuperuser nocreatedb nocreaterole`);
      await admin(`create database ${name} owner ${name}`);
      const url = new URL(adminUrl);
      url.username = name;
      url.pathname = `/${name}`;
      conn = connect({ kind: 'postgres', url: url.toString(), poolSize: 2 });
      await migrateToLatest(conn.db);
    });
    after(async () => {
      await conn?.close();
      await admin(`drop database if exists ${name} with (force)`);
      await admin(`drop role if exists ${name}`);
      await rm(dir, { recursive: true, force: true });
    });

    it('restores exactly, parents written after their children included', async () => {
      const departments = createDepartmentsService(standaloneDeps(conn.db));
      const actor = systemActor('test');
      const child = await departments.create(actor, {
        name: '网络组',
        code: null,
        parentId: null,
        headPersonId: null,
        sortOrder: 0,
        notes: '',
      });
      const parent = await departments.create(actor, {
        name: '信息中心',
        code: 'XX',
        parentId: null,
        headPersonId: null,
        sortOrder: 0,
        notes: '',
      });
      await departments.update(actor, child.id, { parentId: parent.id });
      const file = join(dir, 'backup.gz');
      await backupTo(conn, dir, file);
      await departments.create(actor, { name: '备份之后', code: null, parentId: null, headPersonId: null, sortOrder: 0, notes: '' });
      await restoreFrom(conn, dir, file);
      const rows = await conn.db.selectFrom('departments').select(['id', 'name', 'parent_id']).orderBy('id').execute();
      assert.deepEqual(rows, [
        { id: child.id, name: '网络组', parent_id: parent.id },
        { id: parent.id, name: '信息中心', parent_id: null },
      ]);
      // The audit trail is append-only again, and references are enforced again.
      await assert.rejects(conn.db.deleteFrom('audit_log').execute());
      await assert.rejects(conn.db.updateTable('departments').set({ parent_id: 999999 }).where('id', '=', child.id).execute());
    });
  });
}
