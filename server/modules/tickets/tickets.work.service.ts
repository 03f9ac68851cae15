// Working a ticket: state changes, assignment, comments and notes with time spent, linked devices,
// related tickets, and the bulk assign / close of the list page (each item either changes or is
// reported as skipped with the reason; one transaction for all).
import type { z } from 'zod';
import type {
  bulkAssignInput,
  bulkCloseInput,
  Ticket,
  ticketCommentInput,
  ticketLinkInput,
  TicketTransitionInput,
} from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { AppError, CoreErrors, fieldError, notFound } from '../../core/errors.js';
import type { TicketAttachments } from './tickets.attachments.js';
import { checkAssets, checkAssignee } from './tickets.checks.js';
import { isReporter, isWorker, type TicketCore, type Tx } from './tickets.core.js';
import { TicketErrors } from './tickets.errors.js';
import { auditSummary } from './tickets.mappers.js';
import { createTicketRelatedRepository } from './tickets.related.repository.js';
import { createTicketsRepository, type TicketRow } from './tickets.repository.js';
import { assetData, assignedData } from './tickets.timeline-data.js';
import { needsRecord, type Transitions } from './tickets.transitions.js';

type BulkResult = { changed: number; skipped: { id: number; code: string }[] };

export function createTicketWorkService(
  core: TicketCore,
  transitions: Transitions,
  attachments: TicketAttachments,
  get: (actor: Actor, id: number) => Promise<Ticket>,
) {
  const { audit, clock } = core;

  async function assignIn(tx: Tx, actor: Actor, t: TicketRow, assigneeUserId: number | null): Promise<TicketRow> {
    const promote = t.state === 'new' && assigneeUserId !== null;
    const after = await core.apply(tx, actor, t, {
      assignee_user_id: assigneeUserId,
      ...(promote ? { state: 'assigned' } : {}),
      ...(await core.respondedFields(tx, actor, t)),
    });
    await core.timeline(tx, actor, {
      ticketId: t.id,
      kind: 'assigned',
      internal: true,
      data: await assignedData(tx.trx, t.assignee_user_id, assigneeUserId),
    });
    if (promote) {
      await core.timeline(tx, actor, { ticketId: t.id, kind: 'state', internal: false, data: { from: 'new', to: 'assigned' } });
      tx.emit('ticket.state_changed', { id: t.id, from: 'new', to: 'assigned' });
    }
    await core.notices.assigned(tx.trx, after, actor.userId);
    tx.emit('ticket.assigned', { id: t.id, assigneeUserId });
    return after;
  }

  const service = {
    async transition(actor: Actor, id: number, input: TicketTransitionInput): Promise<Ticket> {
      await core.change(async (tx) => transitions.transitionIn(tx, actor, await core.loadFor(tx.trx, actor, id), input));
      return get(actor, id);
    },

    async assign(actor: Actor, id: number, assigneeUserId: number | null): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        core.assertNotClosed(t);
        await checkAssignee(tx.trx, assigneeUserId);
        if (t.assignee_user_id === assigneeUserId) return;
        await assignIn(tx, actor, t, assigneeUserId);
      });
      return get(actor, id);
    },

    /** Reporters comment in public; technicians also write internal notes and log their time. */
    async comment(actor: Actor, id: number, input: z.output<typeof ticketCommentInput>): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        const worker = isWorker(actor);
        if (!worker) {
          if (!isReporter(t, actor))
            throw new AppError(TicketErrors['tickets.field_not_allowed'], [{ field: 'body', reason: 'not_allowed' }]);
          if (input.internal) throw new AppError(TicketErrors['tickets.field_not_allowed'], [{ field: 'internal', reason: 'not_allowed' }]);
          if (input.minutes) throw new AppError(TicketErrors['tickets.field_not_allowed'], [{ field: 'minutes', reason: 'not_allowed' }]);
        }
        await core.timeline(tx, actor, {
          ticketId: id,
          kind: input.internal ? 'note' : 'comment',
          internal: input.internal,
          body: input.body,
          minutes: input.minutes,
        });
        await attachments.attachPending(tx, actor, t, input.attachmentIds, input.internal);
        const after = await core.apply(tx, actor, t, {
          minutes_spent: t.minutes_spent + input.minutes,
          // An internal note is not an answer to the reporter.
          ...(input.internal ? {} : await core.respondedFields(tx, actor, t)),
        });
        await audit.record(tx.trx, actor, {
          action: input.internal ? 'note' : 'comment',
          entityType: 'ticket',
          entityId: id,
          summary: auditSummary(after),
          after: { body: input.body, internal: input.internal, minutes: input.minutes },
        });
        if (!input.internal) {
          await createTicketsRepository(tx.trx).reindex(id);
          if (worker) await core.notices.replied(tx.trx, after, input.body, actor.userId);
          else await core.notices.reporterCommented(tx.trx, after, input.body, actor.userId);
        }
        tx.emit('ticket.commented', { id, internal: input.internal });
      });
      return get(actor, id);
    },

    async setAssets(actor: Actor, id: number, assetIds: number[]): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        const wanted = [...new Set(assetIds)];
        await checkAssets(tx.trx, { audit, clock, events: tx.events }, actor, wanted, true);
        const related = createTicketRelatedRepository(tx.trx);
        const current = await related.assetIdsOf(id);
        const added = wanted.filter((a) => !current.includes(a));
        const removed = current.filter((a) => !wanted.includes(a));
        if (!added.length && !removed.length) return;
        await related.removeAssets(id, removed);
        await related.addAssets(id, added);
        await core.timeline(tx, actor, { ticketId: id, kind: 'asset', internal: true, data: await assetData(tx.trx, added, removed) });
        await core.apply(tx, actor, t, {});
        await audit.record(tx.trx, actor, {
          action: 'update',
          entityType: 'ticket',
          entityId: id,
          summary: auditSummary(t),
          before: { assetIds: current },
          after: { assetIds: wanted },
        });
        tx.emit('ticket.updated', { id });
      });
      return get(actor, id);
    },

    async addLink(actor: Actor, id: number, input: z.output<typeof ticketLinkInput>): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        if (input.ticketId === id) throw fieldError(TicketErrors['tickets.invalid_link'], 'ticketId', 'self');
        const other = await createTicketsRepository(tx.trx).byId(input.ticketId);
        if (!other) throw fieldError(TicketErrors['tickets.invalid_link'], 'ticketId', 'not_found');
        const related = createTicketRelatedRepository(tx.trx);
        if (await related.linkBetween(id, input.ticketId, input.kind))
          throw fieldError(TicketErrors['tickets.duplicate_link'], 'ticketId', 'not_unique');
        await related.addLink(id, input.ticketId, input.kind, tx.now);
        await linkTimeline(tx, actor, t, other, input.kind, 'added');
      });
      return get(actor, id);
    },

    async removeLink(actor: Actor, id: number, input: z.output<typeof ticketLinkInput>): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        const related = createTicketRelatedRepository(tx.trx);
        const link = await related.linkBetween(id, input.ticketId, input.kind);
        if (!link) throw notFound('ticket_link');
        await related.removeLink(link.id);
        await linkTimeline(tx, actor, t, await core.reload(tx.trx, input.ticketId), input.kind, 'removed');
      });
      return get(actor, id);
    },

    async bulkAssign(actor: Actor, input: z.output<typeof bulkAssignInput>): Promise<BulkResult> {
      return core.change(async (tx) => {
        await checkAssignee(tx.trx, input.assigneeUserId);
        return bulk(tx, input.ids, async (t) => {
          if (t.state === 'closed') return TicketErrors['tickets.closed'];
          if (t.assignee_user_id === input.assigneeUserId) return TicketErrors['tickets.unchanged'];
          await assignIn(tx, actor, t, input.assigneeUserId);
          return null;
        });
      });
    },

    async bulkClose(actor: Actor, input: z.output<typeof bulkCloseInput>): Promise<BulkResult> {
      return core.change((tx) =>
        bulk(tx, input.ids, async (t) => {
          if (t.state === 'closed') return TicketErrors['tickets.illegal_transition'];
          if (t.state !== 'resolved' && needsRecord(t)) {
            // Checked here too, so the item is skipped with the reason instead of failing the batch.
            const duplicate = await createTicketRelatedRepository(tx.trx).isDuplicate(t.id);
            const recorded = t.cause && t.solution && t.result && t.prevention;
            if (!duplicate && !recorded) return TicketErrors['tickets.record_required'];
          }
          try {
            await transitions.transitionIn(tx, actor, t, { to: 'closed', reason: input.reason });
          } catch (err) {
            // Every check of a transition runs before its first write, so nothing of this item was written.
            if (err instanceof AppError && err.status < 500) return err.code;
            throw err;
          }
          return null;
        }),
      );
    },
  };

  async function linkTimeline(tx: Tx, actor: Actor, t: TicketRow, other: TicketRow, kind: string, change: 'added' | 'removed') {
    await core.timeline(tx, actor, {
      ticketId: t.id,
      kind: 'link',
      internal: true,
      data: { change, kind, direction: 'out', ticketId: other.id, number: other.number },
    });
    await core.timeline(tx, actor, {
      ticketId: other.id,
      kind: 'link',
      internal: true,
      data: { change, kind, direction: 'in', ticketId: t.id, number: t.number },
    });
    await audit.record(tx.trx, actor, {
      action: change === 'added' ? 'link' : 'unlink',
      entityType: 'ticket',
      entityId: t.id,
      summary: `${auditSummary(t)} → ${other.number}`,
      after: { kind, ticketId: other.id },
    });
    tx.emit('ticket.updated', { id: t.id });
    tx.emit('ticket.updated', { id: other.id });
  }

  /** Runs `one` for each distinct id; a returned code skips the item. */
  async function bulk(tx: Tx, ids: number[], one: (t: TicketRow) => Promise<string | null>): Promise<BulkResult> {
    const unique = [...new Set(ids)];
    const rows = new Map((await createTicketsRepository(tx.trx).byIds(unique)).map((r) => [r.id, r]));
    const out: BulkResult = { changed: 0, skipped: [] };
    for (const id of unique) {
      const t = rows.get(id);
      const code = t ? await one(t) : CoreErrors['resource.not_found'];
      if (code) out.skipped.push({ id, code });
      else out.changed++;
    }
    return out;
  }

  return service;
}
export type TicketWorkService = ReturnType<typeof createTicketWorkService>;
