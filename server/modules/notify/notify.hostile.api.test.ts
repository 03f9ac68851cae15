// Hostile input on every notification route: wrong types, missing and unknown fields, script and
// SQL-looking text, header injection in addresses, callers without a session or the permission.
// Each gets a clear 4xx with a stable code, and nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import { createNotifier, registerNotificationEvent } from './index.js';

const SQLISH = ["' or 1=1 --", "'; drop table notifications; --", '" union select * from users --', '%', '_', '\\'];
const SCRIPT = '<script>alert(1)</script>';

const VALID_SETTINGS = {
  enabled: false,
  host: 'smtp.example.edu.cn',
  port: 587,
  security: 'starttls',
  user: 'helpdesk',
  fromAddress: 'helpdesk@example.edu.cn',
  fromName: '网管台',
  baseUrl: 'https://it.example.edu.cn',
};

for (const dialect of dialects()) {
  describe(`notification routes under hostile input (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let notificationId: number;

    const counts = async () => {
      const db = t.connection.db;
      const n = async (table: 'notifications' | 'notification_outbox' | 'notification_preferences') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const unread = await db.selectFrom('notifications').select('id').where('read_at', 'is', null).execute();
      return {
        notifications: await n('notifications'),
        outbox: await n('notification_outbox'),
        prefs: await n('notification_preferences'),
        unread: unread.length,
      };
    };

    before(async () => {
      t = await buildTestApp(dialect);
      registerNotificationEvent(t.ctx, { key: 'test.event', group: 'test', labelKey: 'test.event' });
      admin = await setupAdmin(t.app);
      staff = await userWithRoles(t.app, admin, ['staff']);
      ok(await admin.put('/api/notify/settings', { ...VALID_SETTINGS, password: 'Smtp-pass-1' }));
      // Script and SQL-looking text is stored and returned as the text it is.
      await t.connection.db.transaction().execute((trx) =>
        createNotifier(t.ctx).enqueue(trx, {
          event: 'test.event',
          recipients: [staff.userId],
          title: { 'zh-CN': `${SCRIPT} ${SQLISH[1]}`, en: SCRIPT },
          body: { 'zh-CN': SQLISH.join('\n'), en: SQLISH.join('\n') },
          link: '/tickets/1',
        }),
      );
      notificationId = ok(await staff.get('/api/notifications')).items[0].id;
    });
    after(() => t.close());

    it('script and SQL-looking text comes back verbatim as JSON text', async () => {
      const item = ok(await staff.get('/api/notifications')).items[0];
      assert.equal(item.title, `${SCRIPT} ${SQLISH[1]}`);
      assert.equal(item.body, SQLISH.join('\n'));
      assert.equal((await counts()).notifications, 1, 'the table is still there');
    });

    it('every route needs a session; the mail settings and the log need settings:write', async () => {
      const routes: [string, string][] = [
        ['GET', '/api/notifications'],
        ['GET', '/api/notifications/unread-count'],
        ['POST', '/api/notifications/read'],
        ['GET', '/api/notifications/preferences'],
        ['PUT', '/api/notifications/preferences'],
        ['GET', '/api/notify/settings'],
        ['PUT', '/api/notify/settings'],
        ['POST', '/api/notify/settings/test'],
        ['GET', '/api/notify/outbox'],
        ['POST', '/api/notify/outbox/1/retry'],
      ];
      for (const [method, url] of routes) {
        const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) });
        fails(res, 401, 'auth.required');
      }
      for (const [method, url] of routes.filter(([, u]) => u.startsWith('/api/notify/'))) {
        const res = await staff.raw({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: VALID_SETTINGS }) });
        fails(res, 403, 'auth.forbidden');
      }
      assert.ok(!(await staff.get('/api/notify/settings')).body.includes('smtp.example.edu.cn'));
      // A write without the CSRF token is refused before anything happens.
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: '/api/notifications/read',
        headers: { cookie: staff.cookie },
        payload: { all: true },
      });
      fails(noCsrf, 403, 'auth.csrf');
      assert.equal((await counts()).unread, 1);
    });

    it('list queries with wrong types or unknown parameters are refused', async () => {
      for (const q of [
        'page=abc',
        'page=0',
        'pageSize=1000',
        'unread=yes',
        `unread=${encodeURIComponent(SQLISH[0]!)}`,
        'userId=1',
        'sort=id',
      ])
        fails(await staff.get(`/api/notifications?${q}`), 400, 'validation.failed');
      for (const q of ['status=bogus', `status=${encodeURIComponent(SQLISH[0]!)}`, 'pageSize=-1', 'target=x'])
        fails(await admin.get(`/api/notify/outbox?${q}`), 400, 'validation.failed');
    });

    it('marking read: bad bodies are refused and change nothing', async () => {
      const before = await counts();
      for (const body of [
        {},
        { ids: [] },
        { ids: ['1'] },
        { ids: [notificationId], all: true },
        { all: false },
        { ids: [-1] },
        { ids: [1.5] },
        { ids: `${notificationId} or 1=1` },
        { ids: Array.from({ length: 201 }, (_, i) => i + 1) },
        { all: true, userId: 1 },
      ]) {
        const res = await staff.post('/api/notifications/read', body);
        fails(res, 400, 'validation.failed');
      }
      const err = fails(await staff.post('/api/notifications/read', {}), 400);
      assert.equal(err.details[0]!.reason, 'ids_or_all');
      assert.deepEqual(await counts(), before);
      // The administrator marking everything read only touches their own (empty) inbox.
      assert.deepEqual(ok(await admin.post('/api/notifications/read', { all: true })), { updated: 0 });
      assert.deepEqual(ok(await admin.post('/api/notifications/read', { ids: [notificationId] })), { updated: 0 });
      assert.equal((await counts()).unread, 1);
    });

    it('preferences: bad bodies are refused and change nothing', async () => {
      const before = await counts();
      for (const body of [
        {},
        { items: 'x' },
        { items: [{ group: 'test', channel: 'email' }] },
        { items: [{ group: 'test', channel: 'email', enabled: 'no' }] },
        { items: [{ group: SCRIPT, channel: 'email', enabled: false }] },
        { items: [{ group: SQLISH[0], channel: 'email', enabled: false }] },
        { items: [{ group: 'test', channel: SQLISH[1], enabled: false }] },
        { items: [{ group: 'test', channel: 'email', enabled: false, userId: 1 }] },
      ])
        fails(await staff.put('/api/notifications/preferences', body), 400, 'validation.failed');
      fails(
        await staff.put('/api/notifications/preferences', { items: [{ group: 'other', channel: 'email', enabled: false }] }),
        400,
        'notify.unknown_preference',
      );
      assert.deepEqual(await counts(), before);
    });

    it('mail settings: bad values are refused with a reason per field, and nothing changes', async () => {
      const before = ok(await admin.get('/api/notify/settings'));
      const cases: [Record<string, unknown>, string, string][] = [
        [{ host: SCRIPT }, 'host', 'invalid_host'],
        [{ host: 'smtp.example.com; rm -rf /' }, 'host', 'invalid_host'],
        [{ host: 'smtp.example.com\r\nX: y' }, 'host', 'control_characters'],
        [{ port: 'abc' }, 'port', 'invalid_type'],
        [{ port: 70000 }, 'port', 'too_big'],
        [{ security: 'ssl' }, 'security', 'invalid_value'],
        [{ fromAddress: 'not-an-email' }, 'fromAddress', 'invalid_email'],
        [{ fromAddress: 'a@b.cn\r\nBcc: x@y.cn' }, 'fromAddress', 'control_characters'],
        [{ baseUrl: 'javascript:alert(1)' }, 'baseUrl', 'invalid_url'],
        [{ baseUrl: SQLISH[0] }, 'baseUrl', 'invalid_url'],
        [{ enabled: true, host: '' }, 'host', 'required'],
        [{ enabled: true, fromAddress: '' }, 'fromAddress', 'required'],
        [{ password: 'abc\ndef' }, 'password', 'control_characters'],
        [{ password: '' }, 'password', 'too_small'],
        [{ password: 42 }, 'password', 'invalid_type'],
        [{ isAdmin: true }, 'isAdmin', 'unrecognized_keys'],
      ];
      for (const [patch, field, reason] of cases) {
        const err = fails(await admin.put('/api/notify/settings', { ...VALID_SETTINGS, ...patch }), 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.field === field && d.reason === reason),
          `${JSON.stringify(patch)} → ${JSON.stringify(err.details)}`,
        );
      }
      const { enabled: _e, ...missing } = VALID_SETTINGS;
      fails(await admin.put('/api/notify/settings', missing), 400, 'validation.failed');
      assert.deepEqual(ok(await admin.get('/api/notify/settings')), before);
    });

    it('test email: bad addresses are refused; nothing configured is said plainly', async () => {
      for (const to of ['', 'not-an-email', 'a@b.cn\r\nBcc: x@y.cn', `${SCRIPT}@x.cn`, 'a@b.cn, c@d.cn', 42])
        fails(await admin.post('/api/notify/settings/test', { to }), 400, 'validation.failed');
      fails(await admin.post('/api/notify/settings/test', {}), 400, 'validation.failed');
      ok(await admin.put('/api/notify/settings', { ...VALID_SETTINGS, host: '', password: null }));
      fails(await admin.post('/api/notify/settings/test', { to: 'a@example.edu.cn' }), 409, 'notify.not_configured');
    });

    it('retry: ids that are not numbers or do not exist', async () => {
      for (const id of ['abc', '0', '-1', '1.5', encodeURIComponent(SQLISH[0]!)])
        fails(await admin.post(`/api/notify/outbox/${id}/retry`), 400, 'validation.failed');
      fails(await admin.post('/api/notify/outbox/2147483647/retry'), 404, 'resource.not_found');
    });
  });
}
