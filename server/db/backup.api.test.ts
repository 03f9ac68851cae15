// Backup and restore on both dialects, in-process against a running app, and once through the
// `sysward` command on SQLite: every table comes back exactly as it was at backup time, search
// still works for two- and three-character Chinese terms, and new rows get fresh ids.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { projectRoot } from '../core/paths.js';
import { ADMIN, buildTestApp, dialects, setupAdmin, signIn, userWithRoles, type Client, type TestApp } from '../test/test-app.js';
import { TINY_PNG, createDepartment, createPerson, fails, ok, upload } from '../test/fixtures.js';
import { backupTo, restoreFrom } from './backup.js';
import { fromJson, toJson } from './dialect.js';

const run = promisify(execFile);

/** JSON text in a canonical form: PostgreSQL's jsonb reorders keys and adds spaces. */
function canonical(v: unknown): unknown {
  if (typeof v === 'string' && /^[[{]/.test(v)) {
    try {
      return canonical(JSON.parse(v) as unknown);
    } catch {
      return v;
    }
  }
  if (Array.isArray(v)) return JSON.stringify(v.map((x) => canonical(JSON.stringify(x))));
  if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
    return JSON.stringify(
      Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, canonical(x)]),
      ),
    );
  }
  return v;
}

/** Every data table, rows in a canonical order, values normalised across drivers. */
async function dump(db: Kysely<any>): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_') && !/_fts($|_)/.test(n));
  const out: Record<string, string[]> = {};
  for (const table of tables.sort()) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.rows
      .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : canonical(v)])))
      .sort();
  }
  return out;
}

function assertSameData(actual: Record<string, string[]>, expected: Record<string, string[]>) {
  assert.deepEqual(Object.keys(actual), Object.keys(expected));
  for (const table of Object.keys(expected)) {
    assert.equal(actual[table]!.length, expected[table]!.length, `row count of ${table}`);
    assert.deepEqual(actual[table], expected[table], `rows of ${table}`);
  }
}

const signInAs = (t: TestApp, login: string) => signIn(t.app, login, login === 'admin' ? ADMIN.password : '');

const search = async (client: Client, path: string, q: string) =>
  ok(await client.get(`${path}?q=${encodeURIComponent(q)}&pageSize=200`))
    .items.map((x: { name: string }) => x.name)
    .sort();

