// Seeds years of a busy helpdesk fast, on top of the organisation and ledger the other seeds made:
// tickets and their timelines as bulk multi-row inserts. Each ticket's search text is composed as
// the app's reindex composes it (number, title, description, public comments, the record), its
// search structures written by the app's own bulk writer; verifyTicketSearchIndex checks a few
// rows against reindex itself.
import type { Insertable, Kysely } from 'kysely';
import { OPEN_STATES, TICKET_PRIORITIES, type TicketState } from '../shared/contracts/tickets.js';
import type { Database } from '../server/db/database.js';
import { normaliseSearch, toJson, writeSearchIndexBulk } from '../server/db/dialect.js';
import { createTicketsRepository, recountTicketStates } from '../server/modules/tickets/tickets.repository.js';
import type { TicketEventsTable, TicketsTable } from '../server/modules/tickets/tickets.tables.js';
import { dropIndexesForLoad, prng, searchBody } from './seed.js';
import { COMMENTS, DEVICES, FAULTS, NOTES, PLACES } from './tickets-catalog.js';

export interface TicketSeedResult {
  tickets: number;
  events: number;
  ticketIds: number[];
  /** The ticket with the longest timeline, and its length. */
  busiest: { id: number; rows: number };
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Open tickets are recent; the rest spread over the years before. */
const OPEN_SHARE = 0.06;

type TicketRow = Omit<Insertable<TicketsTable>, 'id'>;
type EventRow = Omit<Insertable<TicketEventsTable>, 'id' | 'ticket_id'>;

export async function seedTickets(
  db: Kysely<Database>,
  opts: { tickets: number; events: number; seed: number; now: number; personIds: number[]; locationIds: number[]; assigneeIds: number[] },
): Promise<TicketSeedResult> {
  const rnd = prng(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const perTicket = opts.events / opts.tickets;
  const span = Math.max(365, Math.ceil(opts.tickets / 110)) * DAY;
  const start = opts.now - span;
  // Numbers count per day, as the app numbers them (GZ-YYYYMMDD-NNNN).
  const perDay = new Map<string, number>();
  const ticketIds: number[] = [];
  let events = 0;
  let busiest = { id: 0, rows: 0 };
  const busiestAt = Math.floor(opts.tickets / 2);

  await db.transaction().execute(async (trx) => {
    const rebuildIndexes = await dropIndexesForLoad(trx, [
      'tickets_fts_trgm',
      'tickets_grams_id',
      'ticket_events_ticket',
      'ticket_events_ticket_public',
    ]);
    const BATCH = 400;
    for (let done = 0; done < opts.tickets; done += BATCH) {
      const size = Math.min(BATCH, opts.tickets - done);
      const tickets: TicketRow[] = [];
      const timelines: EventRow[][] = [];
      const texts: string[] = [];
      for (let k = 0; k < size; k++) {
        const i = done + k;
        const open = i >= opts.tickets * (1 - OPEN_SHARE);
        const created = open
          ? opts.now - Math.floor(rnd() * 14 * DAY)
          : start + Math.floor((i / (opts.tickets * (1 - OPEN_SHARE))) * (span - 14 * DAY));
        const state: TicketState = open ? pick(OPEN_STATES) : rnd() < 0.92 ? 'closed' : 'resolved';
        const fault = pick(FAULTS);
        const place = `${pick(PLACES)}${1 + Math.floor(rnd() * 5)}0${1 + Math.floor(rnd() * 8)}`;
        const device = pick(DEVICES);
        const title = `${place}${pick(fault.titles)}`;
        const description = `${fault.description}设备型号 ${device}。`;
        const priority = TICKET_PRIORITIES[rnd() < 0.05 ? 0 : rnd() < 0.2 ? 1 : rnd() < 0.9 ? 2 : 3]!;
        const assignee = state === 'new' ? null : pick(opts.assigneeIds);
        const day = new Date(created + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
        const seq = (perDay.get(day) ?? 0) + 1;
        perDay.set(day, seq);
        const number = `GZ-${day}-${String(seq).padStart(4, '0')}`;
        const done_ = state === 'resolved' || state === 'closed';
        const respondedAt = state === 'new' ? null : created + Math.floor(5 + rnd() * 240) * MINUTE;
        const resolvedAt = done_ ? created + Math.floor(30 + rnd() * 3000) * MINUTE : null;
        const record = done_
          ? {
              problem: fault.description,
              cause: fault.cause,
              solution: fault.solution,
              result: '已恢复正常，用户确认。',
              prevention: fault.prevention,
            }
          : { problem: '', cause: '', solution: '', result: '', prevention: '' };

        // The story, then more comments and notes until the ticket has its share of the history.
        const actor = assignee ?? opts.assigneeIds[0]!;
        const story: EventRow[] = [
          {
            kind: 'created',
            at: created,
            actor_user_id: null,
            body: '',
            internal: 0,
            minutes: 0,
            data: toJson({ source: 'self', kind: 'fault' }),
          },
        ];
        let at = created;
        const next = () => (at += Math.floor(1 + rnd() * 90) * MINUTE);
        if (assignee) {
          story.push({
            kind: 'assigned',
            at: next(),
            actor_user_id: actor,
            body: '',
            internal: 1,
            minutes: 0,
            data: toJson({ from: null, to: assignee }),
          });
          story.push({
            kind: 'state',
            at: at,
            actor_user_id: actor,
            body: '',
            internal: 0,
            minutes: 0,
            data: toJson({ from: 'new', to: 'assigned' }),
          });
        }
        const wanted = i === busiestAt ? 2000 : Math.max(story.length + 2, Math.round(perTicket * (0.4 + 1.2 * rnd())));
        while (story.length < wanted - (done_ ? 3 : 0)) {
          const note = rnd() < 0.3;
          story.push({
            kind: note ? 'note' : 'comment',
            at: next(),
            actor_user_id: actor,
            body: note ? pick(NOTES) : pick(COMMENTS),
            internal: note ? 1 : 0,
            minutes: note ? 10 : 0,
            data: toJson({}),
          });
        }
        if (done_) {
          story.push({
            kind: 'state',
            at: resolvedAt!,
            actor_user_id: actor,
            body: '',
            internal: 0,
            minutes: 0,
            data: toJson({ from: 'in_progress', to: 'resolved' }),
          });
          story.push({
            kind: 'resolution',
            at: resolvedAt!,
            actor_user_id: actor,
            body: '',
            internal: 0,
            minutes: 0,
            data: toJson(record),
          });
          if (state === 'closed')
            story.push({
              kind: 'state',
              at: resolvedAt! + DAY,
              actor_user_id: null,
              body: '',
              internal: 0,
              minutes: 0,
              data: toJson({ from: 'resolved', to: 'closed' }),
            });
        }
        const comments = story.filter((e) => e.kind === 'comment').map((e) => e.body);
        const text = [number, title, description, ...comments, ...Object.values(record)].join(' ').slice(0, 30_000);
        texts.push(text);
        timelines.push(story);
        const responseDue = created + 240 * MINUTE;
        const resolutionDue = created + (priority === 'urgent' ? 480 : 2880) * MINUTE;
        tickets.push({
          number,
          kind: 'fault',
          title,
          description,
          state,
          priority,
          priority_rank: TICKET_PRIORITIES.indexOf(priority),
          important: rnd() < 0.03 ? 1 : 0,
          category: fault.category,
          source: 'self',
          reporter_person_id: pick(opts.personIds),
          reporter_user_id: null,
          contact_phone: '',
          location_id: pick(opts.locationIds),
          place,
          assignee_user_id: assignee,
          waiting_for: state === 'waiting' ? 'vendor' : null,
          ...record,
          response_due_at: responseDue,
          response_near_at: responseDue - 60 * MINUTE,
          resolution_due_at: resolutionDue,
          resolution_near_at: resolutionDue - 120 * MINUTE,
          paused_minutes: 0,
          responded_at: respondedAt,
          resolved_at: resolvedAt,
          closed_at: state === 'closed' ? resolvedAt! + DAY : null,
          response_minutes: respondedAt === null ? null : Math.round((respondedAt - created) / MINUTE),
          resolution_minutes: resolvedAt === null ? null : Math.round((resolvedAt - created) / MINUTE),
          sla_notified: 0,
          sla_check_at: null,
          waiting_since: state === 'waiting' ? at : null,
          minutes_spent: story.reduce((a, e) => a + (e.minutes ?? 0), 0),
          needs_leader: 0,
          escalation_reason: '',
          created_by_user_id: null,
          created_at: created,
          updated_at: Math.max(at, resolvedAt ?? 0),
          search_text: normaliseSearch(text),
        });
      }
      const ids = (await trx.insertInto('tickets').values(tickets).returning('id').execute()).map((r) => r.id);
      const rows = timelines.flatMap((story, k) => story.map((e) => ({ ...e, ticket_id: ids[k]! })));
      for (let j = 0; j < rows.length; j += 2000)
        await trx
          .insertInto('ticket_events')
          .values(rows.slice(j, j + 2000))
          .execute();
      await writeSearchIndexBulk(
        trx,
        'tickets',
        ids.map((id, k) => ({ id, text: texts[k]! })),
      );
      events += rows.length;
      ticketIds.push(...ids);
      timelines.forEach((story, k) => {
        if (story.length > busiest.rows) busiest = { id: ids[k]!, rows: story.length };
      });
    }
    await rebuildIndexes();
    // Written directly, so the per-state numbers the lists read are counted once here.
    await recountTicketStates(trx);
  });
  return { tickets: ticketIds.length, events, ticketIds, busiest };
}

/**
 * Rebuilds a few tickets' search structures with the app's own reindex and checks that nothing
 * changed: the bulk path above must stay identical to what the app writes.
 */
export async function verifyTicketSearchIndex(db: Kysely<Database>, ids: number[]): Promise<string[]> {
  const problems: string[] = [];
  const snapshot = async (trx: Kysely<Database>, id: number) => {
    const t = await trx.selectFrom('tickets').select('search_text').where('id', '=', id).executeTakeFirstOrThrow();
    const g = await trx.selectFrom('tickets_grams').select('gram').where('id', '=', id).orderBy('gram').execute();
    return JSON.stringify([t.search_text, g.map((x) => x.gram), await searchBody(trx, 'tickets', id)]);
  };
  for (const id of ids) {
    await db.transaction().execute(async (trx) => {
      const before = await snapshot(trx, id);
      await createTicketsRepository(trx).reindex(id);
      const after = await snapshot(trx, id);
      if (before !== after) problems.push(`ticket ${id}: bulk ${before} != app ${after}`);
    });
  }
  return problems;
}
