// A job tick that fires on several instances at once runs on one of them (PostgreSQL advisory
// lock); on SQLite there is only one instance, so it simply runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runOnce } from './scheduler.js';
import { connect, type Connection } from '../db/connect.js';
import { buildTestApp, dialects, type TestApp } from '../test/test-app.js';

for (const dialect of dialects()) {
  describe(`runOnce (${dialect})`, () => {
    let t: TestApp;
    let second: Connection;
    before(async () => {
      t = await buildTestApp(dialect);
      second = dialect === 'postgres' ? connect(t.config.database) : t.connection;
    });
    after(async () => {
      if (second !== t.connection) await second.close();
      await t.close();
    });

    it('runs a tick once across two instances', async () => {
      let runs = 0;
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const slow = async () => {
        runs++;
        await held;
      };
      const first = runOnce(t.connection.db, t.connection.kind, 'test.job', slow);
      await new Promise((r) => setTimeout(r, 100));
      const other = runOnce(second.db, second.kind, 'test.job', async () => void runs++);
      if (dialect === 'postgres') {
        await other;
        assert.equal(runs, 1, 'the second instance skipped the tick');
      }
      release();
      await Promise.all([first, other]);
      if (dialect === 'sqlite') assert.equal(runs, 2);
      // Once the first run is over, the next tick runs again.
      await runOnce(second.db, second.kind, 'test.job', async () => void runs++);
      assert.equal(runs, dialect === 'postgres' ? 2 : 3);
    });
  });
}
