// Working-time arithmetic: the cases a fault ticket meets (after hours, lunch, weekends, the
// National Day week with its make-up days, daylight-saving days) and the promise that the two
// functions are each other's inverse.
// Run: node --import tsx --test shared/lib/work-calendar.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_WORK_CALENDAR,
  NoWorkingTimeError,
  addWorkingMinutes,
  isWorkingDay,
  isoWeekday,
  weeklyWorkingMinutes,
  workingMinutesBetween,
  type WorkCalendar,
} from './work-calendar.js';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

/** 'YYYY-MM-DD HH:MM' on the wall clock of the zone, for readable expectations. */
function wall(ms: number, timeZone: string): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16);
}
/** An instant from an ISO text with its offset, e.g. '2026-03-06T16:00+08:00'. */
const at = (iso: string) => {
  const ms = Date.parse(iso);
  assert.ok(Number.isFinite(ms), iso);
  return ms;
};

const C = DEFAULT_WORK_CALENDAR;
/** 国庆 2026: 10-01..07 off; Sunday 09-27 and Saturday 10-10 are make-up working days (调休). */
const NATIONAL_DAY: WorkCalendar = {
  ...C,
  holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, name: '国庆节' })),
  workdays: [
    { date: '2026-09-27', name: '国庆调休' },
    { date: '2026-10-10', name: '国庆调休' },
  ],
};
const ROUND_THE_CLOCK: WorkCalendar = {
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  periods: [{ start: '00:00', end: '24:00' }],
  holidays: [],
  workdays: [],
};
/** A night shift that straddles the hour Berlin skips in spring and repeats in autumn. */
const NIGHT: WorkCalendar = { ...ROUND_THE_CLOCK, periods: [{ start: '01:30', end: '03:30' }] };

describe('working days', () => {
  it('follows weekdays, holidays and make-up days', () => {
    assert.equal(isoWeekday('2026-09-27'), 7);
    assert.equal(isoWeekday('2026-10-10'), 6);
    assert.equal(isoWeekday('2026-10-05'), 1);
    assert.equal(isWorkingDay('2026-09-25', NATIONAL_DAY), true); // Friday
    assert.equal(isWorkingDay('2026-09-26', NATIONAL_DAY), false); // Saturday
    assert.equal(isWorkingDay('2026-09-27', NATIONAL_DAY), true); // make-up Sunday
    assert.equal(isWorkingDay('2026-10-05', NATIONAL_DAY), false); // Monday in the holiday
    assert.equal(isWorkingDay('2026-10-10', NATIONAL_DAY), true); // make-up Saturday
    assert.equal(isWorkingDay('2026-10-11', NATIONAL_DAY), false);
  });

  it('refuses dates that are not calendar dates', () => {
    assert.throws(() => isWorkingDay('2026-02-30', C), RangeError);
    assert.throws(() => isWorkingDay('2026-1-1', C), RangeError);
  });

  it('totals a working week', () => {
    assert.equal(weeklyWorkingMinutes(C), 5 * 450);
    assert.equal(weeklyWorkingMinutes(ROUND_THE_CLOCK), 7 * 1440);
    // Overlapping periods (the settings refuse them; a draft on the page may have them) count once.
    const overlapping = {
      ...C,
      periods: [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ],
    };
    assert.equal(weeklyWorkingMinutes(overlapping), 5 * 300);
  });
});

