// Rollup arithmetic: bucket boundaries in the organisation's zone (Berlin's 23- and 25-hour days,
// Shanghai, a half-hour zone), sample counting, merging and uptime.
// Run: node --import tsx --test server/modules/monitors/engine/rollup.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addSample, bucketSamples, bucketStart, emptyBucket, mergeBuckets, regroup, uptimeRatio, type RawSample } from './rollup.js';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => {
  const ms = Date.parse(iso);
  assert.ok(Number.isFinite(ms), iso);
  return ms;
};
const HOUR = 3_600_000;
const sample = (iso: string, state: RawSample['state'], latencyMs: number | null = null, value: number | null = null): RawSample => ({
  at: at(iso),
  state,
  latencyMs,
  value,
});

describe('bucket boundaries', () => {
  it('minutes are whole minutes', () => {
    assert.equal(bucketStart(at('2026-05-01T08:07:59.999Z'), 'minute', SH), at('2026-05-01T08:07Z'));
    assert.equal(bucketStart(at('2026-05-01T08:07Z'), 'minute', SH), at('2026-05-01T08:07Z'));
  });

  it('Shanghai: days start at local midnight (16:00 UTC)', () => {
    assert.equal(bucketStart(at('2026-05-01T23:59+08:00'), 'day', SH), at('2026-05-01T00:00+08:00'));
    assert.equal(bucketStart(at('2026-05-02T00:00+08:00'), 'day', SH), at('2026-05-02T00:00+08:00'));
    assert.equal(bucketStart(at('2026-05-01T15:59Z'), 'day', SH), at('2026-04-30T16:00Z'));
    assert.equal(bucketStart(at('2026-05-01T10:45+08:00'), 'hour', SH), at('2026-05-01T10:00+08:00'));
  });

  it('Berlin: the spring-forward day is 23 hours long, the fall-back day 25', () => {
    const march29 = bucketStart(at('2026-03-29T12:00+02:00'), 'day', BERLIN);
    assert.equal(march29, at('2026-03-29T00:00+01:00'));
    assert.equal(bucketStart(at('2026-03-30T00:00+02:00'), 'day', BERLIN) - march29, 23 * HOUR);
    assert.equal(bucketStart(at('2026-03-29T23:59+02:00'), 'day', BERLIN), march29);

    const october25 = bucketStart(at('2026-10-25T12:00+01:00'), 'day', BERLIN);
    assert.equal(october25, at('2026-10-25T00:00+02:00'));
    assert.equal(bucketStart(at('2026-10-26T00:00+01:00'), 'day', BERLIN) - october25, 25 * HOUR);
    assert.equal(bucketStart(at('2026-10-25T23:59+01:00'), 'day', BERLIN), october25);
  });

  it('Berlin: the repeated hour of the fall-back night is two hour buckets', () => {
    const first = bucketStart(at('2026-10-25T02:30+02:00'), 'hour', BERLIN);
    const second = bucketStart(at('2026-10-25T02:30+01:00'), 'hour', BERLIN);
    assert.equal(first, at('2026-10-25T02:00+02:00'));
    assert.equal(second, at('2026-10-25T02:00+01:00'));
    assert.equal(second - first, HOUR);
  });

  it('a day whose midnight does not exist starts when the clocks jump (Santiago, 6 September 2026)', () => {
    const day = bucketStart(at('2026-09-06T12:00-03:00'), 'day', 'America/Santiago');
    assert.equal(day, at('2026-09-06T01:00-03:00'));
    assert.equal(bucketStart(at('2026-09-07T00:00-03:00'), 'day', 'America/Santiago') - day, 23 * HOUR);
  });

  it('a half-hour zone has hours starting at half past in UTC', () => {
    assert.equal(bucketStart(at('2026-05-01T10:20+05:30'), 'hour', 'Asia/Kolkata'), at('2026-05-01T04:30Z'));
    assert.equal(bucketStart(at('2026-05-01T10:20+05:30'), 'day', 'Asia/Kolkata'), at('2026-04-30T18:30Z'));
  });
});

