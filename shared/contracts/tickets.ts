// Fault tickets (故障报修) and tasks (临时任务): reporting, working, the five-part resolution record,
// vendor repairs, escalation to a leader, service targets in working time, statistics.
// Shared by the server (validation) and the web (forms).
import { z } from 'zod';
import { DATE_RE } from './assets.js';
import { epochMs, id, line, multiline, pageOf, pageQuery, requiredLine } from './common.js';

// ---- vocabulary ----
export const TICKET_STATES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export const ticketState = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof ticketState>;

/**
 * Which state may follow which (technicians). Reopening a resolved or closed ticket goes back to
 * in_progress; a reporter may only confirm (resolved → closed) or reopen (resolved/closed → in_progress).
 */
export const TICKET_TRANSITIONS: Record<TicketState, readonly TicketState[]> = {
  new: ['assigned', 'in_progress', 'waiting', 'resolved', 'closed'],
  assigned: ['in_progress', 'waiting', 'resolved', 'closed'],
  in_progress: ['waiting', 'resolved', 'closed'],
  waiting: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};
/** States in which a ticket is still someone's work (lists, service targets). */
export const OPEN_STATES: readonly TicketState[] = ['new', 'assigned', 'in_progress', 'waiting'];

export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const ticketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof ticketPriority>;
/** Priorities whose resolution needs all five parts of the record (as does any ticket marked important). */
export const PRIORITIES_NEEDING_RECORD: readonly TicketPriority[] = ['urgent', 'high'];

export const TICKET_KINDS = ['fault', 'task'] as const;
export const ticketKind = z.enum(TICKET_KINDS);
export type TicketKind = z.infer<typeof ticketKind>;

/** How the ticket came in: the reporter themself, or registered by a technician. */
export const TICKET_SOURCES = ['self', 'phone', 'walk_in', 'scan', 'email', 'monitor', 'other'] as const;
export const ticketSource = z.enum(TICKET_SOURCES);

export const WAITING_FOR = ['reporter', 'vendor', 'parts', 'other'] as const;
export const waitingFor = z.enum(WAITING_FOR);

export const TICKET_LINK_KINDS = ['duplicate_of', 'caused_by', 'related'] as const;
export const ticketLinkKind = z.enum(TICKET_LINK_KINDS);

/** The dictionary of ticket categories (created on start, editable by the administrator). */
export const TICKET_CATEGORY_DICTIONARY = 'ticket_category';

export const TIMELINE_KINDS = [
  'created',
  'comment', // public: the reporter sees it
  'note', // internal: technicians only
  'state',
  'assigned',
  'priority',
  'fields', // category, title, description, location, important… changed
  'attachment',
  'time', // time spent
  'repair', // vendor repair sent / returned / changed
  'escalation', // to a leader, and the leader's decision
  'link', // related ticket added or removed
  'asset', // asset linked or unlinked
  'resolution',
  'sla', // target near or breached (written once each)
] as const;
export const timelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof timelineKind>;

const text = (max: number) => multiline(max);
const dateString = z.string().regex(DATE_RE, { message: 'date' });
/** Money in fen (分), never negative, below 100 million yuan. */
const fen = z.number().int().min(0).max(10_000_000_000);

// ---- the five-part record (问题描述、分析原因、处理方案、处理结果、预防措施) ----
export const resolutionInput = z.strictObject({
  /** 问题描述: defaults to the ticket's description when empty. */
  problem: text(5000).default(''),
  cause: text(5000).default(''),
  solution: text(5000).default(''),
  result: text(5000).default(''),
  prevention: text(5000).default(''),
});
export type ResolutionInput = z.infer<typeof resolutionInput>;
export const RESOLUTION_FIELDS = ['problem', 'cause', 'solution', 'result', 'prevention'] as const;

// ---- reporting and creating ----
export const ticketCreateInput = z.strictObject({
  kind: ticketKind.default('fault'),
  title: requiredLine(120),
  description: text(10_000).default(''),
  /** Dictionary value of the category; empty = not yet classified. */
  category: line(60).default(''),
  priority: ticketPriority.default('normal'),
  important: z.boolean().default(false),
  locationId: id.nullable().default(null),
  /** Free-text place when the location tree does not have it ("三楼东侧打印间"). */
  place: line(120).default(''),
  contactPhone: line(40).default(''),
  assetIds: z.array(id).max(20).default([]),
  /** Attachment ids uploaded before the ticket existed (the report form's photos). */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
  // Technicians only (refused for staff): registering on someone's behalf.
  reporterPersonId: id.nullable().default(null),
  source: ticketSource.default('self'),
  assigneeUserId: id.nullable().default(null),
});
export type TicketCreateInput = z.infer<typeof ticketCreateInput>;

