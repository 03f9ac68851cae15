// The service-target arithmetic with a fixed calendar: weekends, a holiday week (国庆), make-up
// working days (调休), the near share, a paused clock, and which notices fall due when.
// Run: node --import tsx --test server/modules/tickets/tickets.sla.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_TICKET_SETTINGS } from '../../../shared/contracts/tickets.js';
import type { WorkCalendar } from '../../../shared/lib/work-calendar.js';
import {
  clockStatus,
  dueNotices,
  nextSlaCheck,
  resolutionClock,
  SLA_BITS,
  targetTimes,
  workingMinutes,
  type SlaRow,
} from './tickets.sla.js';

const calendar: WorkCalendar = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
    date,
    name: '国庆节',
  })),
  workdays: [
    { date: '2026-09-27', name: '国庆调休' },
    { date: '2026-10-10', name: '国庆调休' },
  ],
};
const cal = { calendar, timeZone: 'Asia/Shanghai' };
const at = (local: string) => Date.parse(`${local}+08:00`);
const settings = DEFAULT_TICKET_SETTINGS; // urgent 15 / 240, high 30 / 480, normal 120 / 1440, nearPercent 75

describe('service targets in working time', () => {
  it('counts only working periods of a working day (lunch break)', () => {
    const t = targetTimes(at('2026-12-02T09:00:00'), 'urgent', 0, settings, cal);
    assert.equal(t.response_due_at, at('2026-12-02T09:15:00'));
    assert.equal(t.response_near_at, at('2026-12-02T09:11:00'), '75% of 15 minutes, rounded');
    assert.equal(t.resolution_due_at, at('2026-12-02T14:30:00'), '180 minutes before lunch, 60 after');
    assert.equal(t.resolution_near_at, at('2026-12-02T12:00:00'));
  });

  it('skips the weekend: Friday afternoon to Monday morning', () => {
    const t = targetTimes(at('2026-12-04T16:30:00'), 'urgent', 0, settings, cal);
    assert.equal(t.response_due_at, at('2026-12-04T16:45:00'));
    assert.equal(t.resolution_due_at, at('2026-12-07T11:30:00'));
  });

  it('a report on Saturday starts counting on Monday at opening time', () => {
    const t = targetTimes(at('2026-12-05T10:00:00'), 'urgent', 0, settings, cal);
    assert.equal(t.response_due_at, at('2026-12-07T08:45:00'));
  });

  it('jumps over the holiday week', () => {
    const t = targetTimes(at('2026-09-30T17:00:00'), 'high', 0, settings, cal);
    // 30 minutes on Wednesday, then nothing until Thursday 8 October, which gives the other 450.
    assert.equal(t.resolution_due_at, at('2026-10-08T17:30:00'));
    assert.equal(t.response_due_at, at('2026-09-30T17:30:00'), 'the 30-minute response fits before closing time');
    const late = targetTimes(at('2026-09-30T17:20:00'), 'high', 0, settings, cal);
    assert.equal(late.response_due_at, at('2026-10-08T08:50:00'), '10 minutes before the holidays, 20 after them');
  });

  it('works on a make-up Sunday (调休)', () => {
    const t = targetTimes(at('2026-09-25T17:00:00'), 'urgent', 0, settings, cal);
    assert.equal(t.resolution_due_at, at('2026-09-27T12:00:00'), '30 on Friday, 210 on the make-up Sunday morning');
    const saturday = targetTimes(at('2026-10-09T17:20:00'), 'urgent', 0, settings, cal);
    assert.equal(saturday.response_due_at, at('2026-10-10T08:35:00'), 'the make-up Saturday counts too');
  });

  it('a paused stretch moves the resolution due time by its working minutes only', () => {
    // Waiting 10:00–14:00 is four hours on the wall but 150 working minutes (lunch does not count).
    const paused = workingMinutes(at('2026-12-02T10:00:00'), at('2026-12-02T14:00:00'), cal);
    assert.equal(paused, 150);
    const t = targetTimes(at('2026-12-02T09:00:00'), 'urgent', paused, settings, cal);
    assert.equal(t.resolution_due_at, at('2026-12-02T17:00:00'));
    assert.equal(t.resolution_near_at, at('2026-12-02T16:00:00'));
    assert.equal(t.response_due_at, at('2026-12-02T09:15:00'), 'the response clock is not paused');
  });

  it('a priority without a target has no clock', () => {
    const none = { ...settings, targets: { ...settings.targets, low: { responseMinutes: 0, resolutionMinutes: 0 } } };
    const t = targetTimes(at('2026-12-02T09:00:00'), 'low', 0, none, cal);
    assert.deepEqual(t, { response_due_at: null, response_near_at: null, resolution_due_at: null, resolution_near_at: null });
    assert.equal(clockStatus({ dueAt: null, nearAt: null, doneAt: null, pausedAt: null }, Date.now()), 'none');
  });
});

