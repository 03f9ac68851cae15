// The notification layer end to end: enqueue in a transaction → inbox rows and emails that reach
// a real SMTP server on loopback (Chinese intact, each recipient's language), retries with
// backoff against a wrong password and a server that is down, the settings that never show the
// password (responses, audit trail, logs), and each person seeing only their own notifications.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { connect } from '../../db/connect.js';
import type { ModuleContext } from '../../core/module.js';
import { createPerson, fails, ok } from '../../test/fixtures.js';
import { closedPort, startSmtpPeer, type SmtpPeer } from '../../test/peers/smtp.js';
import { buildTestApp, clientFor, dialects, sessionCookie, signIn, type Client, type TestApp } from '../../test/test-app.js';
import { BACKOFF_MS, MAX_ATTEMPTS, createNotifier, registerNotificationEvent, type NotificationMessage } from './index.js';

const SMTP_USER = 'mailer';
const SMTP_PASSWORD = 'Smtp-秘密-Passw0rd';
const BASE_URL = 'https://it.example.edu.cn';

const message = (recipients: number[], extra: Partial<NotificationMessage> = {}): NotificationMessage => ({
  event: 'test.assigned',
  recipients,
  title: { 'zh-CN': '工单 #12 已分派给你：三楼打印机卡纸', en: 'Ticket #12 was assigned to you: printer jam on floor 3' },
  body: { 'zh-CN': '报修人：张伟\n位置：教学楼 301', en: 'Reported by: Zhang Wei\nLocation: Building 301' },
  link: '/tickets/12',
  entity: { type: 'ticket', id: 12 },
  ...extra,
});

