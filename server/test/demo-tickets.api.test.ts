// The demo's fault tickets, knowledge base and vendors as the API shows them on each dialect:
// statistics worth a chart, the work lists, a vendor repair on the device's history, FAQ entries
// staff may read beside the technicians' own notes, articles linked to the tickets they came
// from, and the same tickets on every database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../../scripts/demo/seed.js';
import { dateIn } from '../core/clock.js';
import { ok } from './fixtures.js';
import { buildTestApp, dialects, setupAdmin, signIn, userWithRoles, type Client, type TestApp } from './test-app.js';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const fingerprints: string[] = [];

interface Summary {
  id: number;
  number: string;
  kind: string;
  title: string;
  state: string;
  priority: string;
  category: string;
  reporterName: string | null;
  locationName: string | null;
  assignee: { id: number; name: string } | null;
  createdAt: number;
  response: { status: string };
  resolution: { status: string };
}
interface Article {
  id: number;
  title: string;
  visibility: string;
  status: string;
  sourceTicketId: number | null;
}

const OPEN = ['new', 'assigned', 'in_progress', 'waiting'];

for (const dialect of dialects()) {
  describe(`demo tickets, knowledge base and vendors (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let summary: string;
    const today = dateIn(Date.now(), ZONE);
    const daysAgo = (n: number) => dateIn(Date.now() - n * DAY, ZONE);
    const tickets = async (query: string) => ok<{ items: Summary[]; total: number }>(await admin.get(`/api/tickets?${query}`));
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      // Mail already set up: the demo's notifications must still stay in the inbox only.
      ok(
        await admin.put('/api/notify/settings', {
          enabled: true,
          host: '127.0.0.1',
          port: 2525,
          security: 'none',
          user: '',
          fromAddress: 'it@example.edu.cn',
          fromName: '网管台',
          baseUrl: 'http://localhost:8080',
        }),
      );
      const started = performance.now();
      summary = await seedDemo(t.connection.db);
      console.log(`${dialect}: ${summary} in ${Math.round(performance.now() - started)} ms`);
    });
    after(() => t.close());

    it('summarises the tickets, articles and vendors it wrote', () => {
      const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1]);
      assert.equal(count('vendors'), 8, summary);
      assert.equal(count('user accounts'), 8, summary);
      assert.ok(count('tickets') >= 250 && count('tickets') <= 400, summary);
      assert.ok(count('articles') >= 20 && count('articles') <= 30, summary);
    });

    it('has statistics of the last 90 days worth a chart', async () => {
      const stats = ok(await admin.get(`/api/tickets/stats?from=${daysAgo(89)}&to=${today}`));
      assert.ok(stats.total >= 150, `total ${stats.total}`);
      const categories = stats.byCategory.filter((c: { key: string; count: number }) => c.key && c.count > 0);
      assert.ok(categories.length >= 5, JSON.stringify(stats.byCategory));
      assert.ok(stats.meanResponseMinutes > 0 && stats.meanResolutionMinutes > stats.meanResponseMinutes, JSON.stringify(stats));
      for (const share of [stats.responseWithinTarget, stats.resolutionWithinTarget]) assert.ok(share > 0.5 && share < 1, String(share));
      assert.ok(stats.topAssets.length > 0 && stats.topLocations.length > 0);
      assert.ok(stats.byAssignee.filter((a: { name: string | null }) => a.name).length >= 4, JSON.stringify(stats.byAssignee));
      assert.ok(
        stats.byPriority.find((p: { key: string }) => p.key === 'normal').count > stats.total / 2,
        JSON.stringify(stats.byPriority),
      );
      const busy = stats.daily.filter((d: { opened: number }) => d.opened > 0).length;
      assert.ok(busy >= 45, `days with new tickets: ${busy}`);
    });

    it('fills the work lists: unassigned, overdue, and a technician’s own', async () => {
      const unassigned = await tickets('view=unassigned&pageSize=100');
      assert.ok(unassigned.total >= 1);
      assert.ok(unassigned.items.every((x) => x.assignee === null && OPEN.includes(x.state)));
      const overdue = await tickets('view=overdue&pageSize=100');
      assert.ok(overdue.total >= 1);
      assert.ok(overdue.items.every((x) => x.response.status === 'breached' || x.resolution.status === 'breached'));
      ok(await admin.get('/api/tickets/counts'));

      // Technicians have no known password: the administrator sets one, as for a new colleague.
      const open = await tickets('view=open&pageSize=100');
      const worked = open.items.find((x) => x.assignee !== null)!;
      assert.ok(worked, JSON.stringify(open.items));
      const account = ok(await admin.get(`/api/users/${worked.assignee!.id}`));
      assert.deepEqual(account.roles, ['technician']);
      ok(await admin.post(`/api/users/${account.id}/password`, { password: 'Demo-tech-2026' }));
      const tech = await signIn(t.app, account.login, 'Demo-tech-2026');
      const mine = ok<{ items: Summary[]; total: number }>(await tech.get('/api/tickets?view=mine&pageSize=100'));
      assert.ok(mine.total >= 1);
      assert.ok(mine.items.every((x) => x.assignee?.id === account.id && OPEN.includes(x.state)));
      // Told in the inbox, never by mail.
      assert.ok(ok<{ total: number }>(await tech.get('/api/notifications?pageSize=1')).total > 0);
      assert.equal(ok<{ total: number }>(await admin.get('/api/notify/outbox?pageSize=1')).total, 0);
    });

    it('tells a resolved fault’s story in its record and timeline', async () => {
      const [closed] = (await tickets('state=closed&priority=high&kind=fault&pageSize=1&sort=createdAt&order=asc')).items;
      const ticket = ok(await admin.get(`/api/tickets/${closed!.id}`));
      for (const part of ['problem', 'cause', 'solution', 'result', 'prevention']) assert.ok(ticket.record[part].length > 2, part);
      assert.ok(ticket.minutesSpent > 0 && ticket.reporterName !== null);
      const timeline = ok<{ items: { kind: string; at: number; internal: boolean; minutes: number }[] }>(
        await admin.get(`/api/tickets/${closed!.id}/timeline`),
      ).items;
      const kinds = new Set(timeline.map((e) => e.kind));
      for (const kind of ['created', 'assigned', 'state', 'resolution', 'note']) assert.ok(kinds.has(kind), `${kind} in ${[...kinds]}`);
      assert.ok(timeline.some((e) => e.internal && e.minutes > 0));
      // Newest first, and every step in the past.
      assert.deepEqual(
        timeline.map((e) => e.at),
        [...timeline.map((e) => e.at)].sort((a, b) => b - a),
      );
      assert.ok(timeline.every((e) => e.at <= Date.now()));
      assert.ok((await tickets('state=closed&pageSize=1')).total > (await tickets(`state=${OPEN.join(',')}&pageSize=1`)).total);
    });

    it('sends devices to vendors: the repair shows on the ticket and in the device’s history', async () => {
      const vendors = ok<{ items: { id: number; name: string; phone: string }[]; total: number }>(
        await admin.get('/api/vendors?pageSize=50'),
      );
      assert.equal(vendors.total, 8);
      assert.ok(
        vendors.items.every((v) => /^0571-8\d{3} \d{4} \/ 138-0000-\d{4}$/.test(v.phone)),
        JSON.stringify(vendors.items),
      );
      const row = await t.connection.db
        .selectFrom('ticket_repairs')
        .select(['ticket_id', 'asset_id'])
        .where('asset_id', 'is not', null)
        .where('returned_date', 'is not', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const ticket = ok(await admin.get(`/api/tickets/${row.ticket_id}`));
      const repair = ticket.repairs.find((r: { assetId: number | null }) => r.assetId === row.asset_id);
      assert.ok(repair.vendorName && repair.rmaNumber && repair.returnedDate >= repair.sentDate, JSON.stringify(repair));
      const maintenance = ok<{ items: { vendor: string; description: string }[] }>(
        await admin.get(`/api/assets/${row.asset_id}/maintenance`),
      ).items;
      assert.ok(
        maintenance.some((m) => m.vendor === repair.vendorName && m.description.startsWith(ticket.number)),
        JSON.stringify(maintenance),
      );
      const history = ok<{ items: { summary: string }[] }>(await admin.get(`/api/assets/${row.asset_id}/history?limit=200`)).items;
      assert.ok(
        history.some((h) => h.summary === `送修 ${ticket.number}`) && history.some((h) => h.summary === `修复返回 ${ticket.number}`),
      );
    });

    it('has FAQ entries staff may read, and hides the technicians’ own notes from them', async () => {
      const staff = await userWithRoles(t.app, admin, ['staff']);
      const faq = ok<{ items: Article[]; total: number }>(await staff.get('/api/kb/articles?pageSize=100'));
      assert.ok(faq.total >= 10, `FAQ entries: ${faq.total}`);
      assert.ok(faq.items.every((a) => a.visibility === 'staff' && a.status === 'published' && a.sourceTicketId === null));
      const internal = ok<{ items: Article[]; total: number }>(await admin.get('/api/kb/articles?visibility=technicians&pageSize=100'));
      assert.ok(internal.total >= 5);
      assert.equal((await staff.get(`/api/kb/articles/${internal.items[0]!.id}`)).statusCode, 404);
      assert.ok(ok<{ total: number }>(await admin.get('/api/kb/articles?status=draft&pageSize=1')).total >= 1);
    });

    it('links articles and the tickets they were written from, and keeps revisions', async () => {
      const all = ok<{ items: (Article & { views: number })[] }>(await admin.get('/api/kb/articles?pageSize=100')).items;
      const fromTickets = all.filter((a) => a.sourceTicketId !== null);
      assert.ok(fromTickets.length >= 2, JSON.stringify(all));
      for (const a of fromTickets) {
        const ticket = ok(await admin.get(`/api/tickets/${a.sourceTicketId}`));
        assert.ok(ticket.articleIds.includes(a.id) && ['resolved', 'closed'].includes(ticket.state));
        const article = ok(await admin.get(`/api/kb/articles/${a.id}?countView=0`));
        assert.equal(article.sourceTicket.number, ticket.number);
        assert.ok(article.revisionCount >= 1, 'the tidied-up article keeps the draft as a revision');
      }
      const revised = all.find((a) => a.title === '无线网络连接指南')!;
      assert.ok(ok<{ items: unknown[] }>(await admin.get(`/api/kb/articles/${revised.id}/revisions`)).items.length >= 1);
      assert.ok(all.some((a) => a.views > 20));
    });

    it('produces the same tickets and articles on every database', async () => {
      const startOfToday = Date.parse(`${today}T00:00:00+08:00`);
      const rows: string[] = [];
      for (let page = 1; ; page++) {
        const res = await tickets(`pageSize=200&page=${page}&sort=number&order=asc`);
        // What happened before today: whatever the hour, today's work may still be going on.
        for (const x of res.items)
          if (x.createdAt < startOfToday)
            rows.push([x.number, x.kind, x.title, x.priority, x.category, x.reporterName, x.locationName].join('|'));
        if (res.items.length < 200) break;
      }
      const articles = ok<{ items: Article[] }>(await admin.get('/api/kb/articles?pageSize=100&sort=title&order=asc')).items;
      rows.push(...articles.map((a) => [a.title, a.visibility, a.status].join('|')));
      fingerprints.push(rows.join('\n'));
      if (fingerprints.length > 1) assert.equal(fingerprints.at(-1), fingerprints[0]);
    });
  });
}
