// Group robots and webhooks end to end against a real HTTP receiver on loopback that checks each
// platform's signature and message shape: set-up through the API (the address and secret never
// come back, nor reach the audit trail or the log), test messages for all four kinds, messages
// enqueued with robots: [...] delivered after the commit and never after a rollback, and a
// platform that refuses or never answers retried with backoff.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { ModuleContext } from '../../core/module.js';
import { fails, ok } from '../../test/fixtures.js';
import { closedPort } from '../../test/peers/smtp.js';
import { startRobotPeer, type PeerKind, type RobotPeer } from '../../test/peers/robots.js';
import { buildTestApp, clientFor, dialects, sessionCookie, type Client, type TestApp } from '../../test/test-app.js';
import { BACKOFF_MS, createNotifier, registerNotificationEvent, robotExists, type NotificationMessage } from './index.js';

const BASE_URL = 'https://it.example.edu.cn';
const SECRETS: Record<PeerKind, string> = {
  dingtalk: 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd',
  wecom: '',
  feishu: 'FeishuSigningSecret42',
  webhook: 'webhook-hmac-secret-Zq9',
};
const TOKENS: Record<PeerKind, string> = {
  dingtalk: 'ding-token-7f3a9c',
  wecom: 'wecom-key-4b2e81',
  feishu: 'feishu-hook-9d0c55',
  webhook: 'hook-id-12ab',
};
const KINDS = Object.keys(TOKENS) as PeerKind[];

const alert = (robots: number[], extra: Partial<NotificationMessage> = {}): NotificationMessage => ({
  event: 'test.alert',
  recipients: [],
  robots,
  title: { 'zh-CN': '核心交换机 离线', en: 'Core switch is down' },
  body: { 'zh-CN': '位置：机房 A\n自 10:02 起无响应', en: 'Location: server room A\nNo answer since 10:02' },
  link: '/monitors/7',
  entity: { type: 'monitor', id: 7 },
  ...extra,
});

