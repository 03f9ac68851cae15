// The organisation's time for tickets: its work calendar and zone, and calendar days as instants
// (list filters and statistics periods are whole days in the organisation's zone).
import type { Kysely } from 'kysely';
import { wallClock } from '../../core/clock.js';
import { readSettings } from '../../core/settings.js';
import type { Database } from '../../db/database.js';
import { readWorkCalendar } from '../system/index.js';
import type { CalendarContext } from './tickets.sla.js';

export async function calendarContext(db: Kysely<Database>): Promise<CalendarContext> {
  const [calendar, settings] = await Promise.all([readWorkCalendar(db), readSettings(db)]);
  return { calendar, timeZone: settings.timeZone };
}

const DAY = 86_400_000;

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (minute precision). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wall = Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day), Number(w.hour), Number(w.minute));
  return wall - Math.floor(ms / 60_000) * 60_000;
}

/** The instant a calendar day (YYYY-MM-DD) begins in the zone. */
export function startOfDayIn(date: string, timeZone: string): number {
  const local = Date.parse(`${date}T00:00:00Z`);
  // Twice: the offset at the first guess may differ from the one at the answer (a DST change).
  let t = local - offsetAt(local, timeZone);
  t = local - offsetAt(t, timeZone);
  return t;
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) out.push(d);
  return out;
}
