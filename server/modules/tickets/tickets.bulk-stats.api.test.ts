// Bulk assign and close with the items they skip, statistics on known data (two days of tickets
// at known instants), and suggestions of similar resolved tickets and of registered providers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';
import { registerTicketSuggestionProvider } from './index.js';

const at = (local: string) => Date.parse(`${local}+08:00`);

for (const dialect of dialects()) {
  describe(`ticket bulk actions, statistics and suggestions (${dialect})`, () => {
    let c: Cast;
    const ids: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 };

    before(async () => {
      c = await buildCast(dialect);
      registerTicketSuggestionProvider(c.ctx, {
        key: 'test-articles',
        suggest: async (_db, actor, text) =>
          text.includes('打印') ? [{ id: 7, title: `打印机卡纸处理（${actor.name}）`, score: 0.9 }] : [],
      });
      const step = async (local: string, work: () => Promise<void>) => {
        const day = c.clock.now() - (c.clock.now() % 86_400_000);
        c.clock.set(at(local));
        if (c.clock.now() - day >= 86_400_000) await c.relogin();
        await work();
      };
      await step('2026-12-02T09:00:00', async () => {
        ids.a = ok(
          await c.staff.post('/api/tickets', {
            title: '打印机卡纸',
            description: '三楼打印机一打印就卡纸',
            category: 'printing',
            locationId: c.locationId,
            assetIds: [c.assets.staff],
          }),
        ).id;
        ids.b = ok(await c.staff2.post('/api/tickets', { title: '无法上网', category: 'network', priority: 'urgent' })).id;
        ids.c = ok(await c.tech.post('/api/tickets', { title: '整理机房线缆', kind: 'task', priority: 'low' })).id;
      });
      await step(
        '2026-12-02T09:20:00',
        async () => void ok(await c.tech.post(`/api/tickets/${ids.b}/assign`, { assigneeUserId: c.tech2.userId })),
      );
      await step(
        '2026-12-02T09:30:00',
        async () => void ok(await c.tech.post(`/api/tickets/${ids.a}/assign`, { assigneeUserId: c.tech.userId })),
      );
      await step('2026-12-02T10:00:00', async () => {
        ok(await c.tech.post(`/api/tickets/${ids.a}/transition`, { to: 'resolved', resolution: { solution: '清理搓纸轮，取出碎纸' } }));
      });
      await step('2026-12-02T15:00:00', async () => {
        ok(
          await c.tech2.post(`/api/tickets/${ids.b}/transition`, {
            to: 'resolved',
            resolution: { cause: '交换机端口故障', solution: '换端口', result: '恢复', prevention: '巡检' },
          }),
        );
      });
      await step('2026-12-03T09:00:00', async () => {
        ids.d = ok(
          await c.staff.post('/api/tickets', {
            title: '打印机又卡纸',
            category: 'printing',
            priority: 'high',
            locationId: c.locationId,
            assetIds: [c.assets.staff],
          }),
        ).id;
      });
      await step(
        '2026-12-03T09:10:00',
        async () => void ok(await c.tech.post(`/api/tickets/${ids.d}/assign`, { assigneeUserId: c.tech.userId })),
      );
      // Outside the period.
      await step(
        '2026-12-04T09:00:00',
        async () => void ok(await c.staff.post('/api/tickets', { title: '周五的报修', category: 'network' })),
      );
      c.clock.set(at('2026-12-04T10:00:00'));
      await c.relogin();
    });
    after(() => c.close());

    it('statistics count the period in the organisation time zone, in SQL', async () => {
      const s = ok(await c.tech.get('/api/tickets/stats?from=2026-12-02&to=2026-12-03'));
      assert.equal(s.total, 4);
      assert.deepEqual(s.byCategory, [
        { key: 'printing', count: 2 },
        { key: '', count: 1 },
        { key: 'network', count: 1 },
      ]);
      assert.deepEqual(s.byPriority, [
        { key: 'high', count: 1 },
        { key: 'low', count: 1 },
        { key: 'normal', count: 1 },
        { key: 'urgent', count: 1 },
      ]);
      assert.deepEqual(s.byState, [
        { key: 'resolved', count: 2 },
        { key: 'assigned', count: 1 },
        { key: 'new', count: 1 },
      ]);
      const byAssignee = [...s.byAssignee].sort(
        (x: { count: number; userId: number | null }, y: { count: number; userId: number | null }) =>
          y.count - x.count || (x.userId ?? 0) - (y.userId ?? 0),
      );
      assert.deepEqual(byAssignee, [
        { userId: c.tech.userId, name: '李工', count: 2, resolved: 1 },
        { userId: null, name: null, count: 1, resolved: 0 },
        { userId: c.tech2.userId, name: '赵工', count: 1, resolved: 1 },
      ]);
      assert.deepEqual(s.daily, [
        { date: '2026-12-02', opened: 3, resolved: 2 },
        { date: '2026-12-03', opened: 1, resolved: 0 },
      ]);
      // Responses after 30, 20 and 10 working minutes; resolutions after 60 and 270 (lunch excluded).
      assert.equal(s.meanResponseMinutes, 20);
      assert.equal(s.meanResolutionMinutes, 165);
      // Judged on Friday 10:00: the task's response (low, 480 minutes) is past due unanswered, as is
      // the high ticket's resolution (480 minutes from Thursday 09:00); running clocks within target are not judged yet.
      assert.equal(s.responseWithinTarget, 2 / 4);
      assert.equal(s.resolutionWithinTarget, 1 / 3);
      assert.deepEqual(s.topAssets, [{ assetId: c.assets.staff, number: s.topAssets[0].number, name: '张伟的台式机', count: 2 }]);
      assert.deepEqual(s.topLocations, [{ locationId: c.locationId, name: '教学楼301', count: 2 }]);
      const empty = ok(await c.tech.get('/api/tickets/stats?from=2026-11-01&to=2026-11-30'));
      assert.equal(empty.total, 0);
      assert.equal(empty.meanResponseMinutes, null);
      assert.equal(empty.responseWithinTarget, null);
      assert.equal(empty.daily.length, 30);
    });

    it('a period backwards or longer than a year is refused', async () => {
      fails(await c.tech.get('/api/tickets/stats?from=2026-12-03&to=2026-12-02'), 400, 'tickets.invalid_period');
      fails(await c.tech.get('/api/tickets/stats?from=2025-01-01&to=2026-12-31'), 400, 'tickets.invalid_period');
      fails(await c.tech.get('/api/tickets/stats?from=2026-13-01&to=2026-12-31'), 400, 'validation.failed');
    });

    it('bulk assign changes what it can and reports the rest', async () => {
      const before = await ticketTableCounts(c.t);
      fails(
        await c.tech.post('/api/tickets/bulk/assign', { ids: [ids.c], assigneeUserId: c.staff.userId }),
        400,
        'tickets.invalid_assignee',
      );
      assert.deepEqual(await ticketTableCounts(c.t), before);
      ok(await c.tech.post(`/api/tickets/${ids.b}/transition`, { to: 'closed' }));
      const result = ok(
        await c.tech.post('/api/tickets/bulk/assign', { ids: [ids.c, ids.d, ids.b, 999_999, ids.c], assigneeUserId: c.tech.userId }),
      );
      assert.equal(result.changed, 1);
      assert.deepEqual(result.skipped, [
        { id: ids.d, code: 'tickets.unchanged' },
        { id: ids.b, code: 'tickets.closed' },
        { id: 999_999, code: 'resource.not_found' },
      ]);
      const c2 = ok(await c.tech.get(`/api/tickets/${ids.c}`));
      assert.equal(c2.state, 'assigned');
      assert.equal(c2.assignee.id, c.tech.userId);
    });

    it('bulk close closes what may close; a high ticket without its record is skipped unless it is a duplicate', async () => {
      const high = ok(await c.staff2.post('/api/tickets', { title: '服务器宕机', priority: 'high' })).id;
      const dup = ok(await c.staff.post('/api/tickets', { title: '服务器又宕机了', priority: 'urgent' })).id;
      ok(await c.tech.post(`/api/tickets/${dup}/links`, { ticketId: high, kind: 'duplicate_of' }));
      const result = ok(await c.tech.post('/api/tickets/bulk/close', { ids: [ids.a, ids.b, ids.d, high, dup], reason: '批量关闭' }));
      assert.equal(result.changed, 2);
      assert.deepEqual(result.skipped, [
        { id: ids.b, code: 'tickets.illegal_transition' },
        { id: ids.d, code: 'tickets.record_required' },
        { id: high, code: 'tickets.record_required' },
      ]);
      assert.equal(ok(await c.tech.get(`/api/tickets/${ids.a}`)).state, 'closed');
      assert.equal(ok(await c.tech.get(`/api/tickets/${dup}`)).state, 'closed');
      assert.equal(ok(await c.tech.get(`/api/tickets/${high}`)).state, 'new');
      // The same rule one at a time.
      fails(await c.tech.post(`/api/tickets/${high}/transition`, { to: 'closed' }), 400, 'tickets.record_required');
    });

    it('similar resolved tickets are suggested to technicians; providers add articles for everyone', async () => {
      const tech = ok(await c.tech.get(`/api/tickets/suggest?text=${encodeURIComponent('打印机总是卡纸怎么办')}`));
      assert.equal(tech.tickets[0].id, ids.a);
      assert.ok(tech.tickets[0].score >= 0.25);
      assert.ok(!tech.tickets.some((t: { id: number }) => t.id === ids.b), 'an unrelated ticket is not similar');
      assert.deepEqual(tech.articles, [{ id: 7, title: '打印机卡纸处理（李工）', score: 0.9 }]);
      const staff = ok(await c.staff.get(`/api/tickets/suggest?text=${encodeURIComponent('打印机总是卡纸怎么办')}`));
      assert.deepEqual(staff.tickets, []);
      assert.equal(staff.articles.length, 1, 'the provider decides what staff may read');
      const unrelated = ok(await c.tech.get(`/api/tickets/suggest?text=${encodeURIComponent('邮箱密码忘了')}`));
      assert.deepEqual(unrelated, { articles: [], tickets: [] });
      fails(await c.tech.get('/api/tickets/suggest?text=a'), 400, 'validation.failed');
    });
  });
}
