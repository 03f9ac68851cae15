// State changes. Technicians make any change TICKET_TRANSITIONS allows; a reporter only confirms
// a resolution (resolved → closed) or reopens (resolved/closed → in_progress, with a reason).
// Waiting and resolved stretches stop the resolution clock: leaving them moves the due time later
// by the working minutes they lasted. Resolving an urgent/high/important ticket needs the whole
// five-part record, and so does closing one that was never resolved (unless it is a duplicate).
// Every check runs before the first write, so a refused change (also inside a bulk) writes nothing.
import type { Updateable } from 'kysely';
import {
  PRIORITIES_NEEDING_RECORD,
  RESOLUTION_FIELDS,
  TICKET_TRANSITIONS,
  type TicketPriority,
  type TicketState,
  type TicketTransitionInput,
} from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { dateIn } from '../../core/clock.js';
import { AppError, fieldError } from '../../core/errors.js';
import { createMaintenanceService } from '../assets/index.js';
import { vendorLookups } from '../org/index.js';
import { isReporter, isWorker, type TicketCore, type Tx } from './tickets.core.js';
import { TicketErrors } from './tickets.errors.js';
import { createTicketRelatedRepository } from './tickets.related.repository.js';
import { createTicketsRepository, type TicketRow } from './tickets.repository.js';
import { readTicketSettings } from './tickets.settings.js';
import { targetTimes, workingMinutes } from './tickets.sla.js';
import type { TicketsTable } from './tickets.tables.js';

type Transition = Pick<TicketTransitionInput, 'to' | 'waitingFor' | 'reason' | 'resolution'>;
type Record5 = Record<(typeof RESOLUTION_FIELDS)[number], string>;

const illegal = (from: string, to: string) =>
  new AppError(TicketErrors['tickets.illegal_transition'], [{ field: 'to', reason: 'illegal_transition', params: { from, to } }]);

export const needsRecord = (t: { priority: string; important: number }) =>
  PRIORITIES_NEEDING_RECORD.includes(t.priority as TicketPriority) || t.important === 1;

/** The record as it would be stored: what was sent, else what the ticket has; the problem defaults to the description. */
function recordOf(t: TicketRow, sent: Transition['resolution']): Record5 {
  const pick = (f: (typeof RESOLUTION_FIELDS)[number]) => (sent?.[f] ? sent[f] : t[f]).trim();
  return {
    problem: pick('problem') || t.description,
    cause: pick('cause'),
    solution: pick('solution'),
    result: pick('result'),
    prevention: pick('prevention'),
  };
}

function assertRecord(record: Record5): void {
  const missing = RESOLUTION_FIELDS.filter((f) => f !== 'problem' && !record[f]);
  if (missing.length)
    throw new AppError(
      TicketErrors['tickets.record_required'],
      missing.map((f) => ({ field: `resolution.${f}`, reason: 'required', params: { fields: missing } })),
    );
}

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

