// Service targets in working time: when a ticket's response and resolution fall due (and become
// "near"), what state each clock is in, and when the minute job next has something to say.
// Pure: the calendar, time zone and settings come in as arguments, so the rules are unit-tested
// with a fixed calendar.
import {
  OPEN_STATES,
  type SlaStatus,
  type TicketPriority,
  type TicketSettings,
  type TicketState,
} from '../../../shared/contracts/tickets.js';
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar } from '../../../shared/lib/work-calendar.js';

export interface CalendarContext {
  calendar: WorkCalendar;
  timeZone: string;
}

export interface TargetTimes {
  response_due_at: number | null;
  response_near_at: number | null;
  resolution_due_at: number | null;
  resolution_near_at: number | null;
}

/**
 * Due and near instants counted in working minutes from the report. The resolution clock also
 * carries the working minutes it stood still (waiting for someone, resolved before a reopen).
 */
export function targetTimes(
  createdAt: number,
  priority: TicketPriority,
  pausedMinutes: number,
  settings: TicketSettings,
  cal: CalendarContext,
): TargetTimes {
  const target = settings.targets[priority];
  const at = (minutes: number) => addWorkingMinutes(createdAt, minutes, cal.calendar, cal.timeZone);
  const near = (minutes: number) => Math.round((minutes * settings.nearPercent) / 100);
  const response = target.responseMinutes > 0;
  const resolution = target.resolutionMinutes > 0;
  return {
    response_due_at: response ? at(target.responseMinutes) : null,
    response_near_at: response ? at(near(target.responseMinutes)) : null,
    resolution_due_at: resolution ? at(target.resolutionMinutes + pausedMinutes) : null,
    resolution_near_at: resolution ? at(near(target.resolutionMinutes) + pausedMinutes) : null,
  };
}

export interface ClockFacts {
  dueAt: number | null;
  nearAt: number | null;
  /** When the clock stopped for good (responded, resolved or closed). */
  doneAt: number | null;
  /** A paused clock is judged at the instant it paused. */
  pausedAt: number | null;
}

export function clockStatus(f: ClockFacts, now: number): SlaStatus {
  if (f.dueAt === null) return 'none';
  if (f.doneAt !== null) return f.doneAt <= f.dueAt ? 'met' : 'missed';
  const at = f.pausedAt ?? now;
  if (at >= f.dueAt) return 'breached';
  if (f.nearAt !== null && at >= f.nearAt) return 'near';
  return 'ok';
}

/** The facts of a ticket row the clocks read. */
export interface SlaRow extends TargetTimes {
  state: string;
  responded_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  waiting_since: number | null;
  sla_notified: number;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

export function responseClock(r: SlaRow): ClockFacts {
  const state = r.state as TicketState;
  // A ticket closed without anyone answering stopped its clock when it closed.
  const done = num(r.responded_at) ?? (OPEN_STATES.includes(state) ? null : (num(r.resolved_at) ?? num(r.closed_at)));
  return { dueAt: num(r.response_due_at), nearAt: num(r.response_near_at), doneAt: done, pausedAt: null };
}

export function resolutionClock(r: SlaRow): ClockFacts {
  const state = r.state as TicketState;
  const done = OPEN_STATES.includes(state) ? null : (num(r.resolved_at) ?? num(r.closed_at));
  return {
    dueAt: num(r.resolution_due_at),
    nearAt: num(r.resolution_near_at),
    doneAt: done,
    pausedAt: state === 'waiting' ? num(r.waiting_since) : null,
  };
}

export const SLA_BITS = { responseNear: 1, responseBreached: 2, resolutionNear: 4, resolutionBreached: 8 } as const;

export interface SlaNotice {
  clock: 'response' | 'resolution';
  level: 'near' | 'breached';
  bits: number;
}

/**
 * The notices that have fallen due by `now` and were not written yet. When a clock is already
 * past due (the job was down, or the target was short), only the breach is reported, and the
 * near notice is marked as done with it.
 */
export function dueNotices(r: SlaRow, now: number): SlaNotice[] {
  if (!OPEN_STATES.includes(r.state as TicketState)) return [];
  const out: SlaNotice[] = [];
  const check = (clock: 'response' | 'resolution', facts: ClockFacts, nearBit: number, breachBit: number) => {
    if (facts.doneAt !== null || facts.pausedAt !== null || facts.dueAt === null) return;
    const breachDone = (r.sla_notified & breachBit) !== 0;
    const nearDone = (r.sla_notified & nearBit) !== 0;
    if (!breachDone && now >= facts.dueAt) out.push({ clock, level: 'breached', bits: breachBit | nearBit });
    else if (!nearDone && !breachDone && facts.nearAt !== null && now >= facts.nearAt) out.push({ clock, level: 'near', bits: nearBit });
  };
  check('response', responseClock(r), SLA_BITS.responseNear, SLA_BITS.responseBreached);
  check('resolution', resolutionClock(r), SLA_BITS.resolutionNear, SLA_BITS.resolutionBreached);
  return out;
}

/** The next instant a notice falls due for this row (null: nothing to watch). */
export function nextSlaCheck(r: SlaRow): number | null {
  if (!OPEN_STATES.includes(r.state as TicketState)) return null;
  const times: number[] = [];
  const watch = (facts: ClockFacts, nearBit: number, breachBit: number) => {
    if (facts.doneAt !== null || facts.pausedAt !== null || facts.dueAt === null) return;
    if (r.sla_notified & breachBit) return;
    if (!(r.sla_notified & nearBit) && facts.nearAt !== null) times.push(facts.nearAt);
    else times.push(facts.dueAt);
  };
  watch(responseClock(r), SLA_BITS.responseNear, SLA_BITS.responseBreached);
  watch(resolutionClock(r), SLA_BITS.resolutionNear, SLA_BITS.resolutionBreached);
  return times.length ? Math.min(...times) : null;
}

/** Whole working minutes between two instants (the statistics store these). */
export function workingMinutes(fromMs: number, toMs: number, cal: CalendarContext): number {
  return Math.round(workingMinutesBetween(fromMs, toMs, cal.calendar, cal.timeZone));
}
