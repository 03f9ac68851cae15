// What the check's page draws: state changes, chart points for any period, and uptime. Recent
// periods are computed from the raw results (kept for days); older ones from the hourly and daily
// rollups, which outlive them.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../shared/contracts/common.js';
import type { MonitorState, Series, Uptime, monitorEvent, seriesQuery } from '../../../shared/contracts/monitors.js';
import { notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { readRetention } from './monitors.retention.js';
import { createResultsRepository, SIZE_CODE, type RollupSize } from './results.repository.js';

type MonitorEvent = z.infer<typeof monitorEvent>;
type SeriesQuery = z.output<typeof seriesQuery>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM_CODE: Record<string, MonitorState> = { p: 'pending', o: 'ok', w: 'warning', c: 'critical', u: 'unknown', r: 'unreachable' };
const WORST: MonitorState[] = ['critical', 'unknown', 'warning', 'unreachable', 'ok', 'pending'];

/** Resolution for a period: a chart gets at most a few thousand points. */
export function resolutionFor(spanMs: number): 'raw' | RollupSize {
  if (spanMs <= 6 * HOUR) return 'raw';
  if (spanMs <= 3 * DAY) return 'minute';
  if (spanMs <= 90 * DAY) return 'hour';
  return 'day';
}

const bucketMs: Record<RollupSize, number> = { minute: MINUTE, hour: HOUR, day: DAY };

export function createMonitorFigures({ db }: Pick<ModuleContext, 'db'>) {
  async function exists(id: number): Promise<void> {
    if (!(await db.selectFrom('monitors').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('monitor');
  }

  /** Buckets of `size` from the raw results, aggregated by the database. */
  async function rawBuckets(trx: Kysely<Database>, id: number, size: number, from: number, to: number) {
    const start = sql<number>`(at - (at % ${size}))`;
    const rows = await trx
      .selectFrom('monitor_results')
      .select([
        start.as('start'),
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when state in ('o', 'w') then 1 else 0 end)`.as('up_n'),
        sql<number>`sum(case when state in ('o', 'w', 'c', 'u') then 1 else 0 end)`.as('counted_n'),
        sql<number | null>`avg(latency_ms)`.as('lat'),
        sql<number | null>`max(latency_ms)`.as('lat_max'),
        sql<number | null>`avg(value)`.as('val'),
        sql<number | null>`min(value)`.as('val_min'),
        sql<number | null>`max(value)`.as('val_max'),
        sql<string>`min(case state when 'c' then '0' when 'u' then '1' when 'w' then '2' when 'r' then '3' when 'o' then '4' else '5' end)`.as(
          'worst',
        ),
      ])
      .where('monitor_id', '=', id)
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy(start)
      .orderBy(start)
      .execute();
    return rows.map((r) => ({
      at: Number(r.start),
      up: Number(r.counted_n) ? Number(r.up_n) / Number(r.counted_n) : null,
      latency: r.lat === null ? null : Number(r.lat),
      latencyMax: r.lat_max === null ? null : Number(r.lat_max),
      value: r.val === null ? null : Number(r.val),
      valueMin: r.val_min === null ? null : Number(r.val_min),
      valueMax: r.val_max === null ? null : Number(r.val_max),
      state: WORST[Number(r.worst)] ?? null,
    }));
  }

  async function metricPoints(id: number, metric: string, from: number, to: number, size: number | null) {
    const rows = await createResultsRepository(db).metrics(id, from, to);
    const buckets = new Map<number, { sum: number; n: number; min: number; max: number }>();
    for (const r of rows) {
      const v = r.data[metric];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const at = size ? r.at - (r.at % size) : r.at;
      const b = buckets.get(at);
      if (b) {
        b.sum += v;
        b.n++;
        b.min = Math.min(b.min, v);
        b.max = Math.max(b.max, v);
      } else buckets.set(at, { sum: v, n: 1, min: v, max: v });
    }
    return [...buckets.entries()].map(([at, b]) => ({
      at,
      up: null,
      latency: null,
      latencyMax: null,
      value: b.sum / b.n,
      valueMin: b.min,
      valueMax: b.max,
      state: null,
    }));
  }

  async function rolledPoints(id: number, size: RollupSize, metric: string, from: number, to: number) {
    const rows = await createResultsRepository(db).rollups(id, size, metric, from, to);
    return rows.map((r) => {
      const counted = r.ok_n + r.warn_n + r.crit_n + r.unknown_n;
      return {
        at: Number(r.start),
        up: metric === '' && counted ? (r.ok_n + r.warn_n) / counted : null,
        latency: r.lat_n ? r.lat_sum / r.lat_n : null,
        latencyMax: r.lat_max === null ? null : Number(r.lat_max),
        value: r.val_n ? r.val_sum / r.val_n : null,
        valueMin: r.val_min === null ? null : Number(r.val_min),
        valueMax: r.val_max === null ? null : Number(r.val_max),
        state: (metric !== ''
          ? null
          : r.crit_n
            ? 'critical'
            : r.unknown_n
              ? 'unknown'
              : r.warn_n
                ? 'warning'
                : r.ok_n
                  ? 'ok'
                  : null) as MonitorState | null,
      };
    });
  }

  return {
    async events(id: number, page: number, pageSize: number): Promise<Page<MonitorEvent>> {
      await exists(id);
      const repo = createResultsRepository(db);
      const rows = await repo.events(id, pageSize, (page - 1) * pageSize);
      return {
        items: rows.map((e) => ({
          id: e.id,
          at: Number(e.at),
          from: e.from_state as MonitorState,
          to: e.to_state as MonitorState,
          reason: e.reason,
          detail: fromJson<Record<string, string | number>>(e.detail) ?? {},
          value: e.value === null ? null : Number(e.value),
          notified: e.notified === 1,
        })),
        total: await repo.eventCount(id),
        page,
        pageSize,
      };
    },

    async series(id: number, q: SeriesQuery): Promise<Series> {
      await exists(id);
      const retention = await readRetention(db);
      const resolution = resolutionFor(q.to - q.from);
      const rawFrom = Date.now() - retention.rawDays * DAY;
      const repo = createResultsRepository(db);
      const metrics = await repo.metricNames(id, q.from, q.to);
      let points: Series['points'];
      if (resolution === 'raw') {
        if (q.metric) points = await metricPoints(id, q.metric, q.from, q.to, null);
        else
          points = (await repo.results(id, q.from, q.to)).map((r) => {
            const state = FROM_CODE[r.state] ?? null;
            return {
              at: Number(r.at),
              up: state === 'ok' || state === 'warning' ? 1 : state === 'critical' || state === 'unknown' ? 0 : null,
              latency: r.latency_ms === null ? null : Number(r.latency_ms),
              latencyMax: null,
              value: r.value === null ? null : Number(r.value),
              valueMin: null,
              valueMax: null,
              state,
            };
          });
      } else if (q.from >= rawFrom && resolution !== 'day') {
        // Still within the raw results: exact buckets from them.
        const size = bucketMs[resolution];
        points = q.metric ? await metricPoints(id, q.metric, q.from, q.to, size) : await rawBuckets(db, id, size, q.from, q.to);
      } else {
        points = await rolledPoints(id, resolution, q.metric, q.from, q.to);
      }
      return { resolution, points, metrics };
    },

    /** Share of checks up over the last day, week, month and year (rollups where raw results are gone). */
    async uptime(id: number): Promise<Uptime> {
      await exists(id);
      const retention = await readRetention(db);
      const now = Date.now();
      const rawFrom = now - retention.rawDays * DAY;
      const counts = async (from: number) => {
        const raw = await db
          .selectFrom('monitor_results')
          .select([
            sql<number>`sum(case when state in ('o', 'w') then 1 else 0 end)`.as('up'),
            sql<number>`sum(case when state in ('o', 'w', 'c', 'u') then 1 else 0 end)`.as('n'),
          ])
          .where('monitor_id', '=', id)
          .where('at', '>=', Math.max(from, rawFrom))
          .executeTakeFirstOrThrow();
        let up = Number(raw.up ?? 0);
        let n = Number(raw.n ?? 0);
        if (from < rawFrom) {
          const rolled = await db
            .selectFrom('monitor_rollups')
            .select([sql<number>`sum(ok_n + warn_n)`.as('up'), sql<number>`sum(ok_n + warn_n + crit_n + unknown_n)`.as('n')])
            .where('monitor_id', '=', id)
            .where('size', '=', SIZE_CODE.hour)
            .where('metric', '=', '')
            .where('start', '>=', from)
            .where('start', '<', rawFrom - (rawFrom % HOUR))
            .executeTakeFirstOrThrow();
          up += Number(rolled.up ?? 0);
          n += Number(rolled.n ?? 0);
        }
        return n ? up / n : null;
      };
      return {
        day: await counts(now - DAY),
        week: await counts(now - 7 * DAY),
        month: await counts(now - 30 * DAY),
        year: await counts(now - 365 * DAY),
      };
    },
  };
}
export type MonitorFigures = ReturnType<typeof createMonitorFigures>;
