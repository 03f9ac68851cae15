export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** The calendar date (YYYY-MM-DD) at `now` in a time zone: "today" for due dates and numbers. */
export function dateIn(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
