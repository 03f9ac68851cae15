// When maintenance windows apply, and the wall-clock ↔ instant conversion they (and the day
// buckets of rollup.ts) need. Pure; time zones come from Intl only, no zone data of our own.
//
// - once: active from startsAt (inclusive) to endsAt (exclusive).
// - daily / weekly / monthly: an occurrence starts on each matching local date at `time` in the
//   window's zone (the organisation's when it has none) and lasts `durationMinutes` of elapsed
//   time, so it may run past midnight: a window that started yesterday at 22:00 for 8 hours is
//   active today at 03:00. weekly matches ISO weekdays (1 = Monday); monthly matches days of
//   the month, and a day a month does not have (31 in April, 30 in February) is skipped that
//   month rather than moved.
// - A local time that does not exist (inside the spring-forward gap) starts at the first instant
//   after it, the moment the clocks jump; a local time that happens twice (fall-back) means its
//   first occurrence. Because the duration is elapsed time, an occurrence that spans a change
//   ends an hour earlier or later on the wall clock.
// - validFrom / validUntil limit occurrences by the local date they start on, inclusive.
// - An inactive window, or one whose rule cannot be read (a zone the runtime does not know), never
//   applies: a broken window lets alerts through rather than silencing them.
//
// Cost: offsets are cached per zone and local day, so deciding a window needs a handful of Map
// look-ups once warm; still, the runner should ask once per batch of results, not per result.
import type { MaintenanceKind } from '../../../../shared/contracts/monitor-maintenance.js';

export interface MaintenanceRule {
  kind: MaintenanceKind;
  startsAt: number | null;
  endsAt: number | null;
  time: string | null;
  durationMinutes: number | null;
  weekdays: readonly number[];
  monthDays: readonly number[];
  timeZone: string | null;
  validFrom: string | null;
  validUntil: string | null;
  active: boolean;
}

export interface Occurrence {
  start: number;
  end: number;
}

/** The organisation's default zone when a caller passes none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** How many occurrences nextOccurrences returns at most, and how far ahead it looks. */
export const MAX_OCCURRENCES = 100;
const SEARCH_DAYS = 5 * 366;

const MIN = 60_000;
const DAY = 86_400_000;
/** No zone is further than this from UTC: the instants that can carry a wall time lie within it. */
const MAX_OFFSET = 15 * 3_600_000;

// ---- time zones ------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
const lastOffset = new Map<string, { minute: number; offset: number }>();

/** Milliseconds to add to an instant to read its wall clock in the zone (throws on an unknown zone). */
export function offsetAt(ms: number, timeZone: string): number {
  const minute = Math.floor(ms / MIN);
  // Every zone change since 1970 falls on a whole minute, so one minute shares one offset.
  const memo = lastOffset.get(timeZone);
  if (memo && memo.minute === minute) return memo.offset;
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
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(minute * MIN)) p[part.type] = part.value;
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute));
  const offset = wall - minute * MIN;
  lastOffset.set(timeZone, { minute, offset });
  return offset;
}

/** The local date of an instant, as days since 1970-01-01. */
export function localDayOf(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY);
}

const dayOffsets = new Map<string, Map<number, number[]>>();

/** The distinct offsets in force around one local date (one on almost every day). */
function offsetsAround(day: number, timeZone: string): number[] {
  let byDay = dayOffsets.get(timeZone);
  const known = byDay?.get(day);
  if (known) return known;
  const local = day * DAY;
  const offsets = [
    ...new Set([offsetAt(local - MAX_OFFSET, timeZone), offsetAt(local + DAY / 2, timeZone), offsetAt(local + DAY + MAX_OFFSET, timeZone)]),
  ];
  if (!byDay) dayOffsets.set(timeZone, (byDay = new Map()));
  if (byDay.size > 20_000) byDay.clear();
  byDay.set(day, offsets);
  return offsets;
}

/**
 * The instant of a wall-clock minute (0 … 1440) of a local date: in a gap, the first instant
 * after it; when repeated, the first of the two.
 */
