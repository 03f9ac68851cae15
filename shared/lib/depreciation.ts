// Straight-line depreciation as Chinese fixed-asset practice counts it: the first month's
// charge falls in the month after purchase, the same amount every month for the expected life,
// down to the residual value.

/** Whole months from the purchase month to `today`'s month (0 in the month of purchase). */
export function monthsSince(purchaseDate: string, today: string): number {
  const [py, pm] = purchaseDate.split('-').map(Number) as [number, number];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  return Math.max(0, ty * 12 + tm - (py * 12 + pm));
}

/** Net book value in fen on `today`, or null when price, purchase date or life is unknown. */
export function netValueFen(
  a: { priceFen: number | null; purchaseDate: string | null; lifeMonths: number | null; residualRate: number | null },
  today: string,
): number | null {
  if (a.priceFen === null || !a.purchaseDate || !a.lifeMonths) return null;
  const depreciable = a.priceFen * (1 - (a.residualRate ?? 0) / 100);
  const months = Math.min(monthsSince(a.purchaseDate, today), a.lifeMonths);
  return Math.round(a.priceFen - (depreciable * months) / a.lifeMonths);
}

/** The date `months` after a YYYY-MM-DD date (end of life), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
