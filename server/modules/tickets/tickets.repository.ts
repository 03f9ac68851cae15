// Every query of the tickets table and its search index. Lists follow the assets ledger's recipe
// for large tables: the count first (indexes make it cheap and it tells whether the filter is
// dense), then the page's ids from the narrowest query, then only those rows with their names.
// A caller without tickets:read is confined to their own tickets here, in the query itself.
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import { OPEN_STATES, TICKET_PRIORITIES, TICKET_STATES, type TicketListQuery } from '../../../shared/contracts/tickets.js';
import { isDensePage, pageWindow } from '../../core/listing.js';
import type { Database } from '../../db/database.js';
import { dialectOf, forUpdate, idIn, inWithoutIndex, planSearch, writeSearchIndex } from '../../db/dialect.js';
import { orgLookups } from '../org/index.js';
import type { TicketsTable } from './tickets.tables.js';

export type TicketRow = Selectable<TicketsTable> & {
  reporter_name: string | null;
  assignee_name: string | null;
  location_name: string | null;
  leader_name: string | null;
};

/** Who is asking: technicians and auditors (tickets:read) see every ticket, anyone else their own. */
export interface Viewer {
  userId: number | null;
  personId: number | null;
  readsAll: boolean;
}

export const priorityRank = (p: string) => Math.max(0, TICKET_PRIORITIES.indexOf(p as never));

const SORT = {
  createdAt: 'tickets.created_at',
  updatedAt: 'tickets.updated_at',
  priority: 'tickets.priority_rank',
  number: 'tickets.number',
  resolutionDue: 'tickets.resolution_due_at',
  state: 'tickets.state',
} as const;

