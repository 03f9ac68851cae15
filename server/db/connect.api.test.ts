// PostgreSQL named statements: a statement prepared before another instance changed the table
// keeps working (it falls back to an unnamed one on that connection).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { connect, type Connection } from './connect.js';
import { buildTestApp, dialects, type TestApp } from '../test/test-app.js';

if (dialects().includes('postgres')) {
  describe('named statements survive a schema change (postgres)', () => {
    let t: TestApp;
    let other: Connection;
    before(async () => {
      t = await buildTestApp('postgres');
      other = connect(t.config.database);
    });
    after(async () => {
      await other.close();
      await t.close();
    });

    it('re-reads a select * after a column was added elsewhere', async () => {
      const read = () => t.connection.db.selectFrom('settings').selectAll().execute();
      for (let i = 0; i < 3; i++) await read();
      await sql`alter table settings add column extra text`.execute(other.db);
      const rows = await read();
      assert.ok(Array.isArray(rows));
      assert.ok(Array.isArray(await read()));
      // A transaction on the same connections still works afterwards.
      await t.connection.db.transaction().execute(async (trx) => void (await trx.selectFrom('settings').selectAll().execute()));
    });
  });
}
