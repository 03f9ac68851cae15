// Asset ledger (台账): categories with custom fields, assets, their lifecycle, hand-outs,
// maintenance, history, saved views. Shared by the server (validation) and the web (forms).
import { z } from 'zod';
import { epochMs, id, line, multiline, optionalId, pageOf, pageQuery, requiredLine } from './common.js';

// ---- vocabulary ----
export const ASSET_STATUSES = ['in_stock', 'in_use', 'on_loan', 'under_repair', 'idle', 'retired', 'disposed'] as const;
export const assetStatus = z.enum(ASSET_STATUSES);
export type AssetStatus = z.infer<typeof assetStatus>;

/** Which status may follow which. Disposal is final; retiring and disposing need a reason. */
export const STATUS_TRANSITIONS: Record<AssetStatus, readonly AssetStatus[]> = {
  in_stock: ['in_use', 'on_loan', 'under_repair', 'idle', 'retired'],
  in_use: ['in_stock', 'on_loan', 'under_repair', 'idle', 'retired'],
  on_loan: ['in_stock', 'in_use', 'under_repair'],
  under_repair: ['in_stock', 'in_use', 'idle', 'retired'],
  idle: ['in_stock', 'in_use', 'on_loan', 'under_repair', 'retired'],
  retired: ['idle', 'disposed'],
  disposed: [],
};
export const STATUSES_NEEDING_REASON: readonly AssetStatus[] = ['retired', 'disposed'];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'ip', 'mac', 'url'] as const;
export const customFieldType = z.enum(CUSTOM_FIELD_TYPES);

export const MAINTENANCE_KINDS = ['repair', 'upgrade', 'routine', 'inspection', 'part_replacement', 'os_reinstall'] as const;
export const maintenanceKind = z.enum(MAINTENANCE_KINDS);

export const HISTORY_KINDS = [
  'created',
  'updated',
  'status',
  'handout',
  'return',
  'maintenance',
  'attachment',
  'stocktake',
  'imported',
  'other',
] as const;

/** Values the shared formats accept (also used by custom field validation). */
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export function isIp(v: string): boolean {
  if (IPV4.test(v)) return true;
  // IPv6: hex groups with at most one '::'; good enough to refuse typos without a full parser.
  if (!/^[0-9a-f:]+$/i.test(v) || !v.includes(':') || (v.match(/::/g) ?? []).length > 1) return false;
  const groups = v.split(':');
  return groups.length <= 8 && groups.every((g) => g.length <= 4) && (v.includes('::') || groups.length === 8);
}
/** MAC in any common spelling (aa:bb.., AA-BB-.., aabb.ccdd.eeff, aabbccddeeff) → AA:BB:CC:DD:EE:FF, or null. */
export function normaliseMac(v: string): string | null {
  const hex = v.replace(/[:\-.\s]/g, '');
  if (!/^[0-9a-f]{12}$/i.test(hex)) return null;
  return hex.toUpperCase().match(/../g)!.join(':');
}
export function isUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
export function isDate(v: string): boolean {
  if (!DATE_RE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === v;
}

export const dateString = z.string().refine(isDate, { message: 'invalid_date' });
const ipField = z
  .string()
  .trim()
  .max(45)
  .refine((v) => v === '' || isIp(v), { message: 'invalid_ip' });
const macField = z
  .string()
  .trim()
  .max(20)
  .refine((v) => v === '' || normaliseMac(v) !== null, { message: 'invalid_mac' })
  .transform((v) => (v === '' ? '' : normaliseMac(v)!));
/** Money in fen (分): integers only, up to 10 billion yuan. */
export const fen = z.number().int().min(0).max(1_000_000_000_000);

// ---- categories ----
export const customFieldDef = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'invalid_key' }),
  label: requiredLine(50),
  type: customFieldType,
  options: z.array(requiredLine(50)).max(100).default([]),
  required: z.boolean().default(false),
  unit: line(20).default(''),
});
export type CustomFieldDef = z.infer<typeof customFieldDef>;
const customFieldList = z
  .array(customFieldDef)
  .max(50)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'duplicate_key' });
      seen.add(f.key);
      if ((f.type === 'select' || f.type === 'multiselect') && f.options.length === 0)
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'options_required' });
    });
  });

