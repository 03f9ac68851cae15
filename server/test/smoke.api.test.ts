import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dialects, setupAdmin, type TestApp } from './test-app.js';

for (const dialect of dialects()) {
  describe(`smoke (${dialect})`, () => {
    let t: TestApp;
    before(async () => (t = await buildTestApp(dialect)));
    after(() => t.close());

    it('serves the OpenAPI description of every API route', async () => {
      const res = await t.app.inject('/api/docs/json');
      assert.equal(res.statusCode, 200);
      const paths = Object.keys(res.json().paths);
      for (const p of ['/api/people', '/api/departments/{id}', '/api/auth/login', '/api/audit', '/api/people/import'])
        assert.ok(paths.includes(p), p);
      const documented = new Set(paths.map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
      const undocumented = t.app.routeTable.filter(
        (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !documented.has(r.url),
      );
      assert.deepEqual(undocumented, []);
      assert.equal((await t.app.inject('/api/docs/')).statusCode, 200);
    });

    it('health is ok and setup works once', async () => {
      const h = await t.app.inject('/api/health');
      assert.equal(h.statusCode, 200);
      assert.equal(h.json().database, dialect);
      assert.equal((await t.app.inject('/api/auth/setup')).json().needed, true);
      const admin = await setupAdmin(t.app);
      const me = await admin.get('/api/auth/me');
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(me.json().user.login, 'admin');
      const p = await admin.post('/api/people', { name: '张伟', number: 'T001', email: 'zw@example.com' });
      assert.equal(p.statusCode, 200, p.body);
      const list = await admin.get('/api/people?q=' + encodeURIComponent('张伟'));
      assert.equal(list.json().total, 1, list.body);
    });
  });
}
