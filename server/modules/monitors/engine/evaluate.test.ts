// The monitor state machine: classification, retries, recovery, dependencies, flapping, restarts.
// Run: node --import tsx --test server/modules/monitors/engine/evaluate.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProbeResult } from '../probes/probe.types.js';
import {
  FLAP_HISTORY,
  classify,
  evaluate,
  flapPercent,
  initialState,
  looksDown,
  restoredState,
  type EvalConfig,
  type Evaluation,
  type LiveState,
  type Thresholds,
} from './evaluate.js';

const OK: ProbeResult = { ok: true, latencyMs: 12 };
const DOWN: ProbeResult = { ok: false, latencyMs: null, reason: 'timeout' };
const BAD_VALUE: ProbeResult = { ok: false, latencyMs: 30, reason: 'snmp_bad_value' };
const value = (v: number, latencyMs = 10): ProbeResult => ({ ok: true, latencyMs, value: v });
const slow = (latencyMs: number): ProbeResult => ({ ok: true, latencyMs });

const cfg = (retries = 2, thresholds: Thresholds[] = []): EvalConfig => ({ retries, thresholds });
const T = 1_780_000_000_000;

/** Feeds results one a minute and returns every evaluation. */
function feed(start: LiveState, results: ProbeResult[], config: EvalConfig, parentDown: boolean | boolean[] = false): Evaluation[] {
  const out: Evaluation[] = [];
  let s = start;
  results.forEach((r, i) => {
    const e = evaluate(s, r, config, { now: T + (i + 1) * 60_000, parentDown: Array.isArray(parentDown) ? parentDown[i]! : parentDown });
    out.push(e);
    s = e.next;
  });
  return out;
}
const last = (es: Evaluation[]) => es[es.length - 1]!.next;
const states = (es: Evaluation[]) => es.map((e) => e.next.state);
const notifies = (es: Evaluation[]) => es.map((e) => e.notify);
const okState = (): LiveState => ({ ...initialState(T), state: 'ok' });

describe('classify', () => {
  it('a failed probe is critical with its reason, a non-numeric SNMP value unknown', () => {
    assert.deepEqual(classify({ ok: false, latencyMs: null, reason: 'refused', detail: { code: 'ECONNREFUSED' } }, cfg()), {
      target: 'critical',
      reason: 'refused',
      detail: { code: 'ECONNREFUSED' },
    });
    assert.deepEqual(classify(BAD_VALUE, cfg()), { target: 'unknown', reason: 'snmp_bad_value' });
    assert.deepEqual(classify(OK, cfg()), { target: 'ok' });
  });

  it('UPS conditions: low battery and overload are critical, on battery and replace battery warnings', () => {
    const ups = (condition: ProbeResult['condition']): ProbeResult => ({ ok: true, latencyMs: 3, value: 80, condition });
    assert.equal(classify(ups('low_battery'), cfg()).target, 'critical');
    assert.equal(classify(ups('overload'), cfg()).target, 'critical');
    assert.deepEqual(classify(ups('on_battery'), cfg()), { target: 'warning', reason: 'on_battery' });
    assert.equal(classify(ups('replace_battery'), cfg()).target, 'warning');
    // On battery with the charge below its critical limit: the worse one wins.
    const charge: Thresholds = { on: 'value', direction: 'below', warn: 50, crit: 20 };
    assert.deepEqual(classify({ ...ups('on_battery'), value: 15 }, cfg(0, [charge])), {
      target: 'critical',
      reason: 'threshold_value',
      detail: { limit: 20, actual: 15 },
    });
  });

  it('thresholds above and below, on value and on latency, limits inclusive', () => {
    const disk: Thresholds = { on: 'value', direction: 'above', warn: 80, crit: 90 };
    assert.equal(classify(value(79.9), cfg(0, [disk])).target, 'ok');
    assert.equal(classify(value(80), cfg(0, [disk])).target, 'warning');
    assert.equal(classify(value(90), cfg(0, [disk])).target, 'critical');
    const cert: Thresholds = { on: 'value', direction: 'below', warn: 14, crit: 3 };
    assert.equal(classify(value(15), cfg(0, [cert])).target, 'ok');
    assert.equal(classify(value(14), cfg(0, [cert])).target, 'warning');
    assert.deepEqual(classify(value(3), cfg(0, [cert])), {
      target: 'critical',
      reason: 'threshold_value',
      detail: { limit: 3, actual: 3 },
    });
    const rtt: Thresholds = { on: 'latency', direction: 'above', warn: 200, crit: 1000 };
    assert.equal(classify(slow(199), cfg(0, [rtt])).target, 'ok');
    assert.deepEqual(classify(slow(200), cfg(0, [rtt])), {
      target: 'warning',
      reason: 'threshold_latency',
      detail: { limit: 200, actual: 200 },
    });
    assert.equal(classify(slow(1000), cfg(0, [rtt])).target, 'critical');
    const tooFast: Thresholds = { on: 'latency', direction: 'below', warn: 5, crit: 1 };
    assert.equal(classify(slow(4), cfg(0, [tooFast])).target, 'warning');
    assert.equal(classify(slow(1), cfg(0, [tooFast])).target, 'critical');
  });

  it('a null limit is not checked, a missing number matches nothing, the worst threshold wins', () => {
    const warnOnly: Thresholds = { on: 'value', direction: 'above', warn: 50, crit: null };
    assert.equal(classify(value(1e9), cfg(0, [warnOnly])).target, 'warning');
    const critOnly: Thresholds = { on: 'value', direction: 'above', warn: null, crit: 50 };
    assert.equal(classify(value(49), cfg(0, [critOnly])).target, 'ok');
    assert.equal(classify({ ok: true, latencyMs: null }, cfg(0, [{ on: 'latency', direction: 'below', warn: 5, crit: 1 }])).target, 'ok');
    assert.equal(classify({ ok: true, latencyMs: 5, value: null }, cfg(0, [critOnly])).target, 'ok');
    const both = cfg(0, [
      { on: 'latency', direction: 'above', warn: 100, crit: null },
      { on: 'value', direction: 'above', warn: 70, crit: 90 },
    ]);
    assert.equal(classify(value(95, 150), both).reason, 'threshold_value');
    assert.equal(classify(value(75, 150), both).reason, 'threshold_latency', 'first of equal severity');
  });
});

