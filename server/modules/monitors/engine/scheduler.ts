// When each check runs. Pure timing: the runner passes `run` (one probe, its result written and
// evaluated) and tells the scheduler which checks exist; nothing here touches the database.
//
// - Phase: every check has a fixed offset within its interval, derived from its id by Fibonacci
//   (multiplicative) hashing: frac(id·φ⁻¹). Ids from a database sequence are consecutive, and by
//   the three-gap theorem consecutive multiples of φ⁻¹ fill the interval almost perfectly evenly,
//   far more evenly than a mixing hash (whose phases are random-like and bunch by ±√n). Other id
//   sets still come out spread like a hash. The phase never depends on when the process started,
//   so a restart neither bursts nor moves anything: the first run of a known check is its next
//   slot. A check that never ran (`firstRunSoon`) runs within about a second instead.
// - Slots are `phase + k·interval` on the wall clock; the next slot follows the previous slot,
//   not the end of the previous run, so a slow check never drifts. When a slot comes while the
//   check is still running (or still waiting for a free slot) that slot is skipped and counted:
//   a check never runs twice at once.
// - One timer, for the earliest slot of a binary min-heap. Entries of removed or re-timed checks
//   stay in the heap and are dropped when they surface (a generation number tells them apart);
//   the heap is rebuilt when such stale entries outnumber the live ones. A timer that fires late
//   runs everything that became due; a pause longer than an interval skips the missed slots.
// - At most `concurrency` runs at once; due checks beyond that wait in due order and start as
//   runs end. Each run gets an AbortSignal that fires at timeoutMs + 1 s as a last resort (the
//   probe honours its own timeout first), so a black-holed target holds only its own slot.

export type SchedulerClock = { now(): number };
export type SchedulerTimers = { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };

export interface SchedulerOptions {
  /** One check. Expected never to reject; a rejection is caught and ignored. */
  run(id: number, dueAt: number, signal: AbortSignal): Promise<void>;
  /** At most this many run() at once. */
  concurrency: number;
  clock?: SchedulerClock;
  timers?: SchedulerTimers;
}

export type ScheduledCheck = { id: number; intervalMs: number; timeoutMs: number };
export interface UpsertOptions {
  /** The check has never run (just created): run it within about a second, not at its next slot. */
  firstRunSoon?: boolean;
}

export interface SchedulerStats {
  checks: number;
  running: number;
  waiting: number;
  /** Runs started since the scheduler was made. */
  started: number;
  /** Slots not run because the check's previous run had not finished. */
  skipped: number;
  /** Start time − due time (ms) over the last LATENESS_SAMPLES starts; null before any start. */
  lateness: { p50: number | null; p99: number | null; max: number | null };
}

export interface Scheduler {
  /** Add a check or change its timing; the phase stays the same. Throws RangeError on a non-finite or non-positive interval. */
  upsert(check: ScheduledCheck, options?: UpsertOptions): void;
  /** Forget a check; a run of it in progress is aborted. */
  remove(id: number): void;
  has(id: number): boolean;
  start(): void;
  /** Stop scheduling, abort every run and resolve when all of them have ended. */
  stop(): Promise<void>;
  /** An extra run now (the "check now" button); false when the check is unknown, running or already waiting. */
  runNow(id: number): boolean;
  stats(): SchedulerStats;
}

/** How many recent starts the lateness figures cover. */
export const LATENESS_SAMPLES = 10_000;
/** Added to a check's timeout before its run is aborted by the scheduler. */
export const ABORT_GRACE_MS = 1_000;
/** A never-run check starts within this long. */
export const FIRST_RUN_WINDOW_MS = 1_000;
/** setTimeout's longest delay; a longer wait is done in several steps. */
const MAX_TIMER_MS = 2_147_483_647;

const defaultTimers: SchedulerTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Fraction in [0, 1) of the check's interval at which its slots fall. */
export function phaseFraction(id: number): number {
  return (Math.imul(id | 0, 0x9e3779b9) >>> 0) / 4_294_967_296;
}

interface Entry {
  id: number;
  intervalMs: number;
  timeoutMs: number;
  phaseMs: number;
  /** The slot the live heap item stands for. */
  dueAt: number;
  /** Bumped whenever dueAt changes or the check is removed: older heap items are stale. */
  gen: number;
  removed: boolean;
  running: boolean;
  waiting: boolean;
}

