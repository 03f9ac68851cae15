// Hostile input on every write route class: each gets a clear 4xx with a stable code, and
// nothing is stored. (Uploads are covered in the imports and attachments tests.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dialects, setupAdmin, type Client, type TestApp } from './test-app.js';

const SQLISH = ["' or 1=1 --", "'; drop table people; --", '" union select * from users --', '%', '_', '\\', '%_\\%'];

for (const dialect of dialects()) {
  describe(`hostile input (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const count = async (table: 'people' | 'departments' | 'locations' | 'users' | 'dictionaries') =>
      Number(
        (
          await t.connection.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      await admin.post('/api/people', { name: '正常人员', number: 'N1' });
    });
    after(() => t.close());

    const writes = [
      ['POST', '/api/people', 'people'],
      ['POST', '/api/departments', 'departments'],
      ['POST', '/api/locations', 'locations'],
      ['POST', '/api/dictionaries', 'dictionaries'],
      ['POST', '/api/users', 'users'],
    ] as const;

    it('malformed JSON → 400 request.malformed_json, nothing stored', async () => {
      for (const [method, url, table] of writes) {
        const before = await count(table);
        const res = await admin.raw({ method, url, payload: '{"name": "半截', headers: { 'content-type': 'application/json' } });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'request.malformed_json');
        assert.equal(await count(table), before);
      }
    });

    it('wrong types, missing fields and unknown fields → 400 with field details', async () => {
      for (const [method, url, table] of writes) {
        const before = await count(table);
        for (const body of [
          {},
          { name: 42 },
          { name: ['x'] },
          { name: 'ok', departmentId: 'abc' },
          { name: 'ok', surprise: true, isAdmin: true },
        ]) {
          const res = await admin.raw({ method, url, payload: body });
          assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(body)}: ${res.body}`);
          assert.equal(res.json().error.code, 'validation.failed');
          assert.ok(res.json().error.details.length > 0);
        }
        assert.equal(await count(table), before);
      }
      const unknown = await admin.post('/api/people', { name: 'x', role: 'admin' });
      assert.deepEqual(unknown.json().error.details, [{ field: 'role', reason: 'unrecognized_keys' }]);
    });

    it('a JSON array or scalar body is refused', async () => {
      for (const payload of ['[]', '"name"', '42', 'null']) {
        const res = await admin.raw({ method: 'POST', url: '/api/people', payload, headers: { 'content-type': 'application/json' } });
        assert.equal(res.statusCode, 400, payload);
      }
    });

    it('oversized bodies → 413, nothing stored', async () => {
      const before = await count('people');
      const res = await admin.post('/api/people', { name: 'x', notes: 'x'.repeat(2 * 1024 * 1024) });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, 'request.too_large');
      const long = await admin.post('/api/people', { name: '长'.repeat(101) });
      assert.equal(long.statusCode, 400);
      assert.equal(long.json().error.details[0].reason, 'too_big');
      assert.equal(await count('people'), before);
    });

    it('unsupported content types → 415', async () => {
      const res = await admin.raw({ method: 'POST', url: '/api/people', payload: 'name=x', headers: { 'content-type': 'text/plain' } });
      assert.equal(res.statusCode, 415, res.body);
      assert.equal(res.json().error.code, 'request.unsupported_media_type');
    });

    it('control characters in single-line fields are refused', async () => {
      const res = await admin.post('/api/people', { name: 'a\u0000b' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details[0].reason, 'control_characters');
      assert.equal((await admin.post('/api/people', { name: 'two\nlines' })).statusCode, 400);
    });

    it('script in text fields is stored and returned as plain text', async () => {
      const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const res = await admin.post('/api/people', { name, notes: '<b>bold</b>' });
      assert.equal(res.statusCode, 200);
      const back = await admin.get(`/api/people/${res.json().id}`);
      assert.equal(back.json().name, name);
      assert.match(back.headers['content-type'] as string, /^application\/json/);
      assert.equal(back.headers['x-content-type-options'], 'nosniff');
    });

    it('SQL-looking strings in search and filters are just text', async () => {
      const total = (await admin.get('/api/people')).json().total;
      for (const q of SQLISH) {
        const res = await admin.get(`/api/people?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
        assert.equal(res.json().total, 0, q);
        assert.equal((await admin.get(`/api/departments?q=${encodeURIComponent(q)}`)).statusCode, 200);
        assert.equal((await admin.get(`/api/users?q=${encodeURIComponent(q)}`)).statusCode, 200);
      }
      assert.equal((await admin.get('/api/people')).json().total, total);
      assert.equal(await count('people'), total);
    });

    it('sort, order, paging and ids outside the allowed values → 400', async () => {
      for (const qs of [
        'sort=name;drop table people',
        'sort=password_hash',
        'sort=1',
        'order=sideways',
        'page=0',
        'page=-1',
        'pageSize=100000',
        'departmentId=1 or 1=1',
        'status=boss',
        'unknown=1',
      ]) {
        const res = await admin.get(`/api/people?${qs}`);
        assert.equal(res.statusCode, 400, `${qs}: ${res.body}`);
        assert.equal(res.json().error.code, 'validation.failed');
      }
      for (const url of ['/api/people/abc', '/api/people/-1', '/api/people/1.5', '/api/people/99999999999', '/api/people/1%20or%201=1']) {
        assert.equal((await admin.get(url)).statusCode, 400, url);
      }
      assert.equal((await admin.get('/api/people/424242')).statusCode, 404);
    });

    it('errors never leak stack traces or SQL', async () => {
      const res = await admin.get(`/api/people?q=${encodeURIComponent('\'"\\')}&sort=name`);
      assert.ok(!/select|stack|at \w+ \(/i.test(res.body), res.body);
      const bad = await admin.post('/api/people', { name: 5 });
      assert.ok(!/zod|stack|node_modules/i.test(bad.body), bad.body);
    });

    it('unknown API paths answer JSON 404; non-API paths never leak files', async () => {
      const res = await admin.get('/api/nowhere');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'route.not_found');
      for (const url of ['/../package.json', '/%2e%2e/package.json', '/web/../server/config.ts']) {
        const r = await t.app.inject(url);
        assert.ok(!r.body.includes('"dependencies"') && !r.body.includes('process.env'), url);
      }
    });
  });
}
