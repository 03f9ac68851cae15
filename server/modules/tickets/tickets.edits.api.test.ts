// A technician's edits: fields (category from the dictionary, location), linked devices, related
// tickets both ways, the settings (number prefix, targets) with their permission, the pickers,
// and the timeline's paging.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

for (const dialect of dialects()) {
  describe(`ticket edits, relations and settings (${dialect})`, () => {
    let c: Cast;
    let a: number;
    let b: number;

    before(async () => {
      c = await buildCast(dialect);
      a = ok(await c.staff.post('/api/tickets', { title: '邮箱收不到邮件' })).id;
      b = ok(await c.staff2.post('/api/tickets', { title: '邮件发不出去' })).id;
    });
    after(() => c.close());

    it('fields change with a timeline entry; the category must be an active dictionary item', async () => {
      const t = ok(
        await c.tech.patch(`/api/tickets/${a}`, { category: 'email', locationId: c.locationId, important: true, place: '二楼' }),
      );
      assert.equal(t.category, 'email');
      assert.equal(t.locationName, '教学楼301');
      assert.equal(t.important, true);
      const entry = ok(await c.tech.get(`/api/tickets/${a}/timeline`)).items[0];
      assert.equal(entry.kind, 'fields');
      assert.deepEqual([...entry.data.fields].sort(), ['category', 'important', 'locationId', 'place']);
      const before = await ticketTableCounts(c.t);
      fails(await c.tech.patch(`/api/tickets/${a}`, { category: 'no-such' }), 400, 'tickets.invalid_category');
      fails(await c.tech.patch(`/api/tickets/${a}`, { locationId: 999_999 }), 400, 'tickets.invalid_reference');
      fails(await c.staff.post('/api/tickets', { title: 'x', category: 'no-such' }), 400, 'tickets.invalid_category');
      assert.deepEqual(await ticketTableCounts(c.t), before);
      // A disabled item is no longer offered.
      const dict = (
        ok(await c.admin.get('/api/dictionaries')).items as { id: number; code: string; items: { id: number; value: string }[] }[]
      ).find((d) => d.code === 'ticket_category')!;
      assert.equal(dict.items.length, 9);
      const other = dict.items.find((i) => i.value === 'other')!;
      ok(await c.admin.patch(`/api/dictionaries/${dict.id}/items/${other.id}`, { enabled: false }));
      fails(await c.tech.patch(`/api/tickets/${a}`, { category: 'other' }), 400, 'tickets.invalid_category');
      // An unchanged edit writes nothing.
      const events = (await ticketTableCounts(c.t)).ticket_events;
      ok(await c.tech.patch(`/api/tickets/${a}`, { category: 'email' }));
      assert.equal((await ticketTableCounts(c.t)).ticket_events, events);
    });

    it('linked devices are set as a whole', async () => {
      const t = ok(await c.tech.put(`/api/tickets/${a}/assets`, { assetIds: [c.assets.staff, c.assets.spare] }));
      assert.equal(t.assets.length, 2);
      const after = ok(await c.tech.put(`/api/tickets/${a}/assets`, { assetIds: [c.assets.spare] }));
      assert.deepEqual(
        after.assets.map((x: { id: number }) => x.id),
        [c.assets.spare],
      );
      const entry = ok(await c.tech.get(`/api/tickets/${a}/timeline`)).items[0];
      assert.deepEqual(entry.data.added, []);
      assert.deepEqual(entry.data.removed, [c.assets.staff]);
      assert.deepEqual(
        entry.data.assets.map((x: { id: number; name: string }) => [x.id, x.name]),
        [[c.assets.staff, '张伟的台式机']],
      );
      fails(await c.tech.put(`/api/tickets/${a}/assets`, { assetIds: [999_999] }), 400, 'tickets.invalid_reference');
      assert.deepEqual(
        ok(await c.tech.get(`/api/tickets?assetId=${c.assets.spare}`)).items.map((x: { id: number }) => x.id),
        [a],
      );
    });

    it('related tickets show on both sides and are removed from either', async () => {
      const t = ok(await c.tech.post(`/api/tickets/${b}/links`, { ticketId: a, kind: 'duplicate_of' }));
      assert.deepEqual(t.links, [
        {
          kind: 'duplicate_of',
          direction: 'out',
          ticket: { id: a, number: t.links[0].ticket.number, title: '邮箱收不到邮件', state: 'new' },
        },
      ]);
      const other = ok(await c.tech.get(`/api/tickets/${a}`));
      assert.equal(other.links[0].direction, 'in');
      assert.equal(other.links[0].ticket.id, b);
      fails(await c.tech.post(`/api/tickets/${a}/links`, { ticketId: b, kind: 'duplicate_of' }), 409, 'tickets.duplicate_link');
      fails(await c.tech.post(`/api/tickets/${a}/links`, { ticketId: a, kind: 'related' }), 400, 'tickets.invalid_link');
      fails(await c.tech.post(`/api/tickets/${a}/links`, { ticketId: 999_999, kind: 'related' }), 400, 'tickets.invalid_link');
      const removed = ok(await c.tech.delete(`/api/tickets/${a}/links?ticketId=${b}&kind=duplicate_of`));
      assert.deepEqual(removed.links, []);
      fails(await c.tech.delete(`/api/tickets/${a}/links?ticketId=${b}&kind=duplicate_of`), 404, 'resource.not_found');
      const bTimeline = ok(await c.tech.get(`/api/tickets/${b}/timeline`)).items as { kind: string; data: { change: string } }[];
      assert.deepEqual(
        bTimeline.filter((e) => e.kind === 'link').map((e) => e.data.change),
        ['removed', 'added'],
      );
    });

    it('settings: anyone reads them, only settings:write changes them; the prefix numbers new tickets', async () => {
      const settings = ok(await c.staff.get('/api/tickets/settings'));
      assert.equal(settings.numberPrefix, 'GZ');
      fails(await c.tech.put('/api/tickets/settings', { ...settings, numberPrefix: 'BX' }), 403, 'auth.forbidden');
      const saved = ok(await c.admin.put('/api/tickets/settings', { ...settings, numberPrefix: 'BX', autoCloseDays: 3 }));
      assert.equal(saved.numberPrefix, 'BX');
      const t = ok(await c.staff.post('/api/tickets', { title: '新前缀' }));
      assert.equal(t.number, 'BX-20261202-0001');
      const audit = ok(await c.admin.get('/api/audit?entityType=settings')).items as { entityId: string }[];
      assert.ok(audit.some((e) => e.entityId === 'tickets'));
    });

    it('a closed ticket keeps its fields; assignment and edits are refused', async () => {
      ok(await c.tech.post(`/api/tickets/${b}/transition`, { to: 'closed', reason: '用户自行解决' }));
      fails(await c.tech.patch(`/api/tickets/${b}`, { title: '改一下' }), 409, 'tickets.closed');
      fails(await c.tech.post(`/api/tickets/${b}/assign`, { assigneeUserId: c.tech.userId }), 409, 'tickets.closed');
      fails(await c.tech.post(`/api/tickets/${b}/repairs`, { sentDate: '2026-12-02' }), 409, 'tickets.closed');
      fails(await c.tech.post(`/api/tickets/${b}/escalate`, { leaderUserId: c.admin.userId, reason: 'x' }), 409, 'tickets.closed');
    });

    it('the pickers list technicians and active users', async () => {
      const techs = ok(await c.tech.get('/api/tickets/technicians')).items as { id: number; name: string }[];
      assert.deepEqual(
        techs.map((u) => u.id).sort((x, y) => x - y),
        [c.admin.userId, c.tech.userId, c.tech2.userId].sort((x, y) => x - y),
      );
      const leaders = ok(await c.tech.get('/api/tickets/leader-candidates')).items as { id: number }[];
      assert.ok(leaders.some((u) => u.id === c.staff2.userId));
      fails(await c.tech.post(`/api/tickets/${a}/assign`, { assigneeUserId: c.staff.userId }), 400, 'tickets.invalid_assignee');
    });

    it('reports sent at the same moment get distinct numbers in sequence', async () => {
      const created = await Promise.all(Array.from({ length: 12 }, (_, i) => c.staff.post('/api/tickets', { title: `并发报修 ${i}` })));
      const numbers = created.map((r) => ok(r).number as string).sort();
      assert.equal(new Set(numbers).size, 12);
      // The prefix changed to BX above; this day's BX counter had handed out 0001.
      assert.deepEqual(
        numbers,
        Array.from({ length: 12 }, (_, i) => `BX-20261202-${String(i + 2).padStart(4, '0')}`),
      );
    });

    it('the timeline pages newest first, 50 at a time', async () => {
      for (let i = 1; i <= 60; i++) ok(await c.tech.post(`/api/tickets/${a}/comments`, { body: `第 ${i} 条`, internal: true }));
      const first = ok(await c.tech.get(`/api/tickets/${a}/timeline`));
      assert.equal(first.items.length, 50);
      assert.equal(first.items[0].body, '第 60 条');
      const second = ok(await c.tech.get(`/api/tickets/${a}/timeline?before=${first.nextBefore}`));
      assert.ok(second.items.length > 0 && second.items.length < 50);
      assert.equal(second.nextBefore, null);
      assert.equal(second.items[second.items.length - 1].kind, 'created');
      assert.ok(second.items[0].id < first.items[49].id);
    });
  });
}
