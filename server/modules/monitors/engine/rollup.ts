// Aggregates of check results: what the result writer adds raw samples into (per minute) and what
// the rollup job merges upwards (minutes → hours → days). Pure arithmetic on plain objects.
//
// - Buckets start at local boundaries of the organisation's zone: a minute is a UTC minute (every
//   zone's offset is whole minutes), an hour starts at a local full hour (in Asia/Kolkata that
//   is hh:30 UTC; the repeated hour of a fall-back night is two buckets), and a day starts at
//   local midnight, so a day bucket holds 23 or 25 hours on daylight-saving days. A midnight that
//   does not exist (zones that change at 00:00) starts at the first instant of that date.
// - Sample states count as: ok → okN, warning → warnN, critical and unreachable → critN (a host
//   behind a dead switch is as unusable as a dead one, and the table has no column of its own
//   for it), unknown → unknownN, pending → only n (not known to be up or down).
// - Latency and value aggregate only over samples that have them (sum, count, min, max), so an
//   average is sum / count and a timed-out check does not pull the latency average down.
// - Uptime counts ok and warning as up, critical (with unreachable) as down; unknown and pending
//   are left out. No sample either way gives null, not 100 %.
import type { MonitorState } from './evaluate.js';
import { instantOfLocal, localDayOf, offsetAt } from './maintenance.js';

export type BucketSize = 'minute' | 'hour' | 'day';

export interface RawSample {
  at: number;
  state: MonitorState;
  latencyMs: number | null;
  value: number | null;
}

export interface Bucket {
  start: number;
  n: number;
  okN: number;
  warnN: number;
  critN: number;
  unknownN: number;
  latSum: number;
  latN: number;
  latMin: number | null;
  latMax: number | null;
  valSum: number;
  valN: number;
  valMin: number | null;
  valMax: number | null;
}

const MIN = 60_000;
const HOUR = 3_600_000;

/** The start of the bucket of this size that holds instant `at`. */
export function bucketStart(at: number, size: BucketSize, timeZone: string): number {
  if (size === 'minute') return Math.floor(at / MIN) * MIN;
  if (size === 'hour') {
    const offset = offsetAt(at, timeZone);
    const local = at + offset;
    return local - (((local % HOUR) + HOUR) % HOUR) - offset;
  }
  return instantOfLocal(localDayOf(at, timeZone), 0, timeZone);
}

export function emptyBucket(start: number): Bucket {
  return {
    start,
    n: 0,
    okN: 0,
    warnN: 0,
    critN: 0,
    unknownN: 0,
    latSum: 0,
    latN: 0,
    latMin: null,
    latMax: null,
    valSum: 0,
    valN: 0,
    valMin: null,
    valMax: null,
  };
}

const lower = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const higher = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
const usable = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** The bucket with one more sample (a new object; the argument is not changed). */
export function addSample(b: Bucket, s: RawSample): Bucket {
  const out = { ...b, n: b.n + 1 };
  if (s.state === 'ok') out.okN++;
  else if (s.state === 'warning') out.warnN++;
  else if (s.state === 'critical' || s.state === 'unreachable') out.critN++;
  else if (s.state === 'unknown') out.unknownN++;
  if (usable(s.latencyMs)) {
    out.latSum += s.latencyMs;
    out.latN++;
    out.latMin = lower(out.latMin, s.latencyMs);
    out.latMax = higher(out.latMax, s.latencyMs);
  }
  if (usable(s.value)) {
    out.valSum += s.value;
    out.valN++;
    out.valMin = lower(out.valMin, s.value);
    out.valMax = higher(out.valMax, s.value);
  }
  return out;
}

/** Both buckets' samples in one, starting where `a` starts (merge smaller buckets into a larger one). */
export function mergeBuckets(a: Bucket, b: Bucket): Bucket {
  return {
    start: a.start,
    n: a.n + b.n,
    okN: a.okN + b.okN,
    warnN: a.warnN + b.warnN,
    critN: a.critN + b.critN,
    unknownN: a.unknownN + b.unknownN,
    latSum: a.latSum + b.latSum,
    latN: a.latN + b.latN,
    latMin: lower(a.latMin, b.latMin),
    latMax: higher(a.latMax, b.latMax),
    valSum: a.valSum + b.valSum,
    valN: a.valN + b.valN,
    valMin: lower(a.valMin, b.valMin),
    valMax: higher(a.valMax, b.valMax),
  };
}

/** Raw samples into buckets of one size, ordered by start. */
export function bucketSamples(samples: Iterable<RawSample>, size: BucketSize, timeZone: string): Bucket[] {
  const byStart = new Map<number, Bucket>();
  for (const s of samples) {
    const start = bucketStart(s.at, size, timeZone);
    byStart.set(start, addSample(byStart.get(start) ?? emptyBucket(start), s));
  }
  return [...byStart.values()].sort((x, y) => x.start - y.start);
}

/** Smaller buckets merged into buckets of a larger size (minutes → hours, hours → days), ordered. */
export function regroup(buckets: Iterable<Bucket>, size: BucketSize, timeZone: string): Bucket[] {
  const byStart = new Map<number, Bucket>();
  for (const b of buckets) {
    const start = bucketStart(b.start, size, timeZone);
    byStart.set(start, mergeBuckets(byStart.get(start) ?? emptyBucket(start), b));
  }
  return [...byStart.values()].sort((x, y) => x.start - y.start);
}

/** Share of time up, 0–1, over the buckets; null when none says up or down. */
export function uptimeRatio(buckets: Iterable<Bucket>): number | null {
  let up = 0;
  let down = 0;
  for (const b of buckets) {
    up += b.okN + b.warnN;
    down += b.critN;
  }
  return up + down === 0 ? null : up / (up + down);
}
