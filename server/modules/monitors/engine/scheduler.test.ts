// The check scheduler with a fake clock and fake timers (time moves only when the test says so),
// plus one short run on real timers that asserts counts, never durations.
// Run: node --import tsx --test server/modules/monitors/engine/scheduler.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ABORT_GRACE_MS, createScheduler, phaseFraction, type SchedulerOptions } from './scheduler.js';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock and timers that only move in advance(); every callback sees the time it was due at. */
class FakeTime {
  now: number;
  private next = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();
  constructor(start: number) {
    this.now = start;
  }
  readonly clock = { now: () => this.now };
  readonly timers = {
    set: (fn: () => void, ms: number) => {
      const h = ++this.next;
      this.pending.set(h, { at: this.now + Math.max(0, ms), fn });
      return h;
    },
    clear: (h: unknown) => void this.pending.delete(h as number),
  };
  /** A probe's wait: ends after `ms`, or at once when the check is aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const h = this.timers.set(resolve, ms);
      signal?.addEventListener('abort', () => {
        this.timers.clear(h);
        resolve();
      });
    });
  }
  /** Move time forward, firing timers in order and letting promises settle after each one. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await flush();
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.pending) if (e[1].at <= end && (!first || e[1].at < first[1].at)) first = e;
      if (!first) break;
      this.pending.delete(first[0]);
      this.now = Math.max(this.now, first[1].at);
      first[1].fn();
    }
    this.now = end;
    await flush();
  }
  /** Time passes without any timer firing (a blocked event loop, a suspended machine). */
  jump(ms: number): void {
    this.now += ms;
  }
}

const T0 = Date.UTC(2026, 4, 1, 8, 0, 0);
const S = 1000;

interface Start {
  id: number;
  dueAt: number;
  at: number;
}

function setup(run: (id: number, dueAt: number, signal: AbortSignal, ft: FakeTime) => Promise<void>, concurrency = 512) {
  const ft = new FakeTime(T0);
  const starts: Start[] = [];
  const opts: SchedulerOptions = {
    concurrency,
    clock: ft.clock,
    timers: ft.timers,
    run: (id, dueAt, signal) => {
      starts.push({ id, dueAt, at: ft.now });
      return run(id, dueAt, signal, ft);
    },
  };
  return { ft, starts, scheduler: createScheduler(opts) };
}

const instant = async () => {};

describe('scheduler: spreading checks over their interval', () => {
  it('spreads 3,000 checks of 30 s evenly over every second, with no burst at start', async () => {
    const { ft, starts, scheduler } = setup(instant);
    for (let id = 1; id <= 3000; id++) scheduler.upsert({ id, intervalMs: 30 * S, timeoutMs: 5 * S });
    scheduler.start();
    await ft.advance(60 * S);
    await scheduler.stop();

    assert.equal(starts.length, 6000);
    const perCheck = new Map<number, number>();
    for (const s of starts) perCheck.set(s.id, (perCheck.get(s.id) ?? 0) + 1);
    assert.equal(perCheck.size, 3000);
    assert.ok([...perCheck.values()].every((n) => n === 2));

    const buckets = new Array<number>(60).fill(0);
    for (const s of starts) buckets[Math.floor((s.at - T0) / S)]!++;
    const max = Math.max(...buckets);
    const min = Math.min(...buckets);
    assert.ok(min > 0 && max / min <= 1.05, `per-second starts from ${min} to ${max}`);
    // The first second after start carries its share only (a restart does not run everything at once).
    assert.ok(buckets[0]! <= 110, `first second: ${buckets[0]}`);
    assert.equal(scheduler.stats().lateness.max, 0);
  });

  it('keeps the same phase across a restart: slots depend on the id only', async () => {
    const first = setup(instant);
    first.scheduler.upsert({ id: 42, intervalMs: 30 * S, timeoutMs: S });
    first.scheduler.start();
    await first.ft.advance(31 * S);
    await first.scheduler.stop();

    const second = setup(instant);
    second.ft.now = T0 + 3_600_000 + 12_345;
    second.scheduler.upsert({ id: 42, intervalMs: 30 * S, timeoutMs: S });
    second.scheduler.start();
    await second.ft.advance(31 * S);
    await second.scheduler.stop();

    const phase = (t: number) => (((t - 0) % (30 * S)) + 30 * S) % (30 * S);
    assert.equal(first.starts.length, 1);
    assert.equal(second.starts.length, 1);
    assert.equal(phase(first.starts[0]!.dueAt), phase(second.starts[0]!.dueAt));
    assert.equal(phase(first.starts[0]!.dueAt), Math.floor(phaseFraction(42) * 30 * S));
  });

  it('runs a never-run check within about a second', async () => {
    const { ft, starts, scheduler } = setup(instant);
    scheduler.start();
    for (let id = 1; id <= 50; id++) scheduler.upsert({ id, intervalMs: 3_600_000, timeoutMs: S }, { firstRunSoon: true });
    await ft.advance(S);
    assert.equal(starts.length, 50);
    assert.ok(starts.every((s) => s.at - T0 < S));
    // …and from then on at its own slot of the hour (the first one at least half an hour later).
    await ft.advance(2 * 3_600_000);
    await scheduler.stop();
    const later = starts.slice(50);
    assert.deepEqual(new Set(later.map((s) => s.id)), new Set(starts.slice(0, 50).map((s) => s.id)));
    for (const s of later) {
      assert.equal(s.dueAt % 3_600_000, Math.floor(phaseFraction(s.id) * 3_600_000));
      const first = starts.find((f) => f.id === s.id)!;
      assert.ok(s.dueAt - first.dueAt >= 1_800_000);
    }
  });
});

