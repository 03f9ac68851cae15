// Dates, days and money as the record pages show them. "Today" is the organisation's today (its
// time zone), the same day the server counts reminders and depreciation from.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTimeZone } from '../../../../lib/session';
import { formatYuan } from '../list/money';

/** YYYY-MM-DD of the calendar day `ms` falls on in timeZone. */
export function dateInZone(ms: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today as of when the component mounted (a page left open over midnight keeps its day). */
export function useToday(): string {
  const [now] = useState(Date.now);
  return dateInZone(now, useOrgTimeZone());
}

/** Fen → '¥5,600.00' in the current language. */
export function useMoney() {
  const { i18n } = useTranslation();
  return (fen: number | null | undefined) => formatYuan(fen, i18n.language);
}
