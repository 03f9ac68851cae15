// What a staff member may see and do: only their own tickets (in every list view and by id:
// another's ticket answers 404 as if it did not exist), public timeline entries only, no internal
// notes or time, only their own devices and uploads, and none of the technicians' routes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok, TINY_PNG, upload } from '../../test/fixtures.js';
import { dialects, userWithRoles } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

for (const dialect of dialects()) {
  describe(`tickets seen by staff (${dialect})`, () => {
    let c: Cast;
    let mine: number;
    let theirs: number;

    before(async () => {
      c = await buildCast(dialect);
      mine = ok(await c.staff.post('/api/tickets', { title: '我的电脑蓝屏', assetIds: [c.assets.staff] })).id;
      theirs = ok(await c.staff2.post('/api/tickets', { title: '王芳的打印机', description: '私人信息' })).id;
      ok(await c.tech.post(`/api/tickets/${mine}/comments`, { body: '内部：怀疑内存条', internal: true, minutes: 10 }));
      ok(await c.tech.post(`/api/tickets/${mine}/comments`, { body: '请重启一次试试' }));
      ok(await c.tech.post(`/api/tickets/${mine}/repairs`, { vendorId: c.vendorId, sentDate: '2026-12-02', costFen: 12000 }));
      ok(await c.tech.post(`/api/tickets/${mine}/links`, { ticketId: theirs, kind: 'related' }));
    });
    after(() => c.close());

    it('every list view gives staff their own reports only', async () => {
      for (const view of ['all', 'mine', 'unassigned', 'open', 'overdue', 'near', 'reported']) {
        const page = ok(await c.staff.get(`/api/tickets?view=${view}`));
        assert.deepEqual(
          page.items.map((t: { id: number }) => t.id),
          [mine],
          view,
        );
      }
      // Filters cannot widen it either.
      const filtered = ok(await c.staff.get(`/api/tickets?reporterPersonId=${c.people.staff2}`));
      assert.equal(filtered.total, 0);
      const counts = ok(await c.staff.get('/api/tickets/counts'));
      assert.deepEqual(counts, { mine: 0, unassigned: 0, open: 0, overdue: 0, near: 0, leader: 0, reported: 1, needsLeader: 0 });
      assert.equal(ok(await c.tech.get('/api/tickets?view=all')).total, 2);
    });

    it("another user's ticket is 404 on every route, exactly like one that does not exist", async () => {
      const before = await ticketTableCounts(c.t);
      for (const target of [theirs, 999_999]) {
        fails(await c.staff.get(`/api/tickets/${target}`), 404, 'resource.not_found');
        fails(await c.staff.get(`/api/tickets/${target}/timeline`), 404, 'resource.not_found');
        fails(await c.staff.get(`/api/tickets/${target}/attachments`), 404, 'resource.not_found');
        fails(await c.staff.post(`/api/tickets/${target}/comments`, { body: '看看' }), 404, 'resource.not_found');
        fails(await c.staff.post(`/api/tickets/${target}/transition`, { to: 'closed' }), 404, 'resource.not_found');
        fails(await c.staff.post(`/api/tickets/${target}/decision`, { decision: '同意' }), 404, 'resource.not_found');
        fails(
          await upload(c.staff, `/api/tickets/${target}/attachments`, { fileName: 'a.png', data: TINY_PNG }),
          404,
          'resource.not_found',
        );
      }
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });

    it('the ticket and its timeline hide internal work from the reporter', async () => {
      const t = ok(await c.staff.get(`/api/tickets/${mine}`));
      assert.deepEqual(t.repairs, []);
      assert.deepEqual(t.links, []);
      assert.equal(t.minutesSpent, 0);
      assert.equal(t.escalation, null);
      const timeline = ok(await c.staff.get(`/api/tickets/${mine}/timeline`));
      const text = JSON.stringify(timeline);
      assert.ok(!text.includes('怀疑内存条') && !text.includes('repair') && !text.includes('"link"'));
      assert.ok(timeline.items.some((e: { body: string }) => e.body === '请重启一次试试'));
      // A file that came with an internal note is the technicians' only.
      const log = ok(await upload(c.tech, '/api/tickets/uploads', { fileName: '内部日志.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }));
      ok(await c.tech.post(`/api/tickets/${mine}/comments`, { body: '附内部日志', internal: true, attachmentIds: [log.id] }));
      const techFiles = ok(await c.tech.get(`/api/tickets/${mine}/attachments`)).items as { id: number; fileName: string }[];
      const internalFile = techFiles.find((f) => f.fileName === '内部日志.pdf')!;
      assert.ok(internalFile);
      assert.ok(!ok(await c.staff.get(`/api/tickets/${mine}/attachments`)).items.some((f: { id: number }) => f.id === internalFile.id));
      fails(await c.staff.get(`/api/tickets/${mine}/attachments/${internalFile.id}`), 404, 'resource.not_found');
      // The generic attachment routes neither add nor remove a ticket's files: those would miss
      // the timeline entry and the internal flag.
      const generic = { entityType: 'ticket', entityId: String(mine) };
      fails(await upload(c.tech, '/api/attachments', { fileName: 'b.png', data: TINY_PNG }, generic), 403, 'auth.forbidden');
      fails(await c.tech.delete(`/api/attachments/${internalFile.id}`), 403, 'auth.forbidden');
      assert.equal(ok(await c.tech.get(`/api/tickets/${mine}/attachments`)).items.length, techFiles.length);
      const tech = ok(await c.tech.get(`/api/tickets/${mine}`));
      assert.equal(tech.repairs.length, 1);
      assert.equal(tech.repairs[0].vendorName, '联想服务站');
      assert.equal(tech.repairs[0].contact, '刘师傅', "the vendor's contact by default");
      assert.equal(tech.links[0].ticket.id, theirs);
      assert.equal(tech.minutesSpent, 10);
    });

    it('staff may not set what only technicians set, nor name a device they do not hold', async () => {
      const before = await ticketTableCounts(c.t);
      const refused = async (body: Record<string, unknown>, field: string) => {
        const err = fails(await c.staff.post('/api/tickets', { title: '试试', ...body }), 403, 'tickets.field_not_allowed');
        assert.equal(err.details[0]!.field, field);
      };
      await refused({ reporterPersonId: c.people.staff2 }, 'reporterPersonId');
      await refused({ assigneeUserId: c.tech.userId }, 'assigneeUserId');
      await refused({ source: 'phone' }, 'source');
      await refused({ kind: 'task' }, 'kind');
      for (const assetId of [c.assets.staff2, c.assets.spare, 999_999])
        fails(await c.staff.post('/api/tickets', { title: '试试', assetIds: [assetId] }), 403, 'tickets.asset_not_yours');
      fails(await c.staff.post(`/api/tickets/${mine}/comments`, { body: '内部', internal: true }), 403, 'tickets.field_not_allowed');
      fails(await c.staff.post(`/api/tickets/${mine}/comments`, { body: '我花了时间', minutes: 30 }), 403, 'tickets.field_not_allowed');
      assert.deepEqual(await ticketTableCounts(c.t), before);
      // Their own person and the scan source are fine.
      ok(
        await c.staff.post('/api/tickets', {
          title: '扫码报修',
          source: 'scan',
          reporterPersonId: c.people.staff,
          assetIds: [c.assets.staff],
        }),
      );
    });

    it("another user's pending upload cannot be attached", async () => {
      const photo = ok(
        await upload(c.staff2, '/api/tickets/uploads', {
          fileName: 'p.jpg',
          data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(64)]),
        }),
      );
      const before = await ticketTableCounts(c.t);
      const err = fails(
        await c.staff.post('/api/tickets', { title: '偷用照片', attachmentIds: [photo.id] }),
        400,
        'tickets.upload_not_found',
      );
      assert.equal(err.details[0]!.field, 'attachmentIds');
      fails(
        await c.staff.post(`/api/tickets/${mine}/comments`, { body: '附图', attachmentIds: [photo.id] }),
        400,
        'tickets.upload_not_found',
      );
      assert.deepEqual(await ticketTableCounts(c.t), before);
      // Its owner can still use it.
      ok(await c.staff2.post(`/api/tickets/${theirs}/comments`, { body: '补充照片', attachmentIds: [photo.id] }));
    });

    it('uploads accept images and PDF by their content only', async () => {
      fails(
        await upload(c.staff, '/api/tickets/uploads', { fileName: 'x.png', data: Buffer.from('<svg onload="alert(1)"></svg>') }),
        415,
        'file.type_not_allowed',
      );
      fails(
        await upload(c.staff, '/api/tickets/uploads', { fileName: 'notes.txt', data: Buffer.from('just text') }),
        415,
        'file.type_not_allowed',
      );
      const pdf = ok(await upload(c.staff, '/api/tickets/uploads', { fileName: '报告.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }));
      assert.equal(pdf.mime, 'application/pdf');
      fails(
        await upload(c.staff, '/api/tickets/uploads', {
          fileName: 'big.png',
          data: Buffer.concat([TINY_PNG, Buffer.alloc(11 * 1024 * 1024)]),
        }),
        413,
        'file.too_large',
      );
    });

    it('pending uploads nobody used are removed after a day; used ones stay', async () => {
      ok(await upload(c.staff, '/api/tickets/uploads', { fileName: 'forgotten.png', data: TINY_PNG }));
      const pending = async () =>
        Number(
          (
            await c.t.connection.db
              .selectFrom('ticket_uploads')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.ok((await pending()) > 0);
      // A day later (moved in the table: moving the clock would end every session).
      await c.t.connection.db
        .updateTable('ticket_uploads')
        .set((eb) => ({ created_at: eb('created_at', '-', 25 * 60 * 60_000) }))
        .execute();
      await c.ctx.scheduler.runNow('tickets.purge-uploads');
      assert.equal(await pending(), 0);
      // The photo attached earlier is a ticket's file now, not a pending upload: it stays.
      const kept = ok(await c.staff2.get(`/api/tickets/${theirs}/attachments`)).items;
      assert.equal(kept.length, 1);
      assert.equal((await c.staff2.get(`/api/tickets/${theirs}/attachments/${kept[0].id}`)).statusCode, 200);
    });

    it("technicians' routes are closed to staff and lab managers; the auditor reads but never writes", async () => {
      for (const client of [c.staff, c.labManager]) {
        fails(await client.patch(`/api/tickets/${mine}`, { title: '改标题' }), 403, 'auth.forbidden');
        fails(await client.post(`/api/tickets/${mine}/assign`, { assigneeUserId: null }), 403, 'auth.forbidden');
        fails(await client.get('/api/tickets/stats?from=2026-12-01&to=2026-12-31'), 403, 'auth.forbidden');
        fails(await client.get('/api/tickets/technicians'), 403, 'auth.forbidden');
        fails(await client.post('/api/tickets/bulk/close', { ids: [mine] }), 403, 'auth.forbidden');
        fails(await client.put('/api/tickets/settings', {}), 403, 'auth.forbidden');
      }
      const lab = ok(await c.labManager.get('/api/tickets'));
      assert.equal(lab.total, 0, 'a lab manager sees only what they reported');
      const auditor = await userWithRoles(c.app, c.admin, ['auditor']);
      assert.equal(ok(await auditor.get('/api/tickets')).total, 3);
      const seen = ok(await auditor.get(`/api/tickets/${mine}`));
      assert.equal(seen.can.work, false);
      assert.ok(ok(await auditor.get(`/api/tickets/${mine}/timeline`)).items.some((e: { internal: boolean }) => e.internal));
      fails(await auditor.post(`/api/tickets/${mine}/comments`, { body: '审计员不能评论' }), 403, 'tickets.field_not_allowed');
      fails(await auditor.patch(`/api/tickets/${mine}`, { title: 'x' }), 403, 'auth.forbidden');
      fails((await c.t.app.inject({ method: 'GET', url: '/api/tickets' })) as never, 401, 'auth.required');
    });
  });
}
