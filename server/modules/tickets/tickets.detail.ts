// The full ticket as one caller sees it: linked assets, related tickets, repairs, the escalation,
// articles written from it, and what the caller may do now. A reporter sees neither the repairs,
// the related tickets nor the time spent (internal work); a leader sees the escalation.
import type { Kysely } from 'kysely';
import type { Ticket, TicketState } from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { vendorLookups } from '../org/index.js';
import { isReporter, isWorker, viewerOf } from './tickets.core.js';
import { extensionsOf } from './tickets.extensions.js';
import { toRepair, toSummary } from './tickets.mappers.js';
import { createTicketRelatedRepository } from './tickets.related.repository.js';
import type { TicketRow } from './tickets.repository.js';

export async function ticketDetail(db: Kysely<Database>, ctx: ModuleContext, actor: Actor, t: TicketRow, now: number): Promise<Ticket> {
  const related = createTicketRelatedRepository(db);
  const readsAll = viewerOf(actor).readsAll;
  const worker = isWorker(actor);
  const reporter = isReporter(t, actor);
  const leader = actor.userId !== null && t.leader_user_id === actor.userId;
  const state = t.state as TicketState;

  const assets = await related.assetsOf(t.id);
  const links = readsAll ? await related.linksOf(t.id) : [];
  const repairRows = readsAll ? await related.repairsOf(t.id) : [];
  const vendorNames = await vendorLookups.names(
    db,
    repairRows.flatMap((r) => (r.vendor_id === null ? [] : [r.vendor_id])),
  );
  const articleIds: number[] = [];
  for (const source of extensionsOf(ctx).articleSources) articleIds.push(...(await source(db, t.id)));

  const summary = toSummary(t, now);
  return {
    ...summary,
    description: t.description,
    source: t.source as Ticket['source'],
    reporterPersonId: t.reporter_person_id,
    reporterUserId: t.reporter_user_id,
    contactPhone: t.contact_phone,
    locationId: t.location_id,
    waitingFor: t.waiting_for as Ticket['waitingFor'],
    record: {
      problem: t.problem || t.description,
      cause: t.cause,
      solution: t.solution,
      result: t.result,
      prevention: t.prevention,
    },
    resolvedAt: t.resolved_at === null ? null : Number(t.resolved_at),
    closedAt: t.closed_at === null ? null : Number(t.closed_at),
    minutesSpent: readsAll ? t.minutes_spent : 0,
    assets: assets.map((a) => ({ id: a.id, number: a.number, name: a.name, status: a.status })),
    links: links.map((l) => ({
      kind: l.kind as Ticket['links'][number]['kind'],
      direction: l.direction,
      ticket: { id: l.id, number: l.number, title: l.title, state: l.state as TicketState },
    })),
    repairs: repairRows.map((r) => toRepair(r, vendorNames)),
    escalation:
      t.escalated_at !== null && (readsAll || leader)
        ? {
            leader: t.leader_user_id === null ? null : { id: t.leader_user_id, name: t.leader_name ?? '' },
            reason: t.escalation_reason,
            at: Number(t.escalated_at),
            decision: t.escalation_decision,
            decidedAt: t.decided_at === null ? null : Number(t.decided_at),
          }
        : null,
    articleIds: [...new Set(articleIds)],
    can: {
      work: worker,
      comment: worker || reporter,
      internalNotes: worker,
      confirm: reporter && state === 'resolved',
      reopen: (reporter || worker) && (state === 'resolved' || state === 'closed'),
      decide: leader && t.needs_leader === 1,
    },
  };
}