describe('scheduler: slots', () => {
  it('does not drift when each run takes most of the interval', async () => {
    const { ft, starts, scheduler } = setup((_id, _due, signal, t) => t.sleep(7 * S, signal));
    scheduler.upsert({ id: 7, intervalMs: 10 * S, timeoutMs: 9 * S });
    scheduler.start();
    await ft.advance(100 * S);
    await scheduler.stop();
    assert.ok(starts.length >= 9);
    const phase = Math.floor(phaseFraction(7) * 10 * S);
    starts.forEach((s, i) => {
      assert.equal(s.at, s.dueAt, 'started on time');
      assert.equal((s.dueAt - phase) % (10 * S), 0, 'on the slot grid');
      if (i > 0) assert.equal(s.dueAt - starts[i - 1]!.dueAt, 10 * S, 'every slot');
    });
    assert.equal(scheduler.stats().skipped, 0);
  });

  it('skips a slot that comes while the previous run is still going, never running twice at once', async () => {
    let concurrent = 0;
    let most = 0;
    const { ft, starts, scheduler } = setup(async (_id, _due, signal, t) => {
      most = Math.max(most, ++concurrent);
      await t.sleep(25 * S, signal);
      concurrent--;
    });
    scheduler.upsert({ id: 3, intervalMs: 10 * S, timeoutMs: 60 * S });
    scheduler.start();
    await ft.advance(95 * S);
    await scheduler.stop();
    assert.equal(most, 1);
    // Runs of 25 s on a 10 s grid: slot 0 runs, 10 and 20 are skipped, 30 runs, and so on.
    for (let i = 1; i < starts.length; i++) assert.equal(starts[i]!.dueAt - starts[i - 1]!.dueAt, 30 * S);
    assert.ok(starts.length >= 3);
    const slotsPassed = Math.floor((T0 + 95 * S - starts[0]!.dueAt) / (10 * S)) + 1;
    assert.equal(scheduler.stats().skipped, slotsPassed - starts.length);
  });

  it('runs everything that became due when the timer fires late, and skips slots missed by a long pause', async () => {
    const { ft, starts, scheduler } = setup(instant);
    for (let id = 1; id <= 100; id++) scheduler.upsert({ id, intervalMs: 10 * S, timeoutMs: S });
    scheduler.start();
    ft.jump(5 * S);
    await ft.advance(0);
    const due = starts.length;
    assert.ok(due > 30 && due < 70, `${due} of 100 due in the first 5 s`);
    assert.ok(starts.every((s) => s.at - s.dueAt <= 5 * S && s.at >= s.dueAt));
    assert.equal(scheduler.stats().lateness.max, Math.max(...starts.map((s) => s.at - s.dueAt)));

    // A pause of 35 s: each check runs once for it, not three or four times in a row.
    starts.length = 0;
    ft.jump(35 * S);
    await ft.advance(0);
    assert.equal(starts.length, 100);
    assert.equal(new Set(starts.map((s) => s.id)).size, 100);
    assert.ok(scheduler.stats().skipped >= 200);
    await scheduler.stop();
  });
});

