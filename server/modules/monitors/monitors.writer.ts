// The one writer of check results. Checks finish hundreds of times a second on a big site; each
// result goes into memory here, and every second (or sooner when many are waiting) one
// transaction writes them all: raw results, metrics, state changes and the latest status of each
// monitor that changed. When the database is busy or briefly gone, the rows stay in memory and
// the next flush tries again; past a bound the oldest raw results are dropped first (state
// changes and status are never dropped), so memory stays bounded through a long outage.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { toJson } from '../../db/dialect.js';
import { createMonitorsRepository, type StatusWrite } from './monitors.repository.js';
import type { MonitorEventsTable, MonitorResultsTable } from './monitors.tables.js';
import { createResultsRepository } from './results.repository.js';

export interface ResultRecord {
  result: Insertable<MonitorResultsTable>;
  metrics: Record<string, number> | null;
  status: StatusWrite;
  event: Insertable<MonitorEventsTable> | null;
}

export interface WriterStats {
  written: number;
  dropped: number;
  failedFlushes: number;
  pending: number;
  lastFlushMs: number;
}

const MAX_PENDING_RESULTS = 200_000;

export function createResultWriter(opts: {
  db: Kysely<Database>;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  /** Flush when this many results wait, without waiting for the timer. */
  batchSize?: number;
  intervalMs?: number;
}) {
  const batchSize = opts.batchSize ?? 1000;
  let results: Insertable<MonitorResultsTable>[] = [];
  let metrics: { monitor_id: number; at: number; data: Record<string, number> }[] = [];
  let events: Insertable<MonitorEventsTable>[] = [];
  /** Only the latest status of each monitor is written. */
  let statuses = new Map<number, StatusWrite>();
  const stats: WriterStats = { written: 0, dropped: 0, failedFlushes: 0, pending: 0, lastFlushMs: 0 };
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;

  async function writeBatch(): Promise<void> {
    if (!results.length && !events.length && !statuses.size && !metrics.length) return;
    const batch = { results, metrics, events, statuses };
    results = [];
    metrics = [];
    events = [];
    statuses = new Map();
    const started = Date.now();
    try {
      await opts.db.transaction().execute(async (trx) => {
        const repo = createResultsRepository(trx);
        await repo.insertResults(batch.results);
        await repo.insertMetrics(batch.metrics);
        await repo.insertEvents(batch.events.map((e) => ({ ...e, detail: toJson(e.detail ?? {}) })));
        await createMonitorsRepository(trx).writeStatus([...batch.statuses.values()], opts.now());
      });
      stats.written += batch.results.length;
      stats.lastFlushMs = Date.now() - started;
    } catch (err) {
      stats.failedFlushes++;
      opts.log('monitor results could not be written; keeping them for the next try', err);
      // Put the batch back in front of what arrived meanwhile; newer statuses win.
      results = [...batch.results, ...results];
      metrics = [...batch.metrics, ...metrics];
      events = [...batch.events, ...events];
      for (const [id, s] of batch.statuses) if (!statuses.has(id)) statuses.set(id, s);
      trim();
    }
  }

  function trim(): void {
    const over = results.length - MAX_PENDING_RESULTS;
    if (over > 0) {
      results = results.slice(over);
      stats.dropped += over;
    }
    if (metrics.length > MAX_PENDING_RESULTS / 10) metrics = metrics.slice(metrics.length - MAX_PENDING_RESULTS / 10);
  }

  function flush(): Promise<void> {
    // One flush at a time; a caller that comes during one waits for it and then for its own.
    const run = async () => {
      if (flushing) await flushing.catch(() => undefined);
      await writeBatch();
    };
    const p = run();
    flushing = p.finally(() => {
      if (flushing === p) flushing = null;
    });
    return p;
  }

  return {
    add(rec: ResultRecord): void {
      results.push(rec.result);
      if (rec.metrics && Object.keys(rec.metrics).length)
        metrics.push({ monitor_id: rec.result.monitor_id, at: Number(rec.result.at), data: rec.metrics });
      if (rec.event) events.push(rec.event);
      statuses.set(rec.status.monitor_id, rec.status);
      trim();
      if (results.length >= batchSize && !flushing) void flush();
    },
    /** Status only (a monitor edited or reset), written with the next batch. */
    setStatus(status: StatusWrite): void {
      statuses.set(status.monitor_id, status);
    },
    /** Forget what waits for a monitor that was deleted. */
    forget(monitorId: number): void {
      statuses.delete(monitorId);
      results = results.filter((r) => r.monitor_id !== monitorId);
      metrics = metrics.filter((r) => r.monitor_id !== monitorId);
      events = events.filter((r) => r.monitor_id !== monitorId);
    },
    flush,
    start(): void {
      timer ??= setInterval(() => void flush(), opts.intervalMs ?? 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
    stats: (): WriterStats => ({ ...stats, pending: results.length }),
  };
}
export type ResultWriter = ReturnType<typeof createResultWriter>;
