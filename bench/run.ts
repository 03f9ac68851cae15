// npm run bench: seeds 100,000 people in 2,000 departments on SQLite and then on PostgreSQL,
// serves them on a real port and measures the directory endpoints over real sockets; then the
// asset ledger (100,000 assets, 1,000,000 history rows, a 50,000-row import; bench/assets-cases.ts)
// on the same server, and the helpdesk (200,000 tickets, 2,000,000 timeline rows; bench/tickets-cases.ts).
// It prints figures and ratios; it never asserts a time (targets are shown,
// see docs/performance.md).
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildTestApp, setupAdmin, type Dialect } from '../server/test/test-app.js';
import { prng, seedOrganisation, verifySearchIndex } from './seed.js';
import { runLoad, stats, type LoadJob, type LoadResult, type Stats } from './load.js';
import { explainPeopleList } from './explain.js';
import { benchAssets, importTotal, TARGET_IMPORT_S, type AssetBenchResult } from './assets-cases.js';
import { benchTickets, type TicketBenchResult } from './tickets-cases.js';
import { fmt, loadAverage as load, merge, printMarkdown, printTable, TARGET_P95_MS, type Row } from './report.js';

const SEQUENTIAL = 300;
const WARMUP = 30;
const CLIENTS = 50;
const DURATION_MS = 5000;
const TERMS_2 = ['张伟', '王芳', '网络', '打印'];
const TERMS_3 = ['网络中心', '工程师', '打印机维护', '王秀英'];
// Optional: `npm run bench -- --people=10000 --assets=10000 --only=sqlite` for a quick look
// (--assets=0 skips the ledger; --history and --import set its other sizes; --tickets=0 skips the
// helpdesk, --events sets its timeline size); defaults are the real run.
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const PEOPLE = Number(arg('people') ?? 100_000);
const ASSETS = Number(arg('assets') ?? 100_000);
const HISTORY = Number(arg('history') ?? ASSETS * 10);
const IMPORT_ROWS = Number(arg('import') ?? 50_000);
const TICKETS = Number(arg('tickets') ?? 200_000);
const TICKET_EVENTS = Number(arg('events') ?? TICKETS * 10);
const ONLY = arg('only');
const EXPLAIN = process.argv.includes('--explain');

async function startPostgres(): Promise<string> {
  const script = fileURLToPath(new URL('../scripts/start-postgres.sh', import.meta.url));
  const { stdout } = await promisify(execFile)('sh', [script], { timeout: 300_000 });
  const url = stdout.trim().split('\n').pop() ?? '';
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`start-postgres.sh printed no URL: ${stdout.trim()}`);
  return url;
}

async function bareRps(): Promise<Stats> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ id: 1, name: '张伟', status: 'active' }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  try {
    const port = (bare.server.address() as AddressInfo).port;
    return stats(
      await runLoad({ port, headers: { accept: 'application/json' }, paths: ['/bare'], concurrency: CLIENTS, durationMs: DURATION_MS }),
    );
  } finally {
    await bare.close();
  }
}

