// Maintenance windows: one-off and recurring, in Shanghai (no DST), Berlin and New York across
// both daylight-saving changes of 2026, overnight windows, monthly 31st, weekly sets, validity.
// Also the contract's validation.
// Run: node --import tsx --test server/modules/monitors/engine/maintenance.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maintenanceWindowInput } from '../../../../shared/contracts/monitor-maintenance.js';
import { activeWindows, instantOfLocal, isSilenced, localDayOf, nextOccurrences, type MaintenanceRule } from './maintenance.js';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';

/** An instant from ISO text with its offset, e.g. '2026-03-29T03:00+02:00'. */
const at = (iso: string) => {
  const ms = Date.parse(iso);
  assert.ok(Number.isFinite(ms), iso);
  return ms;
};
/** 'YYYY-MM-DD HH:MM' on the zone's wall clock. */
const wall = (ms: number, timeZone: string) => new Date(ms).toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16);
const dayOf = (date: string) => Date.parse(`${date}T00:00Z`) / 86_400_000;

const rule = (r: Partial<MaintenanceRule>): MaintenanceRule => ({
  kind: 'daily',
  startsAt: null,
  endsAt: null,
  time: '02:00',
  durationMinutes: 60,
  weekdays: [],
  monthDays: [],
  timeZone: null,
  validFrom: null,
  validUntil: null,
  active: true,
  ...r,
});
const isActive = (r: MaintenanceRule, now: number, orgZone = SH) => activeWindows([r], now, orgZone).length === 1;
const occurrences = (r: MaintenanceRule, from: number, count: number, zone: string) =>
  nextOccurrences(r, from, count).map((o) => `${wall(o.start, zone)} → ${wall(o.end, zone)}`);

describe('local time ↔ instant', () => {
  it('a time inside the spring-forward gap is the moment the clocks jump', () => {
    assert.equal(instantOfLocal(dayOf('2026-03-29'), 2 * 60 + 30, BERLIN), at('2026-03-29T01:00Z'));
    assert.equal(instantOfLocal(dayOf('2026-03-08'), 2 * 60 + 30, NY), at('2026-03-08T07:00Z'));
  });

  it('a time that happens twice on the fall-back day is its first occurrence', () => {
    assert.equal(instantOfLocal(dayOf('2026-10-25'), 2 * 60 + 30, BERLIN), at('2026-10-25T02:30+02:00'));
    assert.equal(instantOfLocal(dayOf('2026-11-01'), 60 + 30, NY), at('2026-11-01T01:30-04:00'));
  });

  it('ordinary days and zones without daylight saving', () => {
    assert.equal(instantOfLocal(dayOf('2026-07-01'), 8 * 60, SH), at('2026-07-01T08:00+08:00'));
    assert.equal(instantOfLocal(dayOf('2026-07-01'), 0, BERLIN), at('2026-07-01T00:00+02:00'));
    assert.equal(localDayOf(at('2026-07-01T23:30+08:00'), SH), dayOf('2026-07-01'));
    assert.equal(localDayOf(at('2026-07-01T23:30+08:00'), BERLIN), dayOf('2026-07-01'));
    assert.equal(localDayOf(at('2026-07-02T00:30+08:00'), SH), dayOf('2026-07-02'));
  });
});

