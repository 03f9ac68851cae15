// Money and ratios as the stocktake pages show them. Money is kept in fen (integers) and shown in
// yuan with two decimals, digits grouped in the reader's language.

/** Fen → '¥5,600.00'; '' for null. */
export function formatYuan(fen: number | null | undefined, lang: string): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.floor(abs / 100));
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Whole percent, rounded down: 99.9 % found is not yet 100 %. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part * 100) / whole) : 0;
}