export function instantOfLocal(day: number, minuteOfDay: number, timeZone: string): number {
  const local = day * DAY + minuteOfDay * MIN;
  const offsets = offsetsAround(day, timeZone);
  if (offsets.length === 1) return local - offsets[0]!;
  const exact = offsets.map((o) => local - o).filter((t) => t + offsetAt(t, timeZone) === local);
  if (exact.length > 0) return Math.min(...exact);
  // In the gap: the first whole minute whose wall clock has reached `local` is the jump itself.
  let lo = local - Math.max(...offsets);
  let hi = local - Math.min(...offsets);
  while (hi - lo > MIN) {
    const mid = Math.floor((lo + hi) / 2 / MIN) * MIN;
    if (mid + offsetAt(mid, timeZone) >= local) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---- windows ---------------------------------------------------------------------------------

interface Compiled {
  kind: MaintenanceKind;
  zone: string;
  minute: number;
  durationMs: number;
  weekdays: Set<number>;
  monthDays: Set<number>;
  fromDay: number;
  untilDay: number;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayOfDate(date: string | null, fallback: number): number {
  if (date === null) return fallback;
  const m = DATE_RE.exec(date);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

function compile(w: MaintenanceRule, defaultZone: string): Compiled | null {
  if (!w.active) return null;
  const zone = w.timeZone ?? defaultZone;
  const fromDay = dayOfDate(w.validFrom, -Infinity);
  const untilDay = dayOfDate(w.validUntil, Infinity);
  if (Number.isNaN(fromDay) || Number.isNaN(untilDay)) return null;
  try {
    offsetAt(0, zone);
  } catch {
    return null;
  }
  const base = { kind: w.kind, zone, fromDay, untilDay, weekdays: new Set(w.weekdays), monthDays: new Set(w.monthDays) };
  if (w.kind === 'once') {
    if (w.startsAt === null || w.endsAt === null || !(w.endsAt > w.startsAt)) return null;
    return { ...base, minute: 0, durationMs: w.endsAt - w.startsAt };
  }
  const t = TIME_RE.exec(w.time ?? '');
  if (!t || w.durationMinutes === null || !(w.durationMinutes > 0)) return null;
  return { ...base, minute: Number(t[1]) * 60 + Number(t[2]), durationMs: w.durationMinutes * MIN };
}

function dayMatches(c: Compiled, day: number): boolean {
  if (day < c.fromDay || day > c.untilDay) return false;
  if (c.kind === 'daily') return true;
  if (c.kind === 'weekly') return c.weekdays.has(((((day + 3) % 7) + 7) % 7) + 1);
  return c.monthDays.has(new Date(day * DAY).getUTCDate());
}

function occurrenceOn(c: Compiled, day: number): Occurrence | null {
  if (!dayMatches(c, day)) return null;
  const start = instantOfLocal(day, c.minute, c.zone);
  return { start, end: start + c.durationMs };
}

function onceOccurrence(w: MaintenanceRule, c: Compiled): Occurrence | null {
  const start = w.startsAt!;
  const day = localDayOf(start, c.zone);
  return day >= c.fromDay && day <= c.untilDay ? { start, end: w.endsAt! } : null;
}

/** Days back from a date on which an occurrence that is still running can have started. */
const lookBack = (c: Compiled) => Math.ceil(c.durationMs / DAY) + 1;

function isActive(w: MaintenanceRule, now: number, defaultZone: string): boolean {
  const c = compile(w, defaultZone);
  if (!c) return false;
  if (c.kind === 'once') {
    const o = onceOccurrence(w, c);
    return o !== null && o.start <= now && now < o.end;
  }
  const today = localDayOf(now, c.zone);
  for (let day = today; day >= today - lookBack(c); day--) {
    const o = occurrenceOn(c, day);
    if (o && o.start <= now && now < o.end) return true;
  }
  return false;
}

/** The windows in force at `now`. */
export function activeWindows<W extends MaintenanceRule>(windows: readonly W[], now: number, defaultTimeZone = DEFAULT_TIME_ZONE): W[] {
  return windows.filter((w) => isActive(w, now, defaultTimeZone));
}

/** Whether any window in force at `now` covers this monitor, by itself or by its group. */
export function isSilenced(
  windows: readonly (MaintenanceRule & { monitors: readonly number[]; groups: readonly number[] })[],
  monitor: { id: number; groupId: number | null },
  now: number,
  defaultTimeZone = DEFAULT_TIME_ZONE,
): boolean {
  return windows.some(
    (w) =>
      (w.monitors.includes(monitor.id) || (monitor.groupId !== null && w.groups.includes(monitor.groupId))) &&
      isActive(w, now, defaultTimeZone),
  );
}

/** The next `count` occurrences that end after `from` (one in progress included), in order. */
export function nextOccurrences(window: MaintenanceRule, from: number, count: number, defaultTimeZone = DEFAULT_TIME_ZONE): Occurrence[] {
  const c = compile(window, defaultTimeZone);
  const wanted = Math.min(MAX_OCCURRENCES, Math.max(0, Math.floor(count)));
  if (!c || wanted === 0) return [];
  if (c.kind === 'once') {
    const o = onceOccurrence(window, c);
    return o && o.end > from ? [o] : [];
  }
  const out: Occurrence[] = [];
  const first = Math.max(localDayOf(from, c.zone) - lookBack(c), c.fromDay);
  const last = Math.min(first + SEARCH_DAYS, c.untilDay);
  for (let day = first; day <= last && out.length < wanted; day++) {
    const o = occurrenceOn(c, day);
    if (o && o.end > from) out.push(o);
  }
  return out;
}
