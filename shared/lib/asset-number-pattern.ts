// Filling in an asset number pattern such as IT-{YYYY}-{seq:5}: shared by the server (which
// keeps the counters) and the settings page (which shows a live example).
import { NUMBER_PATTERN_RE } from '../contracts/assets.js';

export interface NumberContext {
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  categoryCode: string | null;
}

/** The pattern with everything but the sequence filled in; `#` marks the sequence. */
export function numberPrefix(pattern: string, ctx: NumberContext): { key: string; digits: number } {
  const m = NUMBER_PATTERN_RE.exec(pattern);
  const digits = m?.[1] ? Number(m[1]) : 4;
  const [yyyy = '', mm = ''] = ctx.today.split('-');
  const key = pattern
    .replace(NUMBER_PATTERN_RE, '#')
    .replaceAll('{YYYY}', yyyy)
    .replaceAll('{YY}', yyyy.slice(2))
    .replaceAll('{MM}', mm)
    .replaceAll('{CAT}', ctx.categoryCode ?? 'X');
  return { key, digits };
}

export function formatNumber(prefix: { key: string; digits: number }, seq: number): string {
  return prefix.key.replace('#', String(seq).padStart(prefix.digits, '0'));
}

/** What the first number of a category would look like (the settings page's example). */
export function previewNumber(pattern: string, ctx: NumberContext): string | null {
  if (!NUMBER_PATTERN_RE.test(pattern)) return null;
  return formatNumber(numberPrefix(pattern, ctx), 1);
}