describe('addWorkingMinutes in Asia/Shanghai', () => {
  const add = (iso: string, minutes: number, cal = C) => wall(addWorkingMinutes(at(iso), minutes, cal, SH), SH);

  it('starts counting at the next working period when reported outside hours', () => {
    assert.equal(add('2026-03-04T07:00+08:00', 60), '2026-03-04 09:30');
    assert.equal(add('2026-03-04T19:00+08:00', 60), '2026-03-05 09:30');
    assert.equal(add('2026-03-04T23:59+08:00', 1), '2026-03-05 08:31');
  });

  it('skips the lunch break', () => {
    assert.equal(add('2026-03-04T12:30+08:00', 30), '2026-03-04 14:00');
    assert.equal(add('2026-03-04T11:30+08:00', 60), '2026-03-04 14:00');
    // Exactly the rest of the morning: due at noon, not after lunch.
    assert.equal(add('2026-03-04T11:30+08:00', 30), '2026-03-04 12:00');
  });

  it('carries Friday afternoon across the weekend', () => {
    assert.equal(add('2026-03-06T16:00+08:00', 120), '2026-03-09 09:00');
    assert.equal(add('2026-03-07T10:00+08:00', 30), '2026-03-09 09:00'); // reported on Saturday
    assert.equal(add('2026-03-06T16:00+08:00', 3 * 450), '2026-03-11 16:00');
  });

  it('skips the National Day week and works its make-up days', () => {
    assert.equal(add('2026-09-30T16:00+08:00', 120, NATIONAL_DAY), '2026-10-08 09:00');
    assert.equal(add('2026-09-26T10:00+08:00', 60, NATIONAL_DAY), '2026-09-27 09:30');
    assert.equal(add('2026-10-09T17:00+08:00', 60, NATIONAL_DAY), '2026-10-10 09:00');
    assert.equal(add('2026-10-03T09:00+08:00', 450, NATIONAL_DAY), '2026-10-08 17:30');
    const between = workingMinutesBetween(at('2026-09-30T08:30+08:00'), at('2026-10-10T17:30+08:00'), NATIONAL_DAY, SH);
    assert.equal(between, 4 * 450); // 09-30, 10-08, 10-09 and the make-up Saturday
  });

  it('returns the start itself for zero minutes and refuses negative ones', () => {
    const s = at('2026-03-07T10:00+08:00');
    assert.equal(addWorkingMinutes(s, 0, C, SH), s);
    assert.throws(() => addWorkingMinutes(s, -1, C, SH), RangeError);
    assert.throws(() => addWorkingMinutes(s, Number.NaN, C, SH), RangeError);
    assert.throws(() => addWorkingMinutes(s, 10, C, 'Mars/Olympus'), RangeError);
  });

  it('gives up with a clear error on a calendar without working time', () => {
    const s = at('2026-03-04T09:00+08:00');
    const started = performance.now();
    assert.throws(() => addWorkingMinutes(s, 10, { ...C, weekdays: [] }, SH), NoWorkingTimeError);
    assert.throws(() => addWorkingMinutes(s, 10, { ...C, periods: [] }, SH), NoWorkingTimeError);
    assert.ok(performance.now() - started < 2000, 'the search is capped');
  });

  it('is quick enough for a list of tickets', () => {
    const s = at('2026-03-02T08:00+08:00');
    const started = performance.now();
    for (let i = 0; i < 1000; i++) addWorkingMinutes(s + i * 3_600_000, 3 * 450, NATIONAL_DAY, SH);
    assert.ok(performance.now() - started < 1000);
  });
});

