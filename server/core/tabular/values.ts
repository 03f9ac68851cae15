// Spreadsheet values as the plain strings every module validates. The rule is "what the person
// meant", not what the cell's display format happens to show: a phone number stored as a
// number must come out as 13800138000, never 1.38E+10, and a date as 2026-01-05.
import type { CellValue } from 'exceljs';

/**
 * Plain decimal, no exponent. Rounded to 15 significant digits first, which is all Excel keeps
 * and shows, so a cached 0.30000000000000004 reads as 0.3. Integers stay integer strings.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number(n.toPrecision(15));
  const s = String(rounded);
  if (!s.includes('e')) return s;
  // JS uses an exponent from 1e21 up and below 1e-6; shift the digits by hand.
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(rounded.toExponential());
  if (!m) return s;
  const sign = m[1] ?? '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = 1 + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const DAY_MS = 86_400_000;

/**
 * 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm' when there is a time of day. exceljs turns date cells into
 * JS Dates whose UTC fields are the wall-clock values typed in Excel, so we read UTC fields and
 * never apply the server's time zone. Rounded to the second first: the serial-to-ms conversion
 * can land on 09:29:59.999 for 09:30. Seconds are dropped; nobody imports lists by the second.
 * A pure time (Excel serial below 1, i.e. on 1899-12-30) comes out as 'HH:mm'.
 */
export function formatDate(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  const t = Math.round(ms / 1000) * 1000;
  const u = new Date(t);
  const date = `${u.getUTCFullYear()}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}`;
  const timeOfDay = ((t % DAY_MS) + DAY_MS) % DAY_MS;
  const time = `${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())}`;
  if (date === '1899-12-30') return time;
  return timeOfDay === 0 ? date : `${date} ${time}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Any exceljs cell value as text. Formulas give their cached result (we never evaluate),
 * rich text and hyperlinks give their visible text, error values (#N/A, #REF!) give ''.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if ('error' in value) return '';
  if ('richText' in value) return richText(value.richText);
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    return result === undefined ? '' : cellText(result as CellValue);
  }
  if ('hyperlink' in value) {
    // The text of a hyperlink may itself be rich text when it was styled.
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return richText((text as { richText: { text: string }[] }).richText);
    return value.hyperlink;
  }
  return '';
}

function richText(parts: readonly { text: string }[]): string {
  return parts.map((p) => p.text).join('');
}