describe('scheduler: bounded parallelism', () => {
  it('never runs more than `concurrency` at once, and runs all of them in the end', async () => {
    let concurrent = 0;
    let most = 0;
    const { ft, starts, scheduler } = setup(async (_id, _due, signal, t) => {
      most = Math.max(most, ++concurrent);
      await t.sleep(3 * S, signal);
      concurrent--;
    }, 5);
    for (let id = 1; id <= 100; id++) scheduler.upsert({ id, intervalMs: 60 * S, timeoutMs: 10 * S });
    scheduler.start();
    await ft.advance(30 * S);
    const mid = scheduler.stats();
    assert.equal(mid.running, 5);
    assert.ok(mid.waiting > 0);
    await ft.advance(60 * S);
    await scheduler.stop();
    assert.equal(most, 5);
    assert.equal(new Set(starts.map((s) => s.id)).size, 100);
  });

  it('starts waiting checks in due order (FIFO) when saturated', async () => {
    const { ft, starts, scheduler } = setup((_id, _due, signal, t) => t.sleep(2 * S, signal), 2);
    for (let id = 1; id <= 60; id++) scheduler.upsert({ id, intervalMs: 30 * S, timeoutMs: 10 * S });
    scheduler.start();
    await ft.advance(90 * S);
    await scheduler.stop();
    assert.ok(starts.length > 40);
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i]!.dueAt >= starts[i - 1]!.dueAt, `start ${i} out of due order`);
    assert.ok(scheduler.stats().lateness.max! > 0);
  });

  it('a hanging target holds only its own slot, and is aborted after its timeout plus the grace', async () => {
    let abortedAt: number | null = null;
    const { ft, starts, scheduler } = setup(
      (id, _due, signal, t) =>
        id === 1
          ? new Promise<void>((resolve) =>
              signal.addEventListener('abort', () => {
                abortedAt = t.now;
                resolve();
              }),
            )
          : t.sleep(100, signal),
      2,
    );
    for (let id = 1; id <= 20; id++) scheduler.upsert({ id, intervalMs: 60 * S, timeoutMs: 2 * S });
    scheduler.start();
    await ft.advance(60 * S);
    await scheduler.stop();
    assert.equal(new Set(starts.map((s) => s.id)).size, 20);
    const hung = starts.find((s) => s.id === 1)!;
    assert.equal(abortedAt, hung.at + 2 * S + ABORT_GRACE_MS);
  });
});