/** Fields a technician may change on an open ticket. */
export const ticketUpdateInput = z.strictObject({
  title: requiredLine(120).optional(),
  description: text(10_000).optional(),
  category: line(60).optional(),
  priority: ticketPriority.optional(),
  important: z.boolean().optional(),
  locationId: id.nullable().optional(),
  place: line(120).optional(),
  contactPhone: line(40).optional(),
});
export type TicketUpdateInput = z.infer<typeof ticketUpdateInput>;

export const ticketTransitionInput = z.strictObject({
  to: ticketState,
  /** Why it waits (to = waiting) or why it is reopened / closed without resolution. */
  waitingFor: waitingFor.optional(),
  reason: text(2000).default(''),
  /** With to = resolved: the record; required in full for urgent/high/important tickets. */
  resolution: resolutionInput.optional(),
});
export type TicketTransitionInput = z.infer<typeof ticketTransitionInput>;

export const ticketAssignInput = z.strictObject({ assigneeUserId: id.nullable() });

export const ticketCommentInput = z.strictObject({
  body: text(10_000).pipe(z.string().min(1)),
  /** internal notes are technicians only; staff comments are always public. */
  internal: z.boolean().default(false),
  /** Time spent on this step, in minutes (technicians). */
  minutes: z.number().int().min(0).max(10_000).default(0),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});

export const ticketAssetsInput = z.strictObject({ assetIds: z.array(id).max(20) });
export const ticketLinkInput = z.strictObject({ ticketId: id, kind: ticketLinkKind });

export const repairInput = z.strictObject({
  vendorId: id.nullable().default(null),
  /** Contact at the vendor for this repair (defaults to the vendor's). */
  contact: line(60).default(''),
  phone: line(40).default(''),
  rmaNumber: line(60).default(''),
  assetId: id.nullable().default(null),
  sentDate: dateString,
  returnedDate: dateString.nullable().default(null),
  costFen: fen.default(0),
  notes: text(2000).default(''),
});
export type RepairInput = z.infer<typeof repairInput>;
/** Only the fields sent change (no defaults: a partial of repairInput would fill them in). */
export const repairUpdateInput = z
  .strictObject({
    vendorId: id.nullable(),
    contact: line(60),
    phone: line(40),
    rmaNumber: line(60),
    assetId: id.nullable(),
    sentDate: dateString,
    returnedDate: dateString.nullable(),
    costFen: fen,
    notes: text(2000),
  })
  .partial();

export const escalateInput = z.strictObject({ leaderUserId: id, reason: text(2000).pipe(z.string().min(1)) });
export const decisionInput = z.strictObject({ decision: text(2000).pipe(z.string().min(1)) });

export const bulkAssignInput = z.strictObject({ ids: z.array(id).min(1).max(500), assigneeUserId: id.nullable() });
export const bulkCloseInput = z.strictObject({ ids: z.array(id).min(1).max(500), reason: text(2000).default('') });
export const bulkResult = z.object({ changed: z.number().int(), skipped: z.array(z.object({ id: z.number(), code: z.string() })) });

// ---- responses ----
export const slaStatus = z.enum(['none', 'ok', 'near', 'breached', 'met', 'missed']);
export type SlaStatus = z.infer<typeof slaStatus>;
export const slaClock = z.object({
  dueAt: epochMs.nullable(),
  doneAt: epochMs.nullable(),
  /** ok / near / breached while running; met / missed once done; none without a target. */
  status: slaStatus,
});

export const ticketRef = z.object({ id: z.number(), number: z.string(), title: z.string(), state: ticketState });
export const userRef = z.object({ id: z.number(), name: z.string() }).nullable();
export const assetRef = z.object({ id: z.number(), number: z.string(), name: z.string(), status: z.string() });

export const repair = z.object({
  id: z.number(),
  vendorId: z.number().nullable(),
  vendorName: z.string().nullable(),
  contact: z.string(),
  phone: z.string(),
  rmaNumber: z.string(),
  assetId: z.number().nullable(),
  sentDate: z.string(),
  returnedDate: z.string().nullable(),
  costFen: z.number(),
  notes: z.string(),
});
export type Repair = z.infer<typeof repair>;

export const escalation = z.object({
  leader: userRef,
  reason: z.string(),
  at: epochMs,
  decision: z.string().nullable(),
  decidedAt: epochMs.nullable(),
});

