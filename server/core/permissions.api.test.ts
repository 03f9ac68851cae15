// Every registered API route declares its access, and each role gets exactly what the policy says.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLE_PERMISSIONS, ROLES, type Role } from './permissions.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../test/test-app.js';

/** A concrete URL for a route pattern: ids that exist nowhere, so a granted request ends in 404/400. */
function concrete(url: string): string {
  return url
    .replace(/:itemId|:id/g, (m) => (m === ':id' && url.includes('/sessions/') ? '01890000-0000-7000-8000-000000000000' : '999999'))
    .replace(/\/imports\/999999/, '/imports/01890000-0000-7000-8000-000000000000');
}

for (const dialect of dialects()) {
  describe(`route permissions (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const clients = new Map<Role, Client>();
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      for (const role of ROLES) clients.set(role, role === 'admin' ? admin : await userWithRoles(t.app, admin, [role]));
    });
    after(() => t.close());

    it('every /api route declares its access', () => {
      const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
      assert.ok(api.length > 40, `only ${api.length} routes found`);
      const missing = api.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(missing, []);
    });

    it('answers 401 without a session on every non-public route', async () => {
      for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/api/') && x.access !== 'public')) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        assert.equal(res.statusCode, 401, `${r.method} ${r.url} → ${res.statusCode}`);
        assert.equal(res.json().error.code, 'auth.required');
      }
    });

    it('role-by-route matrix follows the policy', async () => {
      for (const r of t.app.routeTable.filter(
        (x) => x.url.startsWith('/api/') && x.access && x.access !== 'public' && x.access !== 'signed_in',
      )) {
        for (const role of ROLES) {
          const client = clients.get(role)!;
          const res = await client.raw({
            method: r.method as 'GET',
            url: concrete(r.url),
            ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
          });
          const granted = (ROLE_PERMISSIONS[role] as readonly string[]).includes(r.access!);
          if (granted) assert.notEqual(res.statusCode, 403, `${role} should reach ${r.method} ${r.url}: ${res.body}`);
          else assert.equal(res.statusCode, 403, `${role} must not reach ${r.method} ${r.url} (got ${res.statusCode})`);
        }
      }
    });

    it('auditor reads everything and writes nothing; denials are audited', async () => {
      const auditor = clients.get('auditor')!;
      assert.equal((await auditor.get('/api/audit')).statusCode, 200);
      assert.equal((await auditor.get('/api/people')).statusCode, 200);
      assert.equal((await auditor.post('/api/people', { name: '审计员不能建' })).statusCode, 403);
      const log = await admin.get('/api/audit?action=permission_denied');
      assert.ok(log.json().items.some((e: { actorUserId: number }) => e.actorUserId === auditor.userId));
    });

    it('staff cannot list the directory but can read dictionaries and their own account', async () => {
      const staff = clients.get('staff')!;
      assert.equal((await staff.get('/api/people')).statusCode, 403);
      assert.equal((await staff.get('/api/dictionaries')).statusCode, 200);
      assert.equal((await staff.get('/api/auth/me')).statusCode, 200);
      assert.equal((await staff.get('/api/auth/sessions')).statusCode, 200);
    });
  });
}