describe('recurring windows across daylight-saving changes', () => {
  it('Berlin spring forward: 02:30 daily starts at 03:00 CEST on 29 March, at 02:30 on the days around it', () => {
    const r = rule({ time: '02:30', durationMinutes: 60, timeZone: BERLIN });
    assert.deepEqual(occurrences(r, at('2026-03-28T00:00+01:00'), 3, BERLIN), [
      '2026-03-28 02:30 → 2026-03-28 03:30',
      '2026-03-29 03:00 → 2026-03-29 04:00',
      '2026-03-30 02:30 → 2026-03-30 03:30',
    ]);
    assert.equal(isActive(r, at('2026-03-29T03:10+02:00')), true);
    assert.equal(isActive(r, at('2026-03-29T04:00+02:00')), false);
    assert.equal(isActive(r, at('2026-03-29T01:59+01:00')), false);
  });

  it('Berlin spring forward: a window across the change lasts its elapsed minutes', () => {
    const r = rule({ time: '01:00', durationMinutes: 240, timeZone: BERLIN });
    assert.deepEqual(occurrences(r, at('2026-03-29T00:00+01:00'), 1, BERLIN), ['2026-03-29 01:00 → 2026-03-29 06:00']);
  });

  it('Berlin fall back: 02:30 daily uses the first 02:30 on 25 October', () => {
    const r = rule({ time: '02:30', durationMinutes: 45, timeZone: BERLIN });
    const [o] = nextOccurrences(r, at('2026-10-25T00:00+02:00'), 1);
    assert.deepEqual(o, { start: at('2026-10-25T02:30+02:00'), end: at('2026-10-25T03:15+02:00') });
    // The second 02:40 of the night (CET) is after the window ended.
    assert.equal(isActive(r, at('2026-10-25T02:40+02:00')), true);
    assert.equal(isActive(r, at('2026-10-25T02:40+01:00')), false);
    assert.deepEqual(occurrences(r, at('2026-10-25T12:00+01:00'), 1, BERLIN), ['2026-10-26 02:30 → 2026-10-26 03:15']);
  });

  it('New York spring forward and fall back', () => {
    const r = rule({ time: '02:15', durationMinutes: 30, timeZone: NY });
    assert.deepEqual(nextOccurrences(r, at('2026-03-08T00:00-05:00'), 1), [
      { start: at('2026-03-08T03:00-04:00'), end: at('2026-03-08T03:30-04:00') },
    ]);
    const night = rule({ time: '01:30', durationMinutes: 60, timeZone: NY });
    assert.deepEqual(nextOccurrences(night, at('2026-11-01T00:00-04:00'), 2), [
      { start: at('2026-11-01T01:30-04:00'), end: at('2026-11-01T01:30-05:00') },
      { start: at('2026-11-02T01:30-05:00'), end: at('2026-11-02T02:30-05:00') },
    ]);
    assert.equal(isActive(night, at('2026-11-01T01:10-05:00')), true, 'the second 01:10 is inside the hour that began at the first 01:30');
    assert.equal(isActive(night, at('2026-11-01T01:40-05:00')), false);
  });

  it('the organisation’s zone applies when the window has none', () => {
    const r = rule({ time: '02:30', durationMinutes: 60 });
    assert.equal(isActive(r, at('2026-03-29T03:10+02:00'), BERLIN), true);
    assert.equal(isActive(r, at('2026-03-29T03:10+02:00'), SH), false);
    assert.equal(isActive(r, at('2026-03-29T02:40+08:00'), SH), true);
  });
});

