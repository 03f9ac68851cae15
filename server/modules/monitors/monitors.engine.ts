// The monitoring engine of one process: keeps every enabled monitor in the scheduler, runs its
// probe when due, evaluates the result against the monitor's last state (retries, thresholds,
// flapping, its parent) and hands the outcome to the one writer. Alerts go out through
// `onChange`; the engine itself never sends anything.
//
// State lives in memory while running and in monitor_status between runs: start() restores it, and
// restoredState() clears the count of failures in a row, so after a restart a check must fail its
// retries again before anything changes (no false alarm, no duplicate one for an outage already
// notified).
import type { Kysely } from 'kysely';
import type { MonitorState, Threshold } from '../../../shared/contracts/monitors.js';
import type { MonitorKind, MonitorSecrets, MonitorTarget } from '../../../shared/contracts/monitor-targets.js';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { evaluate, looksDown, restoredState, type Classification, type LiveState } from './engine/evaluate.js';
import { createScheduler, type Scheduler } from './engine/scheduler.js';
import { createMonitorsRepository } from './monitors.repository.js';
import type { ProbeResult, Probe } from './probes/probe.types.js';
import { createResultWriter, type ResultWriter } from './monitors.writer.js';

/** One monitor as the engine runs it. */
export interface EngineMonitor {
  id: number;
  name: string;
  kind: MonitorKind;
  target: MonitorTarget;
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  thresholds: Threshold[];
  parentId: number | null;
  secrets: MonitorSecrets;
  live: LiveState;
  lastPushAt: number | null;
  memory: Map<string, unknown>;
  /** Facts and detail of the last result, kept so a status write carries them. */
  last: { checkedAt: number | null; result: ProbeResult | null; classification: Classification | null };
}

export interface StateChange {
  monitorId: number;
  name: string;
  from: MonitorState;
  to: MonitorState;
  at: number;
  result: ProbeResult;
  /** Whether this change is one people are told about (not flapping, not unreachable …). */
  notify: boolean;
}

export interface EngineOptions {
  db: Kysely<Database>;
  probes: Partial<Record<MonitorKind, Probe<any>>>;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  concurrency?: number;
  /** Called after a state change has been handed to the writer (alerts, events). */
  onChange?: (change: StateChange) => void;
}

const STATE_CODE: Record<MonitorState, string> = { pending: 'p', ok: 'o', warning: 'w', critical: 'c', unknown: 'u', unreachable: 'r' };

