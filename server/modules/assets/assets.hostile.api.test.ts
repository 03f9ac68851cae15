// Hostile input on every asset write route: malformed JSON, wrong types, unknown fields,
// oversized bodies, SQL-looking text, forged CSRF tokens and ended sessions each get a clear 4xx
// with a stable code, and nothing in the ledger changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPerson, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, signIn, ADMIN, type Client, type TestApp } from '../../test/test-app.js';

const TABLES = [
  'assets',
  'asset_categories',
  'asset_history',
  'asset_assignments',
  'asset_maintenance',
  'asset_views',
  'stocktakes',
] as const;
const SQLISH = ["' or 1=1 --", "'; drop table assets; --", '" union select * from users --', '%', '_', '\\'];

for (const dialect of dialects()) {
  describe(`asset routes under hostile input (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let assetId: number;
    let maintenanceId: number;
    let writes: [string, string][];

    /** Row counts of every ledger table: the proof that a refused request changed nothing. */
    const snapshot = async () => {
      const out: Record<string, number> = {};
      for (const table of TABLES)
        out[table] = Number(
          (
            await t.connection.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return out;
    };

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      const cat = (ok(await admin.get('/api/assets/categories')).items as { id: number; name: string }[]).find((c) => c.name === '台式机')!;
      assetId = ok(await admin.post('/api/assets', { name: '正常资产', categoryId: cat.id })).id;
      maintenanceId = ok(
        await admin.post(`/api/assets/${assetId}/maintenance`, { date: '2026-01-01', kind: 'routine', description: '除尘' }),
      ).id;
      writes = [
        ['POST', '/api/assets'],
        ['PATCH', `/api/assets/${assetId}`],
        ['POST', `/api/assets/${assetId}/status`],
        ['POST', `/api/assets/${assetId}/handout`],
        ['POST', `/api/assets/${assetId}/return`],
        ['POST', `/api/assets/${assetId}/maintenance`],
        ['PATCH', `/api/assets/${assetId}/maintenance/${maintenanceId}`],
        ['POST', '/api/assets/bulk'],
        ['POST', '/api/assets/categories'],
        ['PATCH', `/api/assets/categories/${cat.id}`],
        ['POST', '/api/assets/views'],
        ['PUT', '/api/assets/settings'],
        ['POST', '/api/assets/stocktakes'],
      ];
    });
    after(() => t.close());

    it('malformed JSON → 400 request.malformed_json, nothing changes', async () => {
      const before = await snapshot();
      for (const [method, url] of writes) {
        const res = await admin.raw({ method, url, payload: '{"name": "半截', headers: { 'content-type': 'application/json' } });
        assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'request.malformed_json');
      }
      assert.deepEqual(await snapshot(), before);
    });

    it('wrong types and unknown fields → 400 with field details, nothing changes', async () => {
      const before = await snapshot();
      for (const [method, url] of writes) {
        for (const body of [
          { name: 42, date: 7, status: ['x'], ids: 'all', numberPattern: 1, description: {}, locationId: 'abc' },
          { surprise: true, isAdmin: true },
        ]) {
          const res = await admin.raw({ method, url, payload: body });
          assert.equal(res.statusCode, 400, `${method} ${url} ${JSON.stringify(body)}: ${res.body}`);
          assert.equal(res.json().error.code, 'validation.failed', `${url}: ${res.body}`);
          assert.ok(res.json().error.details.length > 0);
        }
      }
      assert.deepEqual(await snapshot(), before);
    });

    it('oversized bodies → 413, nothing changes', async () => {
      const before = await snapshot();
      const res = await admin.post('/api/assets', { name: 'x', categoryId: 1, notes: 'x'.repeat(2 * 1024 * 1024) });
      assert.equal(res.statusCode, 413);
      const sig = await admin.post(`/api/assets/${assetId}/handout`, {
        personId: 1,
        date: '2026-01-01',
        signature: `data:image/png;base64,${'A'.repeat(300_000)}`,
      });
      assert.equal(sig.statusCode, 400);
      assert.deepEqual(await snapshot(), before);
    });

    it('SQL-looking and script text in searches and filters is only text', async () => {
      const before = await snapshot();
      for (const q of SQLISH) {
        for (const param of ['q', 'brand', 'model', 'supplier']) {
          const res = await admin.get(`/api/assets?${param}=${encodeURIComponent(q)}`);
          assert.equal(res.statusCode, 200, `${param}=${q}: ${res.body}`);
        }
        const custom = await admin.get(`/api/assets?custom=${encodeURIComponent(JSON.stringify({ cpu: q }))}`);
        assert.equal(custom.statusCode, 200, custom.body);
        assert.equal((await admin.get(`/api/assets/by-number/${encodeURIComponent(q)}`)).statusCode, 404);
      }
      for (const qs of [
        'sort=number;drop',
        'order=up',
        'status=lost',
        'categoryId=1 or 1=1',
        'ids=1;2',
        'purchaseFrom=yesterday',
        'priceMin=-5',
        'unknown=1',
      ]) {
        const res = await admin.get(`/api/assets?${qs}`);
        assert.equal(res.statusCode, 400, `${qs}: ${res.body}`);
        assert.ok(!/select|stack|node_modules/i.test(res.body), res.body);
      }
      assert.deepEqual(await snapshot(), before);
    });

    it('a forged CSRF token or an ended session changes nothing', async () => {
      const before = await snapshot();
      const forged = await admin.raw({
        method: 'POST',
        url: '/api/assets',
        payload: { name: 'x', categoryId: 1 },
        headers: { 'x-csrf-token': 'forged' },
      });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'auth.csrf');
      const other = await signIn(t.app, ADMIN.login, ADMIN.password);
      ok(await other.post('/api/auth/logout'));
      // The ended session's cookie and token, replayed.
      const replay = await other.post(`/api/assets/${assetId}/status`, { status: 'idle' });
      assert.equal(replay.statusCode, 401);
      assert.deepEqual(await snapshot(), before);
    });

    it("another user's ids and missing records are not found", async () => {
      const person = await createPerson(admin, { name: '外人' });
      const before = await snapshot();
      for (const [method, url, body] of [
        ['PATCH', '/api/assets/99999999', { name: 'x' }],
        ['POST', '/api/assets/99999999/status', { status: 'idle' }],
        ['POST', '/api/assets/99999999/handout', { personId: person.id, date: '2026-01-01' }],
        ['PATCH', `/api/assets/99999999/maintenance/${maintenanceId}`, { description: 'x' }],
        ['DELETE', `/api/assets/${assetId}/maintenance/99999999`, undefined],
        ['PATCH', '/api/assets/views/99999999', { name: 'x' }],
      ] as const) {
        const res = await admin.raw({ method, url, ...(body ? { payload: body } : {}) });
        assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      }
      assert.deepEqual(await snapshot(), before);
    });
  });
}
