// The per-state numbers the lists read instead of counting (ticket_state_counts) stay equal to the
// rows through every kind of change: reports, transitions, waiting and back, reopening, bulk close,
// and a refused change that must move nothing; on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TICKET_STATES } from '../../../shared/contracts/tickets.js';
import { fails, ok } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, type Cast } from './tickets.fixtures.js';

for (const dialect of dialects()) {
  describe(`ticket counts by state (${dialect})`, () => {
    let c: Cast;
    before(async () => (c = await buildCast(dialect)));
    after(() => c.close());

    /** What the rows say, and what the list totals (read from the kept numbers) say. */
    async function check(label: string) {
      const rows = await c.t.connection.db.selectFrom('tickets').select('state').execute();
      for (const state of TICKET_STATES) {
        const real = rows.filter((r) => r.state === state).length;
        assert.equal(ok(await c.tech.get(`/api/tickets?state=${state}`)).total, real, `${label}: ${state}`);
      }
      assert.equal(ok(await c.tech.get('/api/tickets?view=all')).total, rows.length, `${label}: all`);
      const open = rows.filter((r) => ['new', 'assigned', 'in_progress', 'waiting'].includes(r.state)).length;
      assert.equal(ok(await c.tech.get('/api/tickets?view=open')).total, open, `${label}: open`);
      assert.equal(ok(await c.tech.get('/api/tickets/counts')).open, open, `${label}: open tab`);
      assert.equal(
        ok(await c.tech.get('/api/tickets?view=open&state=waiting,closed')).total,
        rows.filter((r) => r.state === 'waiting').length,
      );
    }

    it('follow reports, transitions, reopening and bulk closing', async () => {
      const report = async (title: string) =>
        ok(await c.staff.post('/api/tickets', { title, description: '', category: 'printing', priority: 'normal' })).id as number;
      const ids = [await report('打印机卡纸'), await report('打印机脱机'), await report('复印机缺粉'), await report('扫描失败')];
      await check('reported');
      const move = async (id: number, body: Record<string, unknown>) => ok(await c.tech.post(`/api/tickets/${id}/transition`, body));
      await move(ids[0]!, { to: 'in_progress' });
      await move(ids[1]!, { to: 'waiting', waitingFor: 'parts' });
      await move(ids[2]!, { to: 'resolved', resolution: { solution: '更换硒鼓' } });
      await check('worked');
      await move(ids[1]!, { to: 'in_progress' });
      ok(await c.staff.post(`/api/tickets/${ids[2]}/transition`, { to: 'closed' }));
      await check('confirmed');
      await move(ids[2]!, { to: 'in_progress' });
      ok(await c.tech.post('/api/tickets/bulk/close', { ids: [ids[0], ids[3]], reason: '重复报修' }));
      await check('reopened and bulk closed');
      fails(await c.tech.post(`/api/tickets/${ids[0]}/transition`, { to: 'new' }), 409, 'tickets.illegal_transition');
      await check('after a refused change');
    });
  });
}
