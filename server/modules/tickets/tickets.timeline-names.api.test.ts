// Timeline entries of assignments and linked devices keep the names of the time beside the ids:
// after a technician or a device is renamed, or a device is unlinked, the history still reads as
// it was written.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ok } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, type Cast } from './tickets.fixtures.js';

interface Entry {
  kind: string;
  data: Record<string, unknown>;
}

for (const dialect of dialects()) {
  describe(`timeline names (${dialect})`, () => {
    let c: Cast;
    let id: number;
    const timeline = async (ticketId = id) => (ok(await c.tech.get(`/api/tickets/${ticketId}/timeline`)).items as Entry[]).reverse();
    const of = (entries: Entry[], kind: string) => entries.filter((e) => e.kind === kind).map((e) => e.data);

    before(async () => {
      c = await buildCast(dialect);
      id = ok(await c.staff.post('/api/tickets', { title: '显示器不亮', assetIds: [c.assets.staff] })).id;
    });
    after(() => c.close());

    it('an assignment names the users as they were called then', async () => {
      ok(await c.tech.post(`/api/tickets/${id}/assign`, { assigneeUserId: c.tech.userId }));
      ok(await c.tech.post(`/api/tickets/${id}/assign`, { assigneeUserId: c.tech2.userId }));
      ok(await c.tech.post(`/api/tickets/${id}/assign`, { assigneeUserId: null }));
      ok(await c.admin.patch(`/api/users/${c.tech2.userId}`, { name: '赵工（已改名）' }));
      assert.deepEqual(of(await timeline(), 'assigned'), [
        { from: null, to: c.tech.userId, fromName: null, toName: '李工' },
        { from: c.tech.userId, to: c.tech2.userId, fromName: '李工', toName: '赵工' },
        { from: c.tech2.userId, to: null, fromName: '赵工', toName: null },
      ]);
    });

    it('a ticket registered with an assignee names them in its first entry', async () => {
      const t = ok(await c.tech.post('/api/tickets', { title: '交换机端口故障', assigneeUserId: c.tech.userId }));
      assert.deepEqual(of(await timeline(t.id), 'assigned'), [{ from: null, to: c.tech.userId, fromName: null, toName: '李工' }]);
    });

    it('linking and unlinking devices names each with its number and name of the time', async () => {
      const number = ok(await c.admin.get(`/api/assets/${c.assets.spare}`)).number as string;
      ok(await c.tech.put(`/api/tickets/${id}/assets`, { assetIds: [c.assets.staff, c.assets.spare] }));
      ok(await c.tech.put(`/api/tickets/${id}/assets`, { assetIds: [c.assets.staff] }));
      ok(await c.admin.patch(`/api/assets/${c.assets.spare}`, { name: '备用机（已改名）' }));
      const [added, removed] = of(await timeline(), 'asset');
      assert.deepEqual(added, { added: [c.assets.spare], removed: [], assets: [{ id: c.assets.spare, number, name: '备用机' }] });
      assert.deepEqual(removed, { added: [], removed: [c.assets.spare], assets: [{ id: c.assets.spare, number, name: '备用机' }] });
    });

    it('a repair that brings a new device along names it too', async () => {
      const t = ok(await c.staff2.post('/api/tickets', { title: '主机无法启动' }));
      ok(await c.tech.post(`/api/tickets/${t.id}/repairs`, { assetId: c.assets.staff2, sentDate: '2026-12-02' }));
      const entries = of(await timeline(t.id), 'asset');
      assert.equal(entries.length, 1);
      assert.deepEqual(entries[0]!.added, [c.assets.staff2]);
      assert.deepEqual(
        (entries[0]!.assets as { name: string }[]).map((a) => a.name),
        ['王芳的台式机'],
      );
    });
  });
}
