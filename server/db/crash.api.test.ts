// A process killed in the middle of a write leaves the last good state: nothing of the
// unfinished transaction, an intact database, and a server that carries on.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, dialects, setupAdmin, type TestApp } from '../test/test-app.js';

function databaseUrl(t: TestApp): string {
  const d = t.config.database;
  return d.kind === 'postgres' ? d.url : `sqlite:${d.file}`;
}

for (const dialect of dialects()) {
  describe(`killed mid-write (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());

    it('keeps the last good state', async () => {
      const admin = await setupAdmin(t.app);
      assert.equal((await admin.post('/api/people', { name: '之前的人员', number: 'BEFORE' })).statusCode, 200);
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/crash-writer.ts', databaseUrl(t)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const people = (await admin.get('/api/people?pageSize=200')).json();
      assert.deepEqual(
        people.items.map((p: { name: string }) => p.name),
        ['之前的人员'],
      );
      const audit = (await admin.get('/api/audit?entityType=person&pageSize=200')).json();
      assert.equal(audit.total, 1, 'no audit entry of the lost transaction');
      if (dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.connection.db);
        assert.equal(check.rows[0]?.integrity_check, 'ok');
      }
      // The numbers the killed writer used are free again, and writing goes on.
      assert.equal((await admin.post('/api/people', { name: '之后的人员', number: 'K1' })).statusCode, 200);
      assert.equal((await admin.get(`/api/people?q=${encodeURIComponent('中断')}`)).json().total, 0);
    });
  });
}
