// Vendor repairs move the linked device to under repair and back through the assets module (with
// its history), the resolution writes a repair record on each linked device, deleting what a
// ticket points at is refused with the count, and the leader flow: escalate, the leader sees it,
// only they decide.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

for (const dialect of dialects()) {
  describe(`ticket repairs and leaders (${dialect})`, () => {
    let c: Cast;
    let id: number;
    let repairId: number;

    before(async () => {
      c = await buildCast(dialect);
      id = ok(await c.staff.post('/api/tickets', { title: '主机频繁死机', assetIds: [c.assets.staff], locationId: c.locationId })).id;
      ok(await c.tech.post(`/api/tickets/${id}/assign`, { assigneeUserId: c.tech.userId }));
    });
    after(() => c.close());

    const asset = async (assetId: number) => ok(await c.admin.get(`/api/assets/${assetId}`));

    it('sending a device out moves it to under repair, with its history', async () => {
      const t = ok(
        await c.tech.post(`/api/tickets/${id}/repairs`, {
          vendorId: c.vendorId,
          rmaNumber: 'RMA-2026-118',
          assetId: c.assets.staff,
          sentDate: '2026-12-02',
          costFen: 35000,
          notes: '保修期内',
        }),
      );
      repairId = t.repairs[0].id;
      assert.equal(t.repairs[0].phone, '400-990-8888');
      assert.equal((await asset(c.assets.staff)).status, 'under_repair');
      const history = ok(await c.admin.get(`/api/assets/${c.assets.staff}/history`)).items as { kind: string; summary: string }[];
      assert.ok(history.some((h) => h.kind === 'status' && h.summary.includes(t.number)));
      const timeline = ok(await c.tech.get(`/api/tickets/${id}/timeline`)).items;
      assert.ok(timeline.some((e: { kind: string; internal: boolean }) => e.kind === 'repair' && e.internal));
    });

    it('bad repairs are refused and change nothing', async () => {
      const before = await ticketTableCounts(c.t);
      fails(
        await c.tech.post(`/api/tickets/${id}/repairs`, { sentDate: '2026-12-05', returnedDate: '2026-12-01' }),
        400,
        'tickets.invalid_dates',
      );
      fails(
        await c.tech.post(`/api/tickets/${id}/repairs`, { vendorId: 999_999, sentDate: '2026-12-05' }),
        400,
        'tickets.invalid_reference',
      );
      const inactive = ok(await c.admin.post('/api/vendors', { name: '已停业维修部', active: false })).id;
      const err = fails(
        await c.tech.post(`/api/tickets/${id}/repairs`, { vendorId: inactive, sentDate: '2026-12-05' }),
        400,
        'tickets.invalid_reference',
      );
      assert.equal(err.details[0]!.reason, 'inactive');
      fails(
        await c.tech.post(`/api/tickets/${id}/repairs`, { assetId: 999_999, sentDate: '2026-12-05' }),
        400,
        'tickets.invalid_reference',
      );
      fails(await c.tech.patch(`/api/tickets/${id}/repairs/${repairId}`, { assetId: c.assets.spare }), 409, 'tickets.repair_locked');
      fails(await c.tech.patch(`/api/tickets/${id}/repairs/999999`, { notes: 'x' }), 404, 'resource.not_found');
      assert.deepEqual(await ticketTableCounts(c.t), before);
      assert.equal((await asset(c.assets.staff)).status, 'under_repair');
    });

    it('deleting a vendor, device, person or location a ticket refers to is refused with the count', async () => {
      const vendor = fails(await c.admin.delete(`/api/vendors/${c.vendorId}`), 409, 'org.vendor_in_use');
      assert.deepEqual(vendor.details[0]!.params, { tickets: 1 });
      const device = fails(await c.admin.delete(`/api/assets/${c.assets.staff}`), 409, 'assets.in_use');
      assert.equal(device.details[0]!.params!.tickets, 2, 'linked to the ticket and to its repair');
      const place = fails(await c.admin.delete(`/api/locations/${c.locationId}`), 409, 'org.location_in_use');
      assert.equal(place.details[0]!.params!.tickets, 1);
      const person = fails(await c.admin.delete(`/api/people/${c.people.staff}`), 409, 'org.person_in_use');
      assert.equal(person.details[0]!.params!.tickets, 1);
    });

    it('a return date brings the device back to its status before the repair', async () => {
      const t = ok(await c.tech.patch(`/api/tickets/${id}/repairs/${repairId}`, { returnedDate: '2026-12-09', costFen: 38000 }));
      assert.equal(t.repairs[0].returnedDate, '2026-12-09');
      assert.equal((await asset(c.assets.staff)).status, 'in_use');
      fails(await c.tech.patch(`/api/tickets/${id}/repairs/${repairId}`, { returnedDate: null }), 409, 'tickets.repair_locked');
    });

    it('the resolution writes a repair record on the device: what was done, the cost and the vendor', async () => {
      ok(
        await c.tech.post(`/api/tickets/${id}/transition`, {
          to: 'resolved',
          resolution: { cause: '主板故障', solution: '厂家更换主板', result: '运行正常', prevention: '' },
        }),
      );
      const records = ok(await c.admin.get(`/api/assets/${c.assets.staff}/maintenance`)).items as {
        kind: string;
        description: string;
        costFen: number;
        vendor: string;
        result: string;
      }[];
      assert.equal(records.length, 1);
      assert.equal(records[0]!.kind, 'repair');
      assert.match(records[0]!.description, /^GZ-\d{8}-\d{4} 厂家更换主板$/);
      assert.equal(records[0]!.costFen, 38000);
      assert.equal(records[0]!.vendor, '联想服务站');
      assert.equal(records[0]!.result, '运行正常');
    });

    it('a leader named by escalation sees it in their list, reads it, and alone decides', async () => {
      const second = ok(await c.staff.post('/api/tickets', { title: '需要采购新服务器' })).id;
      // The leader here is a staff member (王芳): any active user can be one.
      fails(await c.tech.post(`/api/tickets/${second}/escalate`, { leaderUserId: 999_999, reason: '预算' }), 400, 'tickets.invalid_leader');
      fails(await c.staff2.get(`/api/tickets/${second}`), 404, 'resource.not_found');
      const escalated = ok(
        await c.tech.post(`/api/tickets/${second}/escalate`, { leaderUserId: c.staff2.userId, reason: '超出预算，需要领导批准' }),
      );
      assert.equal(escalated.needsLeader, true);
      assert.equal(escalated.escalation.leader.id, c.staff2.userId);
      ok(await c.tech.post(`/api/tickets/${second}/comments`, { body: '内部备注：报价 3 万', internal: true }));

      const list = ok(await c.staff2.get('/api/tickets?view=leader'));
      assert.deepEqual(
        list.items.map((t: { id: number }) => t.id),
        [second],
      );
      assert.equal(ok(await c.staff2.get('/api/tickets/counts')).leader, 1);
      const seen = ok(await c.staff2.get(`/api/tickets/${second}`));
      assert.equal(seen.can.decide, true);
      assert.equal(seen.escalation.reason, '超出预算，需要领导批准');
      const timeline = ok(await c.staff2.get(`/api/tickets/${second}/timeline`)).items as { kind: string; body: string }[];
      assert.ok(timeline.some((e) => e.kind === 'escalation'));
      assert.ok(!timeline.some((e) => e.body.includes('报价')), 'internal notes stay internal');
      // The reporter does not see the escalation.
      assert.equal(ok(await c.staff.get(`/api/tickets/${second}`)).escalation, null);
      const inbox = ok(await c.staff2.get('/api/notifications')).items as { title: string }[];
      assert.ok(inbox.some((n) => n.title.includes('需要你决定')));

      fails(await c.tech.post(`/api/tickets/${second}/decision`, { decision: '我来决定' }), 403, 'tickets.not_leader');
      fails(await c.staff.post(`/api/tickets/${second}/decision`, { decision: '我来决定' }), 403, 'tickets.not_leader');
      const decided = ok(await c.staff2.post(`/api/tickets/${second}/decision`, { decision: '同意采购，走年度预算' }));
      assert.equal(decided.needsLeader, false);
      assert.equal(decided.escalation.decision, '同意采购，走年度预算');
      fails(await c.staff2.post(`/api/tickets/${second}/decision`, { decision: '再决定一次' }), 409, 'tickets.no_escalation');
      assert.equal(ok(await c.staff2.get('/api/tickets?view=leader')).total, 0);
      // Still theirs to read; never theirs to work.
      fails(await c.staff2.post(`/api/tickets/${second}/comments`, { body: '领导留言' }), 403, 'tickets.field_not_allowed');
      fails(await c.staff2.post(`/api/tickets/${second}/transition`, { to: 'closed' }), 409, 'tickets.illegal_transition');
    });
  });
}
