// Service targets through the API with a clock the test moves (default calendar: Mon–Fri
// 08:30–12:00 and 13:30–17:30, Asia/Shanghai): the minute job writes each near / breached notice
// once and tells the technicians, the overdue and near views, waiting pauses the resolution clock
// by working minutes (not wall time), a new priority recomputes the targets, and resolved tickets
// close by themselves after the configured days.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { dialects, signIn } from '../../test/test-app.js';
import { buildCast, type Cast } from './tickets.fixtures.js';

const at = (local: string) => Date.parse(`${local}+08:00`);

for (const dialect of dialects()) {
  describe(`ticket service targets (${dialect})`, () => {
    let c: Cast;
    let id: number;

    before(async () => {
      c = await buildCast(dialect);
      c.clock.set(at('2026-12-02T09:00:00'));
      id = ok(await c.staff.post('/api/tickets', { title: '财务室无法上网', priority: 'urgent' })).id;
    });
    after(() => c.close());

    const sla = async () => {
      await c.ctx.scheduler.runNow('tickets.sla');
      return (ok(await c.tech.get(`/api/tickets/${id}/timeline`)).items as { kind: string; data: Record<string, string> }[])
        .filter((e) => e.kind === 'sla')
        .map((e) => `${e.data.clock}:${e.data.level}`)
        .reverse();
    };

    it('targets are working time from the report', async () => {
      const t = ok(await c.tech.get(`/api/tickets/${id}`));
      assert.equal(t.response.dueAt, at('2026-12-02T09:15:00'));
      assert.equal(t.resolution.dueAt, at('2026-12-02T14:30:00'));
      assert.equal(t.response.status, 'ok');
    });

    it('the minute job writes near and breached once each and tells the technicians', async () => {
      c.clock.set(at('2026-12-02T09:12:00'));
      assert.deepEqual(await sla(), ['response:near']);
      assert.deepEqual(await sla(), ['response:near'], 'once');
      assert.equal(ok(await c.tech.get('/api/tickets?view=near')).total, 1);
      const inbox = ok(await c.tech2.get('/api/notifications')).items as { title: string }[];
      assert.ok(
        inbox.some((n) => n.title.includes('即将超过响应时限')),
        'unassigned: every technician hears of it',
      );
      c.clock.set(at('2026-12-02T09:16:00'));
      assert.deepEqual(await sla(), ['response:near', 'response:breached']);
      assert.equal(ok(await c.tech.get(`/api/tickets/${id}`)).response.status, 'breached');
      assert.deepEqual(
        ok(await c.tech.get('/api/tickets?view=overdue')).items.map((t: { id: number }) => t.id),
        [id],
      );
      assert.equal(ok(await c.tech.get('/api/tickets/counts')).overdue, 1);
      // The reporter's timeline does not show target notices.
      const theirs = ok(await c.staff.get(`/api/tickets/${id}/timeline`)).items as { kind: string }[];
      assert.ok(!theirs.some((e) => e.kind === 'sla'));
    });

    it('answering stops the response clock (missed); the resolution clock runs on', async () => {
      c.clock.set(at('2026-12-02T09:20:00'));
      const t = ok(await c.tech.post(`/api/tickets/${id}/assign`, { assigneeUserId: c.tech.userId }));
      assert.equal(t.response.status, 'missed');
      assert.equal(t.resolution.status, 'ok');
      assert.equal(ok(await c.tech.get('/api/tickets/counts')).overdue, 0);
    });

    it('waiting pauses the resolution clock; leaving moves the due time by the working minutes waited', async () => {
      c.clock.set(at('2026-12-02T10:00:00'));
      fails(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'waiting' }), 400, 'tickets.waiting_for_required');
      const waiting = ok(
        await c.tech.post(`/api/tickets/${id}/transition`, { to: 'waiting', waitingFor: 'vendor', reason: '等运营商上门' }),
      );
      assert.equal(waiting.waitingFor, 'vendor');
      // 13:00 is past the near point (12:00) on the wall, but the clock stands still at 10:00.
      c.clock.set(at('2026-12-02T13:00:00'));
      assert.equal(ok(await c.tech.get(`/api/tickets/${id}`)).resolution.status, 'ok');
      assert.deepEqual(await sla(), ['response:near', 'response:breached']);
      assert.equal(ok(await c.tech.get('/api/tickets?view=near')).total, 0);
      c.clock.set(at('2026-12-02T14:00:00'));
      const back = ok(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'in_progress' }));
      // Waited 10:00–14:00: 120 + 30 working minutes, so 14:30 becomes 17:00.
      assert.equal(back.resolution.dueAt, at('2026-12-02T17:00:00'));
      assert.equal(back.waitingFor, null);
    });

    it('the resolution notices follow the moved due time', async () => {
      c.clock.set(at('2026-12-02T15:30:00'));
      assert.deepEqual(await sla(), ['response:near', 'response:breached']);
      c.clock.set(at('2026-12-02T16:01:00'));
      assert.deepEqual(await sla(), ['response:near', 'response:breached', 'resolution:near']);
      const inbox = ok(await c.tech.get('/api/notifications')).items as { title: string }[];
      assert.ok(
        inbox.some((n) => n.title.includes('即将超过解决时限')),
        'the assignee hears of it',
      );
      c.clock.set(at('2026-12-02T17:05:00'));
      assert.deepEqual(await sla(), ['response:near', 'response:breached', 'resolution:near', 'resolution:breached']);
      const resolved = ok(
        await c.tech.post(`/api/tickets/${id}/transition`, {
          to: 'resolved',
          resolution: { cause: '光猫故障', solution: '更换光猫', result: '恢复上网', prevention: '备用光猫' },
        }),
      );
      assert.equal(resolved.resolution.status, 'missed');
    });

    it('a new priority recomputes both targets', async () => {
      c.clock.set(at('2026-12-02T17:10:00'));
      const normal = ok(await c.staff.post('/api/tickets', { title: '显示器偏色' }));
      // Normal: 1440 working minutes = 20 on Wednesday, 450 each on Thursday, Friday and Monday, 70 on Tuesday.
      assert.equal(normal.resolution.dueAt, at('2026-12-08T09:40:00'));
      const urgent = ok(await c.tech.patch(`/api/tickets/${normal.id}`, { priority: 'urgent' }));
      assert.equal(urgent.response.dueAt, at('2026-12-02T17:25:00'));
      // 240 = 20 on Wednesday + 210 on Thursday morning + 10 after lunch.
      assert.equal(urgent.resolution.dueAt, at('2026-12-03T13:40:00'));
      const timeline = ok(await c.tech.get(`/api/tickets/${normal.id}/timeline`)).items as { kind: string }[];
      assert.equal(timeline[0]!.kind, 'priority');
    });

    it('resolved tickets close by themselves after the configured days, with a timeline entry', async () => {
      const settings = ok(await c.admin.get('/api/tickets/settings'));
      assert.equal(settings.autoCloseDays, 7);
      c.clock.set(at('2026-12-08T17:00:00'));
      await c.ctx.scheduler.runNow('tickets.auto-close');
      const db = c.t.connection.db;
      const state = async () => (await db.selectFrom('tickets').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
      assert.equal(await state(), 'resolved', 'six days: not yet');
      c.clock.set(at('2026-12-09T17:06:00'));
      await c.ctx.scheduler.runNow('tickets.auto-close');
      assert.equal(await state(), 'closed');
      const admin = await signIn(c.app, 'admin', 'Sysward-2026-pass');
      const last = ok(await admin.get(`/api/tickets/${id}/timeline`)).items[0];
      assert.equal(last.kind, 'state');
      assert.deepEqual(last.data, { from: 'resolved', to: 'closed', auto: true });
      assert.equal(last.actor, null);
      const audit = ok(await admin.get('/api/audit?action=auto_close')).items;
      assert.equal(audit.length, 1);
    });
  });
}
