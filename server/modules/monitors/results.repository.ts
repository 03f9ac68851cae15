// The high-volume tables: raw results and metrics (one row per check), rollups and state changes.
// Inserts come in batches from the one writer; reads are per monitor and by time.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { MonitorEventsTable, MonitorResultsTable, MonitorRollupsTable } from './monitors.tables.js';

export type ResultRow = Selectable<MonitorResultsTable>;
export type RollupRow = Selectable<MonitorRollupsTable>;
export type RollupSize = 'minute' | 'hour' | 'day';
export const SIZE_CODE: Record<RollupSize, string> = { minute: 'm', hour: 'h', day: 'd' };

/** Rows per multi-row insert: under both databases' bound-parameter limits. */
const CHUNK = 500;

export function createResultsRepository(db: Kysely<Database>) {
  async function insertChunks<T extends keyof Database>(table: T, rows: Insertable<Database[T]>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + CHUNK) as never)
        // Two results of one monitor in the same millisecond (a "check now" beside a scheduled
        // one) keep the first: the key is (monitor, time).
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  return {
    insertResults: (rows: Insertable<MonitorResultsTable>[]) => insertChunks('monitor_results', rows),
    insertMetrics: (rows: { monitor_id: number; at: number; data: Record<string, number> }[]) =>
      insertChunks(
        'monitor_metrics',
        rows.map((r) => ({ ...r, data: toJson(r.data) })),
      ),
    insertEvents: (rows: Insertable<MonitorEventsTable>[]) => insertChunks('monitor_events', rows),

    results: (monitorId: number, from: number, to: number) =>
      db
        .selectFrom('monitor_results')
        .selectAll()
        .where('monitor_id', '=', monitorId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .orderBy('at')
        .execute(),
    async metrics(monitorId: number, from: number, to: number): Promise<{ at: number; data: Record<string, number> }[]> {
      const rows = await db
        .selectFrom('monitor_metrics')
        .select(['at', 'data'])
        .where('monitor_id', '=', monitorId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .orderBy('at')
        .execute();
      return rows.map((r) => ({ at: Number(r.at), data: fromJson<Record<string, number>>(r.data) }));
    },
    /** Raw results of every monitor in [from, to), ordered so one pass can bucket them. */
    resultsBetween: (from: number, to: number) =>
      db
        .selectFrom('monitor_results')
        .selectAll()
        .where('at', '>=', from)
        .where('at', '<', to)
        .orderBy('monitor_id')
        .orderBy('at')
        .execute(),
    async metricsBetween(from: number, to: number): Promise<{ monitor_id: number; at: number; data: Record<string, number> }[]> {
      const rows = await db.selectFrom('monitor_metrics').selectAll().where('at', '>=', from).where('at', '<', to).execute();
      return rows.map((r) => ({ monitor_id: r.monitor_id, at: Number(r.at), data: fromJson<Record<string, number>>(r.data) }));
    },

    rollups: (monitorId: number, size: RollupSize, metric: string, from: number, to: number) =>
      db
        .selectFrom('monitor_rollups')
        .selectAll()
        .where('monitor_id', '=', monitorId)
        .where('size', '=', SIZE_CODE[size])
        .where('metric', '=', metric)
        .where('start', '>=', from)
        .where('start', '<', to)
        .orderBy('start')
        .execute(),
    rollupsBetween: (size: RollupSize, from: number, to: number) =>
      db
        .selectFrom('monitor_rollups')
        .selectAll()
        .where('size', '=', SIZE_CODE[size])
        .where('start', '>=', from)
        .where('start', '<', to)
        .execute(),
    /** Metric names a monitor recorded in a period (from the hour rollups and the recent raw rows). */
    async metricNames(monitorId: number, from: number, to: number): Promise<string[]> {
      const rolled = await db
        .selectFrom('monitor_rollups')
        .select('metric')
        .distinct()
        .where('monitor_id', '=', monitorId)
        .where('size', '=', 'h')
        .where('metric', '<>', '')
        .where('start', '>=', from)
        .where('start', '<', to)
        .execute();
      const latest = await db
        .selectFrom('monitor_metrics')
        .select('data')
        .where('monitor_id', '=', monitorId)
        .where('at', '<', to)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const names = new Set(rolled.map((r) => r.metric));
      if (latest) for (const k of Object.keys(fromJson<Record<string, number>>(latest.data))) names.add(k);
      return [...names].sort();
    },
    /** Replaces the buckets of one size that start in [from, to) with these (idempotent re-runs). */
    async replaceRollups(size: RollupSize, from: number, to: number, rows: Omit<RollupRow, 'size'>[]): Promise<void> {
      await db
        .deleteFrom('monitor_rollups')
        .where('size', '=', SIZE_CODE[size])
        .where('start', '>=', from)
        .where('start', '<', to)
        .execute();
      await insertChunks(
        'monitor_rollups',
        rows.map((r) => ({ ...r, size: SIZE_CODE[size] })),
      );
    },

    events: (monitorId: number, limit: number, offset: number) =>
      db
        .selectFrom('monitor_events')
        .selectAll()
        .where('monitor_id', '=', monitorId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    async eventCount(monitorId: number): Promise<number> {
      const r = await db
        .selectFrom('monitor_events')
        .where('monitor_id', '=', monitorId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Deletes rows older than `before` from one table, at most `batch` rows a statement. */
    async prune(table: 'monitor_results' | 'monitor_metrics' | 'monitor_events', before: number): Promise<number> {
      const r = await db.deleteFrom(table).where('at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async pruneRollups(size: RollupSize, before: number): Promise<number> {
      const r = await db.deleteFrom('monitor_rollups').where('size', '=', SIZE_CODE[size]).where('start', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** Rows in the raw tables (for the settings page's size estimate). */
    async sizes(): Promise<{ results: number; metrics: number; rollups: number }> {
      const count = async (t: 'monitor_results' | 'monitor_metrics' | 'monitor_rollups') =>
        Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]?.n ?? 0);
      return { results: await count('monitor_results'), metrics: await count('monitor_metrics'), rollups: await count('monitor_rollups') };
    },
  };
}
export type ResultsRepository = ReturnType<typeof createResultsRepository>;