describe('overnight, weekly and monthly windows', () => {
  it('a window that started yesterday and runs past midnight is active today', () => {
    const r = rule({ time: '22:00', durationMinutes: 8 * 60, timeZone: SH });
    assert.equal(isActive(r, at('2026-03-29T03:00+08:00')), true);
    assert.equal(isActive(r, at('2026-03-29T05:59+08:00')), true);
    assert.equal(isActive(r, at('2026-03-29T06:00+08:00')), false);
    assert.equal(isActive(r, at('2026-03-29T21:59+08:00')), false);
    // An occurrence in progress is the first of the next ones.
    assert.deepEqual(occurrences(r, at('2026-03-29T03:00+08:00'), 2, SH), [
      '2026-03-28 22:00 → 2026-03-29 06:00',
      '2026-03-29 22:00 → 2026-03-30 06:00',
    ]);
  });

  it('a weekly window on Saturday night covers Sunday morning, only there', () => {
    const r = rule({ kind: 'weekly', weekdays: [6], time: '23:00', durationMinutes: 300, timeZone: SH });
    assert.equal(isActive(r, at('2026-05-03T02:00+08:00')), true, 'Sunday 02:00');
    assert.equal(isActive(r, at('2026-05-04T02:00+08:00')), false, 'Monday 02:00');
    assert.equal(isActive(r, at('2026-05-01T23:30+08:00')), false, 'Friday 23:30');
  });

  it('weekly sets: Monday, Wednesday and Friday', () => {
    const r = rule({ kind: 'weekly', weekdays: [5, 1, 3], time: '12:00', durationMinutes: 30, timeZone: SH });
    assert.deepEqual(
      occurrences(r, at('2026-05-03T00:00+08:00'), 4, SH).map((s) => s.slice(0, 16)),
      ['2026-05-04 12:00', '2026-05-06 12:00', '2026-05-08 12:00', '2026-05-11 12:00'],
    );
  });

  it('monthly on the 31st skips the months without one; 29 and 30 skip February', () => {
    const r = rule({ kind: 'monthly', monthDays: [31], time: '01:00', durationMinutes: 60, timeZone: SH });
    assert.deepEqual(
      occurrences(r, at('2026-01-01T00:00+08:00'), 7, SH).map((s) => s.slice(0, 10)),
      ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31'],
    );
    const r2 = rule({ kind: 'monthly', monthDays: [1, 29, 30], time: '01:00', durationMinutes: 60, timeZone: SH });
    assert.deepEqual(
      occurrences(r2, at('2026-01-20T00:00+08:00'), 6, SH).map((s) => s.slice(0, 10)),
      ['2026-01-29', '2026-01-30', '2026-02-01', '2026-03-01', '2026-03-29', '2026-03-30'],
    );
    assert.equal(isActive(r, at('2026-04-30T01:30+08:00')), false);
  });
});

describe('one-off windows, validity and switches', () => {
  it('a one-off window is active from its start (inclusive) to its end (exclusive)', () => {
    const r = rule({
      kind: 'once',
      startsAt: at('2026-06-01T20:00+08:00'),
      endsAt: at('2026-06-02T02:00+08:00'),
      time: null,
      durationMinutes: null,
    });
    assert.equal(isActive(r, at('2026-06-01T19:59+08:00')), false);
    assert.equal(isActive(r, at('2026-06-01T20:00+08:00')), true);
    assert.equal(isActive(r, at('2026-06-02T01:59+08:00')), true);
    assert.equal(isActive(r, at('2026-06-02T02:00+08:00')), false);
    assert.deepEqual(nextOccurrences(r, at('2026-05-01T00:00+08:00'), 5), [{ start: r.startsAt, end: r.endsAt }]);
    assert.deepEqual(nextOccurrences(r, at('2026-06-03T00:00+08:00'), 5), []);
  });

  it('validFrom and validUntil bound the dates occurrences start on', () => {
    const r = rule({ time: '23:00', durationMinutes: 120, timeZone: SH, validFrom: '2026-05-10', validUntil: '2026-05-12' });
    assert.deepEqual(occurrences(r, at('2026-05-01T00:00+08:00'), 10, SH), [
      '2026-05-10 23:00 → 2026-05-11 01:00',
      '2026-05-11 23:00 → 2026-05-12 01:00',
      '2026-05-12 23:00 → 2026-05-13 01:00',
    ]);
    assert.equal(isActive(r, at('2026-05-09T23:30+08:00')), false);
    assert.equal(isActive(r, at('2026-05-13T00:30+08:00')), true, 'the last occurrence runs past the end date');
    assert.equal(isActive(r, at('2026-05-13T23:30+08:00')), false);
  });

  it('an inactive window, or one with an unknown zone or unreadable rule, never applies', () => {
    const now = at('2026-05-10T02:30+08:00');
    assert.equal(isActive(rule({ timeZone: SH }), now), true);
    assert.equal(isActive(rule({ timeZone: SH, active: false }), now), false);
    assert.equal(isActive(rule({ timeZone: 'Mars/Olympus_Mons' }), now), false);
    assert.equal(isActive(rule({ timeZone: SH, time: '25:00' }), now), false);
    assert.equal(isActive(rule({ timeZone: SH, validFrom: 'tomorrow' }), now), false);
    assert.deepEqual(nextOccurrences(rule({ timeZone: 'Mars/Olympus_Mons' }), now, 3), []);
  });

  it('isSilenced matches the monitor itself or its group', () => {
    const w = { ...rule({ timeZone: SH }), monitors: [7], groups: [3] };
    const now = at('2026-05-10T02:30+08:00');
    assert.equal(isSilenced([w], { id: 7, groupId: null }, now), true);
    assert.equal(isSilenced([w], { id: 8, groupId: 3 }, now), true);
    assert.equal(isSilenced([w], { id: 8, groupId: 4 }, now), false);
    assert.equal(isSilenced([w], { id: 7, groupId: null }, at('2026-05-10T03:30+08:00')), false);
  });
});

