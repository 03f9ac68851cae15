// What the counting page remembers of this session: each scan as sent and as answered, and the
// place the counter last said they stand in (kept on this device, per stocktake).
import type { ScanResult } from '@shared/contracts/stocktake.js';

export interface SessionScan {
  /** Local sequence number (React key; the newest is the highest). */
  seq: number;
  code: string;
  at: number;
  state: 'pending' | 'done' | 'failed' | 'undone';
  result?: ScanResult;
  error?: unknown;
}

/** This session's list is bounded; the full record is on the progress page. */
export const SESSION_LIMIT = 200;

const whereKey = (stocktakeId: number) => `sysward.stocktake.${stocktakeId}.where`;

export function rememberedPlace(stocktakeId: number): number | null {
  try {
    const v = Number(localStorage.getItem(whereKey(stocktakeId)));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function rememberPlace(stocktakeId: number, locationId: number | null): void {
  try {
    if (locationId === null) localStorage.removeItem(whereKey(stocktakeId));
    else localStorage.setItem(whereKey(stocktakeId), String(locationId));
  } catch {
    // storage blocked (private mode): the place is just not remembered
  }
}

/** A short buzz for a good scan, a double one for anything that needs a look. */
export function vibrateFor(result: ScanResult['result'] | 'error'): void {
  if (typeof navigator.vibrate !== 'function') return;
  navigator.vibrate(result === 'found' ? 80 : [120, 60, 120]);
}
