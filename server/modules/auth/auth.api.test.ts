// Sign-in, sessions, CSRF, lockout, API tokens and user administration, through the real HTTP layer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  buildTestApp,
  clientFor,
  dialects,
  sessionCookie,
  setupAdmin,
  signIn,
  userWithRoles,
  type Client,
  type TestApp,
} from '../../test/test-app.js';

for (const dialect of dialects()) {
  describe(`auth (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());

    it('first-run setup enforces the password rule, then is gone for good', async () => {
      const weak = await t.app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { name: '管理员', login: 'root', password: 'short' },
      });
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().error.code, 'auth.weak_password');
      assert.ok(weak.json().error.details.some((d: { reason: string }) => d.reason === 'too_short'));
      // Accounts without an administrator among them (what the demo data makes) leave setup open.
      await t.connection.db
        .insertInto('users')
        .values({
          login: 'tech',
          name: '技术员',
          password_hash: '!',
          roles: JSON.stringify(['technician']),
          created_at: 1,
          updated_at: 1,
        } as never)
        .execute();
      assert.deepEqual((await t.app.inject('/api/auth/setup')).json(), { needed: true, defaultLanguage: 'zh-CN', orgName: '网管台' });
      admin = await setupAdmin(t.app);
      assert.equal((await t.app.inject('/api/auth/setup')).json().needed, false);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { name: 'x', login: 'intruder', password: 'Another-pass-2026' },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'auth.setup_done');
    });

    it('signs in, never returns or stores the password, and signs out', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'ADMIN', password: ADMIN.password } });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes(ADMIN.password));
      assert.ok(!/password|hash/i.test(JSON.stringify(res.json().user)));
      const cookie = res.cookies.find((c) => c.name === 'sysward_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const c = clientFor(t.app, sessionCookie(res), res.json().csrfToken, res.json().user.id);
      assert.equal((await c.post('/api/auth/logout')).statusCode, 200);
      assert.equal((await c.get('/api/auth/me')).statusCode, 401);
      const audit = await admin.get('/api/audit?entityType=user&pageSize=200');
      assert.ok(!audit.body.includes(ADMIN.password));
      assert.ok(audit.json().items.some((e: { action: string }) => e.action === 'sign_in'));
    });

    it('refuses writes without the CSRF token, or from another site', async () => {
      const noToken = await t.app.inject({
        method: 'POST',
        url: '/api/departments',
        headers: { cookie: admin.cookie },
        payload: { name: '无令牌' },
      });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().error.code, 'auth.csrf');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/departments',
        headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
        payload: { name: '伪造' },
      });
      assert.equal(wrong.json().error.code, 'auth.csrf');
      const crossSite = await admin.post('/api/departments', { name: '跨站' }, { origin: 'https://evil.example', host: 'sysward.local' });
      assert.equal(crossSite.statusCode, 403);
      assert.equal(crossSite.json().error.code, 'auth.cross_site');
      // A classic cross-site form post: urlencoded body, no token.
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/departments',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
        payload: 'name=x',
      });
      assert.equal(form.statusCode, 403);
      const list = await admin.get('/api/departments?q=' + encodeURIComponent('跨站'));
      assert.equal(list.json().total, 0);
    });

    it('a forged or replayed session cookie gets 401', async () => {
      const forged = await t.app.inject({
        url: '/api/auth/me',
        headers: { cookie: 'sysward_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      });
      assert.equal(forged.statusCode, 401);
      const c = await signIn(t.app, 'admin', ADMIN.password);
      await c.post('/api/auth/logout');
      const replay = await t.app.inject({ url: '/api/auth/me', headers: { cookie: c.cookie } });
      assert.equal(replay.statusCode, 401);
    });

    it('expired sessions answer auth.session_expired', async () => {
      const c = await signIn(t.app, 'admin', ADMIN.password);
      await t.connection.db
        .updateTable('sessions')
        .set({ expires_at: Date.now() - 1000 })
        .where('user_id', '=', c.userId)
        .where('expires_at', '>', Date.now())
        .execute();
      const res = await c.get('/api/auth/me');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'auth.session_expired');
      admin = await signIn(t.app, 'admin', ADMIN.password);
    });

    it('locks a login after repeated failures, with a clear message', async () => {
      await userWithRoles(t.app, admin, ['staff']);
      const login = 'lockme';
      await admin.post('/api/users', { login, name: '锁定测试', password: 'Lock-test-2026', roles: ['staff'] });
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'wrong-password-1' } });
        codes.push(res.json().error.code);
      }
      assert.deepEqual(codes.slice(0, 4), Array(4).fill('auth.invalid_credentials'));
      assert.equal(codes[4], 'auth.locked');
      const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'Lock-test-2026' } });
      assert.equal(right.statusCode, 429);
      assert.ok(right.json().error.details[0].params.retryAfterSeconds > 0);
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'nobody', password: 'whatever-123' },
      });
      assert.equal(unknown.json().error.code, 'auth.invalid_credentials');
      const failures = await admin.get('/api/audit?action=sign_in_failed');
      assert.ok(failures.json().total >= 5);
      assert.ok(!failures.body.includes('wrong-password-1'));
    });

    it("lists and ends own sessions, not anyone else's", async () => {
      const second = await signIn(t.app, 'admin', ADMIN.password);
      const list = await admin.get('/api/auth/sessions');
      const items = list.json().items as { id: string; current: boolean }[];
      assert.ok(items.length >= 2);
      assert.equal(items.filter((s) => s.current).length, 1);
      const other = items.find((s) => !s.current)!;
      const staff = await userWithRoles(t.app, admin, ['staff']);
      assert.equal((await staff.delete(`/api/auth/sessions/${other.id}`)).statusCode, 404);
      const secondId = (await second.get('/api/auth/sessions')).json().items.find((s: { current: boolean }) => s.current).id;
      assert.equal((await admin.delete(`/api/auth/sessions/${secondId}`)).statusCode, 200);
      assert.equal((await second.get('/api/auth/me')).statusCode, 401);
    });

    it('API tokens: shown once, hashed, scoped, revocable, last use shown', async () => {
      const created = await admin.post('/api/auth/tokens', { name: '备份脚本', permissions: ['org:read'], expiresInDays: 30 });
      assert.equal(created.statusCode, 200, created.body);
      const { secret, token } = created.json();
      assert.match(secret, /^swt_/);
      const stored = await t.connection.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, secret);
      assert.ok(!(await admin.get('/api/auth/tokens')).body.includes(secret));
      const bearer = { authorization: `Bearer ${secret}` };
      assert.equal((await t.app.inject({ url: '/api/people', headers: bearer })).statusCode, 200);
      // Scoped: no org:write. Tokens need no CSRF token, but they do need the permission.
      const write = await t.app.inject({ method: 'POST', url: '/api/people', headers: bearer, payload: { name: '令牌' } });
      assert.equal(write.statusCode, 403);
      const listed = (await admin.get('/api/auth/tokens')).json().items.find((x: { id: number }) => x.id === token.id);
      assert.ok(listed.lastUsedAt > 0);
      assert.ok((await admin.get('/api/audit?action=token_use')).json().total >= 1);
      // A staff user cannot mint a token beyond their own permissions.
      const staff = await userWithRoles(t.app, admin, ['staff']);
      const beyond = await staff.post('/api/auth/tokens', { name: 'x', permissions: ['org:write'] });
      assert.equal(beyond.statusCode, 400);
      assert.equal(beyond.json().error.code, 'auth.token_scope');
      assert.equal((await staff.delete(`/api/auth/tokens/${token.id}`)).statusCode, 404);
      assert.equal((await admin.delete(`/api/auth/tokens/${token.id}`)).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/people', headers: bearer })).statusCode, 401);
      assert.equal(
        (await t.app.inject({ url: '/api/people', headers: { authorization: 'Bearer swt_AAAAAAAA_forgedforgedforgedforged' } })).statusCode,
        401,
      );
    });

    it('administrators manage users; the last administrator stays', async () => {
      const person = (await admin.post('/api/people', { name: '李娜', number: 'U-1' })).json();
      const res = await admin.post('/api/users', {
        login: 'lina',
        name: '李娜',
        password: 'Secret-pass-2026',
        roles: ['technician'],
        personId: person.id,
      });
      assert.equal(res.statusCode, 200, res.body);
      const u = res.json();
      assert.equal(u.personName, '李娜');
      assert.equal(
        (await admin.post('/api/users', { login: 'LINA', name: 'dup', password: 'Secret-pass-2026', roles: ['staff'] })).json().error.code,
        'auth.login_taken',
      );
      const lina = await signIn(t.app, 'lina', 'Secret-pass-2026');
      assert.equal((await admin.patch(`/api/users/${u.id}`, { disabled: true })).statusCode, 200);
      assert.equal((await lina.get('/api/auth/me')).statusCode, 401);
      const disabled = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'lina', password: 'Secret-pass-2026' },
      });
      assert.equal(disabled.json().error.code, 'auth.disabled');
      assert.equal((await admin.patch(`/api/users/${admin.userId}`, { roles: ['staff'] })).json().error.code, 'auth.last_admin');
      assert.equal((await admin.patch(`/api/users/${u.id}`, { disabled: false })).statusCode, 200);
      assert.equal((await admin.post(`/api/users/${u.id}/password`, { password: 'Reset-pass-2026' })).statusCode, 200);
      await signIn(t.app, 'lina', 'Reset-pass-2026');
      assert.equal((await admin.delete(`/api/people/${person.id}`)).json().error.code, 'org.person_in_use');
      const list = await admin.get('/api/users?q=lin');
      assert.equal(list.json().total, 1);
    });

    it('changes own password (old one checked) and language', async () => {
      const staff = await userWithRoles(t.app, admin, ['staff']);
      const wrong = await staff.post('/api/auth/password', { currentPassword: 'nope-1234567', newPassword: 'Brand-new-2026' });
      assert.equal(wrong.json().error.code, 'auth.wrong_password');
      assert.equal(
        (await staff.post('/api/auth/password', { currentPassword: 'Test-pass-2026', newPassword: 'Brand-new-2026' })).statusCode,
        200,
      );
      const me = await staff.patch('/api/auth/me', { language: 'en' });
      assert.equal(me.json().user.language, 'en');
      assert.equal((await staff.patch('/api/auth/me', { language: 'fr' })).statusCode, 400);
    });
  });
}