describe('clock status', () => {
  const facts = { dueAt: 1000, nearAt: 750, doneAt: null, pausedAt: null };
  it('ok, near, breached while running', () => {
    assert.equal(clockStatus(facts, 700), 'ok');
    assert.equal(clockStatus(facts, 750), 'near');
    assert.equal(clockStatus(facts, 1000), 'breached');
  });
  it('met or missed once done', () => {
    assert.equal(clockStatus({ ...facts, doneAt: 1000 }, 5000), 'met');
    assert.equal(clockStatus({ ...facts, doneAt: 1001 }, 5000), 'missed');
  });
  it('a paused clock is judged where it paused', () => {
    assert.equal(clockStatus({ ...facts, pausedAt: 700 }, 5000), 'ok');
    assert.equal(clockStatus({ ...facts, pausedAt: 800 }, 5000), 'near');
  });
});

describe('target notices', () => {
  const row = (over: Partial<SlaRow> = {}): SlaRow => ({
    state: 'assigned',
    responded_at: null,
    resolved_at: null,
    closed_at: null,
    waiting_since: null,
    sla_notified: 0,
    response_due_at: 1000,
    response_near_at: 750,
    resolution_due_at: 10_000,
    resolution_near_at: 7500,
    ...over,
  });

  it('the next check is the earliest notice not written yet', () => {
    assert.equal(nextSlaCheck(row()), 750);
    assert.equal(nextSlaCheck(row({ sla_notified: SLA_BITS.responseNear })), 1000);
    assert.equal(nextSlaCheck(row({ sla_notified: SLA_BITS.responseNear | SLA_BITS.responseBreached })), 7500);
    assert.equal(nextSlaCheck(row({ responded_at: 900 })), 7500, 'an answered response clock is done');
    assert.equal(nextSlaCheck(row({ state: 'waiting', waiting_since: 800, responded_at: 700 })), null, 'paused');
    assert.equal(nextSlaCheck(row({ state: 'resolved', responded_at: 700, resolved_at: 900 })), null);
  });

  it('writes near, then breached, each once', () => {
    assert.deepEqual(dueNotices(row(), 700), []);
    assert.deepEqual(dueNotices(row(), 760), [{ clock: 'response', level: 'near', bits: SLA_BITS.responseNear }]);
    assert.deepEqual(dueNotices(row({ sla_notified: SLA_BITS.responseNear }), 760), []);
    assert.deepEqual(dueNotices(row({ sla_notified: SLA_BITS.responseNear }), 1000), [
      { clock: 'response', level: 'breached', bits: SLA_BITS.responseBreached | SLA_BITS.responseNear },
    ]);
  });

  it('a clock found past due reports the breach alone (the near notice is marked with it)', () => {
    const notices = dueNotices(row({ responded_at: 500 }), 20_000);
    assert.deepEqual(notices, [{ clock: 'resolution', level: 'breached', bits: SLA_BITS.resolutionBreached | SLA_BITS.resolutionNear }]);
    const after = row({ responded_at: 500, sla_notified: notices[0]!.bits });
    assert.deepEqual(dueNotices(after, 30_000), []);
    assert.equal(nextSlaCheck(after), null);
  });

  it('a waiting ticket says nothing about its paused resolution clock', () => {
    const waiting = row({ state: 'waiting', responded_at: 500, waiting_since: 7000 });
    assert.deepEqual(dueNotices(waiting, 50_000), []);
    assert.equal(clockStatus(resolutionClock(waiting), 50_000), 'ok');
  });
});
