// The organisation's work calendar (工作日历): which weekdays work, the working hours of a working
// day, holidays and make-up working days. Service targets of tickets count in this time
// (shared/lib/work-calendar.ts does the arithmetic).
import { z } from 'zod';
import { dayNumber, parseTime, type WorkCalendar } from '../lib/work-calendar.js';
import { line } from './common.js';

export const MAX_CALENDAR_DATES = 1000;
export const MAX_WORK_PERIODS = 12;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const startTime = z.string().regex(TIME_RE, 'invalid_time');
/** '24:00' closes a period that runs to midnight (a round-the-clock duty desk). */
const endTime = z.string().refine((v) => v === '24:00' || TIME_RE.test(v), { message: 'invalid_time' });

export function isCalendarDate(v: string): boolean {
  try {
    dayNumber(v);
    return true;
  } catch {
    return false;
  }
}

const isStart = (v: unknown): v is string => typeof v === 'string' && TIME_RE.test(v);
const isEnd = (v: unknown): v is string => v === '24:00' || isStart(v);

export const workPeriod = z
  .strictObject({ start: startTime, end: endTime })
  .refine((p) => !isStart(p.start) || !isEnd(p.end) || parseTime(p.start) < parseTime(p.end), { message: 'period_order', path: ['end'] });

export const calendarDay = z.strictObject({
  date: z.string().refine(isCalendarDate, { message: 'invalid_date' }),
  /** 国庆节, 春节调休...: what the page shows on the day. */
  name: line(50),
});

const dayList = z.array(calendarDay).max(MAX_CALENDAR_DATES);

export const workCalendar = z
  .strictObject({
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    periods: z.array(workPeriod).min(1).max(MAX_WORK_PERIODS),
    holidays: dayList,
    workdays: dayList,
  })
  .superRefine((cal, ctx) => {
    // Without a working weekday only the listed make-up days would work: the arithmetic would
    // have nothing to count once they have passed.
    if (cal.weekdays.length === 0) ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'no_working_weekday' });
    for (let i = 1; i < cal.periods.length; i++) {
      const prev = cal.periods[i - 1]!;
      const cur = cal.periods[i]!;
      if (!isStart(prev.start) || !isEnd(prev.end) || !isStart(cur.start)) continue;
      if (parseTime(cur.start) < parseTime(prev.start))
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'start'], message: 'periods_unsorted' });
      else if (parseTime(cur.start) < parseTime(prev.end))
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'start'], message: 'periods_overlap' });
    }
    if (cal.holidays.length + cal.workdays.length > MAX_CALENDAR_DATES)
      ctx.addIssue({ code: 'custom', path: ['holidays'], message: 'too_many_dates' });
    const seen = new Map<string, 'holidays' | 'workdays'>();
    for (const list of ['holidays', 'workdays'] as const) {
      cal[list].forEach((d, i) => {
        const other = seen.get(d.date);
        if (other === undefined) seen.set(d.date, list);
        else ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: other === list ? 'duplicate_date' : 'holiday_and_workday' });
      });
    }
  })
  .transform((cal) => {
    const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
    return { ...cal, holidays: [...cal.holidays].sort(byDate), workdays: [...cal.workdays].sort(byDate) };
  });

export type WorkCalendarInput = z.input<typeof workCalendar>;

/** What GET answers: the calendar, sorted, and its weekly total for the page. */
export const workCalendarResponse = z.object({
  weekdays: z.array(z.number().int()),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  workdays: z.array(z.object({ date: z.string(), name: z.string() })),
  weeklyMinutes: z.number().int(),
});
export type WorkCalendarResponse = z.infer<typeof workCalendarResponse>;

/** Keeps only the calendar fields (the response adds weeklyMinutes). */
export function calendarOf(r: WorkCalendar): WorkCalendar {
  return { weekdays: r.weekdays, periods: r.periods, holidays: r.holidays, workdays: r.workdays };
}