interface HeapItem {
  dueAt: number;
  seq: number;
  entry: Entry;
  gen: number;
}

interface WaitItem {
  entry: Entry;
  dueAt: number;
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const clock = opts.clock ?? { now: () => Date.now() };
  const timers = opts.timers ?? defaultTimers;
  const concurrency = Math.max(1, Math.floor(opts.concurrency));

  const checks = new Map<number, Entry>();
  const heap: HeapItem[] = [];
  let seq = 0;
  // Waiting runs: a queue with a moving head, so taking the first one is O(1).
  let queue: WaitItem[] = [];
  let queueHead = 0;
  let waiting = 0;

  const inflight = new Set<Promise<void>>();
  const controllers = new Map<Entry, AbortController>();
  let running = 0;
  let started = 0;
  let skipped = 0;
  const lateRing = new Float64Array(LATENESS_SAMPLES);
  let lateCount = 0;

  let active = false;
  let timer: unknown = null;
  let timerAt = Infinity;

  // ---- heap ------------------------------------------------------------------------------------
  const less = (a: HeapItem, b: HeapItem) => a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);

  function push(item: HeapItem): void {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  }

  function pop(): HeapItem | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }

  const live = (item: HeapItem) => !item.entry.removed && item.gen === item.entry.gen;

  function schedule(entry: Entry, dueAt: number): void {
    entry.dueAt = dueAt;
    entry.gen++;
    push({ dueAt, seq: seq++, entry, gen: entry.gen });
    if (heap.length > 2 * checks.size + 1024) rebuild();
  }

  function rebuild(): void {
    const items = heap.filter(live).sort((a, b) => (less(a, b) ? -1 : 1));
    heap.length = 0;
    // A sorted array is a valid min-heap.
    for (const item of items) heap.push(item);
  }

  /** The first slot at or after `t`. */
  function slotAtOrAfter(entry: Entry, t: number): number {
    const k = Math.ceil((t - entry.phaseMs) / entry.intervalMs);
    return entry.phaseMs + k * entry.intervalMs;
  }

  // ---- timer -----------------------------------------------------------------------------------
  function arm(): void {
    while (heap.length > 0 && !live(heap[0]!)) pop();
    const next = heap[0]?.dueAt ?? Infinity;
    if (!active || next === Infinity) {
      disarm();
      return;
    }
    if (next === timerAt && timer !== null) return;
    disarm();
    timerAt = next;
    timer = timers.set(tick, Math.min(MAX_TIMER_MS, Math.max(0, next - clock.now())));
  }

  function disarm(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
    timerAt = Infinity;
  }

  function tick(): void {
    timer = null;
    timerAt = Infinity;
    if (!active) return;
    const now = clock.now();
    while (heap.length > 0 && heap[0]!.dueAt <= now) {
      const item = pop()!;
      if (!live(item)) continue;
      const entry = item.entry;
      if (entry.running || entry.waiting) skipped++;
      else enqueue(entry, item.dueAt);
      // On the grid this is the very next slot; after an off-grid first run (firstRunSoon) it is
      // the first slot at least half an interval later, so the check does not run twice in a row.
      let next = slotAtOrAfter(entry, item.dueAt + Math.ceil(entry.intervalMs / 2));
      if (next <= now) {
        // Paused for longer than an interval (a suspended machine): the missed slots are gone.
        const nextSlot = slotAtOrAfter(entry, now + 1);
        skipped += Math.round((nextSlot - next) / entry.intervalMs);
        next = nextSlot;
      }
      schedule(entry, next);
    }
    pump();
    arm();
  }

  // ---- running ---------------------------------------------------------------------------------
  function enqueue(entry: Entry, dueAt: number): void {
    entry.waiting = true;
    waiting++;
    queue.push({ entry, dueAt });
  }

  function pump(): void {
    while (active && running < concurrency && queueHead < queue.length) {
      const item = queue[queueHead++]!;
      if (!item.entry.waiting) continue;
      item.entry.waiting = false;
      waiting--;
      begin(item.entry, item.dueAt);
    }
    if (queueHead > 1024 && queueHead * 2 > queue.length) {
      queue = queue.slice(queueHead);
      queueHead = 0;
    }
  }

  function begin(entry: Entry, dueAt: number): void {
    const now = clock.now();
    lateRing[started % LATENESS_SAMPLES] = now - dueAt;
    started++;
    lateCount = Math.min(LATENESS_SAMPLES, lateCount + 1);
    running++;
    entry.running = true;
    const controller = new AbortController();
    controllers.set(entry, controller);
    const guard = timers.set(() => controller.abort(new Error('check timed out')), entry.timeoutMs + ABORT_GRACE_MS);
    const done: Promise<void> = Promise.resolve()
      .then(() => opts.run(entry.id, dueAt, controller.signal))
      .catch(() => {
        // run() records its own failures; a rejection must not stop the others.
      })
      .finally(() => {
        timers.clear(guard);
        controllers.delete(entry);
        entry.running = false;
        running--;
        inflight.delete(done);
        pump();
      });
    inflight.add(done);
  }

  function abortAll(): void {
    for (const c of controllers.values()) c.abort(new Error('scheduler stopped'));
  }

  // ---- the interface ---------------------------------------------------------------------------
  return {
    upsert(check, options = {}) {
      // The contract bounds both; anything else here is a bug in the caller, not a setting.
      if (
        !Number.isSafeInteger(check.id) ||
        !(check.intervalMs >= 1) ||
        !(check.timeoutMs >= 0) ||
        !Number.isFinite(check.intervalMs + check.timeoutMs)
      )
        throw new RangeError(`scheduler: bad timing for check ${check.id}`);
      const intervalMs = Math.floor(check.intervalMs);
      const now = clock.now();
      let entry = checks.get(check.id);
      if (entry && entry.intervalMs === intervalMs) {
        entry.timeoutMs = check.timeoutMs;
        return;
      }
      const phaseMs = Math.floor(phaseFraction(check.id) * intervalMs);
      if (entry) {
        // Same phase fraction, new interval: the next slot of the new grid, not before the slot
        // already planned (a check just run is not run again at once) unless that slot is more
        // than one new interval away (shortening 1 h to 30 s takes effect within 30 s).
        entry.intervalMs = intervalMs;
        entry.timeoutMs = check.timeoutMs;
        entry.phaseMs = phaseMs;
        schedule(entry, slotAtOrAfter(entry, Math.max(now, Math.min(entry.dueAt, now + intervalMs))));
      } else {
        entry = {
          id: check.id,
          intervalMs,
          timeoutMs: check.timeoutMs,
          phaseMs,
          dueAt: 0,
          gen: 0,
          removed: false,
          running: false,
          waiting: false,
        };
        checks.set(check.id, entry);
        const soon = now + Math.floor(phaseFraction(check.id) * Math.min(FIRST_RUN_WINDOW_MS, intervalMs));
        schedule(entry, options.firstRunSoon ? soon : slotAtOrAfter(entry, now));
      }
      if (active && entry.dueAt < timerAt) arm();
    },

    remove(id) {
      const entry = checks.get(id);
      if (!entry) return;
      checks.delete(id);
      entry.removed = true;
      entry.gen++;
      if (entry.waiting) {
        entry.waiting = false;
        waiting--;
      }
      controllers.get(entry)?.abort(new Error('check removed'));
    },

    has: (id) => checks.has(id),

    start() {
      if (active) return;
      active = true;
      // After a stop (or a long gap between upsert and start) slots in the past are not caught up.
      const now = clock.now();
      for (const entry of checks.values()) if (entry.dueAt < now) schedule(entry, slotAtOrAfter(entry, now));
      pump();
      arm();
    },

    async stop() {
      active = false;
      disarm();
      for (const item of queue.slice(queueHead)) item.entry.waiting = false;
      queue = [];
      queueHead = 0;
      waiting = 0;
      abortAll();
      while (inflight.size > 0) await Promise.all([...inflight]);
    },

    runNow(id) {
      const entry = checks.get(id);
      if (!entry || entry.running || entry.waiting) return false;
      enqueue(entry, clock.now());
      pump();
      return true;
    },

    stats() {
      const sample = Array.from(lateRing.subarray(0, lateCount)).sort((a, b) => a - b);
      const pick = (q: number) => (sample.length ? sample[Math.min(sample.length - 1, Math.floor(q * sample.length))]! : null);
      return {
        checks: checks.size,
        running,
        waiting,
        started,
        skipped,
        lateness: { p50: pick(0.5), p99: pick(0.99), max: sample.length ? sample[sample.length - 1]! : null },
      };
    },
  };
}
