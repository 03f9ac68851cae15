// Settings, audit trail, attachments, imports and health.
import { z } from 'zod';
import { language, orgSettings } from './auth.js';
import { epochMs, line, pageOf, pageQuery, requiredLine } from './common.js';

export const settingsInput = z.strictObject({
  orgName: requiredLine(100).optional(),
  timeZone: line(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'invalid_time_zone')
    .optional(),
  defaultLanguage: language.optional(),
  sessionLifetimeHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .optional(),
});
export const settingsResponse = orgSettings;

export const health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres']),
  databaseReachable: z.boolean(),
  migrationsCurrent: z.boolean(),
  version: z.string(),
});

// ---- audit ----
export const auditEntry = z.object({
  id: z.number().int(),
  at: epochMs,
  actorKind: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string(),
  tokenId: z.number().int().nullable(),
  ip: z.string(),
  requestId: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;
export const auditListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
  userId: z.coerce.number().int().positive().optional(),
  entityType: line(50).optional(),
  entityId: line(50).optional(),
  action: line(50).optional(),
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
});
export const auditPage = pageOf(auditEntry);

// ---- attachments ----
/**
 * Entity types whose files the generic list reads (each module registers its type with the read
 * and write permission). Tickets and knowledge-base articles keep their files here too; their own
 * routes serve reporters and FAQ readers, and for tickets:read / kb:read holders, who see every
 * ticket and article, the generic list shows the same files.
 */
export const ATTACHABLE = ['person', 'department', 'location', 'asset', 'asset_maintenance', 'ticket', 'kb_article'] as const;
export const attachment = z.object({
  id: z.number().int(),
  entityType: z.string(),
  entityId: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: epochMs,
  createdBy: z.number().int().nullable(),
});
export type Attachment = z.infer<typeof attachment>;
export const attachmentListQuery = z.strictObject({
  entityType: z.enum(ATTACHABLE),
  entityId: z.coerce.number().int().positive(),
});
export const attachmentList = z.object({ items: z.array(attachment) });

// ---- imports ----
export const importColumn = z.object({
  /** 0-based position of the column in the file (A is 0). */
  index: z.number().int(),
  /** The header as written in the file. */
  header: z.string(),
  /** The field it feeds, or null when it is not imported. */
  field: z.string().nullable(),
});
export const importHeader = z.object({
  index: z.number().int(),
  header: z.string(),
  /** Up to two non-empty values of the column, to recognise it by. */
  samples: z.array(z.string()),
});
/** A field the importer can fill: what a column can be mapped to. */
export const importField = z.object({
  key: z.string(),
  /** Canonical Chinese header (templates, exports). */
  header: z.string(),
  required: z.boolean(),
});
export const importOptionSpec = z.discriminatedUnion('kind', [
  z.object({ key: z.string(), kind: z.literal('boolean'), default: z.boolean() }),
  z.object({ key: z.string(), kind: z.literal('choice'), choices: z.array(z.string()), default: z.string() }),
]);
export type ImportOptionSpecDto = z.infer<typeof importOptionSpec>;
export const importOptionValues = z.record(z.string().max(100), z.union([z.boolean(), z.string().max(200)]));
/**
 * PUT /api/imports/:id/mapping: the complete mapping (a column not listed is not imported) and
 * the options (an option not given takes its default).
 */
export const importMappingInput = z.strictObject({
  columns: z
    .array(
      z.strictObject({
        index: z.number().int().min(0).max(100_000),
        field: z.string().min(1).max(100).nullable(),
      }),
    )
    .max(10_000),
  options: importOptionValues.default({}),
});
export type ImportMappingInput = z.input<typeof importMappingInput>;
export const importRowError = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
  value: z.string().optional(),
});
export const importPreview = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  status: z.enum(['preview', 'committed', 'failed']),
  encoding: z.string().nullable(),
  headerRow: z.number().int(),
  /** Every column of the file, in file order. */
  headers: z.array(importHeader),
  /** Every column of the file with the field it feeds (the mapping in force). */
  columns: z.array(importColumn),
  /** The importer's fields, the targets a column can be mapped to. */
  fields: z.array(importField),
  /** Required fields no column feeds: the rows are not checked and nothing can be imported. */
  missingFields: z.array(z.string()),
  options: z.array(importOptionSpec),
  optionValues: importOptionValues,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
  errors: z.array(importRowError),
  errorCount: z.number().int(),
  /** First rows as they will be written, for the preview table. */
  sample: z.array(z.record(z.string(), z.unknown())),
  createdAt: epochMs,
});
export type ImportPreview = z.infer<typeof importPreview>;
export const importResult = z.object({ created: z.number().int(), updated: z.number().int() });
export const importIdParam = z.strictObject({ id: z.string().uuid() });
export const exportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