describe('scheduler: changes while running', () => {
  it('remove() aborts a running check and forgets it', async () => {
    let signalSeen: AbortSignal | null = null;
    const { ft, starts, scheduler } = setup(
      (_id, _due, signal) =>
        new Promise<void>((resolve) => {
          signalSeen = signal;
          signal.addEventListener('abort', () => resolve());
        }),
    );
    scheduler.upsert({ id: 5, intervalMs: 10 * S, timeoutMs: 60 * S });
    scheduler.start();
    await ft.advance(10 * S);
    assert.equal(starts.length, 1);
    assert.equal(scheduler.stats().running, 1);
    scheduler.remove(5);
    await ft.advance(0);
    assert.equal((signalSeen as AbortSignal | null)?.aborted, true);
    assert.equal(scheduler.has(5), false);
    assert.equal(scheduler.stats().running, 0);
    await ft.advance(60 * S);
    assert.equal(starts.length, 1);
    assert.equal(scheduler.stats().checks, 0);
    await scheduler.stop();
  });

  it('upsert() with a new interval moves the check to the new grid; a new timeout alone changes nothing', async () => {
    const { ft, starts, scheduler } = setup(instant);
    scheduler.upsert({ id: 9, intervalMs: 30 * S, timeoutMs: S });
    scheduler.start();
    await ft.advance(61 * S);
    const before = starts.length;
    assert.equal(before, 2);
    scheduler.upsert({ id: 9, intervalMs: 30 * S, timeoutMs: 5 * S });
    await ft.advance(30 * S);
    assert.equal(starts.length, 3);
    assert.equal(starts[2]!.dueAt - starts[1]!.dueAt, 30 * S);

    scheduler.upsert({ id: 9, intervalMs: 10 * S, timeoutMs: 5 * S });
    await ft.advance(100 * S);
    await scheduler.stop();
    const after = starts.slice(3);
    assert.ok(after.length >= 9 && after.length <= 10, `${after.length} runs in 100 s`);
    const phase = Math.floor(phaseFraction(9) * 10 * S);
    for (const s of after) assert.equal((s.dueAt - phase) % (10 * S), 0);
    for (let i = 1; i < after.length; i++) assert.equal(after[i]!.dueAt - after[i - 1]!.dueAt, 10 * S);
    assert.ok(after[0]!.dueAt - starts[2]!.dueAt >= 10 * S, 'not run again right after a run');
  });

  it('upsert() refuses timing that is not a number', () => {
    const { scheduler } = setup(instant);
    assert.throws(() => scheduler.upsert({ id: 1, intervalMs: Number.NaN, timeoutMs: S }), RangeError);
    assert.throws(() => scheduler.upsert({ id: 1, intervalMs: 0, timeoutMs: S }), RangeError);
    assert.throws(() => scheduler.upsert({ id: 1, intervalMs: S, timeoutMs: Infinity }), RangeError);
    assert.equal(scheduler.has(1), false);
  });

  it('stop() aborts running checks and resolves only once they have ended', async () => {
    let ended = 0;
    const { ft, scheduler } = setup(
      (_id, _due, signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () =>
            // The probe needs a moment to close its socket after the abort.
            setImmediate(() => {
              ended++;
              resolve();
            }),
          );
        }),
    );
    for (let id = 1; id <= 10; id++) scheduler.upsert({ id, intervalMs: 5 * S, timeoutMs: 60 * S });
    scheduler.start();
    await ft.advance(5 * S);
    assert.equal(scheduler.stats().running, 10);
    const stopping = scheduler.stop();
    assert.equal(ended, 0);
    await stopping;
    assert.equal(ended, 10);
    assert.equal(scheduler.stats().running, 0);
    await ft.advance(60 * S);
    assert.equal(scheduler.stats().started, 10, 'nothing runs after stop');
  });

  it('runNow() runs at once without moving the check’s slots, and never beside a running one', async () => {
    const { ft, starts, scheduler } = setup((_id, _due, signal, t) => t.sleep(2 * S, signal));
    const phase = Math.floor(phaseFraction(11) * 60 * S);
    assert.ok(phase > 5 * S && phase < 55 * S, 'the test needs a slot away from the start');
    scheduler.upsert({ id: 11, intervalMs: 60 * S, timeoutMs: 5 * S });
    scheduler.start();
    await ft.advance(S);
    assert.equal(starts.length, 0);
    assert.equal(scheduler.runNow(11), true);
    await ft.advance(0);
    assert.deepEqual(starts, [{ id: 11, dueAt: T0 + S, at: T0 + S }]);
    assert.equal(scheduler.runNow(11), false, 'already running');
    assert.equal(scheduler.runNow(999), false, 'unknown check');
    await ft.advance(130 * S);
    await scheduler.stop();
    assert.deepEqual(
      starts.slice(1).map((s) => s.dueAt),
      [T0 + phase, T0 + phase + 60 * S, T0 + phase + 120 * S].filter((t) => t <= T0 + 131 * S),
    );
  });
});

describe('scheduler: real timers', () => {
  it('runs 200 checks of 1 s each two or three times in 2.5 s', async () => {
    const counts = new Map<number, number>();
    const scheduler = createScheduler({
      concurrency: 64,
      run: async (id) => {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    try {
      for (let id = 1; id <= 200; id++) scheduler.upsert({ id, intervalMs: 1000, timeoutMs: 500 });
      scheduler.start();
      await new Promise((resolve) => setTimeout(resolve, 2500));
    } finally {
      await scheduler.stop();
    }
    assert.equal(counts.size, 200);
    for (const [id, n] of counts) assert.ok(n >= 2 && n <= 3, `check ${id} ran ${n} times`);
    const stats = scheduler.stats();
    assert.equal(
      stats.started,
      [...counts.values()].reduce((a, b) => a + b, 0),
    );
    assert.ok(stats.lateness.p50 !== null && stats.lateness.p99 !== null);
  });
});