/** A row of the lists. */
export const ticketSummary = z.object({
  id: z.number(),
  number: z.string(),
  kind: ticketKind,
  title: z.string(),
  state: ticketState,
  priority: ticketPriority,
  important: z.boolean(),
  category: z.string(),
  reporterName: z.string().nullable(),
  assignee: userRef,
  locationName: z.string().nullable(),
  place: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
  response: slaClock,
  resolution: slaClock,
  needsLeader: z.boolean(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

export const ticket = ticketSummary.extend({
  description: z.string(),
  source: ticketSource,
  reporterPersonId: z.number().nullable(),
  reporterUserId: z.number().nullable(),
  contactPhone: z.string(),
  locationId: z.number().nullable(),
  waitingFor: waitingFor.nullable(),
  record: z.object({
    problem: z.string(),
    cause: z.string(),
    solution: z.string(),
    result: z.string(),
    prevention: z.string(),
  }),
  resolvedAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  minutesSpent: z.number(),
  assets: z.array(assetRef),
  links: z.array(z.object({ kind: ticketLinkKind, direction: z.enum(['out', 'in']), ticket: ticketRef })),
  repairs: z.array(repair),
  escalation: escalation.nullable(),
  /** Knowledge-base articles made from this ticket. */
  articleIds: z.array(z.number()),
  /** What the caller may do now (the page shows only these buttons). */
  can: z.object({
    work: z.boolean(),
    comment: z.boolean(),
    internalNotes: z.boolean(),
    confirm: z.boolean(),
    reopen: z.boolean(),
    decide: z.boolean(),
  }),
});
export type Ticket = z.infer<typeof ticket>;

export const timelineEntry = z.object({
  id: z.number(),
  kind: timelineKind,
  at: epochMs,
  actor: userRef,
  /** Comment or note text, reasons; plain text. */
  body: z.string(),
  internal: z.boolean(),
  minutes: z.number(),
  /** Kind-specific facts (from/to states, field names, attachment name…). */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/**
 * `data` of an 'assigned' entry: the user ids, and the names they had when it was written (so the
 * history reads true after a rename). Entries written before names were kept have ids only.
 */
export const assignedEntryData = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  fromName: z.string().nullable().optional(),
  toName: z.string().nullable().optional(),
});
export type AssignedEntryData = z.infer<typeof assignedEntryData>;
/** An asset as it was named when a timeline entry was written. */
export const assetEntryRef = z.object({ id: z.number(), number: z.string(), name: z.string() });
/** `data` of an 'asset' entry: ids linked and unlinked; `assets` names them (absent in older entries). */
export const assetEntryData = z.object({
  added: z.array(z.number()),
  removed: z.array(z.number()),
  assets: z.array(assetEntryRef).optional(),
});
export type AssetEntryData = z.infer<typeof assetEntryData>;
export const timelinePage = z.object({ items: z.array(timelineEntry), nextBefore: z.number().nullable() });

// ---- lists ----
export const TICKET_VIEWS = ['all', 'mine', 'unassigned', 'open', 'overdue', 'near', 'leader', 'reported'] as const;
export const TICKET_SORTS = ['createdAt', 'updatedAt', 'priority', 'number', 'resolutionDue', 'state'] as const;
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));
export const ticketListQuery = z.strictObject({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(TICKET_SORTS).default('createdAt'),
  /**
   * mine: assigned to me; unassigned; open; overdue / near: a running target breached / close;
   * leader: escalated to me; reported: reported by me (what staff always see).
   */
  view: z.enum(TICKET_VIEWS).default('all'),
  state: csv(ticketState).optional(),
  priority: csv(ticketPriority).optional(),
  kind: ticketKind.optional(),
  category: line(60).optional(),
  assigneeUserId: id.optional(),
  reporterPersonId: id.optional(),
  locationId: id.optional(),
  assetId: id.optional(),
  important: z.enum(['true', 'false']).optional(),
  /** true: every ticket waiting for a leader's decision (whoever the leader is); false: none of those. */
  needsLeader: z.enum(['true', 'false']).optional(),
  createdFrom: dateString.optional(),
  createdTo: dateString.optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;
export const ticketPage = pageOf(ticketSummary);

/** Counts for the list's tabs and the dashboard. */
export const ticketCounts = z.object({
  mine: z.number(),
  unassigned: z.number(),
  open: z.number(),
  overdue: z.number(),
  near: z.number(),
  leader: z.number(),
  reported: z.number(),
  /** Every ticket waiting for a leader's decision (0 for callers without tickets:read). */
  needsLeader: z.number(),
});

// ---- service targets (in working minutes, see shared/lib/work-calendar.ts) ----
const target = z.strictObject({
  responseMinutes: z.number().int().min(0).max(100_000),
  resolutionMinutes: z.number().int().min(0).max(1_000_000),
});
export const ticketSettings = z.strictObject({
  /** 0 = no target for that priority. */
  targets: z.strictObject({ urgent: target, high: target, normal: target, low: target }),
  /** A running target is "near" once this share of it has passed. */
  nearPercent: z.number().int().min(50).max(99),
  /** Resolved tickets close by themselves after this many days without the reporter's answer (0 = never). */
  autoCloseDays: z.number().int().min(0).max(90),
  /** Ticket numbers: prefix before the date and sequence (GZ-20261129-0001). */
  numberPrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,6}$/),
});
export type TicketSettings = z.infer<typeof ticketSettings>;
export const DEFAULT_TICKET_SETTINGS: TicketSettings = {
  targets: {
    urgent: { responseMinutes: 15, resolutionMinutes: 4 * 60 },
    high: { responseMinutes: 30, resolutionMinutes: 8 * 60 },
    normal: { responseMinutes: 2 * 60, resolutionMinutes: 3 * 8 * 60 },
    low: { responseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60 },
  },
  nearPercent: 75,
  autoCloseDays: 7,
  numberPrefix: 'GZ',
};

// ---- statistics (the monthly report reuses the service's queries) ----
export const ticketStatsQuery = z.strictObject({
  from: dateString,
  to: dateString,
});
const bucket = z.object({ key: z.string(), count: z.number() });
export const ticketStats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byCategory: z.array(bucket),
  byPriority: z.array(bucket),
  byState: z.array(bucket),
  byAssignee: z.array(z.object({ userId: z.number().nullable(), name: z.string().nullable(), count: z.number(), resolved: z.number() })),
  /** Per day in the period: opened and resolved. */
  daily: z.array(z.object({ date: z.string(), opened: z.number(), resolved: z.number() })),
  /** Mean working minutes from report to first response / to resolution (null without data). */
  meanResponseMinutes: z.number().nullable(),
  meanResolutionMinutes: z.number().nullable(),
  /** Share (0–1) of tickets with a target that met it. */
  responseWithinTarget: z.number().nullable(),
  resolutionWithinTarget: z.number().nullable(),
  topAssets: z.array(z.object({ assetId: z.number(), number: z.string(), name: z.string(), count: z.number() })),
  topLocations: z.array(z.object({ locationId: z.number().nullable(), name: z.string(), count: z.number() })),
});
export type TicketStats = z.infer<typeof ticketStats>;