export const category = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.number().int().nullable(),
  sortOrder: z.number().int(),
  fields: z.array(customFieldDef),
  /** Own fields plus those inherited from parent categories, parents first. */
  effectiveFields: z.array(customFieldDef),
  defaultLifeMonths: z.number().int().nullable(),
  defaultResidualRate: z.number().nullable(),
  assetCount: z.number().int(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Category = z.infer<typeof category>;
const lifeMonths = z.number().int().min(1).max(600);
const residualRate = z.number().min(0).max(100).multipleOf(0.01);
const categoryFields = {
  name: requiredLine(50),
  code: line(20)
    .nullable()
    .transform((v) => v || null),
  parentId: optionalId,
  sortOrder: z.number().int().min(-100000).max(100000),
  fields: customFieldList,
  defaultLifeMonths: lifeMonths.nullable(),
  defaultResidualRate: residualRate.nullable(),
};
export const categoryInput = z.strictObject({
  ...categoryFields,
  code: categoryFields.code.default(null),
  parentId: optionalId.default(null),
  sortOrder: categoryFields.sortOrder.default(0),
  fields: customFieldList.default([]),
  defaultLifeMonths: lifeMonths.nullable().default(null),
  defaultResidualRate: residualRate.nullable().default(null),
});
export type CategoryInput = z.input<typeof categoryInput>;
export const categoryPatch = z.strictObject(categoryFields).partial();
export const categoryList = z.object({ items: z.array(category) });

// ---- assets ----
export const customValue = z.union([z.string().max(500), z.number(), z.array(z.string().max(100)).max(50), z.null()]);
export const customValues = z.record(z.string().max(40), customValue);

export const asset = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  brand: z.string(),
  model: z.string(),
  serial: z.string().nullable(),
  status: assetStatus,
  statusReason: z.string(),
  locationId: z.number().int().nullable(),
  locationName: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  holderPersonId: z.number().int().nullable(),
  holderName: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  priceFen: z.number().int().nullable(),
  supplier: z.string(),
  orderNumber: z.string(),
  warrantyEnd: z.string().nullable(),
  lifeMonths: z.number().int().nullable(),
  residualRate: z.number().nullable(),
  /** Straight-line net value today, in fen; null without price, purchase date and life. */
  netValueFen: z.number().int().nullable(),
  hostname: z.string(),
  ip: z.string(),
  mac: z.string(),
  notes: z.string(),
  custom: customValues,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Asset = z.infer<typeof asset>;

const assetFields = {
  number: line(40),
  name: requiredLine(100),
  categoryId: id.pipe(z.number()),
  brand: line(50),
  model: line(100),
  serial: line(100)
    .nullable()
    .transform((v) => v || null),
  locationId: optionalId,
  departmentId: optionalId,
  holderPersonId: optionalId,
  purchaseDate: dateString.nullable(),
  priceFen: fen.nullable(),
  supplier: line(100),
  orderNumber: line(100),
  warrantyEnd: dateString.nullable(),
  lifeMonths: lifeMonths.nullable(),
  residualRate: residualRate.nullable(),
  hostname: line(100),
  ip: ipField,
  mac: macField,
  notes: multiline(4000),
  custom: customValues,
};
/** Create: the number is generated from the pattern when left empty. */
export const assetInput = z.strictObject({
  number: assetFields.number.default(''),
  name: assetFields.name,
  categoryId: z.number().int().positive(),
  brand: line(50).default(''),
  model: line(100).default(''),
  serial: assetFields.serial.default(null),
  status: assetStatus.default('in_stock'),
  statusReason: line(200).default(''),
  locationId: optionalId.default(null),
  departmentId: optionalId.default(null),
  holderPersonId: optionalId.default(null),
  purchaseDate: dateString.nullable().default(null),
  priceFen: fen.nullable().default(null),
  supplier: line(100).default(''),
  orderNumber: line(100).default(''),
  warrantyEnd: dateString.nullable().default(null),
  lifeMonths: lifeMonths.nullable().default(null),
  residualRate: residualRate.nullable().default(null),
  hostname: line(100).default(''),
  ip: ipField.default(''),
  mac: macField.default(''),
  notes: multiline(4000).default(''),
  custom: customValues.default({}),
});
export type AssetInput = z.input<typeof assetInput>;
/** Edit: status changes go through the status route (checked transitions, reasons). */
export const assetPatch = z.strictObject({ ...assetFields, number: requiredLine(40), categoryId: z.number().int().positive() }).partial();

export const assetSort = z.enum([
  'number',
  'name',
  'status',
  'brand',
  'model',
  'purchaseDate',
  'price',
  'warrantyEnd',
  'createdAt',
  'updatedAt',
]);
const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/, { message: 'invalid_id_list' })
  .transform((s) => s.split(',').map(Number))
  .pipe(z.array(z.number().int().positive().max(2_147_483_647)).max(1000));
