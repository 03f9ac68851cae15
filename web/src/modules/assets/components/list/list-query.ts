// The asset list's state as the URL keeps it (readable: prices in yuan, statuses as a comma
// list, custom filters as JSON) and its translation into GET /api/assets parameters (prices in
// fen). The same translation feeds the export and the label sheet, so they match the list.
import { ASSET_STATUSES, customFilter, type AssetStatus } from '@shared/contracts/assets.js';
import type { Query } from '../../../../lib/api-client';
import { yuanToFen } from './money';

/** URL parameters that filter the list (paging, sorting, q, columns and view are separate). */
export const ASSET_FILTERS = [
  'categoryId',
  'status',
  'includeDisposed',
  'locationId',
  'departmentId',
  'holderPersonId',
  'brand',
  'model',
  'supplier',
  'purchaseFrom',
  'purchaseTo',
  'warrantyFrom',
  'warrantyTo',
  'priceMin',
  'priceMax',
  'hasIp',
  'custom',
] as const;
export type AssetFilterName = (typeof ASSET_FILTERS)[number];
export type AssetFilters = Record<string, string | undefined>;

/** Filters kept in the drawer (the toolbar shows search, category and status itself). */
export const DRAWER_FILTERS: readonly AssetFilterName[] = ASSET_FILTERS.filter(
  (f) => f !== 'categoryId' && f !== 'status' && f !== 'includeDisposed',
);

/** URL parameter with the chosen columns, comma-separated; absent = the defaults. */
export const COLUMNS_PARAM = 'cols';
/** URL parameter naming the saved view the list was opened from. */
export const VIEW_PARAM = 'view';

export type CustomFilterValue = string | string[] | { min?: number; max?: number };
export type CustomFilter = Record<string, CustomFilterValue>;

export function parseStatuses(value: string | undefined): AssetStatus[] {
  if (!value) return [];
  return value.split(',').filter((s): s is AssetStatus => (ASSET_STATUSES as readonly string[]).includes(s));
}

/** The custom-field filter from the URL; anything malformed is dropped rather than sent. */
export function parseCustomFilter(value: string | undefined): CustomFilter {
  if (!value) return {};
  try {
    const parsed = customFilter.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function customFilterParam(filter: CustomFilter): string | undefined {
  const kept = Object.entries(filter).filter(([, v]) =>
    Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v.min !== undefined || v.max !== undefined,
  );
  return kept.length ? JSON.stringify(Object.fromEntries(kept)) : undefined;
}

const positiveId = (v: string | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const dateParam = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const boolParam = (v: string | undefined) => (v === 'true' || v === 'false' ? v : undefined);
const fenParam = (v: string | undefined) => {
  const fen = yuanToFen(v);
  return fen === null || Number.isNaN(fen) ? undefined : fen;
};

/** The list's filters as GET /api/assets (and its export and labels) take them. */
export function toApiFilters(q: string, f: AssetFilters): Query {
  const statuses = parseStatuses(f.status);
  return {
    q: q || undefined,
    categoryId: positiveId(f.categoryId),
    status: statuses.length ? statuses.join(',') : undefined,
    includeDisposed: f.includeDisposed === 'true' ? 'true' : undefined,
    locationId: positiveId(f.locationId),
    departmentId: positiveId(f.departmentId),
    holderPersonId: positiveId(f.holderPersonId),
    brand: f.brand?.trim() || undefined,
    model: f.model?.trim() || undefined,
    supplier: f.supplier?.trim() || undefined,
    purchaseFrom: dateParam(f.purchaseFrom),
    purchaseTo: dateParam(f.purchaseTo),
    warrantyFrom: dateParam(f.warrantyFrom),
    warrantyTo: dateParam(f.warrantyTo),
    priceMin: fenParam(f.priceMin),
    priceMax: fenParam(f.priceMax),
    hasIp: boolParam(f.hasIp),
    // Custom fields belong to a category: without one chosen they are not sent.
    custom: positiveId(f.categoryId) ? customFilterParam(parseCustomFilter(f.custom)) : undefined,
  };
}

/** How many drawer filters are set (the badge on the "filters" button). */
export function countDrawerFilters(f: AssetFilters): number {
  let n = 0;
  for (const name of DRAWER_FILTERS) {
    if (name === 'custom') n += Object.keys(parseCustomFilter(f.custom)).length;
    else if (f[name]) n++;
  }
  // A date or price range counts once.
  if (f.purchaseFrom && f.purchaseTo) n--;
  if (f.warrantyFrom && f.warrantyTo) n--;
  if (f.priceMin && f.priceMax) n--;
  return n;
}
