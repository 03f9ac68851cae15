// Repair costs are kept in fen (分) and typed in yuan. Conversion goes through the decimal text,
// never through floating-point multiplication, so 0.29 yuan is 29 fen, not 28.
const YUAN = /^(\d{1,8})(?:\.(\d{0,2}))?$/;

/** '350', '350.5', '1,350.50' → fen; 0 when empty; NaN when not an amount with at most 2 decimals. */
export function yuanToFen(text: string): number {
  const s = text.replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (s === '') return 0;
  const m = YUAN.exec(s);
  if (!m) return NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen → '350.00' (what the input shows). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Fen → '¥1,350.00' with the language's digit grouping. */
export function formatYuan(fen: number, lang: string): string {
  const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.floor(fen / 100));
  return `¥${whole}.${String(fen % 100).padStart(2, '0')}`;
}