for (const dialect of dialects()) {
  describe(`backup and restore (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let tmp: string;

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      tmp = await mkdtemp(join(tmpdir(), 'sysward-backup-test-'));
    });
    after(async () => {
      await t.close();
      await rm(tmp, { recursive: true, force: true });
    });

    it('restores every table, the attachment bytes and working search; new rows get fresh ids', async () => {
      // ---- data at backup time
      // JSON values as the settings table keeps them: a string scalar and a JSON null.
      await t.connection.db
        .insertInto('settings')
        .values({ key: 'test.motto', value: toJson('团结 勤奋'), updated_at: 1 })
        .execute();
      await t.connection.db
        .insertInto('settings')
        .values({ key: 'test.nothing', value: toJson(null), updated_at: 1 })
        .execute();
      const info = await createDepartment(admin, { name: '信息中心', code: 'XX' });
      const net = await createDepartment(admin, { name: '网络管理组', code: 'XX-WL', parentId: info.id });
      // A parent created after its child (a higher id), so rows cannot simply go in id order.
      const top = await createDepartment(admin, { name: '校长办公室', code: 'XZ' });
      ok(await admin.patch(`/api/departments/${info.id}`, { parentId: top.id }));
      const zw = await createPerson(admin, {
        name: '张伟',
        number: 'T001',
        departmentId: net.id,
        email: 'zw@example.com',
        notes: '{"看起来":"像 JSON"}',
      });
      const oy = await createPerson(admin, { name: '欧阳娜娜', number: 'T002', departmentId: info.id, phone: '13800138000' });
      const lw = await createPerson(admin, { name: '刘伟', number: 'T003' });
      ok(await admin.patch(`/api/departments/${net.id}`, { headPersonId: zw.id }));
      await userWithRoles(t.app, admin, ['technician'], oy.id);
      const att = ok(
        await upload(
          admin,
          '/api/attachments',
          { fileName: '工牌.png', data: TINY_PNG, contentType: 'image/png' },
          { entityType: 'person', entityId: String(lw.id) },
        ),
      );
      const text = Buffer.from('核心交换机配置\n'.repeat(50));
      const att2 = ok(
        await upload(
          admin,
          '/api/attachments',
          { fileName: 'switch.cfg', data: text },
          { entityType: 'department', entityId: String(net.id) },
        ),
      );
      // Enough index rows sharing one key to cross the backup's page size several times.
      const grams = Array.from({ length: 12_000 }, (_, i) => ({ gram: '测试', id: 1_000_000 + i }));
      for (let i = 0; i < grams.length; i += 1000)
        await t.connection.db
          .insertInto('people_grams' as never)
          .values(grams.slice(i, i + 1000) as never)
          .execute();

      const auditPage = ok(await admin.get('/api/audit?pageSize=1'));
      const auditAtBackup = auditPage.total;
      const lastAuditId = auditPage.items[0].id;
      const peopleAtBackup = ok(await admin.get('/api/people?pageSize=200')).items;
      const maxPersonId = Math.max(...peopleAtBackup.map((p: { id: number }) => p.id));
      const snapshot = await dump(t.connection.db);
      assert.ok(snapshot.audit_log!.length >= 10);
      const file = join(tmp, `sysward-${dialect}.backup`);
      const summary = await backupTo(t.connection, t.config.dataDir, file);
      assert.equal(summary.files, 2);
      assert.ok(summary.rows > 12_000);
      // The file is private and every line is one JSON record.
      const lines = gunzipSync(await readFile(file))
        .toString('utf8')
        .trim()
        .split('\n');
      assert.equal(JSON.parse(lines[0]!).format, 'sysward-backup');
      assert.deepEqual(JSON.parse(lines.at(-1)!), { end: true, ...summary });

      // ---- changes after the backup
      ok(await admin.patch(`/api/people/${zw.id}`, { name: '张伟伟', phone: '13900000000' }));
      ok(await admin.delete(`/api/attachments/${att.id}`));
      ok(await admin.delete(`/api/people/${lw.id}`));
      ok(await admin.delete(`/api/attachments/${att2.id}`));
      const later = await createPerson(admin, { name: '新来的同事', number: 'T100' });
      const laterDep = await createDepartment(admin, { name: '后勤处', code: 'HQ' });
      await t.connection.db
        .updateTable('settings')
        .set({ value: toJson('改了') })
        .where('key', '=', 'test.motto')
        .execute();
      await t.ctx.events.idle();
      await t.connection.db
        .deleteFrom('people_grams' as never)
        .where('gram' as never, '=', '测试' as never)
        .execute();
      fails(await admin.get(`/api/attachments/${att.id}/download`), 404);

      // ---- restore while the app keeps running
      const restored = await restoreFrom(t.connection, t.config.dataDir, file);
      assert.equal(restored.rows, summary.rows);
      assert.equal(restored.files, 2);
      assertSameData(await dump(t.connection.db), snapshot);

      // Through the API: the same people, settings, audit trail and attachment bytes.
      assert.deepEqual(ok(await admin.get('/api/people?pageSize=200')).items, peopleAtBackup);
      assert.equal(ok(await admin.get('/api/audit?pageSize=1')).total, auditAtBackup);
      const motto = await t.connection.db
        .selectFrom('settings')
        .select((t.dialect === 'postgres' ? sql<string>`value::text` : sql<string>`value`).as('v'))
        .where('key', '=', 'test.motto')
        .executeTakeFirstOrThrow();
      assert.equal(fromJson(motto.v), '团结 勤奋');
      fails(await admin.get(`/api/people/${later.id}`), 404, 'resource.not_found');
      fails(await admin.get(`/api/departments/${laterDep.id}`), 404, 'resource.not_found');
      assert.deepEqual((await admin.get(`/api/attachments/${att.id}/download`)).rawPayload, TINY_PNG);
      assert.deepEqual((await admin.get(`/api/attachments/${att2.id}/download`)).rawPayload, text);

      // Search: two characters (bigram table), three and more (FTS5 trigram / pg_trgm), one (scan).
      assert.deepEqual(await search(admin, '/api/people', '张伟'), ['张伟']);
      assert.deepEqual(await search(admin, '/api/people', '刘伟'), ['刘伟']);
      assert.deepEqual(await search(admin, '/api/people', '欧阳娜'), ['欧阳娜娜']);
      assert.deepEqual(await search(admin, '/api/people', '伟'), ['刘伟', '张伟']);
      assert.deepEqual(await search(admin, '/api/people', '新来'), []);
      assert.deepEqual(await search(admin, '/api/people', '张伟伟'), []);
      assert.deepEqual(await search(admin, '/api/departments', '网络'), ['网络管理组']);
      assert.deepEqual(await search(admin, '/api/departments', '网络管理'), ['网络管理组']);
      assert.deepEqual(await search(admin, '/api/departments', '后勤'), []);

      // New rows after the restore: fresh ids in every table, and searchable at once.
      const fresh = await createPerson(admin, { name: '王小明', number: 'T200', departmentId: net.id });
      assert.ok(fresh.id > maxPersonId, `${fresh.id} > ${maxPersonId}`);
      assert.deepEqual(await search(admin, '/api/people', '小明'), ['王小明']);
      assert.deepEqual(await search(admin, '/api/people', '王小明'), ['王小明']);
      const freshDep = await createDepartment(admin, { name: '总务处', code: 'ZW' });
      assert.ok(freshDep.id > Math.max(info.id, net.id, top.id));
      const freshAtt = ok(
        await upload(
          admin,
          '/api/attachments',
          { fileName: 'new.png', data: TINY_PNG },
          { entityType: 'person', entityId: String(fresh.id) },
        ),
      );
      assert.ok(freshAtt.id > Math.max(att.id, att2.id));
      await userWithRoles(t.app, admin, ['auditor']);
      const trail = ok(await admin.get('/api/audit?pageSize=1'));
      assert.ok(trail.total >= auditAtBackup + 4, `${trail.total}`);
      assert.ok(trail.items[0].id > lastAuditId);
    });

    it('organisation settings survive a backup and restore', async () => {
      ok(await admin.put('/api/settings', { orgName: '第一中学', sessionLifetimeHours: 24 }));
      const file = join(tmp, `settings-${dialect}.backup`);
      await backupTo(t.connection, t.config.dataDir, file);
      ok(await admin.put('/api/settings', { orgName: '改名以后', sessionLifetimeHours: 8 }));
      await restoreFrom(t.connection, t.config.dataDir, file);
      const settings = ok(await admin.get('/api/settings'));
      assert.equal(settings.orgName, '第一中学');
      assert.equal(settings.sessionLifetimeHours, 24);
    });

    it('a backup taken while people are being written is a consistent snapshot', async () => {
      const file = join(tmp, `concurrent-${dialect}.backup`);
      const writes = Promise.all(Array.from({ length: 20 }, (_, i) => createPerson(admin, { name: `并发写入${i}`, number: `W${i}` })));
      const backup = backupTo(t.connection, t.config.dataDir, file);
      await Promise.all([writes, backup]);
      await restoreFrom(t.connection, t.config.dataDir, file);
      const people = await t.connection.db.selectFrom('people').select(['id', 'name']).where('number', 'like', 'W%').execute();
      // Whatever subset made it in, each person came with its audit entry and its search entry.
      for (const p of people) {
        const audit = ok(await admin.get(`/api/audit?entityType=person&entityId=${p.id}&action=create`));
        assert.equal(audit.total, 1, p.name);
        assert.ok((await search(admin, '/api/people', p.name)).includes(p.name), p.name);
      }
      const creates = ok(await admin.get('/api/audit?entityType=person&action=create&pageSize=200')).items.filter(
        (e: { summary: string }) => e.summary.startsWith('并发写入'),
      );
      assert.equal(creates.length, people.length);
    });

    it('a file that is not a backup, or a truncated one, changes nothing', async () => {
      const snapshot = await dump(t.connection.db);
      const junk = join(tmp, 'junk.backup');
      await writeFile(junk, gzipSync(Buffer.from('{"hello":"world"}\n')));
      await assert.rejects(restoreFrom(t.connection, t.config.dataDir, junk), /not a Sysward backup/);
      const good = join(tmp, `good-${dialect}.backup`);
      await backupTo(t.connection, t.config.dataDir, good);
      // The header and some tables, but no end record: refused, and the database untouched.
      const text = gunzipSync(await readFile(good))
        .toString('utf8')
        .split('\n');
      const cut = join(tmp, 'cut.backup');
      await writeFile(cut, gzipSync(Buffer.from(text.slice(0, Math.floor(text.length / 2)).join('\n') + '\n')));
      await assert.rejects(restoreFrom(t.connection, t.config.dataDir, cut), /truncated/);
      // A gzip stream cut in the middle is an error too, not a hang.
      const raw = await readFile(good);
      const torn = join(tmp, 'torn.backup');
      await writeFile(torn, raw.subarray(0, Math.floor(raw.length / 2)));
      await assert.rejects(restoreFrom(t.connection, t.config.dataDir, torn));
      assertSameData(await dump(t.connection.db), snapshot);
      // The audit trail is append-only again after the failed restores.
      await assert.rejects(t.connection.db.deleteFrom('audit_log').execute());
    });

    if (dialect === 'sqlite') {
      it('the sysward command backs up and restores a running installation', async () => {
        // Only what the command needs: the child must not pick up this process's settings.
        const env = {
          SYSWARD_DATA_DIR: t.config.dataDir,
          SYSWARD_DATABASE_URL: `sqlite:${(t.config.database as { file: string }).file}`,
          SYSWARD_LOG_LEVEL: 'silent',
        };
        const cli = (...args: string[]) =>
          run(process.execPath, ['--import', 'tsx', join(projectRoot(), 'server', 'cli.ts'), ...args], { env, cwd: projectRoot() });
        const file = join(tmp, 'cli.backup');
        const people = ok(await admin.get('/api/people?pageSize=200')).items;
        const out = await cli('backup', file);
        assert.match(out.stdout, /^backup written to .*cli\.backup: \d+ rows in \d+ tables, \d+ attachments/);
        const gone = people[0];
        ok(await admin.patch(`/api/people/${gone.id}`, { name: '改过的名字' }));
        await createPerson(admin, { name: '备份之后', number: 'CLI1' });
        const res = await cli('restore', file);
        assert.match(res.stdout, /^restored from .*: \d+ rows in \d+ tables, \d+ attachments/);
        assert.deepEqual(ok(await admin.get('/api/people?pageSize=200')).items, people);
        assert.deepEqual(await search(admin, '/api/people', '备份之后'), []);
        // A bad file: a non-zero exit and a message, not a stack trace.
        await writeFile(join(tmp, 'bad.backup'), 'not gzip at all');
        await assert.rejects(cli('restore', join(tmp, 'bad.backup')), (err: { code: number; stderr: string }) => {
          assert.equal(err.code, 1);
          assert.doesNotMatch(err.stderr, /\n\s+at /);
          return true;
        });
      });
    }
  });
}

if (dialects().includes('postgres')) {
  describe('backup and restore across dialects', () => {
    it('a SQLite backup restores into PostgreSQL and back, every table intact', async () => {
      const tmp = await mkdtemp(join(tmpdir(), 'sysward-cross-'));
      const lite = await buildTestApp('sqlite');
      const pgApp = await buildTestApp('postgres');
      try {
        const a = await setupAdmin(lite.app);
        const dep = await createDepartment(a, { name: '信息中心', code: 'XX' });
        const p = await createPerson(a, { name: '欧阳娜娜', number: 'X1', departmentId: dep.id });
        ok(await upload(a, '/api/attachments', { fileName: 'a.png', data: TINY_PNG }, { entityType: 'person', entityId: String(p.id) }));
        await lite.connection.db
          .insertInto('settings')
          .values({ key: 'test.motto', value: toJson('团结'), updated_at: 1 })
          .execute();
        // Monitoring results live in a table WITHOUT ROWID on SQLite: pages over its composite key,
        // with enough rows to cross the backup's page size.
        const m = ok(await a.post('/api/monitors', { name: '交换机', target: { kind: 'tcp', host: '127.0.0.1', port: 22 } }));
        const results = Array.from({ length: 12_000 }, (_, i) => ({
          monitor_id: m.monitor.id as number,
          at: 1_700_000_000_000 + i * 1000,
          state: i % 7 ? 'o' : 'c',
          latency_ms: i % 7 ? 1.5 : null,
          value: null,
          reason: i % 7 ? null : 'timeout',
        }));
        for (let i = 0; i < results.length; i += 1000)
          await lite.connection.db
            .insertInto('monitor_results')
            .values(results.slice(i, i + 1000))
            .execute();
        const fromLite = await dump(lite.connection.db);
        assert.equal(fromLite.monitor_results?.length, 12_000);
        const file = join(tmp, 'lite.backup');
        await backupTo(lite.connection, lite.config.dataDir, file);
        await restoreFrom(pgApp.connection, pgApp.config.dataDir, file);
        const back = join(tmp, 'pg.backup');
        await backupTo(pgApp.connection, pgApp.config.dataDir, back);
        // Signed in on PostgreSQL with the SQLite installation's account, search works.
        const admin = await signInAs(pgApp, 'admin');
        assert.deepEqual(await search(admin, '/api/people', '欧阳'), ['欧阳娜娜']);
        assert.deepEqual(await search(admin, '/api/people', '欧阳娜'), ['欧阳娜娜']);
        const lite2 = await buildTestApp('sqlite');
        try {
          await restoreFrom(lite2.connection, lite2.config.dataDir, back);
          assertSameData(await dump(lite2.connection.db), fromLite);
        } finally {
          await lite2.close();
        }
      } finally {
        await lite.close();
        await pgApp.close();
        await rm(tmp, { recursive: true, force: true });
      }
    });
  });
}
