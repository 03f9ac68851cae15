// The shape of the demo ledger (台账) of 星河实验中学 (assets-school-data.ts) and 星河科技有限公司
// (assets-company-data.ts): what an IT office really has, where it stands and who holds it. Dates are days before the day the demo is seeded, so warranty and
// maintenance reminders always have something due. Each group is a batch of identical units
// bought together; its events (hand-outs, returns, upgrades, repairs, retirement) happen to the
// units in order, through the real services (scripts/demo/assets-step.ts).
import type { AssetStatus } from '../../shared/contracts/assets.js';

/** Custom field values; { inDays } is a date that many days from the day the demo is seeded. */
export type Custom = Record<string, string | number | string[] | { inDays: number }>;

/** A location: a key the locations step set (school.lab1), or a room's unique name (1楼弱电间). */
export type PlaceRef = string;

/** Who receives hand-outs: people by key, or the active employees of departments in order. */
export type Recipients = { people: string[] } | { departments: string[]; limit?: number };

export type AssetEvent = { daysAgo: number; units?: number[] } & (
  | { kind: 'handout'; to: Recipients; loan?: boolean; returnInDays?: number; place?: PlaceRef; notes?: string }
  /** Units held by people who have left (or all the units given) come back to a place. */
  | { kind: 'return'; condition: string; place: PlaceRef; onlyLeavers?: boolean }
  | {
      kind: 'maintenance';
      type: 'repair' | 'upgrade' | 'routine' | 'inspection' | 'part_replacement' | 'os_reinstall';
      description: string;
      parts?: string;
      costYuan?: number;
      performer?: string;
      vendor?: string;
      result?: string;
      upgrade?: [item: string, from: string, to: string];
      /** Days from today: negative means overdue. */
      nextDueInDays?: number;
      /** Custom field values the work changed (内存 16, 操作系统 Windows 11). */
      custom?: Custom;
    }
  | { kind: 'status'; to: AssetStatus; reason: string }
);

export interface AssetGroup {
  category: string;
  name: string;
  brand: string;
  model: string;
  count: number;
  place: PlaceRef;
  /** Department key; units handed out to a person take that person's department. */
  department: string;
  purchasedDaysAgo: number;
  priceYuan: number;
  supplier: string;
  orderNumber?: string;
  /** Warranty in months from purchase, or a fixed number of days from today. */
  warrantyMonths?: number;
  warrantyEndsInDays?: number;
  serialPrefix: string;
  /** Host names and addresses for unit n (1-based). */
  hostname?: (n: number) => string;
  ip?: (n: number) => string;
  mac?: boolean;
  custom?: Custom | ((n: number) => Custom);
  notes?: string;
  /** Where the units are when bought (default in stock or, for fixed equipment, in use). */
  status?: AssetStatus;
  events?: AssetEvent[];
}

export const SCHOOL_SUPPLIER = '星河市政府采购中心（联想授权经销商）';
export const NET_SUPPLIER = '星河网络工程有限公司';
export const OFFICE_SUPPLIER = '京东企业购';
export const YEAR = 365;

export const pc = (cpu: string, memory: number, disk: string, os: string): Custom => ({ cpu, memory_gb: memory, disk, os });
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
export const two = (n: number) => String(n).padStart(2, '0');

/** Where a department's people work: a hand-out moves the asset to the recipient's room. */
export const DEPARTMENT_ROOMS: Record<string, PlaceRef> = {
  'school.office': '校长室',
  'school.g1': '高一年级办公室',
  'school.g2': '高二年级办公室',
  'school.g3': '高三年级办公室',
  'school.it': 'school.itOffice',
  'school.it.network': 'school.itOffice',
  'school.it.systems': 'school.itOffice',
  'company.ceo': '总经理办公室',
  'company.admin': '行政部办公室',
  'company.finance': '财务部办公室',
  'company.sales': '销售部办公室',
  'company.it': 'company.itOffice',
  'company.rd': 'company.rdOffice',
  'company.rd.platform': 'company.rdOffice',
  'company.rd.qa': 'company.rdOffice',
};
