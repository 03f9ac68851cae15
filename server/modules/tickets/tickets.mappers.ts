// Rows → the contract's shapes, and the flat view of a ticket the audit trail keeps.
import type { Selectable } from 'kysely';
import type {
  Repair,
  TicketKind,
  TicketPriority,
  TicketState,
  TicketSummary,
  TimelineEntry,
  TimelineKind,
} from '../../../shared/contracts/tickets.js';
import { fromJson } from '../../db/dialect.js';
import type { TicketRow } from './tickets.repository.js';
import { clockStatus, resolutionClock, responseClock, type ClockFacts } from './tickets.sla.js';
import type { TicketEventsTable, TicketRepairsTable, TicketsTable } from './tickets.tables.js';

const ms = (v: number | string | null): number | null => (v === null ? null : Number(v));

function clock(facts: ClockFacts, now: number) {
  return { dueAt: facts.dueAt, doneAt: facts.doneAt, status: clockStatus(facts, now) };
}

export function toSummary(r: TicketRow, now: number): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as TicketKind,
    title: r.title,
    state: r.state as TicketState,
    priority: r.priority as TicketPriority,
    important: r.important === 1,
    category: r.category,
    reporterName: r.reporter_name,
    assignee: r.assignee_user_id === null ? null : { id: r.assignee_user_id, name: r.assignee_name ?? '' },
    locationName: r.location_name,
    place: r.place,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    response: clock(responseClock(r), now),
    resolution: clock(resolutionClock(r), now),
    needsLeader: r.needs_leader === 1,
  };
}

export function toTimelineEntry(r: Selectable<TicketEventsTable> & { actor_name: string | null }): TimelineEntry {
  return {
    id: r.id,
    kind: r.kind as TimelineKind,
    at: Number(r.at),
    actor: r.actor_user_id === null ? null : { id: r.actor_user_id, name: r.actor_name ?? '' },
    body: r.body,
    internal: r.internal === 1,
    minutes: r.minutes,
    data: fromJson<Record<string, unknown>>(r.data) ?? {},
  };
}

export function toRepair(r: Selectable<TicketRepairsTable>, vendorNames: Map<number, string>): Repair {
  return {
    id: r.id,
    vendorId: r.vendor_id,
    vendorName: r.vendor_id === null ? null : (vendorNames.get(r.vendor_id) ?? null),
    contact: r.contact,
    phone: r.phone,
    rmaNumber: r.rma_number,
    assetId: r.asset_id,
    sentDate: r.sent_date,
    returnedDate: r.returned_date,
    costFen: Number(r.cost_fen),
    notes: r.notes,
  };
}

/** What the audit trail keeps of a ticket: the fields people change. */
export function ticketAuditView(r: TicketRow | Selectable<TicketsTable>): Record<string, unknown> {
  return {
    number: r.number,
    kind: r.kind,
    title: r.title,
    description: r.description,
    state: r.state,
    priority: r.priority,
    important: r.important === 1,
    category: r.category,
    source: r.source,
    reporterPersonId: r.reporter_person_id,
    reporterUserId: r.reporter_user_id,
    contactPhone: r.contact_phone,
    locationId: r.location_id,
    place: r.place,
    assigneeUserId: r.assignee_user_id,
    waitingFor: r.waiting_for,
    problem: r.problem,
    cause: r.cause,
    solution: r.solution,
    result: r.result,
    prevention: r.prevention,
    needsLeader: r.needs_leader === 1,
    leaderUserId: r.leader_user_id,
    escalationDecision: r.escalation_decision,
    resolvedAt: ms(r.resolved_at),
    closedAt: ms(r.closed_at),
  };
}

export const auditSummary = (r: { number: string; title: string }) => `${r.number} ${r.title}`;