for (const dialect of dialects()) {
  describe(`notifications and email (${dialect})`, () => {
    let t: TestApp;
    let app: FastifyInstance;
    let ctx: ModuleContext;
    let admin: Client;
    let peer: SmtpPeer;
    const logLines: string[] = [];
    const users: Record<'zh' | 'en' | 'noMail' | 'disabled', number> = { zh: 0, en: 0, noMail: 0, disabled: 0 };
    const clients: Partial<Record<'zh' | 'en', Client>> = {};

    const db = () => t.connection.db;
    const outbox = () => db().selectFrom('notification_outbox').selectAll().orderBy('id').execute();
    const send = (m: NotificationMessage) =>
      db()
        .transaction()
        .execute((trx) => createNotifier(ctx).enqueue(trx, m));
    const flush = () => createNotifier(ctx).flush();
    /** Moves every waiting row's next attempt to now, as if the backoff had passed. */
    const dueNow = () => db().updateTable('notification_outbox').set({ next_attempt_at: 0 }).where('status', '=', 'pending').execute();
    const smtp = (p: { port: number }, extra: Record<string, unknown> = {}) => ({
      enabled: true,
      host: '127.0.0.1',
      port: p.port,
      security: 'none',
      user: SMTP_USER,
      fromAddress: 'helpdesk@example.edu.cn',
      fromName: '网管台通知',
      baseUrl: `${BASE_URL}/`,
      ...extra,
    });

    before(async () => {
      t = await buildTestApp(dialect);
      // A second app on the same database whose logger writes into logLines: the proof that no
      // log line ever carries the SMTP password.
      const stream = new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      const built = await buildApp({ config: t.config, connection: t.connection, logger: { level: 'trace', stream } });
      app = built.app;
      ctx = built.ctx;
      registerNotificationEvent(ctx, { key: 'test.assigned', group: 'test', labelKey: 'test.assigned' });
      await app.ready();
      const setup = await app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { name: '管理员', login: 'admin', password: 'Sysward-2026-pass' },
      });
      admin = clientFor(app, sessionCookie(setup), setup.json().csrfToken, setup.json().user.id);
      peer = await startSmtpPeer({ user: SMTP_USER, password: SMTP_PASSWORD });

      const makeUser = async (login: string, language: string | null, email: string | null) => {
        const personId = email === null ? null : (await createPerson(admin, { name: `${login}的人员`, email })).id;
        return ok(await admin.post('/api/users', { login, name: login, password: 'Test-pass-2026', roles: ['staff'], personId, language }))
          .id as number;
      };
      users.zh = await makeUser('zhang', null, 'zhang@example.edu.cn');
      users.en = await makeUser('smith', 'en', 'smith@example.edu.cn');
      users.noMail = await makeUser('nomail', 'zh-CN', null);
      users.disabled = await makeUser('gone', null, 'gone@example.edu.cn');
      ok(await admin.patch(`/api/users/${users.disabled}`, { disabled: true }));
      clients.zh = await signIn(app, 'zhang', 'Test-pass-2026');
      clients.en = await signIn(app, 'smith', 'Test-pass-2026');
    });
    after(async () => {
      await app.close();
      await peer.close();
      await t.close();
    });

    it('saves the mail settings without ever returning the password', async () => {
      const saved = ok(await admin.put('/api/notify/settings', smtp(peer, { password: SMTP_PASSWORD })));
      assert.equal(saved.hasPassword, true);
      assert.equal(saved.baseUrl, BASE_URL, 'the trailing slash is dropped');
      const read = await admin.get('/api/notify/settings');
      assert.ok(!read.body.includes(SMTP_PASSWORD) && !('password' in read.json()));
      // A save without the password keeps it.
      ok(await admin.put('/api/notify/settings', smtp(peer, { fromName: '网管台' })));
      assert.equal(ok(await admin.get('/api/notify/settings')).hasPassword, true);
      ok(await admin.post('/api/notify/settings/test', { to: 'admin@example.edu.cn' }));
      const test = (await peer.waitFor(1)).at(-1)!;
      assert.equal(test.subject, '网管台测试邮件 / Sysward test email');
      assert.deepEqual(test.to, ['admin@example.edu.cn']);
      assert.equal(test.fromHeader?.name, '网管台');
    });

    it('enqueue writes inbox rows in each language and the emails arrive after the commit', async () => {
      const before = peer.messages.length;
      await send(message([users.zh, users.en, users.en, users.noMail, users.disabled, 999_999]));
      // No flush: the commit itself kicks delivery.
      const mails = (await peer.waitFor(before + 2)).slice(before);
      const byTo = new Map(mails.map((m) => [m.to[0], m]));
      const zh = byTo.get('zhang@example.edu.cn')!;
      assert.equal(zh.subject, '工单 #12 已分派给你：三楼打印机卡纸');
      assert.match(zh.text, /报修人：张伟\n位置：教学楼 301/);
      assert.match(zh.text, /在网管台中查看：https:\/\/it\.example\.edu\.cn\/tickets\/12/);
      assert.equal(zh.html, false, 'plain text only');
      assert.equal(zh.headers.get('auto-submitted'), 'auto-generated');
      assert.equal(zh.fromHeader?.address, 'helpdesk@example.edu.cn');
      const en = byTo.get('smith@example.edu.cn')!;
      assert.equal(en.subject, 'Ticket #12 was assigned to you: printer jam on floor 3');
      assert.match(en.text, /Open in Sysward: https:\/\/it\.example\.edu\.cn\/tickets\/12/);
      await flush();
      assert.equal(peer.messages.length, before + 2, 'the duplicate, the user without an address and the disabled user get no email');
      const rows = await outbox();
      assert.deepEqual(
        rows.map((r) => [r.status, r.attempts]),
        [
          ['sent', 1],
          ['sent', 1],
        ],
      );

      const inbox = await db().selectFrom('notifications').selectAll().orderBy('user_id').execute();
      assert.deepEqual(
        inbox.map((n) => n.user_id),
        [users.zh, users.en, users.noMail],
      );
      const mine = ok(await clients.en!.get('/api/notifications'));
      assert.equal(mine.total, 1);
      assert.equal(mine.items[0].title, 'Ticket #12 was assigned to you: printer jam on floor 3');
      assert.deepEqual([mine.items[0].link, mine.items[0].entityType, mine.items[0].entityId], ['/tickets/12', 'ticket', '12']);
      assert.equal(ok(await clients.zh!.get('/api/notifications')).items[0].title, '工单 #12 已分派给你：三楼打印机卡纸');
    });

    it('nothing is sent before the commit; delivery starts as soon as it commits', async () => {
      const before = peer.messages.length;
      await db()
        .transaction()
        .execute(async (trx) => {
          await createNotifier(ctx).enqueue(trx, message([users.zh]));
          await new Promise((resolve) => setTimeout(resolve, 300));
          assert.equal(peer.messages.length, before, 'still inside the transaction');
        });
      await peer.waitFor(before + 1);
      await flush();
    });

    it('a rolled-back transaction leaves no notification and sends nothing', async () => {
      const counts = [await outbox(), await db().selectFrom('notifications').selectAll().execute()].map((r) => r.length);
      const sent = peer.messages.length;
      await assert.rejects(
        db()
          .transaction()
          .execute(async (trx) => {
            await createNotifier(ctx).enqueue(trx, message([users.zh]));
            throw new Error('the change failed');
          }),
        /the change failed/,
      );
      await flush();
      assert.deepEqual([(await outbox()).length, (await db().selectFrom('notifications').selectAll().execute()).length], counts);
      assert.equal(peer.messages.length, sent);
    });

    it('unread count, marking read, and another user’s ids change nothing', async () => {
      const zh = clients.zh!;
      const en = clients.en!;
      const count = async (c: Client) => ok(await c.get('/api/notifications/unread-count')).count as number;
      ok(await zh.post('/api/notifications/read', { all: true }));
      const zhTotal = ok(await zh.get('/api/notifications')).total as number;
      const enUnread = await count(en);
      await send(message([users.zh, users.en], { title: { 'zh-CN': '第一条', en: 'First' } }));
      await send(message([users.zh, users.en], { title: { 'zh-CN': '第二条', en: 'Second' } }));
      await flush();
      assert.equal(await count(zh), 2);
      const enIds = (ok(await en.get('/api/notifications')).items as { id: number }[]).map((n) => n.id);
      assert.deepEqual(ok(await zh.post('/api/notifications/read', { ids: enIds })), { updated: 0 });
      assert.equal(await count(en), enUnread + 2);
      const zhItems = ok(await zh.get('/api/notifications?unread=true')).items as { id: number; title: string }[];
      assert.deepEqual(
        zhItems.map((n) => n.title),
        ['第二条', '第一条'],
        'newest first',
      );
      assert.deepEqual(ok(await zh.post('/api/notifications/read', { ids: [zhItems[1]!.id, ...enIds] })), { updated: 1 });
      assert.equal(ok(await zh.get('/api/notifications?unread=true')).total, 1);
      assert.equal(ok(await zh.get('/api/notifications')).total, zhTotal + 2);
      assert.deepEqual(ok(await zh.post('/api/notifications/read', { all: true })), { updated: 1 });
      assert.equal(await count(zh), 0);
      assert.equal(await count(en), enUnread + 2, 'the other user is untouched');
      const page = ok(await en.get('/api/notifications?page=2&pageSize=1'));
      assert.deepEqual([page.items.length, page.page, page.pageSize], [1, 2, 1]);
      assert.equal(page.items[0].title, 'First');
    });

    it('a person who switched email off for a group still gets the inbox row but no email', async () => {
      const prefs = ok(await clients.en!.get('/api/notifications/preferences'));
      assert.deepEqual(prefs.channels, [{ key: 'email', labelKey: 'notify.channels.email' }]);
      // Other modules (tickets) register their own groups too; this test's group is one of them.
      type Group = { key: string; enabled: Record<string, boolean> };
      const testGroup = (groups: Group[]) => groups.find((g) => g.key === 'test');
      assert.deepEqual(testGroup(prefs.groups), {
        key: 'test',
        labelKey: 'notify.groups.test',
        events: [{ key: 'test.assigned', labelKey: 'test.assigned' }],
        enabled: { email: true },
      });
      const saved = ok(
        await clients.en!.put('/api/notifications/preferences', { items: [{ group: 'test', channel: 'email', enabled: false }] }),
      );
      assert.deepEqual(testGroup(saved.groups)?.enabled, { email: false });
      assert.deepEqual(
        testGroup(ok(await clients.zh!.get('/api/notifications/preferences')).groups)?.enabled,
        { email: true },
        'only mine',
      );
      const before = (await outbox()).length;
      const unread = ok(await clients.en!.get('/api/notifications/unread-count')).count as number;
      await send(message([users.zh, users.en]));
      await flush();
      const added = (await outbox()).slice(before);
      assert.deepEqual(
        added.map((r) => r.target),
        ['zhang@example.edu.cn'],
      );
      assert.equal(ok(await clients.en!.get('/api/notifications/unread-count')).count, unread + 1);
      fails(
        await clients.en!.put('/api/notifications/preferences', { items: [{ group: 'nosuch', channel: 'email', enabled: false }] }),
        400,
        'notify.unknown_preference',
      );
      fails(
        await clients.en!.put('/api/notifications/preferences', { items: [{ group: 'test', channel: 'pigeon', enabled: false }] }),
        400,
        'notify.unknown_preference',
      );
      ok(await clients.en!.put('/api/notifications/preferences', { items: [{ group: 'test', channel: 'email', enabled: true }] }));
    });

    it('a wrong SMTP password is retried with backoff, then failed with a safe error', async () => {
      ok(await admin.put('/api/notify/settings', smtp(peer, { password: 'wrong-password' })));
      const failuresBefore = peer.authFailures;
      const sent = peer.messages.length;
      await send(message([users.zh]));
      await flush();
      const row = (await outbox()).at(-1)!;
      const waits: number[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const now = Date.now();
        const r = (await outbox()).find((x) => x.id === row.id)!;
        assert.equal(r.attempts, attempt);
        assert.equal(r.last_error, 'auth_failed 535');
        if (attempt < MAX_ATTEMPTS) {
          assert.equal(r.status, 'pending');
          waits.push(Number(r.next_attempt_at) - now);
          await dueNow();
          await flush();
        } else {
          assert.equal(r.status, 'failed');
          assert.equal(r.next_attempt_at, null);
        }
      }
      waits.forEach((w, i) => assert.ok(Math.abs(w - BACKOFF_MS[i]!) < 5_000, `wait ${i + 1} was ${w} ms`));
      assert.equal(peer.authFailures - failuresBefore, MAX_ATTEMPTS);
      assert.equal(peer.messages.length, sent);

      const log = ok(await admin.get('/api/notify/outbox?status=failed'));
      const listed = log.items.find((d: { id: number }) => d.id === row.id);
      assert.deepEqual(listed.lastError, { reason: 'auth_failed', smtpCode: 535 });
      assert.equal(listed.target, 'zhang@example.edu.cn');
      assert.ok(!JSON.stringify(log).includes('wrong-password'));

      // The test email says why too.
      const err = fails(await admin.post('/api/notify/settings/test', { to: 'admin@example.edu.cn' }), 502, 'notify.smtp_failed');
      assert.deepEqual(err.details, [{ reason: 'auth_failed', params: { smtpCode: 535 } }]);

      // Fixed password, then the administrator's retry delivers it.
      ok(await admin.put('/api/notify/settings', smtp(peer, { password: SMTP_PASSWORD })));
      const retried = ok(await admin.post(`/api/notify/outbox/${row.id}/retry`));
      assert.equal(retried.status, 'pending');
      await flush();
      await peer.waitFor(sent + 1);
      const done = (await outbox()).find((x) => x.id === row.id)!;
      assert.deepEqual([done.status, done.attempts, done.last_error], ['sent', 1, null]);
      fails(await admin.post(`/api/notify/outbox/${row.id}/retry`), 409, 'notify.already_sent');
      fails(await admin.post('/api/notify/outbox/999999/retry'), 404, 'resource.not_found');
    });

    it('a mail server that is down: retried, and delivered once it is back, nothing lost', async () => {
      const down = await closedPort();
      ok(await admin.put('/api/notify/settings', smtp({ port: down })));
      await send(message([users.zh, users.en]));
      await flush();
      const rows = (await outbox()).slice(-2);
      for (const r of rows) assert.deepEqual([r.status, r.attempts, r.last_error], ['pending', 1, 'connection_refused']);
      const err = fails(await admin.post('/api/notify/settings/test', { to: 'admin@example.edu.cn' }), 502, 'notify.smtp_failed');
      assert.equal(err.details[0]!.reason, 'connection_refused');

      await dueNow();
      await flush();
      for (const r of (await outbox()).slice(-2)) assert.deepEqual([r.status, r.attempts], ['pending', 2]);

      const back = await startSmtpPeer({ user: SMTP_USER, password: SMTP_PASSWORD });
      try {
        ok(await admin.put('/api/notify/settings', smtp(back)));
        await dueNow();
        await flush();
        const got = await back.waitFor(2);
        assert.deepEqual(got.map((m) => m.to[0]).sort(), ['smith@example.edu.cn', 'zhang@example.edu.cn']);
        for (const r of (await outbox()).slice(-2)) assert.deepEqual([r.status, r.attempts, r.last_error], ['sent', 3, null]);
      } finally {
        await back.close();
      }
      ok(await admin.put('/api/notify/settings', smtp(peer)));
    });

    it('flushes running at once send every message exactly once', async () => {
      const before = peer.messages.length;
      for (let i = 0; i < 12; i++) await send(message([users.zh, users.en], { title: { 'zh-CN': `批量 ${i}`, en: `Batch ${i}` } }));
      await Promise.all([flush(), flush(), flush()]);
      await flush();
      const got = peer.messages.slice(before);
      assert.equal(got.length, 24);
      assert.equal(new Set(got.map((m) => `${m.to[0]} ${m.subject}`)).size, 24);
      assert.ok((await outbox()).every((r) => r.status !== 'pending'));
    });

    // Several instances share one PostgreSQL (SQLite is one process): claimed rows are skipped.
    if (dialect === 'postgres')
      it('two instances delivering at once send every message exactly once', async () => {
        const connection = connect(t.config.database);
        const other = await buildApp({ config: t.config, connection, logger: false });
        try {
          await other.app.ready();
          const before = peer.messages.length;
          for (let i = 0; i < 10; i++) await send(message([users.zh, users.en], { title: { 'zh-CN': `并发 ${i}`, en: `Parallel ${i}` } }));
          await Promise.all([flush(), createNotifier(other.ctx).flush(), flush(), createNotifier(other.ctx).flush()]);
          await flush();
          const got = peer.messages.slice(before);
          assert.equal(got.length, 20);
          assert.equal(new Set(got.map((m) => `${m.to[0]} ${m.subject}`)).size, 20);
        } finally {
          await other.app.close();
          await connection.close();
        }
      });

    it('never shows the password in the audit trail or the logs', async () => {
      const audit = ok(await admin.get('/api/audit?entityType=settings&pageSize=100'));
      const entries = audit.items.filter((e: { entityId: string }) => e.entityId === 'notify');
      assert.ok(entries.length >= 3);
      assert.ok(entries.some((e: { summary: string }) => e.summary === 'smtp password changed'));
      assert.ok(entries.some((e: { action: string }) => e.action === 'send_test_email'));
      const text = JSON.stringify(audit);
      assert.ok(!text.includes(SMTP_PASSWORD) && !text.includes('wrong-password'));
      const rows = await db().selectFrom('audit_log').select(['before', 'after', 'summary']).execute();
      assert.ok(!JSON.stringify(rows).includes(SMTP_PASSWORD));
      assert.ok(logLines.length > 20, 'the logger captured the requests');
      const logged = logLines.join('');
      assert.ok(!logged.includes(SMTP_PASSWORD) && !logged.includes('wrong-password'));
    });

    it('removing the password is said in the trail; enqueue refuses unknown events and outside links', async () => {
      const saved = ok(await admin.put('/api/notify/settings', smtp(peer, { password: null })));
      assert.equal(saved.hasPassword, false);
      const last = ok(await admin.get('/api/audit?entityType=settings&pageSize=1')).items[0];
      assert.equal(last.summary, 'smtp password removed');
      await assert.rejects(send(message([users.zh], { event: 'nosuch.event' })), /not registered/);
      for (const link of ['https://evil.example/x', '//evil.example/x', 'javascript:alert(1)', '/ok path'])
        await assert.rejects(send(message([users.zh], { link })), /app path/);
    });
  });
}
