// Tickets: reporting (anyone, for themselves; technicians for anyone, and tasks), the lists and
// counts, one ticket with its timeline, and a technician's edits. The state changes and the
// rest of the work are in tickets.work.service.ts.
import type { Updateable } from 'kysely';
import type { Page } from '../../../shared/contracts/common.js';
import type {
  Ticket,
  TicketCreateInput,
  TicketListQuery,
  TicketPriority,
  TicketSummary,
  TicketUpdateInput,
} from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { dateIn } from '../../core/clock.js';
import { AppError, CoreErrors } from '../../core/errors.js';
import { readSettings } from '../../core/settings.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { nextTicketNumber } from './ticket-numbers.js';
import type { TicketAttachments } from './tickets.attachments.js';
import { checkAssets, checkAssignee, checkCategory, checkLocation, checkPerson } from './tickets.checks.js';
import { isWorker, viewerOf, type TicketCore } from './tickets.core.js';
import { ticketDetail } from './tickets.detail.js';
import { TicketErrors } from './tickets.errors.js';
import { auditSummary, ticketAuditView, toSummary, toTimelineEntry } from './tickets.mappers.js';
import { createTicketRelatedRepository } from './tickets.related.repository.js';
import { createTicketsRepository, priorityRank } from './tickets.repository.js';
import { readTicketSettings } from './tickets.settings.js';
import { nextSlaCheck, targetTimes } from './tickets.sla.js';
import type { TicketsTable } from './tickets.tables.js';
import { assignedData } from './tickets.timeline-data.js';
import { nextDate, startOfDayIn } from './tickets.time.js';

const TIMELINE_PAGE = 50;
const notAllowed = (field: string) => new AppError(TicketErrors['tickets.field_not_allowed'], [{ field, reason: 'not_allowed' }]);