describe('samples and buckets', () => {
  it('counts states and aggregates latency and value only where present', () => {
    const b = [
      sample('2026-05-01T08:00:05Z', 'ok', 10, 40),
      sample('2026-05-01T08:00:15Z', 'warning', 30, null),
      sample('2026-05-01T08:00:25Z', 'critical', null, null),
      sample('2026-05-01T08:00:35Z', 'unreachable', null, null),
      sample('2026-05-01T08:00:45Z', 'unknown', 20, Number.NaN),
      sample('2026-05-01T08:00:55Z', 'pending', null, 60),
    ].reduce(addSample, emptyBucket(at('2026-05-01T08:00Z')));
    assert.deepEqual(b, {
      start: at('2026-05-01T08:00Z'),
      n: 6,
      okN: 1,
      warnN: 1,
      critN: 2,
      unknownN: 1,
      latSum: 60,
      latN: 3,
      latMin: 10,
      latMax: 30,
      valSum: 100,
      valN: 2,
      valMin: 40,
      valMax: 60,
    });
  });

  it('addSample does not change the bucket it is given', () => {
    const empty = emptyBucket(0);
    addSample(empty, sample('1970-01-01T00:00:01Z', 'ok', 5, 5));
    assert.deepEqual(empty, emptyBucket(0));
  });

  it('merging minutes into an hour equals bucketing the raw samples by hour', () => {
    const samples: RawSample[] = [];
    for (let i = 0; i < 180; i++) {
      samples.push({
        at: at('2026-10-25T00:10Z') + i * 60_000,
        state: i % 17 === 0 ? 'critical' : i % 5 === 0 ? 'warning' : 'ok',
        latencyMs: i % 17 === 0 ? null : 10 + (i % 9),
        value: i % 3 === 0 ? null : i,
      });
    }
    const minutes = bucketSamples(samples, 'minute', BERLIN);
    assert.equal(minutes.length, 180);
    assert.deepEqual(regroup(minutes, 'hour', BERLIN), bucketSamples(samples, 'hour', BERLIN));
    const days = regroup(regroup(minutes, 'hour', BERLIN), 'day', BERLIN);
    assert.deepEqual(days, bucketSamples(samples, 'day', BERLIN));
    assert.equal(days.length, 1);
    assert.equal(days[0]!.n, 180);
  });

  it('mergeBuckets keeps the first start and combines minima and maxima, null meaning none', () => {
    const a = addSample(emptyBucket(100), { at: 100, state: 'ok', latencyMs: 7, value: null });
    const b = addSample(emptyBucket(200), { at: 200, state: 'ok', latencyMs: 3, value: 9 });
    const m = mergeBuckets(a, b);
    assert.equal(m.start, 100);
    assert.deepEqual([m.latMin, m.latMax, m.valMin, m.valMax, m.latN, m.valN], [3, 7, 9, 9, 2, 1]);
    assert.deepEqual(mergeBuckets(emptyBucket(5), emptyBucket(6)), emptyBucket(5));
  });
});

describe('uptime', () => {
  it('ok and warning are up, critical and unreachable down, unknown and pending left out', () => {
    const b = [
      ...Array.from({ length: 6 }, () => 'ok' as const),
      ...Array.from({ length: 2 }, () => 'warning' as const),
      'critical' as const,
      'unreachable' as const,
      ...Array.from({ length: 5 }, () => 'unknown' as const),
      'pending' as const,
    ].reduce((acc, state) => addSample(acc, { at: 0, state, latencyMs: null, value: null }), emptyBucket(0));
    assert.equal(uptimeRatio([b]), 0.8);
  });

  it('sums over buckets, and is null without any up or down sample', () => {
    const up = addSample(emptyBucket(0), { at: 0, state: 'ok', latencyMs: 1, value: null });
    const down = addSample(emptyBucket(60_000), { at: 60_000, state: 'critical', latencyMs: null, value: null });
    assert.equal(uptimeRatio([up, up, up, down]), 0.75);
    assert.equal(uptimeRatio([]), null);
    assert.equal(uptimeRatio([addSample(emptyBucket(0), { at: 0, state: 'unknown', latencyMs: null, value: null })]), null);
  });
});
