// A fault from report to closing, through the real HTTP layer on both databases: staff reports
// with a photo and their own device, a technician assigns, comments, writes an internal note with
// time spent, resolves with the five-part record, the reporter confirms; numbers, timeline,
// audit trail, events and the illegal transitions that change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok, TINY_PNG, upload } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

for (const dialect of dialects()) {
  describe(`ticket lifecycle (${dialect})`, () => {
    let c: Cast;
    let id: number;
    const emitted: string[] = [];

    before(async () => {
      c = await buildCast(dialect);
      for (const e of [
        'ticket.created',
        'ticket.assigned',
        'ticket.resolved',
        'ticket.closed',
        'ticket.commented',
        'ticket.state_changed',
      ] as const)
        c.ctx.events.on(e, () => void emitted.push(e));
    });
    after(() => c.close());

    it('staff report a fault with a photo and their own device; the number follows the pattern', async () => {
      const photo = ok(await upload(c.staff, '/api/tickets/uploads', { fileName: '屏幕.png', data: TINY_PNG, contentType: 'image/png' }));
      assert.equal(photo.mime, 'image/png');
      const t = ok(
        await c.staff.post('/api/tickets', {
          title: '电脑开不了机',
          description: '按电源键没有反应，指示灯不亮',
          category: 'hardware',
          priority: 'high',
          locationId: c.locationId,
          place: '三楼东侧',
          contactPhone: '13800000000',
          assetIds: [c.assets.staff],
          attachmentIds: [photo.id],
        }),
      );
      id = t.id;
      assert.equal(t.number, 'GZ-20261202-0001');
      assert.equal(t.state, 'new');
      assert.equal(t.reporterUserId, c.staff.userId);
      assert.equal(t.reporterPersonId, c.people.staff);
      assert.equal(t.reporterName, '张伟');
      assert.equal(t.locationName, '教学楼301');
      assert.deepEqual(
        t.assets.map((a: { id: number }) => a.id),
        [c.assets.staff],
      );
      assert.equal(t.response.status, 'ok');
      assert.ok(t.response.dueAt > Date.parse('2026-12-02T09:00:00+08:00'));
      assert.deepEqual(t.can, { work: false, comment: true, internalNotes: false, confirm: false, reopen: false, decide: false });
      const files = ok(await c.staff.get(`/api/tickets/${id}/attachments`)).items;
      assert.equal(files.length, 1);
      assert.equal(files[0].fileName, '屏幕.png');
      const bytes = await c.staff.get(`/api/tickets/${id}/attachments/${files[0].id}`);
      assert.equal(bytes.statusCode, 200);
      assert.equal(bytes.headers['content-type'], 'image/png');
      assert.deepEqual(bytes.rawPayload, TINY_PNG);
      // The pending upload was used up: it cannot be attached twice.
      fails(await c.staff.post('/api/tickets', { title: '再用一次', attachmentIds: [photo.id] }), 400, 'tickets.upload_not_found');
      // The second report of the day gets the next number.
      const second = ok(await c.staff2.post('/api/tickets', { title: '打印机卡纸' }));
      assert.equal(second.number, 'GZ-20261202-0002');
      await c.ctx.events.idle();
      assert.ok(emitted.includes('ticket.created'));
    });

    it('a technician assigns (new → assigned, response clock stops), comments and notes time', async () => {
      const assigned = ok(await c.tech.post(`/api/tickets/${id}/assign`, { assigneeUserId: c.tech.userId }));
      assert.equal(assigned.state, 'assigned');
      assert.deepEqual(assigned.assignee, { id: c.tech.userId, name: '李工' });
      assert.equal(assigned.response.status, 'met');
      ok(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'in_progress' }));
      ok(await c.tech.post(`/api/tickets/${id}/comments`, { body: '请问是否有焦味？' }));
      const noted = ok(await c.tech.post(`/api/tickets/${id}/comments`, { body: '电源可能损坏', internal: true, minutes: 25 }));
      assert.equal(noted.minutesSpent, 25);
      ok(await c.staff.post(`/api/tickets/${id}/comments`, { body: '没有焦味' }));
    });

    it('resolving a high ticket without the record is refused with the missing fields, and nothing changes', async () => {
      const before = await ticketTableCounts(c.t);
      const err = fails(
        await c.tech.post(`/api/tickets/${id}/transition`, { to: 'resolved', resolution: { solution: '更换电源' } }),
        400,
        'tickets.record_required',
      );
      assert.deepEqual(err.details.map((d) => d.field).sort(), ['resolution.cause', 'resolution.prevention', 'resolution.result']);
      assert.deepEqual(await ticketTableCounts(c.t), before);
      assert.equal(ok(await c.tech.get(`/api/tickets/${id}`)).state, 'in_progress');
    });

    it('illegal transitions are refused (409) and write nothing', async () => {
      const before = await ticketTableCounts(c.t);
      fails(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'new' }), 409, 'tickets.illegal_transition');
      fails(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'in_progress' }), 409, 'tickets.illegal_transition');
      // The reporter may not resolve their own ticket, nor put it on hold.
      fails(await c.staff.post(`/api/tickets/${id}/transition`, { to: 'resolved' }), 409, 'tickets.illegal_transition');
      fails(await c.staff.post(`/api/tickets/${id}/transition`, { to: 'waiting', waitingFor: 'other' }), 409, 'tickets.illegal_transition');
      fails(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'waiting' }), 400, 'tickets.waiting_for_required');
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });

    it('resolving with the five fields records them, writes the timeline and tells the reporter; the reporter confirms', async () => {
      const resolved = ok(
        await c.tech.post(`/api/tickets/${id}/transition`, {
          to: 'resolved',
          resolution: { cause: '电源老化', solution: '更换电源', result: '正常开机', prevention: '定期除尘' },
        }),
      );
      assert.equal(resolved.state, 'resolved');
      assert.deepEqual(resolved.record, {
        problem: '按电源键没有反应，指示灯不亮',
        cause: '电源老化',
        solution: '更换电源',
        result: '正常开机',
        prevention: '定期除尘',
      });
      assert.equal(resolved.resolution.status, 'met');
      const mine = ok(await c.staff.get(`/api/tickets/${id}`));
      assert.equal(mine.can.confirm, true);
      assert.equal(mine.can.reopen, true);
      const inbox = ok(await c.staff.get('/api/notifications?pageSize=50'));
      assert.ok(inbox.items.some((n: { title: string }) => n.title === `你的报修 ${resolved.number} 已解决：电脑开不了机`));
      const closed = ok(await c.staff.post(`/api/tickets/${id}/transition`, { to: 'closed' }));
      assert.equal(closed.state, 'closed');
      assert.ok(closed.closedAt);
    });

    it('the reporter reopens only with a reason; then it is in progress again', async () => {
      fails(await c.staff.post(`/api/tickets/${id}/transition`, { to: 'in_progress' }), 400, 'tickets.reason_required');
      const reopened = ok(await c.staff.post(`/api/tickets/${id}/transition`, { to: 'in_progress', reason: '又开不了机了' }));
      assert.equal(reopened.state, 'in_progress');
      assert.equal(reopened.resolvedAt, null);
      ok(
        await c.tech.post(`/api/tickets/${id}/transition`, {
          to: 'resolved',
          resolution: { cause: '主板电容鼓包', solution: '更换主板', result: '正常', prevention: '三年以上整机更换' },
        }),
      );
    });

    it('the technician sees the whole timeline; the reporter only public entries', async () => {
      const all = ok(await c.tech.get(`/api/tickets/${id}/timeline`)).items as { kind: string; internal: boolean; body: string }[];
      const kinds = all.map((e) => e.kind);
      for (const k of ['created', 'attachment', 'assigned', 'state', 'comment', 'note', 'resolution']) assert.ok(kinds.includes(k), k);
      assert.equal(all[all.length - 1]!.kind, 'created', 'newest first');
      const mine = ok(await c.staff.get(`/api/tickets/${id}/timeline`)).items as { kind: string; internal: boolean; body: string }[];
      assert.ok(mine.every((e) => !e.internal));
      assert.ok(!mine.some((e) => e.kind === 'note' || e.kind === 'assigned' || e.body === '电源可能损坏'));
      assert.ok(mine.some((e) => e.kind === 'resolution') && mine.some((e) => e.body === '请问是否有焦味？'));
    });

    it('every change is in the audit trail and events went out after the commits', async () => {
      await c.ctx.events.idle();
      for (const e of ['ticket.assigned', 'ticket.resolved', 'ticket.closed', 'ticket.commented', 'ticket.state_changed'])
        assert.ok(emitted.includes(e), e);
      const audit = ok(await c.admin.get(`/api/audit?entityType=ticket&pageSize=100`)).items as { action: string; entityId: string }[];
      const actions = new Set(audit.filter((a) => a.entityId === String(id)).map((a) => a.action));
      for (const a of ['create', 'update', 'comment', 'note', 'attach']) assert.ok(actions.has(a), a);
    });

    it('a resolved ticket is searched by its record and comments, with two-character Chinese terms', async () => {
      const byRecord = ok(await c.tech.get('/api/tickets?q=主板'));
      assert.deepEqual(
        byRecord.items.map((t: { id: number }) => t.id),
        [id],
      );
      const byComment = ok(await c.tech.get(`/api/tickets?q=${encodeURIComponent('焦味')}`));
      assert.equal(byComment.total, 1);
      const byNumber = ok(await c.tech.get('/api/tickets?q=GZ-20261202-0002'));
      assert.equal(byNumber.total, 1);
      // An internal note is not searchable: the reporter could otherwise probe it.
      assert.equal(ok(await c.tech.get(`/api/tickets?q=${encodeURIComponent('可能损坏')}`)).total, 0);
    });

    it('technicians register on behalf of someone and create tasks', async () => {
      const onBehalf = ok(
        await c.tech.post('/api/tickets', {
          title: '电话报修：无法上网',
          source: 'phone',
          reporterPersonId: c.people.staff2,
          assigneeUserId: c.tech2.userId,
          category: 'network',
        }),
      );
      assert.equal(onBehalf.reporterPersonId, c.people.staff2);
      assert.equal(onBehalf.reporterUserId, null);
      assert.equal(onBehalf.state, 'assigned');
      // The person's own account sees it.
      assert.equal(ok(await c.staff2.get(`/api/tickets/${onBehalf.id}`)).id, onBehalf.id);
      const task = ok(await c.tech.post('/api/tickets', { title: '会议室投影仪调试', kind: 'task' }));
      assert.equal(task.kind, 'task');
      assert.equal(task.reporterUserId, c.tech.userId);
      const counts = ok(await c.tech.get('/api/tickets/counts'));
      assert.equal(counts.unassigned, 2);
      assert.equal(counts.reported, 1);
    });
  });
}