export function createTransitions(core: TicketCore) {
  const { audit, clock } = core;

  /** Each linked device of a resolved fault gets a repair record: what was done, the repairs' cost and vendor. */
  async function writeMaintenance(tx: Tx, actor: Actor, t: TicketRow, record: Record5): Promise<void> {
    if (t.kind !== 'fault') return;
    const related = createTicketRelatedRepository(tx.trx);
    const assets = await related.assetsOf(t.id);
    if (!assets.length) return;
    const repairs = await related.repairsOf(t.id);
    const maintenance = createMaintenanceService({ db: tx.trx, audit, clock, events: tx.events });
    const today = dateIn(tx.now, (await tx.calendar()).timeZone);
    const vendorNames = await vendorLookups.names(
      tx.trx,
      repairs.flatMap((r) => (r.vendor_id === null ? [] : [r.vendor_id])),
    );
    for (const a of assets) {
      const own = repairs.filter((r) => r.asset_id === a.id);
      // Repairs not tied to a device belong to it when it is the ticket's only one.
      const mine = own.length ? own : assets.length === 1 ? repairs.filter((r) => r.asset_id === null) : [];
      const vendorId = mine.find((r) => r.vendor_id !== null)?.vendor_id ?? null;
      await maintenance.create(actor, a.id, {
        date: today,
        kind: 'repair',
        description: oneLine(`${t.number} ${record.solution || t.title}`, 500),
        parts: '',
        costFen: mine.length ? mine.reduce((sum, r) => sum + Number(r.cost_fen), 0) : null,
        performer: oneLine(actor.name, 100),
        vendor: vendorId === null ? '' : oneLine(vendorNames.get(vendorId) ?? '', 100),
        result: oneLine(record.result, 500),
        upgradeItem: '',
        upgradeFrom: '',
        upgradeTo: '',
        nextDue: null,
      });
    }
  }

  /** Checks and applies one state change inside the caller's transaction. */
  async function transitionIn(tx: Tx, actor: Actor, t: TicketRow, input: Transition, auto = false): Promise<TicketRow> {
    const from = t.state as TicketState;
    const to = input.to;
    const worker = isWorker(actor) || actor.kind === 'system';
    const reopen = (from === 'resolved' || from === 'closed') && to === 'in_progress';
    if (from === to) throw illegal(from, to);
    if (!worker) {
      const confirm = from === 'resolved' && to === 'closed';
      if (!isReporter(t, actor) || (!confirm && !reopen)) throw illegal(from, to);
    } else if (!TICKET_TRANSITIONS[from].includes(to)) throw illegal(from, to);
    const reason = input.reason.trim();
    if (reopen && !worker && !reason) throw fieldError(TicketErrors['tickets.reason_required'], 'reason', 'required');
    if (to === 'waiting' && !input.waitingFor) throw fieldError(TicketErrors['tickets.waiting_for_required'], 'waitingFor', 'required');
    if (to === 'assigned' && t.assignee_user_id === null)
      throw fieldError(TicketErrors['tickets.assignee_required'], 'assigneeUserId', 'required');
    const record = recordOf(t, input.resolution);
    const related = createTicketRelatedRepository(tx.trx);
    if (to === 'resolved' && needsRecord(t)) assertRecord(record);
    if (to === 'closed' && from !== 'resolved' && needsRecord(t) && !(await related.isDuplicate(t.id))) assertRecord(record);

    const cal = await tx.calendar();
    const now = tx.now;
    const set: Updateable<TicketsTable> = { state: to };
    let paused = t.paused_minutes;
    if (from === 'waiting') {
      paused += workingMinutes(Number(t.waiting_since ?? now), now, cal);
      Object.assign(set, { waiting_for: null, waiting_since: null });
    }
    if (reopen) {
      paused += workingMinutes(Number(t.resolved_at ?? t.closed_at ?? now), now, cal);
      Object.assign(set, { resolved_at: null, closed_at: null, resolution_minutes: null });
    }
    if (paused !== t.paused_minutes) {
      const times = targetTimes(Number(t.created_at), t.priority as TicketPriority, paused, await readTicketSettings(tx.trx), cal);
      Object.assign(set, {
        paused_minutes: paused,
        resolution_due_at: times.resolution_due_at,
        resolution_near_at: times.resolution_near_at,
      });
    }
    if (to === 'waiting') Object.assign(set, { waiting_for: input.waitingFor, waiting_since: now });
    if (to === 'resolved' || (to === 'closed' && from !== 'resolved' && input.resolution)) Object.assign(set, record);
    if (to === 'resolved')
      Object.assign(set, { resolved_at: now, resolution_minutes: Math.max(0, workingMinutes(Number(t.created_at), now, cal) - paused) });
    if (to === 'closed') set.closed_at = now;
    if (!auto) Object.assign(set, await core.respondedFields(tx, actor, t));

    const after = await core.apply(tx, actor, t, set, auto ? 'auto_close' : 'update');
    await core.timeline(tx, actor, {
      ticketId: t.id,
      kind: 'state',
      internal: false,
      body: reason,
      data: { from, to, ...(to === 'waiting' ? { waitingFor: input.waitingFor } : {}), ...(auto ? { auto: true } : {}) },
    });
    if (to === 'resolved') {
      await core.timeline(tx, actor, { ticketId: t.id, kind: 'resolution', internal: false, data: { ...record } });
      await writeMaintenance(tx, actor, after, record);
      await core.notices.resolved(tx.trx, after, record.solution, actor.userId);
      tx.emit('ticket.resolved', { id: t.id });
    }
    if (set.problem !== undefined) await createTicketsRepository(tx.trx).reindex(t.id);
    if (reopen) {
      await core.notices.reopened(tx.trx, after, reason, actor.userId);
      tx.emit('ticket.reopened', { id: t.id });
    }
    if (to === 'closed') tx.emit('ticket.closed', { id: t.id });
    tx.emit('ticket.state_changed', { id: t.id, from, to });
    return after;
  }

  return { transitionIn };
}
export type Transitions = ReturnType<typeof createTransitions>;
