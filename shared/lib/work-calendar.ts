// The organisation's working time (工作日历) and the arithmetic service targets need: "due after
// 8 working hours", "how many working minutes did this take". Pure and dependency-free, so the
// server (ticket due times, statistics) and the web (previews) compute the same instants.
//
// Working time is the set of instants whose wall clock in the organisation's time zone falls in
// a working period of a working day. Wall-clock boundaries become instants through Intl only:
// - a boundary inside a daylight-saving gap (02:30 on spring-forward day in Berlin) becomes the
//   instant of the change, so a period never counts the hour that did not exist;
// - a boundary inside a repeated hour (02:30 on fall-back day) means its first occurrence.
// Calendars are treated as immutable: each calendar object is compiled once (sets of dates,
// periods in minutes) and reused, which keeps a list of hundreds of tickets cheap.

export interface WorkPeriod {
  start: string;
  end: string;
}
export interface CalendarDay {
  date: string;
  name: string;
}
export interface WorkCalendar {
  weekdays: number[];
  periods: WorkPeriod[];
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

/** Mon–Fri, 08:30–12:00 and 13:30–17:30, no dates. Frozen: it is shared by every caller. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = Object.freeze({
  weekdays: Object.freeze([1, 2, 3, 4, 5]) as number[],
  periods: Object.freeze([
    Object.freeze({ start: '08:30', end: '12:00' }),
    Object.freeze({ start: '13:30', end: '17:30' }),
  ]) as WorkPeriod[],
  holidays: Object.freeze([]) as unknown as CalendarDay[],
  workdays: Object.freeze([]) as unknown as CalendarDay[],
});

/** Thrown when no working time exists within SEARCH_LIMIT_DAYS (a calendar with no working day or period). */
export class NoWorkingTimeError extends Error {
  readonly code = 'work_calendar.no_working_time';
  constructor() {
    super('The work calendar has no working time within three years');
    this.name = 'NoWorkingTimeError';
  }
}

/** How far addWorkingMinutes looks for working time before giving up. */
export const SEARCH_LIMIT_DAYS = 3 * 366;
/** Longest stretch either function walks, so absurd input cannot hang a request. */
const TOTAL_LIMIT_DAYS = 50 * 366;

const MIN = 60_000;
const DAY = 86_400_000;
/** No zone is further than this from UTC; bounds the instants that can carry a given wall date. */
const MAX_OFFSET = 15 * 3_600_000;

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of 'HH:MM'; '24:00' is accepted as the end of the day. */
export function parseTime(hhmm: string): number {
  if (hhmm === '24:00') return 1440;
  const m = TIME_RE.exec(hhmm);
  if (!m) throw new RangeError(`Not a time of day (HH:MM): ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const n = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY : NaN;
  if (!Number.isInteger(n) || dateOfDay(n) !== date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return n;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Working minutes of a full working week (what the settings page shows). */
export function weeklyWorkingMinutes(cal: WorkCalendar): number {
  const c = compile(cal);
  const perDay = c.periods.reduce((sum, [start, end]) => sum + end - start, 0);
  return [...c.weekdays].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).length * perDay;
}

// ---- compiled calendars ----------------------------------------------------------------------

interface Compiled {
  weekdays: Set<number>;
  periods: [number, number][];
  holidays: Set<string>;
  workdays: Set<string>;
}
const compiledCache = new WeakMap<WorkCalendar, Compiled>();

function compile(cal: WorkCalendar): Compiled {
  let c = compiledCache.get(cal);
  if (!c) {
    const periods = cal.periods
      .map((p): [number, number] => [parseTime(p.start), parseTime(p.end)])
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    // Overlapping periods (the settings refuse them) are merged rather than counted twice.
    const merged: [number, number][] = [];
    for (const p of periods) {
      const last = merged[merged.length - 1];
      if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
      else merged.push([p[0], p[1]]);
    }
    c = {
      weekdays: new Set(cal.weekdays),
      periods: merged,
      holidays: new Set(cal.holidays.map((d) => d.date)),
      workdays: new Set(cal.workdays.map((d) => d.date)),
    };
    compiledCache.set(cal, c);
  }
  return c;
}

function workingDay(day: number, c: Compiled): boolean {
  const date = dateOfDay(day);
  // A date listed as both (the settings refuse it) counts as a holiday.
  if (c.holidays.has(date)) return false;
  if (c.workdays.has(date)) return true;
  return c.weekdays.has(((((day + 3) % 7) + 7) % 7) + 1);
}

/** Holidays are off and make-up days (调休) work, whatever their weekday; otherwise the weekday decides. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return workingDay(dayNumber(date), compile(cal));
}

// ---- time zones through Intl -----------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds to add to an instant to read its wall clock in the zone as if it were UTC. */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(whole)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), hour, Number(parts.minute), Number(parts.second));
  return wall - whole;
}

/** The offsets in force around one wall date; `steady` when one offset covers the whole day. */
interface DayZone {
  offsets: number[];
  steady: boolean;
}
const dayZones = new Map<string, Map<number, DayZone>>();

function dayZone(day: number, timeZone: string): DayZone {
  const known = dayZones.get(timeZone)?.get(day);
  if (known) return known;
  // Offsets at both ends of the stretch of instants that can carry this wall date, and at noon.
  const before = offsetAt(day * DAY - MAX_OFFSET, timeZone);
  const middle = offsetAt(day * DAY + DAY / 2 - before, timeZone);
  const after = offsetAt((day + 1) * DAY + MAX_OFFSET, timeZone);
  const offsets = [...new Set([before, middle, after])];
  const z = { offsets, steady: offsets.length === 1 };
  // Created only after the zone proved valid (offsetAt throws on an unknown one).
  let byDay = dayZones.get(timeZone);
  if (!byDay) dayZones.set(timeZone, (byDay = new Map()));
  if (byDay.size > 20_000) byDay.clear();
  byDay.set(day, z);
  return z;
}

/** The instant of a wall-clock minute (0–1440) of a wall date, by the rules in the header. */
function instantOf(day: number, minute: number, timeZone: string): number {
  const local = day * DAY + minute * MIN;
  const z = dayZone(day, timeZone);
  if (z.steady) return local - z.offsets[0]!;
  const exact = z.offsets.map((o) => local - o).filter((t) => t + offsetAt(t, timeZone) === local);
  if (exact.length) return Math.min(...exact);
  // In a gap: the first instant whose wall clock is at or past `local` is the change itself.
  let lo = local - Math.max(...z.offsets);
  let hi = local - Math.min(...z.offsets);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid + offsetAt(mid, timeZone) >= local) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The wall date (as a day number) of an instant in the zone. */
function wallDay(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY);
}

/** Working intervals [start, end) of one wall date, as instants. */
function intervalsOf(day: number, c: Compiled, timeZone: string): [number, number][] {
  if (!workingDay(day, c)) return [];
  const out: [number, number][] = [];
  for (const [s, e] of c.periods) {
    const a = instantOf(day, s, timeZone);
    const b = instantOf(day, e, timeZone);
    if (b > a) out.push([a, b]);
  }
  return out;
}

function checkInstant(name: string, ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a finite epoch milliseconds value`);
}

/** The instant (epoch ms) after `minutes` of working time from `startMs`, in the organisation's time zone. */
export function addWorkingMinutes(startMs: number, minutes: number, cal: WorkCalendar, timeZone: string): number {
  checkInstant('startMs', startMs);
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number, zero or more');
  const c = compile(cal);
  let remaining = Math.round(minutes * MIN);
  if (remaining === 0) return startMs;
  let cursor = startMs;
  let idleDays = 0;
  // The day before too: in a zone that falls back across midnight, its last period can still be ahead.
  const first = wallDay(startMs, timeZone) - 1;
  for (let day = first; day <= first + TOTAL_LIMIT_DAYS; day++) {
    let worked = false;
    for (const [a, b] of intervalsOf(day, c, timeZone)) {
      if (b <= cursor) continue;
      worked = true;
      const from = Math.max(a, cursor);
      if (remaining <= b - from) return from + remaining;
      remaining -= b - from;
      cursor = b;
    }
    idleDays = worked ? 0 : idleDays + 1;
    if (idleDays > SEARCH_LIMIT_DAYS) throw new NoWorkingTimeError();
  }
  throw new RangeError('minutes is more working time than fifty years hold');
}

/** Working minutes between two instants (0 if b <= a); fractional when the instants are not on whole minutes. */
export function workingMinutesBetween(aMs: number, bMs: number, cal: WorkCalendar, timeZone: string): number {
  checkInstant('aMs', aMs);
  checkInstant('bMs', bMs);
  if (bMs <= aMs) return 0;
  if (bMs - aMs > TOTAL_LIMIT_DAYS * DAY) throw new RangeError('the instants are more than fifty years apart');
  const c = compile(cal);
  let total = 0;
  const last = wallDay(bMs, timeZone) + 1;
  for (let day = wallDay(aMs, timeZone) - 1; day <= last; day++) {
    for (const [a, b] of intervalsOf(day, c, timeZone)) {
      const from = Math.max(a, aMs);
      const to = Math.min(b, bMs);
      if (to > from) total += to - from;
    }
  }
  return total / MIN;
}