export function createTicketsService(core: TicketCore, attachments: TicketAttachments) {
  const { db, clock, audit } = core;

  const service = {
    async create(actor: Actor, input: TicketCreateInput): Promise<Ticket> {
      const worker = isWorker(actor);
      // What only a technician may do, refused up front with the field named.
      if (!worker) {
        if (input.kind !== 'fault') throw notAllowed('kind');
        if (input.reporterPersonId !== null && input.reporterPersonId !== actor.personId) throw notAllowed('reporterPersonId');
        if (input.assigneeUserId !== null) throw notAllowed('assigneeUserId');
        if (input.source !== 'self' && input.source !== 'scan') throw notAllowed('source');
      }
      const id = await core.change(async (tx) => {
        const { trx } = tx;
        const checkDeps = { audit, clock, events: tx.events };
        await checkCategory(trx, checkDeps, input.category);
        await checkLocation(trx, input.locationId);
        if (worker) await checkPerson(trx, input.reporterPersonId);
        await checkAssignee(trx, input.assigneeUserId);
        const assetIds = [...new Set(input.assetIds)];
        await checkAssets(trx, checkDeps, actor, assetIds, worker);

        const settings = await readTicketSettings(trx);
        const cal = await tx.calendar();
        const onBehalf = worker && input.reporterPersonId !== null;
        const assigned = input.assigneeUserId !== null;
        const targets = targetTimes(tx.now, input.priority, 0, settings, cal);
        const row: Updateable<TicketsTable> & Omit<TicketsTable, 'id' | 'search_text'> = {
          number: await nextTicketNumber(trx, settings.numberPrefix, dateIn(tx.now, cal.timeZone)),
          kind: input.kind,
          title: input.title,
          description: input.description,
          state: assigned ? 'assigned' : 'new',
          priority: input.priority,
          priority_rank: priorityRank(input.priority),
          important: input.important ? 1 : 0,
          category: input.category,
          source: input.source,
          reporter_person_id: onBehalf ? input.reporterPersonId : actor.personId,
          reporter_user_id: onBehalf ? null : actor.userId,
          contact_phone: input.contactPhone,
          location_id: input.locationId,
          place: input.place,
          assignee_user_id: input.assigneeUserId,
          waiting_for: null,
          problem: '',
          cause: '',
          solution: '',
          result: '',
          prevention: '',
          ...targets,
          paused_minutes: 0,
          // Assigning is a technician's first answer.
          responded_at: assigned ? tx.now : null,
          resolved_at: null,
          closed_at: null,
          response_minutes: assigned ? 0 : null,
          resolution_minutes: null,
          sla_notified: 0,
          sla_check_at: null,
          waiting_since: null,
          minutes_spent: 0,
          needs_leader: 0,
          leader_user_id: null,
          escalation_reason: '',
          escalated_at: null,
          escalation_decision: null,
          decided_at: null,
          created_by_user_id: actor.userId,
          created_at: tx.now,
          updated_at: tx.now,
        };
        row.sla_check_at = nextSlaCheck(row);
        const repo = createTicketsRepository(trx);
        let ticketId: number;
        try {
          ticketId = await repo.insert(row);
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError(CoreErrors['resource.conflict'], [{ field: 'number', reason: 'not_unique' }]);
          throw err;
        }
        await repo.reindex(ticketId);
        await createTicketRelatedRepository(trx).addAssets(ticketId, assetIds);
        await core.timeline(tx, actor, { ticketId, kind: 'created', internal: false, data: { source: input.source, kind: input.kind } });
        if (assigned)
          await core.timeline(tx, actor, {
            ticketId,
            kind: 'assigned',
            internal: true,
            data: await assignedData(trx, null, input.assigneeUserId),
          });
        const created = await core.reload(trx, ticketId);
        await attachments.attachPending(tx, actor, created, input.attachmentIds, false);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'ticket',
          entityId: ticketId,
          summary: auditSummary(created),
          after: { ...ticketAuditView(created), assetIds },
        });
        await core.notices.created(trx, created, actor.userId);
        tx.emit('ticket.created', { id: ticketId });
        if (assigned) tx.emit('ticket.assigned', { id: ticketId, assigneeUserId: input.assigneeUserId });
        return ticketId;
      });
      return service.get(actor, id);
    },

    async list(actor: Actor, q: TicketListQuery): Promise<Page<TicketSummary>> {
      const now = clock.now();
      const timeZone = q.createdFrom || q.createdTo ? (await readSettings(db)).timeZone : 'UTC';
      const { rows, total } = await createTicketsRepository(db).list(
        {
          ...q,
          ...(q.createdFrom ? { createdFromMs: startOfDayIn(q.createdFrom, timeZone) } : {}),
          ...(q.createdTo ? { createdBeforeMs: startOfDayIn(nextDate(q.createdTo), timeZone) } : {}),
        },
        viewerOf(actor),
        now,
      );
      return { items: rows.map((r) => toSummary(r, now)), total, page: q.page, pageSize: q.pageSize };
    },

    counts: (actor: Actor) => createTicketsRepository(db).counts(viewerOf(actor), clock.now()),

    async get(actor: Actor, id: number): Promise<Ticket> {
      const t = await core.loadFor(db, actor, id);
      return ticketDetail(db, core.ctx, actor, t, clock.now());
    },

    /** Newest first; a reporter never receives internal entries, a leader also sees the escalation. */
    async timeline(actor: Actor, id: number, before: number | undefined) {
      const t = await core.loadFor(db, actor, id);
      const scope = viewerOf(actor).readsAll ? 'all' : t.leader_user_id === actor.userId ? 'leader' : 'public';
      const rows = await createTicketRelatedRepository(db).timeline(id, { before, limit: TIMELINE_PAGE, scope });
      const page = rows.slice(0, TIMELINE_PAGE);
      return { items: page.map(toTimelineEntry), nextBefore: rows.length > TIMELINE_PAGE ? page[page.length - 1]!.id : null };
    },

    async update(actor: Actor, id: number, patch: TicketUpdateInput): Promise<Ticket> {
      await core.change(async (tx) => {
        const { trx } = tx;
        const before = await core.loadFor(trx, actor, id);
        core.assertNotClosed(before);
        const checkDeps = { audit, clock, events: tx.events };
        if (patch.category !== undefined && patch.category !== before.category) await checkCategory(trx, checkDeps, patch.category);
        if (patch.locationId !== undefined) await checkLocation(trx, patch.locationId);
        const set: Updateable<TicketsTable> = {};
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        const field = <K extends keyof TicketsTable>(name: string, column: K, value: TicketsTable[K] | undefined) => {
          if (value === undefined || value === (before[column] as unknown)) return;
          set[column] = value as never;
          changed[name] = { from: before[column], to: value };
        };
        field('title', 'title', patch.title);
        field('description', 'description', patch.description);
        field('category', 'category', patch.category);
        field('important', 'important', patch.important === undefined ? undefined : patch.important ? 1 : 0);
        field('locationId', 'location_id', patch.locationId);
        field('place', 'place', patch.place);
        field('contactPhone', 'contact_phone', patch.contactPhone);
        const priorityChanged = patch.priority !== undefined && patch.priority !== before.priority;
        if (priorityChanged) {
          const priority = patch.priority as TicketPriority;
          const targets = targetTimes(
            Number(before.created_at),
            priority,
            before.paused_minutes,
            await readTicketSettings(trx),
            await tx.calendar(),
          );
          // New targets: the notices start over against them.
          Object.assign(set, { priority, priority_rank: priorityRank(priority), ...targets, sla_notified: 0 });
          await core.timeline(tx, actor, { ticketId: id, kind: 'priority', internal: true, data: { from: before.priority, to: priority } });
        }
        if (!Object.keys(changed).length && !priorityChanged) return;
        if (Object.keys(changed).length)
          await core.timeline(tx, actor, {
            ticketId: id,
            kind: 'fields',
            internal: true,
            data: { fields: Object.keys(changed), changes: changed },
          });
        await core.apply(tx, actor, before, set);
        if (set.title !== undefined || set.description !== undefined) await createTicketsRepository(trx).reindex(id);
        tx.emit('ticket.updated', { id });
      });
      return service.get(actor, id);
    },
  };
  return service;
}
export type TicketsService = ReturnType<typeof createTicketsService>;
