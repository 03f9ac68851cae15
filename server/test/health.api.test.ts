// /api/health tells a load balancer to stop sending traffic when the database is gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, dialects } from './test-app.js';

for (const dialect of dialects()) {
  describe(`health (${dialect})`, () => {
    it('answers 200 when ready and 503 when the database is unreachable', async () => {
      const t = await buildTestApp(dialect);
      try {
        const ok = await t.app.inject('/api/health');
        assert.equal(ok.statusCode, 200);
        assert.deepEqual(ok.json(), {
          status: 'ok',
          database: dialect,
          databaseReachable: true,
          migrationsCurrent: true,
          version: ok.json().version,
        });
        await t.connection.db.destroy();
        const down = await t.app.inject('/api/health');
        assert.equal(down.statusCode, 503);
        assert.equal(down.json().status, 'degraded');
        assert.equal(down.json().databaseReachable, false);
      } finally {
        await t.close();
      }
    });
  });
}