const statusList = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(assetStatus).max(ASSET_STATUSES.length));
/** Custom field filters as JSON: {"cpu":"i5"} (contains), {"ram_gb":{"min":8}}, {"os":["Windows 11"]} (any of). */
export const customFilter = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  z.union([
    z.string().max(100),
    z.array(z.string().max(100)).min(1).max(20),
    z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
  ]),
);
const jsonParam = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .max(2000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'invalid_json' });
        return z.NEVER;
      }
    })
    .pipe(schema);
const dateQuery = z.string().refine(isDate, { message: 'invalid_date' });
export const assetListQuery = z.strictObject({
  ...pageQuery,
  sort: assetSort.default('number'),
  status: statusList.optional(),
  /** Disposed assets leave the active lists; searching or asking by status finds them. */
  includeDisposed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  categoryId: id.optional(),
  locationId: id.optional(),
  departmentId: id.optional(),
  /** Apply category, location and department filters to their subtrees (default) or the node alone. */
  subtree: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  holderPersonId: id.optional(),
  ids: idList.optional(),
  brand: line(50).optional(),
  model: line(100).optional(),
  supplier: line(100).optional(),
  purchaseFrom: dateQuery.optional(),
  purchaseTo: dateQuery.optional(),
  warrantyFrom: dateQuery.optional(),
  warrantyTo: dateQuery.optional(),
  priceMin: z.coerce.number().int().min(0).optional(),
  priceMax: z.coerce.number().int().min(0).optional(),
  hasIp: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  custom: jsonParam(customFilter).optional(),
});
export type AssetListQuery = z.output<typeof assetListQuery>;
export const assetPage = pageOf(asset);

export const statusChange = z.strictObject({
  status: assetStatus,
  reason: line(200).default(''),
});

/** Fields a bulk action may set on many assets at once; all-or-nothing. */
export const bulkAction = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(1000),
  set: z
    .strictObject({
      locationId: optionalId.optional(),
      departmentId: optionalId.optional(),
      holderPersonId: optionalId.optional(),
      status: assetStatus.optional(),
      reason: line(200).optional(),
    })
    .refine((s) => Object.keys(s).some((k) => k !== 'reason'), { message: 'nothing_to_change' }),
});
export const bulkResult = z.object({ updated: z.number().int() });

/** A compact card anyone signed in sees after scanning a label (no prices, no people). */
export const assetCard = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  categoryName: z.string(),
  brand: z.string(),
  model: z.string(),
  status: assetStatus,
  locationName: z.string().nullable(),
  /** Whether the caller may open the full record. */
  canReadFull: z.boolean(),
  /** Whether the caller holds it (their own asset). */
  mine: z.boolean(),
});
export const numberParam = z.strictObject({ number: requiredLine(40) });

// ---- hand-out and return ----
/** A PNG signature as a data URL, drawn on screen; at most ~200 KB. */
export const signatureData = z
  .string()
  .max(280_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, { message: 'invalid_signature' });
export const handoutInput = z
  .strictObject({
    personId: optionalId.default(null),
    departmentId: optionalId.default(null),
    locationId: optionalId.default(null),
    date: dateString,
    expectedReturn: dateString.nullable().default(null),
    /** 领用 (in use for good) or 借出 (on loan until returned). */
    loan: z.boolean().default(false),
    signerName: line(50).default(''),
    signature: signatureData.nullable().default(null),
    notes: multiline(1000).default(''),
  })
  .refine((v) => v.personId !== null || v.departmentId !== null, { message: 'recipient_required', path: ['personId'] });
export const returnInput = z.strictObject({
  date: dateString,
  locationId: optionalId.default(null),
  condition: line(200).default(''),
  signerName: line(50).default(''),
  signature: signatureData.nullable().default(null),
  notes: multiline(1000).default(''),
});
export const assignment = z.object({
  id: z.number().int(),
  assetId: z.number().int(),
  kind: z.enum(['handout', 'return']),
  loan: z.boolean(),
  date: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  locationId: z.number().int().nullable(),
  locationName: z.string().nullable(),
  expectedReturn: z.string().nullable(),
  condition: z.string(),
  signerName: z.string(),
  hasSignature: z.boolean(),
  notes: z.string(),
  handledBy: z.string(),
  createdAt: epochMs,
});
export type Assignment = z.infer<typeof assignment>;
export const assignmentList = z.object({ items: z.array(assignment) });