for (const dialect of dialects()) {
  describe(`group robots and webhooks (${dialect})`, () => {
    let t: TestApp;
    let app: FastifyInstance;
    let ctx: ModuleContext;
    let admin: Client;
    let peer: RobotPeer;
    const logLines: string[] = [];
    const ids = {} as Record<PeerKind, number>;
    const urls = {} as Record<PeerKind, string>;

    const db = () => t.connection.db;
    const outbox = () => db().selectFrom('notification_outbox').selectAll().where('channel', '=', 'robot').orderBy('id').execute();
    const send = (m: NotificationMessage) =>
      db()
        .transaction()
        .execute((trx) => createNotifier(ctx).enqueue(trx, m));
    const flush = () => createNotifier(ctx).flush();
    const dueNow = () => db().updateTable('notification_outbox').set({ next_attempt_at: 0 }).where('status', '=', 'pending').execute();
    const robotBody = (kind: PeerKind, extra: Record<string, unknown> = {}) => ({
      name: `${kind} 值班群`,
      kind,
      url: urls[kind],
      secret: SECRETS[kind],
      ...extra,
    });

    before(async () => {
      t = await buildTestApp(dialect);
      const stream = new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      const built = await buildApp({ config: t.config, connection: t.connection, logger: { level: 'trace', stream } });
      app = built.app;
      ctx = built.ctx;
      registerNotificationEvent(ctx, { key: 'test.alert', group: 'test', labelKey: 'test.alert' });
      await app.ready();
      const setup = await app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { name: '管理员', login: 'admin', password: 'Sysward-2026-pass' },
      });
      admin = clientFor(app, sessionCookie(setup), setup.json().csrfToken, setup.json().user.id);
      ok(
        await admin.put('/api/notify/settings', {
          enabled: false,
          host: '',
          port: 25,
          security: 'none',
          user: '',
          fromAddress: '',
          fromName: '网管台',
          baseUrl: BASE_URL,
        }),
      );
      peer = await startRobotPeer();
      for (const kind of KINDS) urls[kind] = peer.add(kind, TOKENS[kind], SECRETS[kind]);
    });
    after(async () => {
      await app.close();
      await peer.close();
      await t.close();
    });

    it('adds, lists, edits and removes robots; the address and secret never come back', async () => {
      const bodies: string[] = [];
      const keep = <T extends { body: string }>(res: T) => (bodies.push(res.body), res);
      for (const kind of KINDS) {
        const created = ok(keep(await admin.post('/api/notify/robots', robotBody(kind))));
        ids[kind] = created.id;
        assert.deepEqual(
          { ...created, id: 0, createdAt: 0, updatedAt: 0 },
          {
            id: 0,
            name: `${kind} 值班群`,
            kind,
            urlHost: new URL(peer.origin).host,
            secretSet: SECRETS[kind] !== '',
            enabled: true,
            language: '',
            createdAt: 0,
            updatedAt: 0,
          },
        );
      }
      const list = await admin.get('/api/notify/robots');
      assert.deepEqual(
        ok(list).items.map((r: { id: number }) => r.id),
        [ids.dingtalk, ids.feishu, ids.webhook, ids.wecom],
        'by name',
      );
      // Names are unique whatever their case or width.
      const taken = fails(
        await admin.post('/api/notify/robots', robotBody('wecom', { name: 'WECOM 值班群' })),
        409,
        'notify.robot_name_taken',
      );
      assert.deepEqual(taken.details, [{ field: 'name', reason: 'robot_name_taken' }]);
      fails(
        await admin.put(`/api/notify/robots/${ids.wecom}`, {
          ...robotBody('wecom'),
          name: 'ｆｅｉｓｈｕ 值班群',
          enabled: true,
          language: '',
        }),
        409,
      );

      // Edited without url or secret: both kept (the test message below still signs).
      const edited = ok(
        keep(await admin.put(`/api/notify/robots/${ids.feishu}`, { name: '飞书 Ops', kind: 'feishu', enabled: false, language: 'en' })),
      );
      assert.deepEqual([edited.name, edited.enabled, edited.language, edited.secretSet], ['飞书 Ops', false, 'en', true]);
      ok(await admin.put(`/api/notify/robots/${ids.feishu}`, { name: '飞书 Ops', kind: 'feishu', enabled: true, language: 'en' }));

      // A robot to remove, with its secret cleared first.
      const extra = ok(
        await admin.post('/api/notify/robots', { name: 'Temp', kind: 'webhook', url: `${peer.origin}/hook/x`, secret: 'abc' }),
      );
      const cleared = ok(
        keep(await admin.put(`/api/notify/robots/${extra.id}`, { name: 'Temp', kind: 'webhook', secret: '', enabled: true, language: '' })),
      );
      assert.equal(cleared.secretSet, false);
      assert.equal(await robotExists(db(), extra.id), true);
      ok(await admin.delete(`/api/notify/robots/${extra.id}`));
      assert.equal(await robotExists(db(), extra.id), false);
      fails(await admin.delete(`/api/notify/robots/${extra.id}`), 404, 'resource.not_found');
      fails(await admin.post(`/api/notify/robots/${extra.id}/test`), 404, 'resource.not_found');
      assert.equal(ok(await admin.get('/api/notify/robots')).items.length, 4);

      const everything = [...bodies, list.body, (await admin.get('/api/notify/robots')).body].join('\n');
      for (const secret of [...Object.values(TOKENS), ...Object.values(SECRETS).filter(Boolean)]) assert.ok(!everything.includes(secret));
      assert.ok(!everything.includes('/robot/send') && !everything.includes('"url"') && !everything.includes('"secret"'));
    });

    it('a test message reaches each platform with a valid signature, in the robot’s language', async () => {
      const before = peer.received.length;
      for (const kind of KINDS) assert.deepEqual(ok(await admin.post(`/api/notify/robots/${ids[kind]}/test`)), { ok: true });
      const got = (await peer.waitFor(before + 4)).slice(before);
      const byKind = new Map(got.map((m) => [m.kind, m]));
      for (const kind of KINDS) {
        const m = byKind.get(kind)!;
        assert.equal(m.id, TOKENS[kind]);
        assert.equal(m.signed, SECRETS[kind] !== '', `${kind} signed`);
      }
      assert.equal(
        byKind.get('dingtalk')!.text,
        `网管台测试消息\n这是一条测试消息：网管台可以通过这个群机器人发送通知。\n${BASE_URL}/system/notifications`,
      );
      assert.equal(byKind.get('dingtalk')!.json.msgtype, 'text');
      assert.equal(byKind.get('wecom')!.json.msgtype, 'text');
      assert.match(byKind.get('feishu')!.text, /^Sysward test message\n/, 'the robot set to English');
      const hook = byKind.get('webhook')!.json;
      assert.deepEqual(
        [hook.event, hook.title, hook.link, hook.entity],
        ['notify.test', '网管台测试消息', `${BASE_URL}/system/notifications`, null],
      );
      assert.ok(!Number.isNaN(Date.parse(hook.sentAt)));
      assert.match(String(byKind.get('webhook')!.headers['x-sysward-signature']), /^sha256=[0-9a-f]{64}$/);
    });

    it('a test says why it failed: wrong secret, unknown token, nothing listening', async () => {
      const wrong = ok(await admin.post('/api/notify/robots', { ...robotBody('dingtalk'), name: 'Wrong secret', secret: 'SECnope' }));
      assert.deepEqual(ok(await admin.post(`/api/notify/robots/${wrong.id}/test`)), { ok: false, reason: 'rejected' });
      assert.equal(peer.refused.at(-1)!.answer, 310000);
      const unknown = ok(
        await admin.post('/api/notify/robots', { name: 'Unknown key', kind: 'wecom', url: `${peer.origin}/cgi-bin/webhook/send?key=nope` }),
      );
      assert.deepEqual(ok(await admin.post(`/api/notify/robots/${unknown.id}/test`)), { ok: false, reason: 'rejected' });
      const down = ok(
        await admin.post('/api/notify/robots', { name: 'Down', kind: 'webhook', url: `http://127.0.0.1:${await closedPort()}/hook` }),
      );
      assert.deepEqual(ok(await admin.post(`/api/notify/robots/${down.id}/test`)), { ok: false, reason: 'connection_refused' });
      const badSig = ok(await admin.post('/api/notify/robots', { ...robotBody('webhook'), name: 'Bad webhook secret', secret: 'other' }));
      assert.deepEqual(ok(await admin.post(`/api/notify/robots/${badSig.id}/test`)), { ok: false, reason: 'http_error' });
      for (const id of [wrong.id, unknown.id, down.id, badSig.id]) ok(await admin.delete(`/api/notify/robots/${id}`));
    });

    it('robots named in a message get it after the commit, never after a rollback', async () => {
      const before = peer.received.length;
      const rows = (await outbox()).length;
      await db()
        .transaction()
        .execute(async (trx) => {
          await createNotifier(ctx).enqueue(trx, alert([ids.dingtalk, ids.wecom, ids.feishu, ids.webhook, ids.webhook, 999_999]));
          await new Promise((resolve) => setTimeout(resolve, 200));
          assert.equal(peer.received.length, before, 'nothing while the transaction is open');
        });
      // No flush: the commit kicks delivery.
      const got = (await peer.waitFor(before + 4)).slice(before);
      await flush();
      const byKind = new Map(got.map((m) => [m.kind, m]));
      assert.equal(byKind.get('dingtalk')!.text, `核心交换机 离线\n位置：机房 A\n自 10:02 起无响应\n${BASE_URL}/monitors/7`);
      assert.equal(
        byKind.get('feishu')!.text,
        `Core switch is down\nLocation: server room A\nNo answer since 10:02\n${BASE_URL}/monitors/7`,
      );
      const hook = byKind.get('webhook')!.json;
      assert.deepEqual(
        [hook.event, hook.title, hook.body, hook.link, hook.entity],
        ['test.alert', '核心交换机 离线', '位置：机房 A\n自 10:02 起无响应', `${BASE_URL}/monitors/7`, { type: 'monitor', id: '7' }],
      );
      const added = (await outbox()).slice(rows);
      assert.deepEqual(
        added.map((r) => [r.target, r.status, r.attempts]),
        KINDS.map((k) => ids[k])
          .sort((a, b) => a - b)
          .map((id) => [String(id), 'sent', 1]),
        'one row per robot, in robot order; the duplicate and the unknown id get none',
      );
      assert.equal(
        await db()
          .selectFrom('notifications')
          .selectAll()
          .execute()
          .then((r) => r.length),
        0,
        'no inbox rows',
      );

      const sent = peer.received.length;
      await assert.rejects(
        db()
          .transaction()
          .execute(async (trx) => {
            await createNotifier(ctx).enqueue(trx, alert([ids.dingtalk, ids.webhook]));
            throw new Error('the change failed');
          }),
        /the change failed/,
      );
      await flush();
      assert.equal((await outbox()).length, rows + 4);
      assert.equal(peer.received.length, sent);
    });

    it('disabled robots are skipped; text is plain, capped, and cannot mention everyone', async () => {
      ok(await admin.put(`/api/notify/robots/${ids.wecom}`, { name: 'wecom 值班群', kind: 'wecom', enabled: false, language: '' }));
      const rows = (await outbox()).length;
      const before = peer.received.length;
      const long = '很长的描述'.repeat(300);
      await send(
        alert([ids.dingtalk, ids.wecom, ids.feishu], {
          title: {
            'zh-CN': '<at user_id="all">所有人</at> [点我](javascript:alert(1))',
            en: '<at user_id="all">all</at> ![x](http://e/x.png)',
          },
          body: { 'zh-CN': long, en: long },
        }),
      );
      const got = (await peer.waitFor(before + 2)).slice(before);
      await flush();
      assert.equal((await outbox()).length, rows + 2, 'the disabled robot got no row');
      const ding = got.find((m) => m.kind === 'dingtalk')!;
      assert.ok(Buffer.byteLength(ding.text, 'utf8') <= 2048);
      assert.ok(ding.text.startsWith('<at user_id="all">所有人</at> [点我](javascript:alert(1))\n很长的描述'), 'verbatim, as plain text');
      assert.ok(ding.text.endsWith(`…\n${BASE_URL}/monitors/7`), 'the body gave way, the link survived');
      const feishu = got.find((m) => m.kind === 'feishu')!;
      assert.ok(!/<\s*at\b/i.test(feishu.text));
      assert.ok(feishu.text.startsWith('＜at user_id="all">all＜/at> ![x](http://e/x.png)\n'));
      ok(await admin.put(`/api/notify/robots/${ids.wecom}`, { name: 'wecom 值班群', kind: 'wecom', enabled: true, language: '' }));
    });

    it('a platform that refuses is retried with backoff and the reason kept; delivered once it accepts', async () => {
      peer.failNext(2);
      const before = peer.received.length;
      await send(alert([ids.dingtalk, ids.feishu]));
      await flush();
      const rows = (await outbox()).slice(-2);
      for (const r of rows) {
        assert.deepEqual([r.status, r.attempts, r.last_error], ['pending', 1, 'rejected']);
        assert.ok(Math.abs(Number(r.next_attempt_at) - Date.now() - BACKOFF_MS[0]!) < 5_000);
      }
      assert.deepEqual(
        peer.refused.slice(-2).map((x) => x.answer),
        [130101, 11232],
      );
      const log = ok(await admin.get('/api/notify/outbox?status=pending'));
      const listed = log.items.find((d: { id: number }) => d.id === rows[0]!.id);
      assert.deepEqual(
        [listed.channel, listed.target, listed.lastError],
        ['robot', String(rows[0]!.target), { reason: 'rejected', smtpCode: null }],
      );
      await dueNow();
      await flush();
      await peer.waitFor(before + 2);
      for (const r of (await outbox()).slice(-2)) assert.deepEqual([r.status, r.attempts, r.last_error], ['sent', 2, null]);
    });

    it('a platform that never answers times out and is retried', { timeout: 30_000 }, async () => {
      peer.hang(true);
      const hung = peer.hung;
      try {
        await send(alert([ids.webhook]));
        await flush();
      } finally {
        peer.hang(false);
      }
      assert.equal(peer.hung, hung + 1);
      const row = (await outbox()).at(-1)!;
      assert.deepEqual([row.status, row.attempts, row.last_error], ['pending', 1, 'timeout']);
      const before = peer.received.length;
      await dueNow();
      await flush();
      await peer.waitFor(before + 1);
      assert.equal((await outbox()).at(-1)!.status, 'sent');
    });

    it('a robot removed while its message waits: the row fails for good, nothing is sent', async () => {
      // No secret, but the receiver's hook has one: the first attempt is refused (401), the row waits.
      const temp = ok(await admin.post('/api/notify/robots', { name: 'Short-lived', kind: 'webhook', url: urls.webhook }));
      const before = peer.received.length;
      await send(alert([temp.id]));
      await flush();
      const waiting = (await outbox()).at(-1)!;
      assert.deepEqual([waiting.target, waiting.status, waiting.last_error], [String(temp.id), 'pending', 'http_error']);
      ok(await admin.delete(`/api/notify/robots/${temp.id}`));
      await dueNow();
      await flush();
      const done = (await outbox()).at(-1)!;
      assert.deepEqual([done.status, done.attempts, done.last_error, done.next_attempt_at], ['failed', 2, 'not_configured', null]);
      assert.equal(peer.received.length, before);
    });

    it('never puts an address or secret in the audit trail, the delivery log or the log', async () => {
      const audit = ok(await admin.get('/api/audit?entityType=notify_robot&pageSize=100'));
      const actions = new Set(audit.items.map((e: { action: string }) => e.action));
      for (const a of ['create', 'update', 'delete', 'send_test_message']) assert.ok(actions.has(a), a);
      const update = audit.items.find(
        (e: { action: string; after: Record<string, unknown> | null }) => e.action === 'update' && e.after?.signing,
      );
      assert.equal(update.after.signing, 'removed');
      const trail = JSON.stringify(audit);
      const rawRows = JSON.stringify(await db().selectFrom('audit_log').selectAll().execute());
      const deliveries = (await admin.get('/api/notify/outbox?pageSize=200')).body;
      const logged = logLines.join('');
      assert.ok(logLines.length > 20, 'the logger captured the requests');
      for (const text of [trail, rawRows, deliveries, logged])
        for (const secret of [...Object.values(TOKENS), ...Object.values(SECRETS).filter(Boolean), 'SECnope', peer.origin])
          assert.ok(!text.includes(secret), `${secret} leaked`);
    });
  });
}