describe('maintenance window contract', () => {
  const base = { name: '机房 UPS 维护', monitors: [1] };

  it('fills defaults and normalises sets', () => {
    const v = maintenanceWindowInput.parse({
      ...base,
      kind: 'weekly',
      time: '22:00',
      durationMinutes: 120,
      weekdays: [5, 1, 5],
      groups: [2, 2],
    });
    assert.deepEqual(v.weekdays, [1, 5]);
    assert.deepEqual(v.groups, [2]);
    assert.equal(v.timeZone, null);
    assert.equal(v.active, true);
  });

  it('refuses what cannot work, with a reason per field', () => {
    const reasons = (input: unknown) => {
      const r = maintenanceWindowInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    assert.deepEqual(reasons({ ...base, kind: 'once' }), ['startsAt:required', 'endsAt:required']);
    assert.deepEqual(reasons({ ...base, kind: 'once', startsAt: 2000, endsAt: 1000 }), ['endsAt:period_order']);
    assert.deepEqual(reasons({ ...base, kind: 'once', startsAt: 0, endsAt: 400 * 86_400_000 }), ['endsAt:window_too_long']);
    assert.deepEqual(reasons({ ...base, kind: 'daily' }), ['time:required', 'durationMinutes:required']);
    assert.deepEqual(reasons({ ...base, kind: 'weekly', time: '01:00', durationMinutes: 5 }), ['weekdays:required']);
    assert.deepEqual(reasons({ ...base, kind: 'monthly', time: '01:00', durationMinutes: 5 }), ['monthDays:required']);
    assert.deepEqual(reasons({ name: 'x', kind: 'daily', time: '01:00', durationMinutes: 5 }), ['monitors:no_targets']);
    assert.deepEqual(
      reasons({ ...base, kind: 'daily', time: '01:00', durationMinutes: 5, validFrom: '2026-05-02', validUntil: '2026-05-01' }),
      ['validUntil:period_order'],
    );
    const bad = reasons({
      ...base,
      kind: 'daily',
      time: '24:00',
      durationMinutes: 10081,
      timeZone: 'Europe/Nowhere',
      validFrom: '2026-02-30',
    });
    assert.deepEqual(
      bad.map((r) => r.split(':')[0]),
      ['time', 'durationMinutes', 'timeZone', 'validFrom'],
    );
    assert.ok(['time:invalid_time', 'timeZone:invalid_time_zone', 'validFrom:invalid_date'].every((r) => bad.includes(r)));
    assert.equal(maintenanceWindowInput.safeParse({ ...base, kind: 'daily', time: '01:00', durationMinutes: 5, extra: 1 }).success, false);
    assert.equal(
      maintenanceWindowInput.safeParse({ ...base, name: 'a\nb', kind: 'daily', time: '01:00', durationMinutes: 5 }).success,
      false,
    );
    // Markup is only text: kept as typed (the web never renders it as HTML).
    const script = maintenanceWindowInput.parse({
      ...base,
      name: '<script>alert(1)</script>',
      kind: 'daily',
      time: '01:00',
      durationMinutes: 5,
    });
    assert.equal(script.name, '<script>alert(1)</script>');
    assert.equal(
      maintenanceWindowInput.safeParse({ ...base, kind: 'daily', time: '01:00', durationMinutes: 5, monitors: ['1 OR 1=1'] }).success,
      false,
    );
  });
});
