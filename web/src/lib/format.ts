// Dates as a person reads them: always in the organisation's time zone (settings.timeZone),
// whatever the browser's zone is, so a report and a screen agree on what "today" was.
import { useTranslation } from 'react-i18next';
import { useOrgTimeZone } from './session';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(ms: number, timeZone: string, lang: string): string {
  return formatter(lang, timeZone, true).format(ms);
}
export function formatDate(ms: number, timeZone: string, lang: string): string {
  return formatter(lang, timeZone, false).format(ms);
}

/** Offset of timeZone from UTC at the instant ms, in ms (east positive). */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of midnight starting the calendar day y-m-d in timeZone (for date-range filters). */
export function startOfDayInZone(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - zoneOffset(guess, timeZone);
  // A second pass settles days on which the offset changes (daylight saving).
  return guess - zoneOffset(first, timeZone);
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Formatters bound to the current language and the organisation's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useOrgTimeZone();
  const lang = i18n.language;
  return {
    timeZone,
    dateTime: (ms: number | null | undefined) => (ms == null ? '' : formatDateTime(ms, timeZone, lang)),
    date: (ms: number | null | undefined) => (ms == null ? '' : formatDate(ms, timeZone, lang)),
    fileSize: formatFileSize,
  };
}