describe('evaluate: retries and recovery', () => {
  it('ok → critical needs retries + 1 consecutive failures, notified once', () => {
    const es = feed(okState(), [DOWN, DOWN, DOWN, DOWN], cfg(2));
    assert.deepEqual(states(es), ['ok', 'ok', 'critical', 'critical']);
    assert.deepEqual(
      es.map((e) => e.next.softCount),
      [1, 2, 0, 0],
    );
    assert.equal(es[1]!.next.softTarget, 'critical');
    assert.deepEqual(notifies(es), [false, false, true, false]);
    assert.deepEqual(es[2]!.change, { from: 'ok', to: 'critical', at: T + 3 * 60_000 });
    assert.equal(es[2]!.next.since, T + 3 * 60_000);
    assert.equal(es[3]!.next.since, T + 3 * 60_000);
  });

  it('a good result in between starts the count again', () => {
    const es = feed(okState(), [DOWN, DOWN, OK, DOWN, DOWN, DOWN], cfg(2));
    assert.deepEqual(states(es), ['ok', 'ok', 'ok', 'ok', 'ok', 'critical']);
  });

  it('retries 0 changes at the first failure', () => {
    const es = feed(okState(), [DOWN], cfg(0));
    assert.equal(es[0]!.next.state, 'critical');
    assert.equal(es[0]!.notify, true);
  });

  it('recovers at the first good result and notifies the recovery', () => {
    const es = feed(okState(), [DOWN, DOWN, OK], cfg(1));
    assert.deepEqual(states(es), ['ok', 'critical', 'ok']);
    assert.deepEqual(notifies(es), [false, true, true]);
    assert.equal(es[2]!.next.notified, 'ok');
  });

  it('soft results of mixed severity lead to the mildest of them; warning → critical needs its own retries', () => {
    const disk = cfg(2, [{ on: 'value', direction: 'above', warn: 80, crit: 90 }]);
    const es = feed(okState(), [value(85), value(95), value(95), value(95), value(95), value(95)], disk);
    assert.deepEqual(states(es), ['ok', 'ok', 'warning', 'warning', 'warning', 'critical']);
    assert.deepEqual(notifies(es), [false, false, true, false, false, true]);
  });

  it('critical → warning is an improvement, taken at once and notified', () => {
    const disk = cfg(2, [{ on: 'value', direction: 'above', warn: 80, crit: 90 }]);
    const start: LiveState = { ...okState(), state: 'critical', notified: 'critical' };
    const es = feed(start, [value(85), value(50)], disk);
    assert.deepEqual(states(es), ['warning', 'ok']);
    assert.deepEqual(notifies(es), [true, true]);
  });

  it('unknown sits between warning and critical', () => {
    const start: LiveState = { ...okState(), state: 'warning', notified: 'warning' };
    const toUnknown = feed(start, [BAD_VALUE, BAD_VALUE], cfg(1));
    assert.deepEqual(states(toUnknown), ['warning', 'unknown']);
    assert.equal(toUnknown[1]!.notify, true);
    const toCritical = feed(toUnknown[1]!.next, [DOWN], cfg(0));
    assert.equal(toCritical[0]!.next.state, 'critical');
    const back = feed(toCritical[0]!.next, [BAD_VALUE], cfg(5));
    assert.equal(back[0]!.next.state, 'unknown', 'critical → unknown is an improvement');
  });

  it('pending: a first good result sets ok silently; a first failure needs the retries', () => {
    const good = feed(initialState(T), [OK], cfg(2));
    assert.deepEqual(good[0]!.change, { from: 'pending', to: 'ok', at: T + 60_000 });
    assert.equal(good[0]!.notify, false);
    const bad = feed(initialState(T), [DOWN, DOWN, DOWN], cfg(2));
    assert.deepEqual(states(bad), ['pending', 'pending', 'critical']);
    assert.deepEqual(notifies(bad), [false, false, true]);
  });
});

