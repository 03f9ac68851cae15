// What every ticket use case shares: who the caller is to the ticket, one transaction per change
// with its events held until the commit, the write-then-audit step, the timeline, and the first
// response that stops the response clock.
import type { Kysely, Updateable } from 'kysely';
import type { EventMap } from '../../core/events.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { auditSummary, ticketAuditView } from './tickets.mappers.js';
import { createTicketNotices } from './tickets.notifications.js';
import { createTicketRelatedRepository, type NewEvent } from './tickets.related.repository.js';
import { createTicketsRepository, type TicketRow, type Viewer } from './tickets.repository.js';
import { TicketErrors } from './tickets.errors.js';
import { nextSlaCheck, workingMinutes, type CalendarContext } from './tickets.sla.js';
import type { TicketsTable } from './tickets.tables.js';
import { calendarContext } from './tickets.time.js';

export type TicketDeps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events' | 'references'> & { ctx: ModuleContext };

export const viewerOf = (actor: Actor): Viewer => ({
  userId: actor.userId,
  personId: actor.personId,
  readsAll: actor.permissions.has('tickets:read'),
});
/** Technicians and administrators: they work tickets. */
export const isWorker = (actor: Actor) => actor.permissions.has('tickets:write');
export function isReporter(t: { reporter_user_id: number | null; reporter_person_id: number | null }, actor: Actor): boolean {
  return (
    (actor.userId !== null && t.reporter_user_id === actor.userId) || (actor.personId !== null && t.reporter_person_id === actor.personId)
  );
}

/** An event bus that holds what is emitted until release(): after the commit, never before. */
export function heldEvents(bus: EventBus): EventBus & { release(): void } {
  const held: (() => void)[] = [];
  return {
    on: bus.on,
    idle: bus.idle,
    emit(event, payload) {
      held.push(() => bus.emit(event, payload));
    },
    release() {
      for (const f of held.splice(0)) f();
    },
  };
}

export interface Tx {
  trx: Kysely<Database>;
  /** The change's instant: every row it writes carries the same one. */
  now: number;
  /** Emitted after the commit. */
  events: EventBus;
  emit<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
  calendar(): Promise<CalendarContext>;
}

export function createTicketCore(deps: TicketDeps) {
  const { db, audit, clock, events } = deps;
  const notices = createTicketNotices(deps.ctx);

  /** One transaction; its events (and those of other modules' services it called) go out after the commit. */
  async function change<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const held = heldEvents(events);
    let cal: CalendarContext | null = null;
    const result = await inTransaction(db, (trx) =>
      work({
        trx,
        now: clock.now(),
        events: held,
        emit: (event, payload) => held.emit(event, payload),
        calendar: async () => (cal ??= await calendarContext(trx)),
      }),
    );
    held.release();
    return result;
  }

  /** The ticket as the caller may see it; a ticket they may not see does not exist for them. */
  async function loadFor(trx: Kysely<Database>, actor: Actor, id: number): Promise<TicketRow> {
    const row = await createTicketsRepository(trx).byIdFor(id, viewerOf(actor));
    if (!row) throw notFound('ticket');
    return row;
  }

  async function reload(trx: Kysely<Database>, id: number): Promise<TicketRow> {
    const row = await createTicketsRepository(trx).byId(id);
    if (!row) throw notFound('ticket');
    return row;
  }

  /**
   * Writes the change, keeps the target watch (sla_check_at) in step, and audits the difference.
   * Returns the row as it now is.
   */
  async function apply(tx: Tx, actor: Actor, before: TicketRow, set: Updateable<TicketsTable>, action = 'update'): Promise<TicketRow> {
    const repo = createTicketsRepository(tx.trx);
    await repo.update(before.id, { ...set, updated_at: tx.now });
    let after = await reload(tx.trx, before.id);
    const next = nextSlaCheck(after);
    if (next !== (after.sla_check_at === null ? null : Number(after.sla_check_at))) {
      await repo.update(before.id, { sla_check_at: next });
      after = await reload(tx.trx, before.id);
    }
    const diff = changedFields(ticketAuditView(before), ticketAuditView(after));
    if (Object.keys(diff.after).length)
      await audit.record(tx.trx, actor, { action, entityType: 'ticket', entityId: before.id, summary: auditSummary(after), ...diff });
    return after;
  }

  const timeline = (tx: Tx, actor: Actor, e: Omit<NewEvent, 'at' | 'actorUserId'>) =>
    createTicketRelatedRepository(tx.trx).addEvent({ ...e, at: tx.now, actorUserId: actor.userId });

  /** The columns a technician's first action sets (the response clock stops). */
  async function respondedFields(tx: Tx, actor: Actor, t: TicketRow): Promise<Updateable<TicketsTable>> {
    if (!isWorker(actor) || t.responded_at !== null) return {};
    return { responded_at: tx.now, response_minutes: workingMinutes(Number(t.created_at), tx.now, await tx.calendar()) };
  }

  function assertNotClosed(t: TicketRow): void {
    if (t.state === 'closed') throw new AppError(TicketErrors['tickets.closed'], [{ reason: 'closed' }]);
  }

  return { change, loadFor, reload, apply, timeline, respondedFields, assertNotClosed, notices, db, audit, clock, ctx: deps.ctx };
}
export type TicketCore = ReturnType<typeof createTicketCore>;
