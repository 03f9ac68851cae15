// The fault tickets' bench cases, run after the ledger's on the same server and database: seeds
// years of tickets (bench/tickets-seed.ts), then measures what a technician's day asks of the
// server through the real HTTP routes with an API token: the list's views and their tab counts,
// filters and sorts, Chinese full-text search, one ticket and its timeline.
import { sql } from 'kysely';
import type { Client, TestApp } from '../server/test/test-app.js';
import { runLoad, stats, type LoadJob, type LoadResult } from './load.js';
import { fmt, loadAverage, merge, printTable, type Row } from './report.js';
import { prng, type SeedResult } from './seed.js';
import { seedTickets, verifyTicketSearchIndex } from './tickets-seed.js';

export interface TicketBenchOptions {
  tickets: number;
  events: number;
  sequential: number;
  warmup: number;
}

export interface TicketBenchResult {
  title: string;
  rows: Row[];
}

const ROW_BUDGET_MS = 20_000;
const TERMS_2 = ['打印', '蓝屏', '邮箱', '网速'];
const TERMS_3 = ['打印机卡纸', 'outlook', '交换机端口', 'ThinkCentre', '无线网络连不上'];
const write = (n: number) => n.toLocaleString('en');

export async function benchTickets(
  t: TestApp,
  admin: Client,
  port: number,
  people: SeedResult,
  opts: TicketBenchOptions,
): Promise<TicketBenchResult> {
  const db = t.connection.db;
  // Technicians to assign to; the admin (the token's owner) is one of them, for the "mine" view.
  const assigneeIds = [(await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()).id];
  for (let i = 1; i <= 5; i++) {
    const res = await admin.post('/api/users', {
      login: `tech${i}`,
      name: `技术员${i}`,
      password: `Bench-tech-${i}-2026`,
      roles: ['technician'],
    });
    if (res.statusCode !== 200) throw new Error(`technician create failed ${res.statusCode}: ${res.body}`);
    assigneeIds.push(res.json().id as number);
  }
  const locationIds = (await db.selectFrom('locations').select('id').execute()).map((r) => r.id);
  const t0 = performance.now();
  const seeded = await seedTickets(db, {
    tickets: opts.tickets,
    events: opts.events,
    seed: 2028,
    now: Date.now(),
    personIds: people.personIds,
    locationIds,
    assigneeIds,
  });
  const seedMs = performance.now() - t0;
  if (t.dialect === 'postgres') await sql`vacuum analyze tickets, tickets_grams, tickets_fts, ticket_events`.execute(db);
  console.log(`seeded ${write(seeded.tickets)} tickets, ${write(seeded.events)} timeline rows in ${fmt(seedMs / 1000)} s`);
  const rnd = prng(13);
  const randomId = () => seeded.ticketIds[Math.floor(rnd() * seeded.ticketIds.length)]!;
  const problems = await verifyTicketSearchIndex(db, [randomId(), randomId(), randomId()]);
  if (problems.length) console.log(`WARNING: bulk ticket search index differs from the app's reindex:\n  ${problems.join('\n  ')}`);

  const res = await admin.post('/api/auth/tokens', { name: 'bench tickets', permissions: ['tickets:read'] });
  if (res.statusCode !== 200) throw new Error(`token create failed ${res.statusCode}: ${res.body}`);
  const headers = { authorization: `Bearer ${res.json().secret as string}`, accept: 'application/json' };
  const base: Omit<LoadJob, 'paths'> = { port, headers, warmup: opts.warmup, budgetMs: ROW_BUDGET_MS };
  const get = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).json() as Promise<{ total: number }>;
  const list = (q: Record<string, string>) => `/api/tickets?${new URLSearchParams(q)}`;
  const n = opts.sequential;
  const rows: Row[] = [];

  const listRow = async (label: string, q: Record<string, string>) => {
    const path = list(q);
    rows.push({
      label,
      s: stats(await runLoad({ ...base, paths: Array(n).fill(path) })),
      target: 'p95',
      note: `(${write((await get(path)).total)} matches)`,
      query: q,
    });
  };
  await listRow('list: all, newest first, page 1', { view: 'all' });
  await listRow('list: mine (open, assigned to me)', { view: 'mine' });
  await listRow('list: unassigned', { view: 'unassigned' });
  await listRow('list: open, by resolution due', { view: 'open', sort: 'resolutionDue', order: 'asc' });
  await listRow('list: overdue', { view: 'overdue' });
  await listRow('list: closed, page 3', { state: 'closed', page: '3' });
  await listRow('list: all by priority', { sort: 'priority', order: 'asc' });
  await listRow('list: 网络/上网, closed, last updated', { category: 'network', state: 'closed', sort: 'updatedAt' });
  rows.push({
    label: 'tab counts (GET /api/tickets/counts)',
    s: stats(await runLoad({ ...base, paths: Array(n).fill('/api/tickets/counts') })),
    target: 'p95',
  });

  const searchRows = async (label: string, terms: string[], extra: Record<string, string> = {}) => {
    const perTerm: Row[] = [];
    const results: LoadResult[] = [];
    for (const term of terms) {
      const path = list({ ...extra, q: term });
      const r = await runLoad({
        ...base,
        warmup: 10,
        budgetMs: ROW_BUDGET_MS / terms.length,
        paths: Array(Math.ceil(n / terms.length)).fill(path),
      });
      results.push(r);
      perTerm.push({
        label: `  q=${term}`,
        s: stats(r),
        note: `(${write((await get(path)).total)} matches)`,
        query: { ...extra, q: term },
      });
    }
    rows.push({ label, s: stats(merge(results)), target: 'p95' }, ...perTerm);
  };
  await searchRows('search, 2-character term', TERMS_2);
  await searchRows('search, 3+-character term', TERMS_3);
  const sample = await db.selectFrom('tickets').select('number').where('id', '=', randomId()).executeTakeFirstOrThrow();
  await searchRows('search, a ticket number fragment', [sample.number.slice(3, 11)]);
  await searchRows('search within open tickets', ['打印', '交换机端口'], { view: 'open' });

  rows.push({
    label: 'GET /api/tickets/:id, sequential',
    s: stats(await runLoad({ ...base, paths: Array.from({ length: n }, () => `/api/tickets/${randomId()}`) })),
  });
  rows.push({
    label: `timeline of the busiest ticket (${write(seeded.busiest.rows)} entries), first page`,
    s: stats(await runLoad({ ...base, paths: Array(n).fill(`/api/tickets/${seeded.busiest.id}/timeline`) })),
    target: 'p95',
  });

  const title = `${t.dialect}: ${write(seeded.tickets)} tickets / ${write(seeded.events)} timeline rows, seeded in ${fmt(seedMs / 1000)} s (${loadAverage()})`;
  printTable(title, rows);
  return { title, rows };
}
