export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** The wall-clock fields (zero-padded) of an instant in a time zone. */
export function wallClock(ms: number, timeZone: string): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The calendar date (YYYY-MM-DD) at `now` in a time zone: "today" for due dates and numbers. */
export function dateIn(now: number, timeZone: string): string {
  const w = wallClock(now, timeZone);
  return `${w.year}-${w.month}-${w.day}`;
}

/** 2026-11-29 15:30 in a time zone (reports). */
export function dateTimeIn(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}`;
}