describe('daylight saving time', () => {
  it('Berlin spring-forward (2026-03-29): the day has 23 hours and the skipped hour never counts', () => {
    const day = at('2026-03-29T00:00+01:00');
    const next = at('2026-03-30T00:00+02:00');
    assert.equal(workingMinutesBetween(day, next, ROUND_THE_CLOCK, BERLIN), 23 * 60);
    assert.equal(workingMinutesBetween(day, next, NIGHT, BERLIN), 60); // 01:30–02:00 and 03:00–03:30
    assert.equal(wall(addWorkingMinutes(at('2026-03-29T01:45+01:00'), 30, ROUND_THE_CLOCK, BERLIN), BERLIN), '2026-03-29 03:15');
    assert.equal(wall(addWorkingMinutes(at('2026-03-29T01:45+01:00'), 30, NIGHT, BERLIN), BERLIN), '2026-03-29 03:15');
    // Office hours across the change weekend: Monday's 09:00 is 07:00 UTC, in summer time.
    const due = addWorkingMinutes(at('2026-03-27T17:00+01:00'), 60, C, BERLIN);
    assert.equal(new Date(due).toISOString(), '2026-03-30T07:00:00.000Z');
  });

  it('Berlin fall-back (2026-10-25): the day has 25 hours and the repeated hour counts twice', () => {
    const day = at('2026-10-25T00:00+02:00');
    const next = at('2026-10-26T00:00+01:00');
    assert.equal(workingMinutesBetween(day, next, ROUND_THE_CLOCK, BERLIN), 25 * 60);
    assert.equal(workingMinutesBetween(day, next, NIGHT, BERLIN), 180);
    assert.equal(wall(addWorkingMinutes(at('2026-10-25T01:45+02:00'), 120, NIGHT, BERLIN), BERLIN), '2026-10-25 02:45');
    const due = addWorkingMinutes(at('2026-10-23T17:00+02:00'), 60, C, BERLIN);
    assert.equal(new Date(due).toISOString(), '2026-10-26T08:00:00.000Z');
  });

  it('New York changes on other dates (2026-03-08 and 2026-11-01)', () => {
    assert.equal(workingMinutesBetween(at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00'), ROUND_THE_CLOCK, NEW_YORK), 23 * 60);
    assert.equal(workingMinutesBetween(at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00'), ROUND_THE_CLOCK, NEW_YORK), 25 * 60);
    const due = addWorkingMinutes(at('2026-03-06T17:00-05:00'), 60, C, NEW_YORK);
    assert.equal(wall(due, NEW_YORK), '2026-03-09 09:00');
    assert.equal(new Date(due).toISOString(), '2026-03-09T13:00:00.000Z');
  });

  it('the same office hours are different instants in different zones', () => {
    const s = at('2026-06-01T00:00Z');
    assert.equal(new Date(addWorkingMinutes(s, 0.5, C, SH)).toISOString(), '2026-06-01T00:30:30.000Z');
    assert.equal(new Date(addWorkingMinutes(s, 1, C, BERLIN)).toISOString(), '2026-06-01T06:31:00.000Z');
  });
});

describe('workingMinutesBetween is the inverse of addWorkingMinutes', () => {
  /** mulberry32: a small seeded generator, so a failure reproduces. */
  function random(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const cases: [WorkCalendar, string][] = [
    [C, SH],
    [NATIONAL_DAY, SH],
    [C, BERLIN],
    [NIGHT, BERLIN],
    [ROUND_THE_CLOCK, NEW_YORK],
    [{ ...C, periods: [{ start: '22:00', end: '24:00' }] }, NEW_YORK],
  ];

  it('for many random starts and amounts', () => {
    const rnd = random(20261001);
    const from = at('2026-01-01T00:00Z');
    const span = 365 * 86_400_000;
    for (let i = 0; i < 600; i++) {
      const [cal, tz] = cases[i % cases.length]!;
      const start = from + Math.floor(rnd() * span);
      const minutes = Math.floor(rnd() * 4000);
      const due = addWorkingMinutes(start, minutes, cal, tz);
      assert.ok(due >= start);
      assert.equal(workingMinutesBetween(start, due, cal, tz), minutes, `start ${new Date(start).toISOString()} + ${minutes} in ${tz}`);
      // And the other way round: any later instant is reached by its working minutes, up to idle time.
      const end = start + Math.floor(rnd() * 20 * 86_400_000);
      const worked = workingMinutesBetween(start, end, cal, tz);
      const reached = addWorkingMinutes(start, worked, cal, tz);
      assert.ok(reached <= end, `${new Date(reached).toISOString()} <= ${new Date(end).toISOString()}`);
      assert.equal(workingMinutesBetween(reached, end, cal, tz), 0);
    }
  });

  it('is zero for an empty or reversed span', () => {
    const s = at('2026-03-04T09:00+08:00');
    assert.equal(workingMinutesBetween(s, s, C, SH), 0);
    assert.equal(workingMinutesBetween(s, s - 1000, C, SH), 0);
  });
});
