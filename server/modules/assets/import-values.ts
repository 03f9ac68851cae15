// What people type in ledger spreadsheets, turned into our values: money in any common
// spelling, dates as Excel and Chinese offices write them, status words in Chinese, English
// and Snipe-IT's status labels.
import { isDate, type AssetStatus } from '../../../shared/contracts/assets.js';

/** '¥5,600.00', '5600元', '5600' → 560000 fen; null for blank; 'invalid' when not money. */
export function parseMoney(text: string): number | null | 'invalid' {
  const s = text.replace(/[¥￥,，\s]|元|rmb|cny/gi, '');
  if (s === '') return null;
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return 'invalid';
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, 20240315, or an Excel serial day. */
export function parseDate(text: string): string | null | 'invalid' {
  const s = text.trim();
  if (s === '') return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isDate(d) ? d : 'invalid';
  }
  m = /^(\d{5})$/.exec(s);
  if (m) {
    // Excel's day 1 is 1900-01-01 with its 1900 leap-year bug: serials count from 1899-12-30.
    const d = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000).toISOString().slice(0, 10);
    return isDate(d) ? d : 'invalid';
  }
  return 'invalid';
}

export const STATUS_LABEL: Record<AssetStatus, string> = {
  in_stock: '库存',
  in_use: '在用',
  on_loan: '借出',
  under_repair: '维修中',
  idle: '闲置',
  retired: '报废',
  disposed: '已处置',
};

const STATUS_WORDS: Record<string, AssetStatus> = {
  库存: 'in_stock',
  在库: 'in_stock',
  入库: 'in_stock',
  备用: 'in_stock',
  未使用: 'in_stock',
  在用: 'in_use',
  使用中: 'in_use',
  正常: 'in_use',
  已领用: 'in_use',
  领用: 'in_use',
  借出: 'on_loan',
  已借出: 'on_loan',
  外借: 'on_loan',
  维修: 'under_repair',
  维修中: 'under_repair',
  送修: 'under_repair',
  故障: 'under_repair',
  闲置: 'idle',
  停用: 'idle',
  报废: 'retired',
  已报废: 'retired',
  待报废: 'retired',
  处置: 'disposed',
  已处置: 'disposed',
  已处理: 'disposed',
  // English, and the status labels Snipe-IT ships with.
  'in stock': 'in_stock',
  'ready to deploy': 'in_stock',
  deployable: 'in_stock',
  pending: 'in_stock',
  'in use': 'in_use',
  deployed: 'in_use',
  'checked out': 'in_use',
  'on loan': 'on_loan',
  loaned: 'on_loan',
  'under repair': 'under_repair',
  'out for repair': 'under_repair',
  broken: 'under_repair',
  idle: 'idle',
  undeployable: 'idle',
  retired: 'retired',
  archived: 'retired',
  'lost/stolen': 'retired',
  disposed: 'disposed',
};
for (const s of Object.keys(STATUS_LABEL) as AssetStatus[]) STATUS_WORDS[s] = s;

export function parseStatus(text: string): AssetStatus | null | 'invalid' {
  const s = text.trim().toLowerCase().replace(/_/g, ' ');
  if (s === '') return null;
  return STATUS_WORDS[s] ?? STATUS_WORDS[s.replace(/ /g, '_')] ?? 'invalid';
}

/** Fen as the yuan text exports write: 5600.00 (no currency sign, so Excel sums it). */
export function yuanText(fen: number | null): string {
  if (fen === null) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
