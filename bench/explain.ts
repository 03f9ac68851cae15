// Query plans of a list exactly as the app builds it: the repository runs against a Kysely that
// records each compiled query, and each one is explained (EXPLAIN QUERY PLAN and a timed run on
// SQLite, EXPLAIN ANALYZE on PostgreSQL).
import { CompiledQuery, type Kysely, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { Database } from '../server/db/database.js';
import { dialectOf } from '../server/db/dialect.js';
import { createAssetsRepository } from '../server/modules/assets/assets.repository.js';
import { createPeopleRepository } from '../server/modules/org/people.repository.js';
import { assetListQuery } from '../shared/contracts/assets.js';
import { personListQuery } from '../shared/contracts/org.js';
import { ticketListQuery } from '../shared/contracts/tickets.js';
import { createTicketsRepository } from '../server/modules/tickets/tickets.repository.js';

export function explainPeopleList(db: Kysely<Database>, query: Record<string, string>): Promise<string> {
  return explainQueries(db, (recorded) => createPeopleRepository(recorded).list(personListQuery.parse(query)));
}

export function explainAssetsList(db: Kysely<Database>, query: Record<string, string>): Promise<string> {
  return explainQueries(db, (recorded) => createAssetsRepository(recorded).list(assetListQuery.parse(query)));
}

/** A technician's list (tickets:read), as user `userId` sees it now. */
export function explainTicketsList(db: Kysely<Database>, query: Record<string, string>, userId: number): Promise<string> {
  return explainQueries(db, (recorded) =>
    createTicketsRepository(recorded).list(ticketListQuery.parse(query), { userId, personId: null, readsAll: true }, Date.now()),
  );
}

/** Runs `work` on a recording Kysely, then explains every query it sent, in order. */
async function explainQueries(db: Kysely<Database>, work: (recorded: Kysely<Database>) => Promise<unknown>): Promise<string> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => (nodes.push(node), node),
    transformResult: async ({ result }) => result,
  };
  await work(db.withPlugin(recorder));
  const out: string[] = [];
  for (const node of nodes) {
    const { sql, parameters } = db.getExecutor().compileQuery(node, { queryId: 'explain' });
    out.push(`-- ${sql}`, `-- parameters: ${JSON.stringify(parameters).slice(0, 400)}`);
    if (dialectOf(db) === 'sqlite') {
      const t0 = performance.now();
      await db.executeQuery(CompiledQuery.raw(sql, [...parameters]));
      const ms = performance.now() - t0;
      const plan = await db.executeQuery<{ id: number; parent: number; detail: string }>(
        CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]),
      );
      const depth = new Map<number, number>([[0, 0]]);
      for (const r of plan.rows) {
        depth.set(r.id, (depth.get(r.parent) ?? 0) + 1);
        out.push(`${'  '.repeat(depth.get(r.id)!)}${r.detail}`);
      }
      out.push(`  (ran in ${ms.toFixed(1)} ms)`);
    } else {
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${sql}`, [...parameters]));
      for (const r of plan.rows) out.push(`  ${r['QUERY PLAN']}`);
    }
  }
  return out.join('\n');
}