// Literal, not bound: a constant list lets both databases judge the state index by its values.
const OPEN_LIST = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(', ')})`);
const isOpen = sql<SqlBool>`tickets.state in ${OPEN_LIST}`;
// Literal for the same reason: the partial index tickets_needs_leader holds exactly these rows.
const waitsForLeader = sql<SqlBool>`tickets.needs_leader = 1`;
const noLeaderWait = sql<SqlBool>`tickets.needs_leader = 0`;

/** A running clock past its due time; a waiting ticket's resolution clock is judged where it paused. */
export function overdueCondition(now: number): Expression<SqlBool> {
  return sql<SqlBool>`(${isOpen} and ((tickets.responded_at is null and tickets.response_due_at <= ${now})
    or (tickets.state <> 'waiting' and tickets.resolution_due_at <= ${now})
    or (tickets.state = 'waiting' and tickets.resolution_due_at <= tickets.waiting_since)))`;
}
export function nearCondition(now: number): Expression<SqlBool> {
  return sql<SqlBool>`(${isOpen} and ((tickets.responded_at is null and tickets.response_near_at <= ${now} and tickets.response_due_at > ${now})
    or (tickets.state <> 'waiting' and tickets.resolution_near_at <= ${now} and tickets.resolution_due_at > ${now})
    or (tickets.state = 'waiting' and tickets.resolution_near_at <= tickets.waiting_since and tickets.resolution_due_at > tickets.waiting_since)))`;
}

/** The tickets someone reported (as the user, or as the person a technician registered it for). */
export function reportedBy(viewer: Viewer): Expression<SqlBool> {
  const parts = [sql<SqlBool>`tickets.reporter_user_id = ${viewer.userId ?? -1}`];
  if (viewer.personId !== null) parts.push(sql<SqlBool>`tickets.reporter_person_id = ${viewer.personId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
/** What a caller without tickets:read may open: their reports and what was escalated to them. */
export function visibleTo(viewer: Viewer): Expression<SqlBool> {
  return sql<SqlBool>`(${reportedBy(viewer)} or tickets.leader_user_id = ${viewer.userId ?? -1})`;
}

export type ListFilters = Omit<TicketListQuery, 'page' | 'pageSize' | 'order' | 'sort'> & {
  createdFromMs?: number;
  createdBeforeMs?: number;
};

/** Adds `delta` to the number of tickets in `state` (the row is made on first use). */
async function countState(db: Kysely<Database>, state: string, delta: number): Promise<void> {
  await db
    .insertInto('ticket_state_counts')
    .values({ state, n: delta })
    .onConflict((oc) => oc.column('state').doUpdateSet((eb) => ({ n: eb('ticket_state_counts.n', '+', delta) })))
    .execute();
}

/** Recounts every state from the rows; for bulk loads that write tickets directly (the bench). */
export async function recountTicketStates(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('ticket_state_counts').execute();
  await sql`insert into ticket_state_counts (state, n) select state, count(*) from tickets group by state`.execute(db);
}

export function createTicketsRepository(db: Kysely<Database>) {
  const kind = dialectOf(db);
  const withNames = () =>
    db
      .selectFrom('tickets')
      .leftJoin('people as rp', 'rp.id', 'tickets.reporter_person_id')
      .leftJoin('users as ru', 'ru.id', 'tickets.reporter_user_id')
      .leftJoin('users as au', 'au.id', 'tickets.assignee_user_id')
      .leftJoin('users as lu', 'lu.id', 'tickets.leader_user_id')
      .leftJoin('locations', 'locations.id', 'tickets.location_id')
      .selectAll('tickets')
      .select((eb) => [
        eb.fn.coalesce('rp.name', 'ru.name').as('reporter_name'),
        'au.name as assignee_name',
        'lu.name as leader_name',
        'locations.name as location_name',
      ]);

  /** The view a caller actually gets: without tickets:read only 'reported' or 'leader'. */
  function effectiveView(view: TicketListQuery['view'], viewer: Viewer): TicketListQuery['view'] {
    if (viewer.readsAll) return view;
    return view === 'leader' ? 'leader' : 'reported';
  }

  async function filters(q: ListFilters, viewer: Viewer, now: number) {
    const view = effectiveView(q.view, viewer);
    const search = q.q ? await planSearch(db, 'tickets', q.q) : null;
    const locations = q.locationId ? await orgLookups.subtreeIds(db, 'locations', q.locationId) : null;
    const assetTickets = q.assetId
      ? (await db.selectFrom('ticket_assets').select('ticket_id').where('asset_id', '=', q.assetId).execute()).map((r) => r.ticket_id)
      : null;
    const noOtherFilter =
      !q.priority?.length &&
      !q.kind &&
      q.category === undefined &&
      !q.assigneeUserId &&
      !q.reporterPersonId &&
      !locations &&
      !assetTickets &&
      !q.important &&
      !q.needsLeader &&
      q.createdFromMs === undefined &&
      q.createdBeforeMs === undefined;
    /** A search alone is counted by its index (a common term would otherwise be checked row by row). */
    let knownTotal = search && noOtherFilter && view === 'all' && !q.state?.length ? search.matches : null;
    // All tickets, the open ones, or those in chosen states: the kept per-state numbers.
    if (!search && noOtherFilter && (view === 'all' || view === 'open')) {
      const states = (view === 'open' ? OPEN_STATES : TICKET_STATES).filter((st) => !q.state?.length || q.state.includes(st));
      knownTotal = states.length
        ? Number(
            (
              await db
                .selectFrom('ticket_state_counts')
                .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n'))
                .where('state', 'in', states)
                .executeTakeFirstOrThrow()
            ).n,
          )
        : 0;
    }
    const where = (dense: boolean) => (eb: ExpressionBuilder<Database, 'tickets'>) => {
      const all: Expression<SqlBool>[] = [];
      const me = viewer.userId ?? -1;
      // Always the literal list: the partial indexes on open tickets (by creation, by resolution
      // due) hold exactly these rows, and both databases use them only for this very condition.
      const open = isOpen;
      if (view === 'mine') all.push(eb('tickets.assignee_user_id', '=', me), open);
      else if (view === 'unassigned') all.push(eb('tickets.assignee_user_id', 'is', null), open);
      else if (view === 'open') all.push(open);
      else if (view === 'overdue') all.push(overdueCondition(now));
      else if (view === 'near') all.push(nearCondition(now));
      else if (view === 'leader') all.push(eb('tickets.leader_user_id', '=', me), eb('tickets.needs_leader', '=', 1));
      else if (view === 'reported') all.push(reportedBy(viewer));
      if (search) all.push(search.condition);
      if (q.state?.length) all.push(dense ? inWithoutIndex(kind, 'tickets.state', q.state) : eb('tickets.state', 'in', q.state));
      if (q.priority?.length) all.push(eb('tickets.priority_rank', 'in', q.priority.map(priorityRank)));
      if (q.kind) all.push(dense ? inWithoutIndex(kind, 'tickets.kind', [q.kind]) : eb('tickets.kind', '=', q.kind));
      if (q.category !== undefined)
        all.push(dense ? inWithoutIndex(kind, 'tickets.category', [q.category]) : eb('tickets.category', '=', q.category));
      if (q.assigneeUserId) all.push(eb('tickets.assignee_user_id', '=', q.assigneeUserId));
      if (q.reporterPersonId) all.push(eb('tickets.reporter_person_id', '=', q.reporterPersonId));
      if (locations)
        all.push(locations.length === 1 ? eb('tickets.location_id', '=', locations[0]!) : idIn(kind, 'tickets.location_id', locations));
      if (assetTickets) all.push(idIn(kind, 'tickets.id', assetTickets, true));
      if (q.important) all.push(eb('tickets.important', '=', q.important === 'true' ? 1 : 0));
      if (q.needsLeader) all.push(q.needsLeader === 'true' ? waitsForLeader : noLeaderWait);
      if (q.createdFromMs !== undefined) all.push(eb('tickets.created_at', '>=', q.createdFromMs));
      if (q.createdBeforeMs !== undefined) all.push(eb('tickets.created_at', '<', q.createdBeforeMs));
      return eb.and(all);
    };
    return { where, knownTotal };
  }

  const countWhere = async (where: (eb: ExpressionBuilder<Database, 'tickets'>) => Expression<SqlBool>) =>
    Number(
      (
        await db
          .selectFrom('tickets')
          .where(where)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  return {
    async list(
      q: ListFilters & Pick<TicketListQuery, 'page' | 'pageSize' | 'order' | 'sort'>,
      viewer: Viewer,
      now: number,
    ): Promise<{ rows: TicketRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const { where, knownTotal } = await filters(q, viewer, now);
      const total = knownTotal ?? (await countWhere(where(false)));
      const dense = isDensePage(total, { limit, offset });
      const page = <T extends { orderBy: (...a: any[]) => T }>(query: T): T =>
        query.orderBy(SORT[q.sort], q.order).orderBy('tickets.id', q.order);
      const ids = (
        await page(db.selectFrom('tickets').select('tickets.id').where(where(dense)))
          .limit(limit)
          .offset(offset)
          .execute()
      ).map((r) => r.id);
      const rows = ids.length ? await page(withNames().where(idIn(kind, 'tickets.id', ids, true))).execute() : [];
      return { rows, total };
    },

    /** The tab counts; a caller without tickets:read gets only their own two. */
    async counts(
      viewer: Viewer,
      now: number,
    ): Promise<Record<'mine' | 'unassigned' | 'open' | 'overdue' | 'near' | 'leader' | 'reported' | 'needsLeader', number>> {
      const count = async (view: TicketListQuery['view']) => {
        const { where, knownTotal } = await filters({ view }, viewer, now);
        return knownTotal ?? countWhere(where(false));
      };
      const reported = await count('reported');
      const leader = await count('leader');
      if (!viewer.readsAll) return { mine: 0, unassigned: 0, open: 0, overdue: 0, near: 0, leader, reported, needsLeader: 0 };
      return {
        mine: await count('mine'),
        unassigned: await count('unassigned'),
        open: await count('open'),
        overdue: await count('overdue'),
        near: await count('near'),
        leader,
        reported,
        // Read from the partial index alone: it holds only the tickets that wait.
        needsLeader: await countWhere(() => waitsForLeader),
      };
    },

    byId: (id: number) => withNames().where('tickets.id', '=', id).executeTakeFirst(),
    /** The row if the viewer may see it; otherwise nothing, exactly as for a ticket that does not exist. */
    byIdFor: (id: number, viewer: Viewer) => {
      const query = withNames().where('tickets.id', '=', id);
      return (viewer.readsAll ? query : query.where(() => visibleTo(viewer))).executeTakeFirst();
    },
    byIds: (ids: number[]) =>
      ids.length
        ? withNames()
            .where(idIn(kind, 'tickets.id', ids, true))
            .execute()
        : Promise.resolve([]),
    refs: (ids: number[]) =>
      ids.length
        ? db
            .selectFrom('tickets')
            .select(['id', 'number', 'title', 'state'])
            .where(idIn(kind, 'tickets.id', ids, true))
            .execute()
        : Promise.resolve([]),

    async insert(row: Insertable<TicketsTable>): Promise<number> {
      const id = (await db.insertInto('tickets').values(row).returning('id').executeTakeFirstOrThrow()).id;
      await countState(db, row.state, 1);
      return id;
    },
    async update(id: number, set: Updateable<TicketsTable>): Promise<void> {
      // A state change moves the ticket between the per-state counts. The row is locked before
      // its old state is read, so two changes of one ticket cannot both count from the same state.
      const before =
        set.state === undefined
          ? null
          : await forUpdate(kind, db.selectFrom('tickets').select('state').where('id', '=', id)).executeTakeFirst();
      await db.updateTable('tickets').set(set).where('id', '=', id).execute();
      if (before && set.state !== undefined && before.state !== set.state) {
        await countState(db, before.state, -1);
        await countState(db, set.state as string, 1);
      }
    },

    /** Number, title, description, the public comments and the record, as the search sees them. */
    async reindex(id: number): Promise<void> {
      const t = await db
        .selectFrom('tickets')
        .select(['number', 'title', 'description', 'problem', 'cause', 'solution', 'result', 'prevention'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const comments = await db
        .selectFrom('ticket_events')
        .select('body')
        .where('ticket_id', '=', id)
        .where('kind', '=', 'comment')
        .orderBy('id')
        .execute();
      // Bounded, so a ticket with hundreds of comments cannot bloat the index.
      const text = [
        t.number,
        t.title,
        t.description,
        ...comments.map((c) => c.body),
        t.problem,
        t.cause,
        t.solution,
        t.result,
        t.prevention,
      ]
        .join(' ')
        .slice(0, 30_000);
      await writeSearchIndex(db, 'tickets', id, text);
    },

    /** Rows whose next target notice is due (the minute job). */
    slaDue: (now: number, limit: number) =>
      db
        .selectFrom('tickets')
        .selectAll()
        .where('sla_check_at', 'is not', null)
        .where('sla_check_at', '<=', now)
        .orderBy('sla_check_at')
        .limit(limit)
        .execute(),
    /** Resolved tickets nobody answered since `before` (auto-close). */
    resolvedBefore: (before: number, limit: number) =>
      db
        .selectFrom('tickets')
        .selectAll()
        // Literal, like the partial index's own condition, so the index applies.
        .where(sql<SqlBool>`tickets.state = 'resolved'`)
        .where('resolved_at', '<=', before)
        .orderBy('resolved_at')
        .limit(limit)
        .execute(),
  };
}
export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
