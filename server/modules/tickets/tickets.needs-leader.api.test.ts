// The technicians' "waiting for a leader" filter: every escalated ticket still without a decision,
// whoever the leader is (the leader view shows only one's own), its count beside the tab counts,
// confined to their own tickets for staff, and refused when the value is not true or false.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

const ids = (page: { items: { id: number }[] }) => page.items.map((t) => t.id).sort((a, b) => a - b);

for (const dialect of dialects()) {
  describe(`tickets waiting for a leader (${dialect})`, () => {
    let c: Cast;
    let toStaff2: number;
    let toAdmin: number;
    let decided: number;
    let plain: number;

    before(async () => {
      c = await buildCast(dialect);
      const report = async (title: string) => ok(await c.staff.post('/api/tickets', { title })).id as number;
      toStaff2 = await report('需要采购新服务器');
      toAdmin = await report('机房空调需要更换');
      decided = await report('申请更换打印机');
      plain = await report('鼠标失灵');
      const escalate = (id: number, leaderUserId: number) =>
        c.tech.post(`/api/tickets/${id}/escalate`, { leaderUserId, reason: '超出预算，需要领导批准' });
      ok(await escalate(toStaff2, c.staff2.userId));
      ok(await escalate(toAdmin, c.admin.userId));
      ok(await escalate(decided, c.staff2.userId));
      ok(await c.staff2.post(`/api/tickets/${decided}/decision`, { decision: '同意' }));
    });
    after(() => c.close());

    it('needsLeader=true lists every undecided escalation, whoever decides', async () => {
      const page = ok(await c.tech.get('/api/tickets?needsLeader=true'));
      assert.deepEqual(
        ids(page),
        [toStaff2, toAdmin].sort((a, b) => a - b),
      );
      assert.equal(page.total, 2);
      assert.ok(page.items.every((t: { needsLeader: boolean }) => t.needsLeader));
      // The leader view stays "escalated to me".
      assert.equal(ok(await c.tech.get('/api/tickets?view=leader')).total, 0);
      assert.deepEqual(ids(ok(await c.admin.get('/api/tickets?view=leader'))), [toAdmin]);
    });

    it('needsLeader=false leaves them out; the filter combines with the others', async () => {
      assert.deepEqual(
        ids(ok(await c.tech.get('/api/tickets?needsLeader=false'))),
        [decided, plain].sort((a, b) => a - b),
      );
      assert.deepEqual(ids(ok(await c.tech.get('/api/tickets?needsLeader=true&view=open&q=' + encodeURIComponent('空调')))), [toAdmin]);
      assert.equal(ok(await c.tech.get('/api/tickets?needsLeader=true&state=closed')).total, 0);
      const sorted = ok(await c.tech.get('/api/tickets?needsLeader=true&sort=priority&order=asc&pageSize=1'));
      assert.equal(sorted.total, 2);
      assert.equal(sorted.items.length, 1);
    });

    it('the counts carry the number waiting; staff get 0 there and only their own tickets in the list', async () => {
      assert.equal(ok(await c.tech.get('/api/tickets/counts')).needsLeader, 2);
      const staffCounts = ok(await c.staff2.get('/api/tickets/counts'));
      assert.equal(staffCounts.needsLeader, 0);
      assert.equal(staffCounts.leader, 1);
      // 王芳 reported none of them: as the leader she sees the one escalated to her, nothing else.
      assert.deepEqual(ids(ok(await c.staff2.get('/api/tickets?needsLeader=true'))), []);
      assert.deepEqual(ids(ok(await c.staff2.get('/api/tickets?view=leader&needsLeader=true'))), [toStaff2]);
      // 张伟 reported all four: his own that wait, never anyone else's.
      assert.deepEqual(
        ids(ok(await c.staff.get('/api/tickets?needsLeader=true'))),
        [toStaff2, toAdmin].sort((a, b) => a - b),
      );
      const other = ok(await c.staff2.post('/api/tickets', { title: '王芳自己的报修' })).id;
      ok(await c.tech.post(`/api/tickets/${other}/escalate`, { leaderUserId: c.admin.userId, reason: '请批准' }));
      assert.ok(!ids(ok(await c.staff.get('/api/tickets?needsLeader=true'))).includes(other));
      assert.equal(ok(await c.tech.get('/api/tickets/counts')).needsLeader, 3);
      ok(await c.admin.post(`/api/tickets/${other}/decision`, { decision: '同意' }));
      assert.equal(ok(await c.tech.get('/api/tickets/counts')).needsLeader, 2);
    });

    it('values other than true / false are refused; nothing changes', async () => {
      const before = await ticketTableCounts(c.t);
      for (const query of [
        'needsLeader=yes',
        'needsLeader=1',
        'needsLeader=',
        'needsLeader=true&needsLeader=false',
        `needsLeader=${encodeURIComponent("true' or 1=1 --")}`,
        `needsLeader=${encodeURIComponent('<script>alert(1)</script>')}`,
      ])
        fails(await c.tech.get(`/api/tickets?${query}`), 400, 'validation.failed');
      const res = await c.app.inject({ method: 'GET', url: '/api/tickets?needsLeader=true' });
      assert.equal(res.statusCode, 401);
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });
  });
}
