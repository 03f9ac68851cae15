import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dialects, setupAdmin, type TestApp } from './test-app.js';

for (const dialect of dialects()) {
  describe(`smoke (${dialect})`, () => {
    let t: TestApp;
    before(async () => (t = await buildTestApp(dialect)));
    after(() => t.close());

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