async function benchDatabase(
  dialect: Dialect,
): Promise<{ people: Row[]; assets: AssetBenchResult | null; tickets: TicketBenchResult | null }> {
  console.log(`\n=== ${dialect}: building the server on a fresh database (${load()}) ===`);
  const t = await buildTestApp(dialect, { SYSWARD_DB_POOL_SIZE: '10', SYSWARD_RUN_JOBS: 'false' });
  try {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const admin = await setupAdmin(t.app);
    const tokenRes = await admin.post('/api/auth/tokens', { name: 'bench', permissions: ['org:read'] });
    if (tokenRes.statusCode !== 200) throw new Error(`token create failed ${tokenRes.statusCode}: ${tokenRes.body}`);
    const headers = { authorization: `Bearer ${tokenRes.json().secret as string}`, accept: 'application/json' };

    const version =
      dialect === 'sqlite'
        ? sql<{ v: string }>`select 'SQLite ' || sqlite_version() as v`
        : sql<{ v: string }>`select current_setting('server_version') as v`;
    console.log(`database: ${dialect === 'postgres' ? 'PostgreSQL ' : ''}${(await version.execute(t.connection.db)).rows[0]?.v}`);
    const t0 = performance.now();
    const seeded = await seedOrganisation(t.connection.db, { tops: 20, childrenPerTop: 99, people: PEOPLE, seed: 2026 });
    const seedMs = performance.now() - t0;
    // After a bulk load PostgreSQL's autovacuum soon vacuums and analyses these tables (statistics, visibility
    // map for index-only scans); do it now so the figures show that steady state. SQLite gets nothing:
    // the app never runs ANALYZE, so its planner works without statistics, as in production.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(t.connection.db);
    console.log(
      `seeded ${seeded.people.toLocaleString('en')} people, ${seeded.departments.toLocaleString('en')} departments, ${seeded.grams.toLocaleString('en')} search grams in ${fmt(seedMs / 1000)} s`,
    );
    const rnd = prng(7);
    const randomId = () => seeded.personIds[Math.floor(rnd() * seeded.personIds.length)]!;
    const problems = await verifySearchIndex(t.connection.db, [randomId(), randomId(), randomId()]);
    if (problems.length) console.log(`WARNING: bulk search index differs from the app's writeSearchIndex:\n  ${problems.join('\n  ')}`);

    const base: Omit<LoadJob, 'paths'> = { port, headers, warmup: WARMUP };
    const total = async (path: string) =>
      ((await (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).json()) as { total: number }).total;
    const rows: Row[] = [];

    const tops = seeded.topDepartmentIds;
    const listQuery = (i: number) => ({
      departmentId: String(tops[i % tops.length]),
      status: 'active',
      sort: 'name',
      page: '3',
      pageSize: '20',
    });
    const listPath = (i: number) => `/api/people?${new URLSearchParams(listQuery(i))}`;
    const list = await runLoad({ ...base, paths: Array.from({ length: SEQUENTIAL }, (_, i) => listPath(i)) });
    rows.push({
      label: 'list: top department subtree, active, by name, page 3',
      s: stats(list),
      target: 'p95',
      note: `(~${await total(listPath(0))} matches)`,
      query: listQuery(0),
    });

    for (const [label, terms] of [
      ['search, 2-character term', TERMS_2],
      ['search, 3+-character term', TERMS_3],
    ] as const) {
      const perTerm: Row[] = [];
      const results: LoadResult[] = [];
      for (const term of terms) {
        const path = `/api/people?q=${encodeURIComponent(term)}`;
        const r = await runLoad({ ...base, warmup: 10, paths: Array.from({ length: SEQUENTIAL / terms.length }, () => path) });
        results.push(r);
        perTerm.push({ label: `  q=${term}`, s: stats(r), note: `(${await total(path)} matches)`, query: { q: term } });
      }
      rows.push({ label, s: stats(merge(results)), target: 'p95' }, ...perTerm);
    }

    const one = await runLoad({ ...base, paths: Array.from({ length: SEQUENTIAL }, () => `/api/people/${randomId()}`) });
    rows.push({ label: 'GET /api/people/:id, sequential', s: stats(one) });

    const ids = Array.from({ length: 10_000 }, () => `/api/people/${randomId()}`);
    const loaded = stats(await runLoad({ port, headers, paths: ids, concurrency: CLIENTS, durationMs: DURATION_MS }));
    const bare = await bareRps();
    rows.push(
      { label: `GET /api/people/:id, ${CLIENTS} clients ${DURATION_MS / 1000} s`, s: loaded, target: 'rps', concurrent: true },
      {
        label: `bare Fastify GET /bare, ${CLIENTS} clients`,
        s: bare,
        concurrent: true,
        note: `(ours = ${fmt((100 * loaded.rps) / bare.rps)} % of bare)`,
      },
    );
    printTable(
      `${dialect}: ${seeded.people.toLocaleString('en')} people / ${seeded.departments.toLocaleString('en')} departments, seeded in ${fmt(seedMs / 1000)} s (latencies in ms, measured by a client in a worker thread; ${load()})`,
      rows,
    );
    const slow = rows.filter((r) => r.query && r.s.p95 >= TARGET_P95_MS);
    if (slow.length && !EXPLAIN)
      console.log(`${slow.length} list/search rows have p95 >= ${TARGET_P95_MS} ms: run with --explain to print their query plans`);
    for (const r of EXPLAIN ? slow : [])
      console.log(
        `\n--- ${dialect} plan of /api/people?${new URLSearchParams(r.query)}\n${await explainPeopleList(t.connection.db, r.query!)}`,
      );
    const assets =
      ASSETS > 0
        ? await benchAssets(t, admin, port, seeded, {
            assets: ASSETS,
            history: HISTORY,
            importRows: IMPORT_ROWS,
            sequential: SEQUENTIAL,
            warmup: WARMUP,
            clients: CLIENTS,
            durationMs: DURATION_MS,
            explain: EXPLAIN,
          })
        : null;
    const tickets =
      TICKETS > 0
        ? await benchTickets(t, admin, port, seeded, { tickets: TICKETS, events: TICKET_EVENTS, sequential: SEQUENTIAL, warmup: WARMUP })
        : null;
    return { people: rows, assets, tickets };
  } finally {
    await t.close();
  }
}

console.log(
  `Sysward bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
const all: [string, Awaited<ReturnType<typeof benchDatabase>>][] = [];
if (ONLY !== 'postgres') all.push(['SQLite', await benchDatabase('sqlite')]);
let pgUrl: string | null = null;
if (ONLY !== 'sqlite') {
  try {
    pgUrl = await startPostgres();
  } catch (err) {
    console.log(`\nPostgreSQL SKIPPED: scripts/start-postgres.sh failed: ${(err as Error).message.trim()}`);
  }
}
if (pgUrl) {
  process.env.SYSWARD_TEST_POSTGRES_URL = pgUrl;
  all.push(['PostgreSQL', await benchDatabase('postgres')]);
}

// The same figures as markdown tables, ready for docs/performance.md.
printMarkdown(all.map(([db, r]) => [db, r.people]));
const helpdesks = all.flatMap(([db, r]) => (r.tickets ? [[db, r.tickets.rows] as [string, Row[]]] : []));
if (helpdesks.length) printMarkdown(helpdesks);
const ledgers = all.flatMap(([db, r]) => (r.assets ? [[db, r.assets] as const] : []));
if (ledgers.length) {
  printMarkdown(ledgers.map(([db, a]) => [db, a.rows]));
  for (const [db, { importing: f }] of ledgers) {
    console.log(
      typeof f === 'string'
        ? `${db} import: ${f}`
        : `${db} import of ${f.rows.toLocaleString('en')} rows: preview ${fmt(f.previewMs / 1000)} s + commit ${fmt(f.commitMs / 1000)} s` +
            `${f.remapMs === null ? '' : ` + re-check ${fmt(f.remapMs / 1000)} s`} = ${fmt(importTotal(f) / 1000)} s ` +
            `(target < ${TARGET_IMPORT_S} s: ${importTotal(f) < TARGET_IMPORT_S * 1000 ? 'met' : 'MISSED'})${f.note ? `; ${f.note}` : ''}`,
    );
  }
}