export function createMonitoringEngine(opts: EngineOptions) {
  const monitors = new Map<number, EngineMonitor>();
  const writer: ResultWriter = createResultWriter({ db: opts.db, now: opts.now, log: opts.log });
  const scheduler: Scheduler = createScheduler({
    run: (id, _due, signal) => runCheck(id, signal),
    concurrency: opts.concurrency ?? 512,
    clock: { now: opts.now },
  });
  let running = false;
  let pushTimer: NodeJS.Timeout | null = null;

  function toEngineMonitor(
    row: Awaited<ReturnType<ReturnType<typeof createMonitorsRepository>['enabled']>>[number],
    secrets: MonitorSecrets,
    previous?: EngineMonitor,
  ): EngineMonitor {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind as MonitorKind,
      target: fromJson<MonitorTarget>(row.target),
      intervalMs: row.interval_s * 1000,
      timeoutMs: row.timeout_ms,
      retries: row.retries,
      thresholds: fromJson<Threshold[]>(row.thresholds),
      parentId: row.parent_id,
      secrets,
      live:
        previous?.live ??
        restoredState({
          state: row.state as MonitorState,
          since: Number(row.since),
          history: row.history,
          notified: row.notified as MonitorState,
          flapping: row.flapping === 1,
        }),
      lastPushAt: previous?.lastPushAt ?? (row.checked_at === null ? null : Number(row.checked_at)),
      memory: previous?.memory ?? new Map(),
      last: previous?.last ?? { checkedAt: row.checked_at === null ? null : Number(row.checked_at), result: null, classification: null },
    };
  }

  const parentDown = (m: EngineMonitor): boolean => {
    const parent = m.parentId === null ? undefined : monitors.get(m.parentId);
    return !!parent && looksDown(parent.live);
  };

  /** Evaluates one result and queues everything it changes. */
  function record(m: EngineMonitor, result: ProbeResult, at: number): void {
    const { next, change, notify, classification } = evaluate(
      m.live,
      result,
      { retries: m.retries, thresholds: m.thresholds },
      { now: at, parentDown: parentDown(m) },
    );
    m.live = next;
    m.last = { checkedAt: at, result, classification };
    const reason = classification.reason ?? null;
    const detail = classification.detail ?? result.detail ?? {};
    writer.add({
      result: {
        monitor_id: m.id,
        at,
        state: STATE_CODE[next.state],
        latency_ms: result.latencyMs,
        value: result.value ?? null,
        reason,
      },
      metrics: result.metrics ?? null,
      status: statusOf(m),
      event: change
        ? {
            monitor_id: m.id,
            at,
            from_state: change.from,
            to_state: change.to,
            reason,
            detail,
            value: result.value ?? null,
            notified: notify ? 1 : 0,
          }
        : null,
    });
    if (change) opts.onChange?.({ monitorId: m.id, name: m.name, from: change.from, to: change.to, at, result, notify });
  }

  function statusOf(m: EngineMonitor) {
    const r = m.last.result;
    const c = m.last.classification;
    return {
      monitor_id: m.id,
      state: m.live.state,
      since: m.live.since,
      checked_at: m.last.checkedAt,
      latency_ms: r?.latencyMs ?? null,
      value: r?.value ?? null,
      reason: c?.reason ?? null,
      detail: c?.detail ?? r?.detail ?? {},
      facts: r?.facts ?? {},
      history: m.live.history,
      flapping: m.live.flapping ? 1 : 0,
      notified: m.live.notified,
    };
  }

  async function probe(m: EngineMonitor, signal: AbortSignal): Promise<ProbeResult | null> {
    if (m.kind === 'push') {
      const grace = m.target.kind === 'push' ? m.target.graceSeconds * 1000 : 0;
      const last = m.lastPushAt ?? m.live.since;
      return opts.now() - last > m.intervalMs + grace ? { ok: false, latencyMs: null, reason: 'push_missing' } : null;
    }
    const run = opts.probes[m.kind];
    if (!run) return { ok: false, latencyMs: null, reason: 'error', detail: { code: 'no_probe' } };
    const timeout = AbortSignal.timeout(m.timeoutMs);
    try {
      return await run(m.target, {
        signal: AbortSignal.any([signal, timeout]),
        timeoutMs: m.timeoutMs,
        secrets: m.secrets,
        memory: m.memory,
        now: opts.now,
      });
    } catch (err) {
      // A probe is not supposed to throw for a target's failure; if one does, the check fails
      // with a code and the process goes on.
      opts.log(`probe ${m.kind} threw`, err);
      return { ok: false, latencyMs: null, reason: 'error', detail: { code: (err as { code?: string }).code ?? 'probe_failed' } };
    }
  }

  async function runCheck(id: number, signal: AbortSignal): Promise<void> {
    const m = monitors.get(id);
    if (!m) return;
    const result = await probe(m, signal);
    // Removed or stopped while it ran: its result belongs to nobody.
    if (!result || signal.aborted || monitors.get(id) !== m) return;
    record(m, result, opts.now());
  }

  /** Takes the push calls waiting in the database for the monitors this engine runs. */
  async function drainPushes(): Promise<void> {
    const rows = await opts.db.selectFrom('monitor_pushes').selectAll().orderBy('id').limit(5000).execute();
    if (!rows.length) return;
    for (const p of rows) {
      const m = monitors.get(p.monitor_id);
      if (!m) continue;
      const at = Number(p.at);
      m.lastPushAt = at;
      record(
        m,
        p.ok ? { ok: true, latencyMs: null, value: p.value } : { ok: false, latencyMs: null, value: p.value, reason: 'push_down' },
        at,
      );
    }
    await opts.db
      .deleteFrom('monitor_pushes')
      .where('id', '<=', rows[rows.length - 1]!.id)
      .execute();
  }

  async function loadOne(id: number): Promise<void> {
    const repo = createMonitorsRepository(opts.db);
    const [row] = await repo.enabled(id);
    const previous = monitors.get(id);
    if (!row) {
      monitors.delete(id);
      scheduler.remove(id);
      return;
    }
    const m = toEngineMonitor(row, await repo.secrets(id), previous);
    monitors.set(id, m);
    scheduler.upsert({ id, intervalMs: m.intervalMs, timeoutMs: m.timeoutMs }, { firstRunSoon: m.live.state === 'pending' });
  }

  return {
    async start(): Promise<void> {
      if (running) return;
      running = true;
      const repo = createMonitorsRepository(opts.db);
      const secrets = await repo.allSecrets();
      for (const row of await repo.enabled()) {
        const m = toEngineMonitor(row, secrets.get(row.id) ?? {});
        monitors.set(row.id, m);
        scheduler.upsert({ id: row.id, intervalMs: m.intervalMs, timeoutMs: m.timeoutMs }, { firstRunSoon: m.live.state === 'pending' });
      }
      writer.start();
      scheduler.start();
      pushTimer = setInterval(() => void drainPushes().catch((err) => opts.log('push calls could not be read', err)), 1000);
      pushTimer.unref();
    },
    async stop(): Promise<void> {
      if (!running) return;
      running = false;
      if (pushTimer) clearInterval(pushTimer);
      await scheduler.stop();
      await writer.stop();
      monitors.clear();
    },
    /** A monitor was created, edited, switched on or off, or deleted. */
    async reload(id: number): Promise<void> {
      if (!running) {
        monitors.delete(id);
        return;
      }
      await loadOne(id);
    },
    forget(id: number): void {
      monitors.delete(id);
      scheduler.remove(id);
      writer.forget(id);
    },
    /**
     * Runs one monitor's check now and waits until its result is written (the "check now" button,
     * tests). A stopped engine loads the monitor for this one check.
     */
    async checkNow(id: number): Promise<void> {
      let m = monitors.get(id);
      if (!m) {
        const repo = createMonitorsRepository(opts.db);
        const [row] = await repo.enabled(id);
        if (!row) return;
        m = toEngineMonitor(row, await repo.secrets(id));
        if (!running) monitors.set(id, m);
      }
      const result = await probe(m, new AbortController().signal);
      if (result) record(m, result, opts.now());
      await writer.flush();
    },
    drainPushes,
    flush: () => writer.flush(),
    isRunning: () => running,
    has: (id: number) => monitors.has(id),
    liveState: (id: number) => monitors.get(id)?.live.state ?? null,
    stats: () => ({ monitors: monitors.size, scheduler: scheduler.stats(), writer: writer.stats() }),
  };
}
export type MonitoringEngine = ReturnType<typeof createMonitoringEngine>;
