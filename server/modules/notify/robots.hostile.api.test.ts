// Hostile input on every group robot route: wrong types, missing and unknown fields, addresses
// that are not http(s) (javascript:, ftp:, credentials in them), script and SQL-looking names,
// oversized fields, unknown ids, callers without a session or the permission. Each gets a clear
// 4xx with a stable code and nothing changes; names come back as the text they are.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { startRobotPeer, type RobotPeer } from '../../test/peers/robots.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

const SQLISH = ["' or 1=1 --", "'; drop table notify_robots; --", '" union select url, secret from notify_robots --'];
const SCRIPT = '<script>alert(1)</script>';

for (const dialect of dialects()) {
  describe(`group robot routes under hostile input (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let peer: RobotPeer;
    let robotId: number;
    let valid: { name: string; kind: string; url: string; secret: string };

    const snapshot = async () => ({
      list: ok(await admin.get('/api/notify/robots')),
      rows: await t.connection.db.selectFrom('notify_robots').selectAll().orderBy('id').execute(),
    });

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      peer = await startRobotPeer();
      valid = { name: '值班群', kind: 'dingtalk', url: peer.add('dingtalk', 'tok-1', 'SECabc'), secret: 'SECabc' };
      robotId = ok(await admin.post('/api/notify/robots', valid)).id;
    });
    after(async () => {
      await peer.close();
      await t.close();
    });

    it('every route needs a session and settings:write; a write needs the CSRF token', async () => {
      const routes: [string, string][] = [
        ['GET', '/api/notify/robots'],
        ['POST', '/api/notify/robots'],
        ['PUT', `/api/notify/robots/${robotId}`],
        ['DELETE', `/api/notify/robots/${robotId}`],
        ['POST', `/api/notify/robots/${robotId}/test`],
      ];
      const before = await snapshot();
      for (const [method, url] of routes) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          ...(method === 'POST' || method === 'PUT' ? { payload: valid } : {}),
        });
        fails(res, 401, 'auth.required');
      }
      for (const roles of [['staff'], ['technician'], ['auditor']]) {
        const user = await userWithRoles(t.app, admin, roles);
        for (const [method, url] of routes) {
          const res = await user.raw({
            method: method as 'GET',
            url,
            ...(method === 'POST' || method === 'PUT' ? { payload: valid } : {}),
          });
          fails(res, 403, 'auth.forbidden');
        }
      }
      const noCsrf = await t.app.inject({
        method: 'DELETE',
        url: `/api/notify/robots/${robotId}`,
        headers: { cookie: admin.cookie },
      });
      fails(noCsrf, 403, 'auth.csrf');
      assert.deepEqual(await snapshot(), before);
      assert.equal(peer.received.length, 0, 'no test message went out');
    });

    it('adding: bad values are refused with a reason per field, and nothing is stored', async () => {
      const before = await snapshot();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ name: 42 }, 'name', 'invalid_type'],
        [{ name: '' }, 'name', 'too_small'],
        [{ name: '   ' }, 'name', 'too_small'],
        [{ name: 'x'.repeat(101) }, 'name', 'too_big'],
        [{ name: 'a\nb' }, 'name', 'control_characters'],
        [{ kind: 'slack' }, 'kind', 'invalid_value'],
        [{ kind: SQLISH[0] }, 'kind', 'invalid_value'],
        [{ url: 'javascript:alert(1)' }, 'url', 'invalid_robot_url'],
        [{ url: 'ftp://files.example.com/hook' }, 'url', 'invalid_robot_url'],
        [{ url: 'file:///etc/passwd' }, 'url', 'invalid_robot_url'],
        [{ url: 'http://' }, 'url', 'invalid_robot_url'],
        [{ url: 'oapi.dingtalk.com/robot/send' }, 'url', 'invalid_robot_url'],
        [{ url: 'https://user:pw@oapi.dingtalk.com/robot/send' }, 'url', 'invalid_robot_url'],
        [{ url: 'https://oapi.dingtalk.com/robot/send?access_token=a b' }, 'url', 'invalid_robot_url'],
        [{ url: `https://oapi.dingtalk.com/robot/send?access_token=${'a'.repeat(1000)}` }, 'url', 'too_big'],
        [{ url: SQLISH[1] }, 'url', 'invalid_robot_url'],
        [{ url: 42 }, 'url', 'invalid_type'],
        [{ secret: 'abc\u0000def' }, 'secret', 'invalid_robot_secret'],
        [{ secret: '密钥' }, 'secret', 'invalid_robot_secret'],
        [{ secret: 's'.repeat(201) }, 'secret', 'too_big'],
        [{ secret: null }, 'secret', 'invalid_type'],
        [{ enabled: 'yes' }, 'enabled', 'invalid_type'],
        [{ language: 'fr' }, 'language', 'invalid_value'],
        [{ id: 99 }, 'id', 'unrecognized_keys'],
        [{ urlHost: 'evil.example' }, 'urlHost', 'unrecognized_keys'],
      ];
      for (const [patch, field, reason] of cases) {
        const err = fails(await admin.post('/api/notify/robots', { ...valid, name: 'New one', ...patch }), 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.field === field && d.reason === reason),
          `${JSON.stringify(patch).slice(0, 80)} → ${JSON.stringify(err.details)}`,
        );
      }
      for (const missing of ['name', 'kind', 'url'] as const) {
        const { [missing]: _gone, ...rest } = valid;
        const err = fails(await admin.post('/api/notify/robots', rest), 400, 'validation.failed');
        assert.ok(err.details.some((d) => d.field === missing));
      }
      for (const body of [[], 42, null]) fails(await admin.post('/api/notify/robots', body), 400);
      const text = await admin.raw({
        method: 'POST',
        url: '/api/notify/robots',
        payload: 'name=x',
        headers: { 'content-type': 'text/plain' },
      });
      fails(text, 415, 'request.unsupported_media_type');
      // Over the 1 MiB request limit.
      const huge = await admin.post('/api/notify/robots', { ...valid, name: 'x'.repeat(1_100_000) });
      fails(huge, 413, 'request.too_large');
      assert.deepEqual(await snapshot(), before);
    });

    it('script and SQL-looking names are stored and returned as the text they are', async () => {
      for (const name of [SCRIPT, ...SQLISH]) {
        const created = ok(await admin.post('/api/notify/robots', { ...valid, name }));
        assert.equal(created.name, name);
      }
      const names = ok(await admin.get('/api/notify/robots')).items.map((r: { name: string }) => r.name);
      for (const name of [SCRIPT, ...SQLISH]) assert.ok(names.includes(name));
      fails(await admin.post('/api/notify/robots', { ...valid, name: SCRIPT.toUpperCase() }), 409, 'notify.robot_name_taken');
    });

    it('editing: bad ids, unknown ids and bad values are refused; nothing changes', async () => {
      const before = await snapshot();
      const body = { name: '值班群', kind: 'dingtalk', enabled: true, language: '' };
      for (const id of ['abc', '0', '-1', '1.5', '99999999999', encodeURIComponent(SQLISH[0]!)]) {
        fails(await admin.put(`/api/notify/robots/${id}`, body), 400, 'validation.failed');
        fails(await admin.delete(`/api/notify/robots/${id}`), 400, 'validation.failed');
        fails(await admin.post(`/api/notify/robots/${id}/test`), 400, 'validation.failed');
      }
      fails(await admin.put('/api/notify/robots/2147483647', body), 404, 'resource.not_found');
      fails(await admin.delete('/api/notify/robots/2147483647'), 404, 'resource.not_found');
      fails(await admin.post('/api/notify/robots/2147483647/test'), 404, 'resource.not_found');
      const cases: [Record<string, unknown>, string][] = [
        [{ url: 'javascript:alert(1)' }, 'url'],
        [{ url: 'ftp://files.example.com/hook' }, 'url'],
        [{ url: '' }, 'url'],
        [{ url: null }, 'url'],
        [{ secret: 'x'.repeat(201) }, 'secret'],
        [{ enabled: 1 }, 'enabled'],
        [{ kind: 'email' }, 'kind'],
        [{ name: null }, 'name'],
        [{ secretSet: false }, 'secretSet'],
      ];
      for (const [patch, field] of cases) {
        const err = fails(await admin.put(`/api/notify/robots/${robotId}`, { ...body, ...patch }), 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.field === field),
          `${JSON.stringify(patch)} → ${JSON.stringify(err.details)}`,
        );
      }
      for (const missing of ['name', 'kind', 'enabled', 'language'] as const) {
        const { [missing]: _gone, ...rest } = body;
        fails(await admin.put(`/api/notify/robots/${robotId}`, rest), 400, 'validation.failed');
      }
      assert.deepEqual(await snapshot(), before);
    });
  });
}
