// Year-end stocktake (年终盘点): start over all assets or a location subtree, count by scanning
// labels, close with a report (counts and values by category and location, missing and misplaced
// assets, the fixed-asset summary with what was bought in the year). Money is in fen (分).
import { z } from 'zod';
import { assetStatus } from './assets.js';
import { epochMs, id, line, optionalId, pageOf, pageQuery, requiredLine } from './common.js';

// ---- vocabulary ----
export const STOCKTAKE_STATUSES = ['open', 'closed'] as const;
export const stocktakeStatus = z.enum(STOCKTAKE_STATUSES);
export type StocktakeStatus = z.infer<typeof stocktakeStatus>;

/**
 * What one scan turned out to be: found where expected, found elsewhere (位置不符), found
 * already (重复扫描), an asset not in this stocktake (范围外), or a code no asset has (未知标签).
 */
export const SCAN_RESULTS = ['found', 'misplaced', 'duplicate', 'outside', 'unknown'] as const;
export const scanResultKind = z.enum(SCAN_RESULTS);
export type ScanResultKind = z.infer<typeof scanResultKind>;

/** Item list filters. 'missing' = not (yet) found; after closing these are 盘亏. */
export const ITEM_STATES = ['all', 'found', 'missing', 'misplaced'] as const;
export const itemState = z.enum(ITEM_STATES);
export type ItemState = z.infer<typeof itemState>;

export const EXTRA_KINDS = ['unknown', 'outside'] as const;
export const extraKind = z.enum(EXTRA_KINDS);
export type ExtraKind = z.infer<typeof extraKind>;

/** A scanned code: the label's URL (<base>/a/<number>) or the bare number, at most 500 characters. */
export const MAX_CODE_LENGTH = 500;

// ---- stocktakes ----
export const stocktakeCounts = z.object({
  expected: z.number().int(),
  found: z.number().int(),
  missing: z.number().int(),
  misplaced: z.number().int(),
  unknown: z.number().int(),
  outside: z.number().int(),
  /** Misplaced assets already moved to where they were seen. */
  applied: z.number().int(),
});
export type StocktakeCounts = z.infer<typeof stocktakeCounts>;

export const stocktake = z.object({
  id: z.number().int(),
  name: z.string(),
  status: stocktakeStatus,
  year: z.number().int(),
  /** Scope: a location and everything under it (its path as at the start), or null for all assets. */
  locationId: z.number().int().nullable(),
  locationPath: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  counts: stocktakeCounts,
  /** Changes with every scan, undo, close or move: poll it and refetch lists when it moves. */
  version: z.number().int(),
  startedAt: epochMs,
  startedBy: z.string(),
  closedAt: epochMs.nullable(),
  closedBy: z.string().nullable(),
  /** The closing date in the organisation's time zone (net values are computed on it). */
  closeDate: z.string().nullable(),
});
export type Stocktake = z.infer<typeof stocktake>;

export const stocktakeInput = z.strictObject({
  name: requiredLine(100),
  locationId: optionalId.default(null),
  categoryId: optionalId.default(null),
  /** The year the report's "bought this year" counts; defaults to the current year. */
  year: z.number().int().min(2000).max(2100).optional(),
});
export type StocktakeInput = z.input<typeof stocktakeInput>;

export const stocktakeListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
  status: stocktakeStatus.optional(),
});
export const stocktakePage = pageOf(stocktake);

// ---- items (the snapshot) ----
export const stocktakeItem = z.object({
  id: z.number().int(),
  assetId: z.number().int(),
  number: z.string(),
  name: z.string(),
  categoryName: z.string(),
  /** Where the ledger said it was when the stocktake started. */
  locationId: z.number().int().nullable(),
  locationPath: z.string().nullable(),
  departmentName: z.string().nullable(),
  holderName: z.string().nullable(),
  priceFen: z.number().int().nullable(),
  purchaseDate: z.string().nullable(),
  assetStatus: assetStatus,
  found: z.boolean(),
  foundAt: epochMs.nullable(),
  foundBy: z.string().nullable(),
  foundLocationId: z.number().int().nullable(),
  foundLocationPath: z.string().nullable(),
  misplaced: z.boolean(),
  /** Marked found by hand (no label scanned). */
  manual: z.boolean(),
  note: z.string(),
  /** When the asset's location was changed to where it was seen. */
  appliedAt: epochMs.nullable(),
});
export type StocktakeItem = z.infer<typeof stocktakeItem>;