describe('evaluate: dependencies', () => {
  it('a child of a down parent becomes unreachable at once, silently; ok when it answers', () => {
    const es = feed(okState(), [DOWN, DOWN, OK], cfg(2), true);
    assert.deepEqual(states(es), ['unreachable', 'unreachable', 'ok']);
    assert.deepEqual(notifies(es), [false, false, false]);
    assert.equal(es[0]!.next.notified, 'ok');
  });

  it('when the parent is back, the child needs its retries again to become critical', () => {
    const es = feed(okState(), [DOWN, DOWN, DOWN, DOWN, DOWN], cfg(2), [true, true, false, false, false]);
    assert.deepEqual(states(es), ['unreachable', 'unreachable', 'unreachable', 'unreachable', 'critical']);
    assert.deepEqual(notifies(es), [false, false, false, false, true]);
  });

  it('a child already notified critical says nothing more when it passes through unreachable', () => {
    const start: LiveState = { ...okState(), state: 'critical', notified: 'critical' };
    const es = feed(start, [DOWN, DOWN, DOWN, DOWN, OK], cfg(1), [true, false, false, false, false]);
    assert.deepEqual(states(es), ['unreachable', 'unreachable', 'critical', 'critical', 'ok']);
    assert.deepEqual(notifies(es), [false, false, false, false, true]);
  });

  it('looksDown: hard down, unreachable, or failing towards critical; not a warning', () => {
    assert.equal(looksDown({ state: 'critical', softTarget: null }), true);
    assert.equal(looksDown({ state: 'unreachable', softTarget: null }), true);
    assert.equal(looksDown({ state: 'ok', softTarget: 'critical' }), true);
    assert.equal(looksDown({ state: 'ok', softTarget: 'warning' }), false);
    assert.equal(looksDown({ state: 'warning', softTarget: null }), false);
    assert.equal(looksDown({ state: 'pending', softTarget: null }), false);
  });
});

describe('evaluate: flapping', () => {
  it('weights transitions from 0.8 (oldest) to 1.2 (newest)', () => {
    assert.equal(flapPercent('o'.repeat(21)), 0);
    assert.ok(Math.abs(flapPercent('oc'.repeat(10) + 'o') - 100) < 1e-9);
    assert.ok(Math.abs(flapPercent('c' + 'o'.repeat(20)) - 4) < 1e-9, 'oldest transition: 0.8 / 20');
    assert.ok(Math.abs(flapPercent('o'.repeat(20) + 'c') - 6) < 1e-9, 'newest transition: 1.2 / 20');
    assert.ok(Math.abs(flapPercent('oc') - 6) < 1e-9, 'a short history counts as the newest');
  });

  it('starts above 50 %, silences changes, and notifies the current state when it stops below 25 %', () => {
    const alternating = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? DOWN : OK));
    const es = feed(okState(), alternating, cfg(0));
    const firstFlap = es.findIndex((e) => e.next.flapping);
    assert.ok(firstFlap > 2, 'not flapping at once');
    assert.ok(flapPercent(es[firstFlap]!.next.history) > 50);
    assert.ok(flapPercent(es[firstFlap - 1]!.next.history) <= 50);
    // Before flapping every change was told; once flapping, none.
    assert.ok(es.slice(0, firstFlap).every((e) => e.notify === (e.change !== null)));
    assert.ok(es.slice(firstFlap).every((e) => e.change !== null && !e.notify));
    const during = last(es);
    assert.equal(during.state, 'ok');
    assert.equal(during.notified, 'critical', 'the recovery was not told');

    // Steady critical: still flapping while the percentage stays at or above 25 % (hysteresis)…
    const calm = feed(
      during,
      Array.from({ length: 21 }, () => DOWN),
      cfg(0),
    );
    const stop = calm.findIndex((e) => !e.next.flapping);
    assert.ok(stop > 0);
    for (let i = 0; i < stop; i++) assert.ok(flapPercent(calm[i]!.next.history) >= 25);
    assert.ok(
      calm.slice(0, stop).some((e) => flapPercent(e.next.history) <= 50),
      'kept flapping below the start level',
    );
    // …and the end of flapping reports the state since then, if it differs from the last one told.
    assert.equal(calm[0]!.next.state, 'critical');
    assert.equal(calm[0]!.notify, false);
    assert.equal(calm[stop]!.notify, false, 'critical was the last state told: nothing new');
  });

  it('leaving flapping notifies a state that differs from the last one told', () => {
    const flappingOk: LiveState = { ...okState(), state: 'critical', notified: 'ok', flapping: true, history: 'oc'.repeat(10) + 'c' };
    const es = feed(
      flappingOk,
      Array.from({ length: 21 }, () => DOWN),
      cfg(0),
    );
    const stop = es.findIndex((e) => !e.next.flapping);
    assert.ok(stop > 0);
    assert.deepEqual(
      es.map((e) => e.notify),
      es.map((_, i) => i === stop),
    );
    assert.equal(es[stop]!.change, null);
    assert.equal(es[stop]!.next.notified, 'critical');
  });

  it('keeps at most 21 results of history', () => {
    const es = feed(
      okState(),
      Array.from({ length: 40 }, () => OK),
      cfg(0),
    );
    assert.equal(last(es).history, 'o'.repeat(FLAP_HISTORY));
  });
});

describe('evaluate: restarts', () => {
  it('restart in the middle of an outage: failures say nothing new, the recovery is told', () => {
    const restored = restoredState({ state: 'critical', since: T - 3_600_000, history: 'ooocccccc' });
    assert.equal(restored.softCount, 0);
    assert.equal(restored.notified, 'critical');
    const es = feed(restored, [DOWN, DOWN, DOWN, DOWN, OK], cfg(2));
    assert.deepEqual(notifies(es), [false, false, false, false, true]);
    assert.equal(es[3]!.next.since, T - 3_600_000, 'still down since before the restart');
    assert.deepEqual(es[4]!.change, { from: 'critical', to: 'ok', at: T + 5 * 60_000 });
  });

  it('restart while ok with the target now down: the retries are needed again', () => {
    const restored = restoredState({ state: 'ok', since: T - 86_400_000 });
    const es = feed(restored, [DOWN, DOWN, DOWN], cfg(2));
    assert.deepEqual(states(es), ['ok', 'ok', 'critical']);
    assert.deepEqual(notifies(es), [false, false, true]);
  });

  it('keeps the stored notified state and flapping flag, and distrusts damaged values', () => {
    const r = restoredState({ state: 'warning', since: T, history: 'oo X<img>\nc', flapping: true, notified: 'ok' });
    assert.deepEqual(r, { state: 'warning', since: T, softCount: 0, softTarget: null, history: 'ooc', flapping: true, notified: 'ok' });
    assert.equal(restoredState({ state: 'exploded', since: T }).state, 'pending');
    assert.equal(restoredState({ state: 'ok', since: T, history: 'o'.repeat(50) }).history.length, FLAP_HISTORY);
  });
});
