// Maintenance windows (维护窗口): times when chosen monitors or groups raise no alerts, once or
// recurring in a time zone (server/modules/monitors/engine/maintenance.ts says when they apply).
import { z } from 'zod';
import { isCalendarDate } from './calendar.js';
import { epochMs, line, requiredLine } from './common.js';

export const MAINTENANCE_KINDS = ['once', 'daily', 'weekly', 'monthly'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];

/** A recurring window lasts at most a week (a weekly window covering the whole week). */
export const MAX_MAINTENANCE_MINUTES = 10_080;
/** A one-off window lasts at most a year: anything longer is switching the monitor off. */
export const MAX_ONCE_WINDOW_MS = 366 * 86_400_000;
export const MAX_WINDOW_TARGETS = 1000;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const uniqueSorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
const targetIds = z.array(z.number().int().positive().max(2_147_483_647)).max(MAX_WINDOW_TARGETS).transform(uniqueSorted);
const calendarDate = z.string().refine(isCalendarDate, { message: 'invalid_date' });

export const maintenanceWindowFields = {
  name: requiredLine(100),
  kind: z.enum(MAINTENANCE_KINDS),
  /** once: the first instant of the window (epoch ms). */
  startsAt: epochMs.nullable().default(null),
  /** once: the first instant after the window. */
  endsAt: epochMs.nullable().default(null),
  /** Recurring: local start time in the window's time zone. */
  time: z.string().regex(TIME_RE, 'invalid_time').nullable().default(null),
  /** Recurring: elapsed minutes from the start (so a DST day does not stretch or shrink it). */
  durationMinutes: z.number().int().min(1).max(MAX_MAINTENANCE_MINUTES).nullable().default(null),
  /** weekly: ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).transform(uniqueSorted).default([]),
  /** monthly: days of the month; a day a month does not have (31 in April) is skipped that month. */
  monthDays: z.array(z.number().int().min(1).max(31)).max(31).transform(uniqueSorted).default([]),
  /** IANA zone of `time`; null = the organisation's. */
  timeZone: line(64).refine(isTimeZone, { message: 'invalid_time_zone' }).nullable().default(null),
  /** Occurrences starting on local dates in this range only (inclusive); null = unbounded. */
  validFrom: calendarDate.nullable().default(null),
  validUntil: calendarDate.nullable().default(null),
  monitors: targetIds.default([]),
  groups: targetIds.default([]),
  active: z.boolean().default(true),
};

const maintenanceWindowObject = z.strictObject(maintenanceWindowFields);
type Fields = z.output<typeof maintenanceWindowObject>;

function checkWindow(w: Fields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (w.kind === 'once') {
    if (w.startsAt === null) issue('startsAt', 'required');
    if (w.endsAt === null) issue('endsAt', 'required');
    if (w.startsAt !== null && w.endsAt !== null) {
      if (w.endsAt <= w.startsAt) issue('endsAt', 'period_order');
      else if (w.endsAt - w.startsAt > MAX_ONCE_WINDOW_MS) issue('endsAt', 'window_too_long');
    }
  } else {
    if (w.time === null) issue('time', 'required');
    if (w.durationMinutes === null) issue('durationMinutes', 'required');
    if (w.kind === 'weekly' && w.weekdays.length === 0) issue('weekdays', 'required');
    if (w.kind === 'monthly' && w.monthDays.length === 0) issue('monthDays', 'required');
  }
  if (w.validFrom !== null && w.validUntil !== null && w.validUntil < w.validFrom) issue('validUntil', 'period_order');
  // A window that silences nothing is a mistake in the form, not a useful record.
  if (w.monitors.length + w.groups.length === 0) issue('monitors', 'no_targets');
}

/** Create or replace a window (PUT sends the whole window again). */
export const maintenanceWindowInput = maintenanceWindowObject.superRefine(checkWindow);
export type MaintenanceWindowInput = z.input<typeof maintenanceWindowInput>;
export type MaintenanceWindowValues = z.output<typeof maintenanceWindowInput>;

export const maintenanceWindow = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(MAINTENANCE_KINDS),
  startsAt: epochMs.nullable(),
  endsAt: epochMs.nullable(),
  time: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  weekdays: z.array(z.number().int()),
  monthDays: z.array(z.number().int()),
  timeZone: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  monitors: z.array(z.number().int()),
  groups: z.array(z.number().int()),
  active: z.boolean(),
  /** The next few occurrences (for the list page), computed in the window's zone. */
  next: z.array(z.object({ start: epochMs, end: epochMs })),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindow>;
