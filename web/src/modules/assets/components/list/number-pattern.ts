// The live example beside the number pattern field: what the pattern gives for the first asset
// of a category coded PC today, filled in the way the server fills it.
import { previewNumber as fill } from '@shared/lib/asset-number-pattern.js';

/** today: 'YYYY-MM-DD' in the organisation's time zone. Null when the pattern has no {seq}. */
export function previewNumber(pattern: string, today: string): string | null {
  return fill(pattern, { today, categoryCode: 'PC' });
}

/** Today as 'YYYY-MM-DD' in a time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