export const itemListQuery = z.strictObject({
  ...pageQuery,
  state: itemState.default('all'),
});
export const itemPage = pageOf(stocktakeItem);
export const itemIdParam = z.strictObject({ id, itemId: id });

// ---- codes outside the snapshot ----
export const stocktakeExtra = z.object({
  id: z.number().int(),
  kind: extraKind,
  code: z.string(),
  assetId: z.number().int().nullable(),
  assetNumber: z.string().nullable(),
  assetName: z.string().nullable(),
  assetStatus: assetStatus.nullable(),
  assetLocationPath: z.string().nullable(),
  locationId: z.number().int().nullable(),
  locationPath: z.string().nullable(),
  note: z.string(),
  times: z.number().int(),
  firstAt: epochMs,
  lastAt: epochMs,
  foundBy: z.string(),
});
export type StocktakeExtra = z.infer<typeof stocktakeExtra>;

export const extraListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
  q: pageQuery.q,
  kind: extraKind.default('unknown'),
});
export const extraPage = pageOf(stocktakeExtra);

// ---- counting ----
export const scanInput = z.strictObject({
  code: requiredLine(MAX_CODE_LENGTH),
  /** Where the counter is standing; null: not said (never judged misplaced). */
  locationId: optionalId.default(null),
  note: line(200).default(''),
});
export type ScanInput = z.input<typeof scanInput>;

export const scanResult = z.object({
  result: scanResultKind,
  /** The code as sent and the asset number read from it (null: the code holds none). */
  code: z.string(),
  number: z.string().nullable(),
  item: stocktakeItem.nullable(),
  extra: stocktakeExtra.nullable(),
  counts: stocktakeCounts,
  version: z.number().int(),
});
export type ScanResult = z.infer<typeof scanResult>;

export const markFoundInput = z.strictObject({
  locationId: optionalId.default(null),
  note: line(200).default(''),
});

export const applyLocationsInput = z.strictObject({
  /** Items to move; absent: every misplaced item not moved yet. */
  itemIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(1000).optional(),
});
export const applyLocationsResult = z.object({ moved: z.number().int(), skipped: z.number().int() });

// ---- the report (computed and stored when the stocktake closes) ----
const money = z.object({ count: z.number().int(), valueFen: z.number().int() });

export const reportGroup = z.object({
  id: z.number().int().nullable(),
  name: z.string().nullable(),
  expected: z.number().int(),
  found: z.number().int(),
  missing: z.number().int(),
  misplaced: z.number().int(),
  valueFen: z.number().int(),
  netValueFen: z.number().int(),
  missingValueFen: z.number().int(),
});
export type ReportGroup = z.infer<typeof reportGroup>;

export const stocktakeReport = z.object({
  closeDate: z.string(),
  year: z.number().int(),
  /** Every asset in scope (账面): number, original value, net value on the closing date. */
  book: money.extend({ netValueFen: z.number().int(), unpriced: z.number().int() }),
  /** Found (实盘) and not found (盘亏). */
  found: money.extend({ netValueFen: z.number().int() }),
  missing: money.extend({ netValueFen: z.number().int() }),
  misplaced: z.number().int(),
  unknown: z.number().int(),
  outside: z.number().int(),
  /** Assets in scope purchased in the stocktake's year, and how many of them were found. */
  boughtThisYear: money.extend({ found: z.number().int() }),
  byCategory: z.array(reportGroup),
  byLocation: z.array(reportGroup),
});
export type StocktakeReport = z.infer<typeof stocktakeReport>;
