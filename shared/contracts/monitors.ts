// Monitoring (监控与告警): monitors, their groups, status, history and figures.
import { z } from 'zod';
import { epochMs, line, multiline, optionalId, pageOf, pageQuery, requiredLine } from './common.js';
import { MONITOR_KINDS, SECRET_NAMES, monitorSecrets, monitorTarget } from './monitor-targets.js';

export const MONITOR_STATES = ['pending', 'ok', 'warning', 'critical', 'unknown', 'unreachable'] as const;
export type MonitorState = (typeof MONITOR_STATES)[number];

/** One threshold on the check's main value or on its response time (ms). */
export const threshold = z
  .strictObject({
    on: z.enum(['value', 'latency']),
    direction: z.enum(['above', 'below']),
    warn: z.number().min(-1e12).max(1e12).nullable(),
    crit: z.number().min(-1e12).max(1e12).nullable(),
  })
  .refine((t) => t.warn !== null || t.crit !== null, { message: 'threshold_empty' })
  .refine((t) => t.warn === null || t.crit === null || (t.direction === 'above' ? t.warn <= t.crit : t.warn >= t.crit), {
    message: 'threshold_order',
  });
export type Threshold = z.infer<typeof threshold>;

export const MIN_INTERVAL_S = 10;
export const MAX_INTERVAL_S = 86_400;

const monitorFields = {
  name: requiredLine(100),
  groupId: optionalId.default(null),
  locationId: optionalId.default(null),
  assetId: optionalId.default(null),
  target: monitorTarget,
  intervalS: z.number().int().min(MIN_INTERVAL_S).max(MAX_INTERVAL_S).default(60),
  timeoutMs: z.number().int().min(500).max(60_000).default(5000),
  /** Failed checks in a row, beyond the first, before the state changes. */
  retries: z.number().int().min(0).max(10).default(2),
  thresholds: z.array(threshold).max(4).default([]),
  parentId: optionalId.default(null),
  enabled: z.boolean().default(true),
  public: z.boolean().default(false),
  notes: multiline(2000).default(''),
};

/** A check must finish well inside its interval, or the next one would wait for it. */
const timeoutFitsInterval = (m: { timeoutMs: number; intervalS: number }) => m.timeoutMs <= m.intervalS * 1000 * 0.8;

export const monitorInput = z
  .strictObject({ ...monitorFields, secrets: monitorSecrets.default({}) })
  .refine(timeoutFitsInterval, { message: 'timeout_exceeds_interval', path: ['timeoutMs'] });
export type MonitorInput = z.infer<typeof monitorInput>;

export const monitorStatus = z.object({
  state: z.enum(MONITOR_STATES),
  since: epochMs,
  checkedAt: epochMs.nullable(),
  latencyMs: z.number().nullable(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  facts: z.record(z.string(), z.string()),
  flapping: z.boolean(),
});
export type MonitorStatus = z.infer<typeof monitorStatus>;

export const monitor = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(MONITOR_KINDS),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  locationId: z.number().int().nullable(),
  locationName: z.string().nullable(),
  assetId: z.number().int().nullable(),
  assetNumber: z.string().nullable(),
  /** The configuration without its secrets. */
  target: monitorTarget,
  /** Which secrets are set (never their values). */
  secretsSet: z.array(z.enum(SECRET_NAMES)),
  intervalS: z.number().int(),
  timeoutMs: z.number().int(),
  retries: z.number().int(),
  thresholds: z.array(threshold),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  enabled: z.boolean(),
  public: z.boolean(),
  notes: z.string(),
  status: monitorStatus,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Monitor = z.infer<typeof monitor>;

/** A push monitor's URL token, shown once: when it is made and when it is replaced. */
export const monitorCreated = z.object({ monitor, pushToken: z.string().nullable() });
export type MonitorCreated = z.infer<typeof monitorCreated>;

export const MONITOR_SORTS = ['problems', 'name', 'latency', 'checked'] as const;
/** A list filter given as `a,b` or repeated parameters. */
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export const monitorListQuery = z.strictObject({
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  sort: z.enum(MONITOR_SORTS).default('problems'),
  state: csv(z.enum(MONITOR_STATES)).optional(),
  kind: csv(z.enum(MONITOR_KINDS)).optional(),
  groupId: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  locationId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  assetId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type MonitorListQuery = z.infer<typeof monitorListQuery>;
export const monitorPage = pageOf(monitor);

export const monitorCounts = z.object({
  total: z.number().int(),
  byState: z.record(z.enum(MONITOR_STATES), z.number().int()),
  disabled: z.number().int(),
});

// ---- groups ----------------------------------------------------------------------------------------

export const monitorGroupInput = z.strictObject({
  name: requiredLine(60),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  /** Lower-case letters, digits and hyphens; null = no public status page. */
  publicSlug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { message: 'invalid_slug' })
    .nullable()
    .default(null),
  publicTitle: line(100).default(''),
});
export const monitorGroup = z.object({
  id: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  publicSlug: z.string().nullable(),
  publicTitle: z.string(),
  monitorCount: z.number().int(),
});
export type MonitorGroup = z.infer<typeof monitorGroup>;

// ---- history and figures ---------------------------------------------------------------------------

export const monitorEvent = z.object({
  id: z.number().int(),
  at: epochMs,
  from: z.enum(MONITOR_STATES),
  to: z.enum(MONITOR_STATES),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  value: z.number().nullable(),
  notified: z.boolean(),
});
export const monitorEventPage = pageOf(monitorEvent);

/** A chart's period; the server picks raw results, minutes, hours or days to give ≤ ~500 points. */
export const seriesQuery = z
  .strictObject({
    from: z.coerce.number().int().min(0),
    to: z.coerce.number().int().min(0),
    /** '' = the check's own value and latency; else a metric name such as 'if.3.in_bps'. */
    metric: z
      .string()
      .max(120)
      .regex(/^[A-Za-z0-9_./:-]*$/, { message: 'invalid_metric' })
      .default(''),
  })
  .refine((q) => q.to > q.from && q.to - q.from <= 5 * 366 * 86_400_000, { message: 'invalid_period', path: ['to'] });

export const seriesPoint = z.object({
  at: epochMs,
  /** Share of checks that were up (ok or warning), 0–1; null where nothing was checked. */
  up: z.number().nullable(),
  latency: z.number().nullable(),
  latencyMax: z.number().nullable(),
  value: z.number().nullable(),
  valueMin: z.number().nullable(),
  valueMax: z.number().nullable(),
  /** The worst state in the point. */
  state: z.enum(MONITOR_STATES).nullable(),
});
export const series = z.object({
  resolution: z.enum(['raw', 'minute', 'hour', 'day']),
  points: z.array(seriesPoint),
  /** Metric names this monitor has recorded in the period (interfaces, disks …). */
  metrics: z.array(z.string()),
});
export type Series = z.infer<typeof series>;

export const uptime = z.object({
  day: z.number().nullable(),
  week: z.number().nullable(),
  month: z.number().nullable(),
  year: z.number().nullable(),
});
export type Uptime = z.infer<typeof uptime>;

export const checkNowResult = z.object({ status: monitorStatus });

/** A push call: optional status and value sent by the job that calls. */
export const pushQuery = z.strictObject({
  status: z.enum(['up', 'down']).default('up'),
  value: z.coerce.number().min(-1e12).max(1e12).optional(),
  msg: line(200).optional(),
});
export const pushParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, { message: 'invalid_token' }) });
