// Durations and due times as people read them ("还剩 35 分钟", "已超时 2 小时"), the organisation's
// calendar days, and the statistics periods. Due instants come from the server (counted in
// working time); what is left until them is plain clock time, which is what a person waits.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useOrgTimeZone } from '../../lib/session';

const MINUTE = 60_000;

/** The current time, re-read every `everyMs` so relative times move on by themselves. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "35 分钟", "2 小时 5 分钟", "3 天 2 小时": two units at most, never "0 分钟" for under a minute. */
export function durationText(t: TFunction, minutes: number): string {
  const total = Math.max(1, Math.round(Math.abs(minutes)));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t('tickets.time.days', { n: days }));
  if (hours > 0) parts.push(t('tickets.time.hours', { n: hours }));
  if (days === 0 && mins > 0) parts.push(t('tickets.time.minutes', { n: mins }));
  return parts.slice(0, 2).join(' ');
}

/** Relative to a due instant: what is left, or how long it has been overdue. */
export function dueText(t: TFunction, dueAt: number, now: number): { text: string; overdue: boolean } {
  const minutes = (dueAt - now) / MINUTE;
  if (minutes >= 0) return { text: t('tickets.time.left', { d: durationText(t, minutes) }), overdue: false };
  return { text: t('tickets.time.over', { d: durationText(t, minutes) }), overdue: true };
}

/** Working minutes as hours with one decimal ("3.5"), the unit the statistics speak in. */
export function workingHours(minutes: number | null): string | null {
  if (minutes === null) return null;
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

/** YYYY-MM-DD of the calendar day `ms` falls on in timeZone. */
export function dateInZone(ms: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** The organisation's today as of when the component mounted (a page left open keeps its day). */
export function useToday(): string {
  const [now] = useState(Date.now);
  return dateInZone(now, useOrgTimeZone());
}

export const PERIODS = ['month', 'lastMonth', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The days a named period covers, given today (YYYY-MM-DD); running periods end today. */
export function periodRange(period: Exclude<Period, 'custom'>, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (period) {
    case 'month':
      return { from: `${y}-${pad(m)}-01`, to: today };
    case 'lastMonth': {
      const year = m === 1 ? y - 1 : y;
      const month = m === 1 ? 12 : m - 1;
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` };
    }
    case 'quarter':
      return { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today };
    case 'year':
      return { from: `${y}-01-01`, to: today };
  }
}
