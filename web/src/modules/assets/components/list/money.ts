// Money is kept in fen (分, integers) and typed and read in yuan. Conversions go through the
// decimal text, never through floating-point multiplication, so 0.29 yuan is 29 fen, not 28.

const YUAN = /^(\d{1,10})(?:\.(\d{0,2}))?$/;

/** '5600', '5600.5', '5,600.50' → fen; null when empty; NaN when not an amount in yuan with at most 2 decimals. */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberToFen(value);
  const text = value.replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (text === '') return null;
  const m = YUAN.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A number of yuan: whole fen once binary noise (0.1 + 0.2) is ignored; a third decimal is NaN. */
function numberToFen(n: number): number {
  const cents = n * 100;
  const whole = Math.round(cents);
  return n >= 0 && Number.isFinite(n) && Math.abs(cents - whole) < 1e-6 ? whole : NaN;
}

/** Fen → '5600.00' (what an input shows). */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen → '¥5,600.00' with the language's digit grouping; '' for null. */
export function formatYuan(fen: number | null | undefined, lang = 'zh-CN'): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.floor(abs / 100));
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}