// ---- suggestions while reporting ----
export const suggestQuery = z.strictObject({ text: z.string().trim().min(2).max(2000) });
export const suggestions = z.object({
  articles: z.array(z.object({ id: z.number(), title: z.string(), score: z.number() })),
  /** Technicians only: similar past tickets (resolved first). */
  tickets: z.array(ticketRef.extend({ score: z.number() })),
});

// ---- small shapes of the routes around the ticket ----
/** GET /api/tickets/:id/timeline: newest first; `before` = the nextBefore of the previous page. */
export const timelineQuery = z.strictObject({ before: id.optional() });
export const repairIdParam = z.strictObject({ id, repairId: id });
export const ticketAttachmentParam = z.strictObject({ id, attachmentId: id });
/** A photo or PDF uploaded before the ticket (or comment) that will carry it exists. */
export const ticketUpload = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number() });
/** GET /api/tickets/locations: the report form's place picker for anyone signed in (staff cannot read /api/locations). */
export const TICKET_LOCATION_CAP = 50;
export const ticketLocationQuery = z.strictObject({
  /** Words that must all appear in the location's path ("行政楼 3楼") or its code; empty = the first of the tree. */
  q: line(100).default(''),
});
export const ticketLocationOption = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  parentId: z.number().nullable(),
  /** Names from the root down to this location. */
  path: z.array(z.string()),
});
export type TicketLocationOption = z.infer<typeof ticketLocationOption>;
/** In tree order, at most TICKET_LOCATION_CAP; truncated = more matched (the person types more). */
export const ticketLocationList = z.object({ items: z.array(ticketLocationOption), truncated: z.boolean() });
/** Technicians (assignee picker) and active users (leader picker). */
export const ticketUserList = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });
