// What one check result means for its monitor: the state machine, pure (no clock, no database).
// The runner keeps one LiveState per monitor, feeds it every result, stores what comes back and
// sends a notification when `notify` is true.
//
// classify (one result → ok / warning / critical / unknown):
// - ok: false is critical, with the probe's reason, except 'snmp_bad_value' (the agent answered but
//   the value is no number), which is unknown;
// - a UPS condition is critical for low_battery and overload, warning for on_battery and
//   replace_battery, even when the probe says ok;
// - thresholds compare `value` or `latencyMs`: 'above' means ≥ crit is critical, ≥ warn warning;
//   'below' means ≤ crit is critical, ≤ warn warning; a limit left null is not checked, and a
//   missing number (no latency, no value) matches no threshold;
// - the worst of condition and thresholds wins (the first one named when they tie); else ok.
//
// Hard states and retries. Severity runs ok < warning < unknown < critical (as Icinga sorts).
// - A result as bad as the current state keeps it and clears any soft count.
// - A better result changes the state at once: a recovery needs one good result, because a
//   problem that stayed unseen one interval longer costs more than a recovery sent early.
// - A worse result is soft: `retries + 1` consecutive worse results are needed; the state then
//   becomes the mildest of them (softTarget), since every one of them was at least that bad.
//   w, c, c with retries 2 becomes warning; critical then needs three more critical results.
// - pending (never checked) and unreachable rank with ok: a first ok result sets ok directly, a
//   first failing result needs the retries like any other. A restart restores the stored state
//   with no soft count (restoredState), so a target found down after a restart must fail its
//   retries again before anything is said, and a monitor already critical says nothing new.
// - Dependencies: while ctx.parentDown (see looksDown) any result worse than ok makes the state
//   'unreachable' at once, without notification. When the parent is back, results are judged
//   again from 'unreachable' and need the retries to become critical.
//
// Flapping (as Nagios): the last FLAP_HISTORY classified results hold up to 20 transitions; a
// transition that changes the letter counts with a weight from 0.8 (oldest) to 1.2 (newest),
// the sum over 20 is the percentage. Above FLAP_START the monitor is flapping and stays so until
// it falls below FLAP_STOP. States still change while flapping, but nothing is notified.
//
// Notifications go out exactly when a hard state is reached (by a change, or by flapping ending)
// that differs from `notified`, the last state notified, and is warning, critical or unknown, or
// is ok after a notified problem (a recovery). Never while flapping, never for unreachable,
// never for pending → ok. `notified` starts as 'ok', meaning "no problem told".
import type { ProbeReason, ProbeResult } from '../probes/probe.types.js';

export type MonitorState = 'pending' | 'ok' | 'warning' | 'critical' | 'unknown' | 'unreachable';
/** What a single result can be classified as. */
export type ResultState = 'ok' | 'warning' | 'critical' | 'unknown';

export interface Thresholds {
  on: 'value' | 'latency';
  direction: 'above' | 'below';
  warn: number | null;
  crit: number | null;
}
export interface EvalConfig {
  /** Extra failing results before a worse state is taken. */
  retries: number;
  thresholds: Thresholds[];
}

export interface LiveState {
  state: MonitorState;
  since: number;
  /** Consecutive results worse than `state` so far. */
  softCount: number;
  /** The state those results would lead to (the mildest of them); null when not counting. */
  softTarget: MonitorState | null;
  /** The last ≤ FLAP_HISTORY classified results, one letter each: o, w, c, u. */
  history: string;
  flapping: boolean;
  /** The last state a notification went out for ('ok': no problem has been told). */
  notified: MonitorState;
}

export type UpsCondition = NonNullable<ProbeResult['condition']>;
/** The reason code stored with a state: the probe's own, a UPS condition, or a crossed threshold. */
export type EvalReason = ProbeReason | UpsCondition | 'threshold_value' | 'threshold_latency';

export interface Classification {
  target: ResultState;
  reason?: EvalReason;
  /** For thresholds: { limit, actual }. For probe failures: the probe's detail. */
  detail?: Record<string, string | number>;
}

export interface Evaluation {
  next: LiveState;
  change: null | { from: MonitorState; to: MonitorState; at: number };
  notify: boolean;
  classification: Classification;
}

export const FLAP_HISTORY = 21;
export const FLAP_START = 50;
export const FLAP_STOP = 25;

const LETTER: Record<ResultState, string> = { ok: 'o', warning: 'w', critical: 'c', unknown: 'u' };
const RANK: Record<MonitorState, number> = { pending: 0, unreachable: 0, ok: 0, warning: 1, unknown: 2, critical: 3 };
const CONDITION: Record<UpsCondition, ResultState> = {
  on_battery: 'warning',
  replace_battery: 'warning',
  low_battery: 'critical',
  overload: 'critical',
};
const STATES: readonly MonitorState[] = ['pending', 'ok', 'warning', 'critical', 'unknown', 'unreachable'];

const matters = (s: MonitorState) => s === 'warning' || s === 'critical' || s === 'unknown';