// ---- maintenance ----
export const maintenance = z.object({
  id: z.number().int(),
  assetId: z.number().int(),
  date: z.string(),
  kind: maintenanceKind,
  description: z.string(),
  parts: z.string(),
  costFen: z.number().int().nullable(),
  performer: z.string(),
  vendor: z.string(),
  result: z.string(),
  /** For upgrades: what changed, e.g. 内存 8G → 16G. */
  upgradeItem: z.string(),
  upgradeFrom: z.string(),
  upgradeTo: z.string(),
  nextDue: z.string().nullable(),
  /** Set when a later record followed this one up (the reminder is then done). */
  followedUp: z.boolean(),
  createdBy: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Maintenance = z.infer<typeof maintenance>;
const maintenanceFields = {
  date: dateString,
  kind: maintenanceKind,
  description: requiredLine(500),
  parts: line(500),
  costFen: fen.nullable(),
  performer: line(100),
  vendor: line(100),
  result: line(500),
  upgradeItem: line(50),
  upgradeFrom: line(100),
  upgradeTo: line(100),
  nextDue: dateString.nullable(),
};
export const maintenanceInput = z.strictObject({
  ...maintenanceFields,
  parts: line(500).default(''),
  costFen: fen.nullable().default(null),
  performer: line(100).default(''),
  vendor: line(100).default(''),
  result: line(500).default(''),
  upgradeItem: line(50).default(''),
  upgradeFrom: line(100).default(''),
  upgradeTo: line(100).default(''),
  nextDue: dateString.nullable().default(null),
});
export const maintenancePatch = z.strictObject(maintenanceFields).partial();
export const maintenanceList = z.object({ items: z.array(maintenance) });
export const maintenanceIdParam = z.strictObject({ id, maintenanceId: id });
export const dueMaintenance = maintenance.extend({ assetNumber: z.string(), assetName: z.string() });
export const dueQuery = z.strictObject({ days: z.coerce.number().int().min(0).max(366).default(30) });
export const dueList = z.object({ items: z.array(dueMaintenance) });

// ---- history ----
export const historyEntry = z.object({
  id: z.number().int(),
  at: epochMs,
  actor: z.string(),
  kind: z.string(),
  summary: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export const historyQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const historyPage = z.object({ items: z.array(historyEntry), nextBefore: z.number().int().nullable() });

// ---- reminders ----
export const expiringQuery = z.strictObject({
  kind: z.enum(['warranty', 'end_of_life']),
  days: z.coerce.number().int().min(1).max(366).default(30),
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
});
export const expiringItem = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  categoryName: z.string(),
  status: assetStatus,
  locationName: z.string().nullable(),
  holderName: z.string().nullable(),
  date: z.string(),
  daysLeft: z.number().int(),
});
export const expiringPage = pageOf(expiringItem);

// ---- saved views ----
export const viewConfig = z.strictObject({
  columns: z.array(z.string().max(60)).max(60),
  /** The list query as the page keeps it in the URL (without paging). */
  query: z.record(z.string().max(40), z.string().max(2000)),
});
export const savedView = z.object({
  id: z.number().int(),
  name: z.string(),
  config: viewConfig,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export const savedViewInput = z.strictObject({ name: requiredLine(50), config: viewConfig });
export const savedViewPatch = savedViewInput.partial();
export const savedViewList = z.object({ items: z.array(savedView) });

// ---- settings ----
export const NUMBER_PATTERN_RE = /\{seq(?::([1-9]|1[0-2]))?\}/;
export const assetSettings = z.strictObject({
  /** e.g. IT-{YYYY}-{seq:5}; tokens: {YYYY} {YY} {MM} {CAT} (category code) {seq:N}. */
  numberPattern: requiredLine(60).refine((p) => NUMBER_PATTERN_RE.test(p), { message: 'pattern_needs_seq' }),
  /** Where labels point: the address people reach Sysward at, e.g. https://it.example.edu.cn. */
  labelBaseUrl: line(200).refine((v) => v === '' || isUrl(v), { message: 'invalid_url' }),
});
export type AssetSettings = z.infer<typeof assetSettings>;
export const DEFAULT_ASSET_SETTINGS: AssetSettings = { numberPattern: 'IT-{YYYY}-{seq:5}', labelBaseUrl: '' };
