// Names the list pages build translation keys from at run time. Kept free of imports so the
// locale test (locales/list/families.ts) can load them in Node.

/** Columns of the asset list, in the order the column chooser offers them. */
export const ASSET_COLUMNS = [
  'number',
  'name',
  'category',
  'brandModel',
  'status',
  'location',
  'department',
  'holder',
  'purchaseDate',
  'price',
  'netValue',
  'serial',
  'brand',
  'model',
  'supplier',
  'orderNumber',
  'warrantyEnd',
  'lifeMonths',
  'residualRate',
  'hostname',
  'ip',
  'mac',
  'notes',
  'createdAt',
  'updatedAt',
] as const;
export type AssetColumn = (typeof ASSET_COLUMNS)[number];

/** What a new user sees before choosing columns. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'number',
  'name',
  'category',
  'brandModel',
  'status',
  'location',
  'department',
  'holder',
  'purchaseDate',
  'price',
];

/** Field names with a label under assets.fields.* (form labels, import wizard columns). */
export const ASSET_FIELD_LABELS = [
  ...ASSET_COLUMNS,
  'categoryId',
  'locationId',
  'departmentId',
  'holderPersonId',
  'priceFen',
  'statusReason',
  'custom',
] as const;

/** Label sheet layouts the PDF route draws; the first is the default. */
export const LABEL_LAYOUTS = ['a4-3x8', 'a4-3x7', 'a4-2x7', 'a4-4x10', 'a4-2x5', 'thermal-40x30', 'thermal-50x30'] as const;
export type LabelLayout = (typeof LABEL_LAYOUTS)[number];
/** The most chosen ids one label request takes (the list query's ids=); more go by filter. */
export const MAX_LABEL_IDS = 1000;
/** The most labels one PDF holds (the server's ceiling: over 200 A4 sheets). */
export const MAX_LABELS = 5000;
/** Labels per A4 sheet (thermal printers feed one label at a time: nothing to skip). */
export const LABELS_PER_SHEET: Record<LabelLayout, number> = {
  'a4-3x8': 24,
  'a4-3x7': 21,
  'a4-2x7': 14,
  'a4-4x10': 40,
  'a4-2x5': 10,
  'thermal-40x30': 1,
  'thermal-50x30': 1,
};

/** What the bulk action bar can change. */
export const BULK_ACTIONS = ['location', 'department', 'holder', 'status'] as const;
export type BulkActionKind = (typeof BULK_ACTIONS)[number];

/** Tokens of the asset number pattern, explained on the settings page. */
export const NUMBER_TOKENS = ['YYYY', 'YY', 'MM', 'CAT', 'seq'] as const;