/** Whether a state leaves children 'unreachable': hard down, itself unreachable, or failing towards critical. */
export function looksDown(parent: Pick<LiveState, 'state' | 'softTarget'>): boolean {
  return parent.state === 'critical' || parent.state === 'unreachable' || parent.softTarget === 'critical';
}

/** A monitor that has never been checked. */
export function initialState(now: number): LiveState {
  return { state: 'pending', since: now, softCount: 0, softTarget: null, history: '', flapping: false, notified: 'ok' };
}

/**
 * The live state after a restart, from what monitor_status kept: the same state, no soft count.
 * Values that are not states (a damaged row) are read as pending rather than trusted.
 */
export function restoredState(stored: {
  state: string;
  since: number;
  history?: string | null;
  flapping?: boolean | null;
  notified?: string | null;
}): LiveState {
  const state = asState(stored.state) ?? 'pending';
  const notified = asState(stored.notified) ?? (matters(state) ? state : 'ok');
  return {
    state,
    since: stored.since,
    softCount: 0,
    softTarget: null,
    history: (stored.history ?? '').replace(/[^owcu]/g, '').slice(-FLAP_HISTORY),
    flapping: stored.flapping ?? false,
    notified,
  };
}

function asState(s: string | null | undefined): MonitorState | null {
  return STATES.find((x) => x === s) ?? null;
}

function thresholdHit(t: Thresholds, result: ProbeResult): Classification | null {
  const actual = t.on === 'value' ? result.value : result.latencyMs;
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return null;
  const crosses = (limit: number | null) =>
    limit !== null && Number.isFinite(limit) && (t.direction === 'above' ? actual >= limit : actual <= limit);
  const reason = t.on === 'value' ? 'threshold_value' : 'threshold_latency';
  if (crosses(t.crit)) return { target: 'critical', reason, detail: { limit: t.crit!, actual } };
  if (crosses(t.warn)) return { target: 'warning', reason, detail: { limit: t.warn!, actual } };
  return null;
}

export function classify(result: ProbeResult, cfg: Pick<EvalConfig, 'thresholds'>): Classification {
  if (!result.ok) {
    const out: Classification = { target: result.reason === 'snmp_bad_value' ? 'unknown' : 'critical' };
    if (result.reason) out.reason = result.reason;
    if (result.detail) out.detail = result.detail;
    return out;
  }
  let worst: Classification = { target: 'ok' };
  if (result.condition && CONDITION[result.condition]) worst = { target: CONDITION[result.condition], reason: result.condition };
  for (const t of cfg.thresholds) {
    const hit = thresholdHit(t, result);
    if (hit && RANK[hit.target] > RANK[worst.target]) worst = hit;
  }
  return worst;
}

/** Weighted share (0–100) of results that changed letter over the history, most recent weighing most. */
export function flapPercent(history: string): number {
  const h = history.slice(-FLAP_HISTORY);
  const transitions = FLAP_HISTORY - 1;
  // A short history is aligned to the newest end: its transitions weigh what recent ones weigh.
  const offset = FLAP_HISTORY - h.length;
  let sum = 0;
  for (let i = 1; i < h.length; i++) {
    if (h[i] === h[i - 1]) continue;
    const position = offset + i - 1;
    sum += 0.8 + (0.4 * position) / (transitions - 1);
  }
  return (sum / transitions) * 100;
}

export function evaluate(prev: LiveState, result: ProbeResult, cfg: EvalConfig, ctx: { now: number; parentDown: boolean }): Evaluation {
  const classification = classify(result, cfg);
  const target = classification.target;
  const retries = Number.isFinite(cfg.retries) ? Math.max(0, Math.floor(cfg.retries)) : 0;

  const history = (prev.history + LETTER[target]).slice(-FLAP_HISTORY);
  const percent = flapPercent(history);
  const flapping = prev.flapping ? percent >= FLAP_STOP : percent > FLAP_START;

  let state = prev.state;
  let softCount = 0;
  let softTarget: MonitorState | null = null;
  if (target !== 'ok' && ctx.parentDown) {
    state = 'unreachable';
  } else if (target === prev.state) {
    // Nothing changes; any soft count is over.
  } else if (RANK[target] <= RANK[prev.state]) {
    state = target;
  } else {
    softCount = (prev.softTarget === null ? 0 : prev.softCount) + 1;
    softTarget = prev.softTarget !== null && RANK[prev.softTarget] < RANK[target] ? prev.softTarget : target;
    if (softCount > retries) {
      state = softTarget;
      softCount = 0;
      softTarget = null;
    }
  }

  const change = state === prev.state ? null : { from: prev.state, to: state, at: ctx.now };
  let notified = prev.notified;
  let notify = false;
  if (!flapping && (change !== null || prev.flapping)) {
    if (state !== notified && (matters(state) || (state === 'ok' && matters(notified)))) {
      notify = true;
      notified = state;
    }
  }

  return {
    next: { state, since: change ? ctx.now : prev.since, softCount, softTarget, history, flapping, notified },
    change,
    notify,
    classification,
  };
}
