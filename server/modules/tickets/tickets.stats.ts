// Ticket statistics for a period of whole days in the organisation's time zone: counts by
// category, priority, state and assignee, opened and resolved per day, mean working minutes to
// respond and to resolve, the share within target, and the devices and places with most faults.
// Everything is counted by the database (GROUP BY); the monthly report calls ticketStats too.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { TicketStats } from '../../../shared/contracts/tickets.js';
import { fieldError } from '../../core/errors.js';
import { readSettings } from '../../core/settings.js';
import type { Database } from '../../db/database.js';
import { TicketErrors } from './tickets.errors.js';
import { datesBetween, nextDate, startOfDayIn } from './tickets.time.js';

const MAX_DAYS = 366;
const TOP = 10;

const n = (v: unknown) => Number(v ?? 0);
const mean = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

export async function ticketStats(db: Kysely<Database>, from: string, to: string, now: number): Promise<TicketStats> {
  if (from > to) throw fieldError(TicketErrors['tickets.invalid_period'], 'to', 'before_from');
  const days = datesBetween(from, to);
  if (days.length > MAX_DAYS) throw fieldError(TicketErrors['tickets.invalid_period'], 'to', 'too_long', { maxDays: MAX_DAYS });
  const { timeZone } = await readSettings(db);
  const start = startOfDayIn(from, timeZone);
  const end = startOfDayIn(nextDate(to), timeZone);
  const inPeriod = sql<SqlBool>`tickets.created_at >= ${start} and tickets.created_at < ${end}`;
  const finished = sql`tickets.state in ('resolved', 'closed')`;

  const totals = await db
    .selectFrom('tickets')
    .where(() => inPeriod)
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number | null>`avg(tickets.response_minutes)`.as('mean_response'),
      sql<number | null>`avg(tickets.resolution_minutes)`.as('mean_resolution'),
      sql<number>`sum(case when tickets.response_due_at is not null and tickets.responded_at is not null
        and tickets.responded_at <= tickets.response_due_at then 1 else 0 end)`.as('response_met'),
      sql<number>`sum(case when tickets.response_due_at is not null and (tickets.responded_at is not null
        or tickets.response_due_at <= ${now}) then 1 else 0 end)`.as('response_judged'),
      sql<number>`sum(case when tickets.resolution_due_at is not null and ${finished}
        and coalesce(tickets.resolved_at, tickets.closed_at) <= tickets.resolution_due_at then 1 else 0 end)`.as('resolution_met'),
      sql<number>`sum(case when tickets.resolution_due_at is not null and (${finished}
        or (tickets.state <> 'waiting' and tickets.resolution_due_at <= ${now})
        or (tickets.state = 'waiting' and tickets.resolution_due_at <= tickets.waiting_since)) then 1 else 0 end)`.as('resolution_judged'),
    ])
    .executeTakeFirstOrThrow();

  const grouped = async (column: 'category' | 'priority' | 'state') =>
    (
      await db
        .selectFrom('tickets')
        .where(() => inPeriod)
        .select([`tickets.${column} as key`, sql<number>`count(*)`.as('count')])
        .groupBy(`tickets.${column}`)
        .orderBy('count', 'desc')
        .orderBy('key')
        .execute()
    ).map((r) => ({ key: String(r.key), count: n(r.count) }));

  const byAssignee = await db
    .selectFrom('tickets')
    .leftJoin('users', 'users.id', 'tickets.assignee_user_id')
    .where(() => inPeriod)
    .select([
      'tickets.assignee_user_id as user_id',
      'users.name as name',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(case when tickets.resolved_at is not null then 1 else 0 end)`.as('resolved'),
    ])
    .groupBy(['tickets.assignee_user_id', 'users.name'])
    .orderBy('count', 'desc')
    .orderBy('users.name')
    .execute();

  // One row per day: each count is an index range on created_at / resolved_at.
  const dayRows = sql.join(
    days.map(
      (d) =>
        sql`(cast(${d} as text), cast(${startOfDayIn(d, timeZone)} as bigint), cast(${startOfDayIn(nextDate(d), timeZone)} as bigint))`,
    ),
  );
  const daily = await sql<{ day: string; opened: number; resolved: number }>`with days(day, s, e) as (values ${dayRows})
    select day,
      (select count(*) from tickets t where t.created_at >= days.s and t.created_at < days.e) as opened,
      (select count(*) from tickets t where t.resolved_at >= days.s and t.resolved_at < days.e) as resolved
    from days order by day`.execute(db);

  const topAssets = await db
    .selectFrom('ticket_assets')
    .innerJoin('tickets', 'tickets.id', 'ticket_assets.ticket_id')
    .innerJoin('assets', 'assets.id', 'ticket_assets.asset_id')
    .where(() => inPeriod)
    .select(['assets.id', 'assets.number', 'assets.name', sql<number>`count(*)`.as('count')])
    .groupBy(['assets.id', 'assets.number', 'assets.name'])
    .orderBy('count', 'desc')
    .orderBy('assets.number')
    .limit(TOP)
    .execute();

  const topLocations = await db
    .selectFrom('tickets')
    .innerJoin('locations', 'locations.id', 'tickets.location_id')
    .where(() => inPeriod)
    .select(['locations.id', 'locations.name', sql<number>`count(*)`.as('count')])
    .groupBy(['locations.id', 'locations.name'])
    .orderBy('count', 'desc')
    .orderBy('locations.name')
    .limit(TOP)
    .execute();

  const share = (met: unknown, judged: unknown) => (n(judged) === 0 ? null : n(met) / n(judged));
  return {
    from,
    to,
    total: n(totals.total),
    byCategory: await grouped('category'),
    byPriority: await grouped('priority'),
    byState: await grouped('state'),
    byAssignee: byAssignee.map((r) => ({ userId: r.user_id, name: r.name, count: n(r.count), resolved: n(r.resolved) })),
    daily: daily.rows.map((r) => ({ date: String(r.day), opened: n(r.opened), resolved: n(r.resolved) })),
    meanResponseMinutes: mean(totals.mean_response),
    meanResolutionMinutes: mean(totals.mean_resolution),
    responseWithinTarget: share(totals.response_met, totals.response_judged),
    resolutionWithinTarget: share(totals.resolution_met, totals.resolution_judged),
    topAssets: topAssets.map((r) => ({ assetId: r.id, number: r.number, name: r.name, count: n(r.count) })),
    topLocations: topLocations.map((r) => ({ locationId: r.id, name: r.name, count: n(r.count) })),
  };
}
