// Every query of the monitors, their groups, secrets and current status. Results, metrics,
// rollups and events (the high-volume tables) are in results.repository.ts.
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
import { MONITOR_STATES, type MonitorListQuery, type MonitorState } from '../../../shared/contracts/monitors.js';
import type { MonitorSecrets } from '../../../shared/contracts/monitor-targets.js';
import { pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { Database } from '../../db/database.js';
import { fromJson, normaliseSearch, planSearch, removeSearchIndex, toJson, writeSearchIndex } from '../../db/dialect.js';
import type { MonitorGroupsTable, MonitorStatusTable, MonitorsTable } from './monitors.tables.js';

export type MonitorRow = Selectable<MonitorsTable> &
  Omit<Selectable<MonitorStatusTable>, 'monitor_id' | 'updated_at'> & {
    group_name: string | null;
    location_name: string | null;
    asset_number: string | null;
    parent_name: string | null;
  };
export type MonitorWrite = Omit<Insertable<MonitorsTable>, 'name_sort' | 'search_text'>;
export type StatusWrite = Omit<Selectable<MonitorStatusTable>, 'updated_at'>;
export type GroupRow = Selectable<MonitorGroupsTable> & { monitor_count: number };

/** Problems first: the order the overview and the default list use. */
const STATE_RANK = sql<number>`case s.state when 'critical' then 0 when 'unknown' then 1 when 'warning' then 2
  when 'unreachable' then 3 when 'pending' then 4 else 5 end`;

export const groupKey = (name: string) => normaliseSearch(name);

export function createMonitorsRepository(db: Kysely<Database>) {
  const withNames = () =>
    db
      .selectFrom('monitors as m')
      .innerJoin('monitor_status as s', 's.monitor_id', 'm.id')
      .leftJoin('monitor_groups as g', 'g.id', 'm.group_id')
      .leftJoin('locations as l', 'l.id', 'm.location_id')
      .leftJoin('assets as a', 'a.id', 'm.asset_id')
      .leftJoin('monitors as p', 'p.id', 'm.parent_id')
      .selectAll('m')
      .select([
        's.state',
        's.since',
        's.checked_at',
        's.latency_ms',
        's.value',
        's.reason',
        's.detail',
        's.facts',
        's.history',
        's.flapping',
        's.notified',
        'g.name as group_name',
        'l.name as location_name',
        'a.number as asset_number',
        'p.name as parent_name',
      ]);

  async function filter(q: Partial<MonitorListQuery>) {
    const search = q.q ? await planSearch(db, 'monitors', q.q, 'm') : null;
    return (eb: ExpressionBuilder<any, any>) => {
      const all: Expression<SqlBool>[] = [];
      if (search) all.push(search.condition);
      if (q.state?.length) all.push(eb('s.state', 'in', q.state));
      if (q.kind?.length) all.push(eb('m.kind', 'in', q.kind));
      // groupId 0: the monitors in no group.
      if (q.groupId !== undefined) all.push(q.groupId === 0 ? eb('m.group_id', 'is', null) : eb('m.group_id', '=', q.groupId));
      if (q.locationId) all.push(eb('m.location_id', '=', q.locationId));
      if (q.assetId) all.push(eb('m.asset_id', '=', q.assetId));
      return eb.and(all);
    };
  }

  return {
    async list(q: MonitorListQuery): Promise<{ rows: MonitorRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const where = await filter(q);
      let query = withNames().where(where);
      if (q.sort === 'problems') query = query.orderBy(STATE_RANK, q.order).orderBy('m.name_sort');
      else if (q.sort === 'latency') query = query.orderBy('s.latency_ms', q.order).orderBy('m.name_sort');
      else if (q.sort === 'checked') query = query.orderBy('s.checked_at', q.order);
      else query = query.orderBy('m.name_sort', q.order);
      const rows = await query.orderBy('m.id').limit(limit).offset(offset).execute();
      const total = Number(
        (
          await db
            .selectFrom('monitors as m')
            .innerJoin('monitor_status as s', 's.monitor_id', 'm.id')
            .where(where)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      return { rows, total };
    },

    async counts(): Promise<{ byState: Record<MonitorState, number>; disabled: number; total: number }> {
      const rows = await db
        .selectFrom('monitor_status as s')
        .innerJoin('monitors as m', 'm.id', 's.monitor_id')
        .where('m.enabled', '=', 1)
        .select(['s.state', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('s.state')
        .execute();
      const all = await db
        .selectFrom('monitors')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when enabled = 1 then 0 else 1 end)`.as('off')])
        .executeTakeFirstOrThrow();
      return {
        // Every state is answered, zero or not: the overview's filter chips need them all.
        byState: Object.fromEntries(MONITOR_STATES.map((st) => [st, Number(rows.find((r) => r.state === st)?.n ?? 0)])) as Record<
          MonitorState,
          number
        >,
        disabled: Number(all.off ?? 0),
        total: Number(all.n),
      };
    },

    byId: async (id: number) => await withNames().where('m.id', '=', id).executeTakeFirst(),
    byIds: async (ids: number[]) => (ids.length ? await withNames().where('m.id', 'in', ids).execute() : []),
    exists: async (id: number) => !!(await db.selectFrom('monitors').select('id').where('id', '=', id).executeTakeFirst()),
    byPushTokenHash: (hash: string) =>
      db
        .selectFrom('monitors')
        .select(['id', 'enabled', 'interval_s'])
        .where('push_token_hash', '=', hash)
        .where('kind', '=', 'push')
        .executeTakeFirst(),
    /** Ids of the monitors that depend on this one. */
    children: async (id: number) => (await db.selectFrom('monitors').select('id').where('parent_id', '=', id).execute()).map((r) => r.id),
    /** The chain of parents above a monitor (to refuse a cycle). */
    async parentChain(id: number): Promise<number[]> {
      const chain: number[] = [];
      let next: number | null = id;
      while (next !== null && chain.length < 64) {
        chain.push(next);
        const row = await db.selectFrom('monitors').select('parent_id').where('id', '=', next).executeTakeFirst();
        next = row?.parent_id ?? null;
      }
      return chain;
    },

    async insert(row: MonitorWrite, now: number): Promise<number> {
      const id = (
        await db
          .insertInto('monitors')
          .values({ ...row, name_sort: sortKey(row.name) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('monitor_status')
        .values({
          monitor_id: id,
          state: 'pending',
          since: now,
          history: '',
          flapping: 0,
          notified: 'ok',
          updated_at: now,
          detail: toJson({}),
          facts: toJson({}),
        })
        .execute();
      await this.reindex(id);
      return id;
    },
    async update(id: number, set: Updateable<MonitorsTable>): Promise<void> {
      await db
        .updateTable('monitors')
        .set({ ...set, ...(set.name !== undefined ? { name_sort: sortKey(String(set.name)) } : {}) })
        .where('id', '=', id)
        .execute();
      await this.reindex(id);
    },
    async reindex(id: number): Promise<void> {
      const m = await db.selectFrom('monitors').select(['name', 'kind', 'target', 'notes']).where('id', '=', id).executeTakeFirstOrThrow();
      const target = fromJson<Record<string, unknown>>(m.target);
      const address = ['host', 'url', 'name', 'domain', 'upsName'].map((k) => (typeof target[k] === 'string' ? target[k] : '')).join(' ');
      await writeSearchIndex(db, 'monitors', id, [m.name, m.kind, address, m.notes].join(' '));
    },
    /** A monitor and everything recorded about it. */
    async remove(id: number): Promise<void> {
      await db.updateTable('monitors').set({ parent_id: null }).where('parent_id', '=', id).execute();
      for (const table of [
        'monitor_results',
        'monitor_metrics',
        'monitor_rollups',
        'monitor_events',
        'monitor_pushes',
        'monitor_status',
        'monitor_secrets',
      ] as const)
        await db.deleteFrom(table).where('monitor_id', '=', id).execute();
      await removeSearchIndex(db, 'monitors', id);
      await db.deleteFrom('monitors').where('id', '=', id).execute();
    },

    async secrets(id: number): Promise<MonitorSecrets> {
      const row = await db.selectFrom('monitor_secrets').select('data').where('monitor_id', '=', id).executeTakeFirst();
      return row ? (JSON.parse(row.data) as MonitorSecrets) : {};
    },
    async setSecrets(id: number, secrets: MonitorSecrets): Promise<void> {
      const data = JSON.stringify(secrets);
      await db.deleteFrom('monitor_secrets').where('monitor_id', '=', id).execute();
      if (Object.keys(secrets).length) await db.insertInto('monitor_secrets').values({ monitor_id: id, data }).execute();
    },
    async secretsOf(ids: number[]): Promise<Map<number, MonitorSecrets>> {
      if (!ids.length) return new Map();
      const rows = await db.selectFrom('monitor_secrets').select(['monitor_id', 'data']).where('monitor_id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.monitor_id, JSON.parse(r.data) as MonitorSecrets]));
    },
    /** Every secret of every enabled monitor, for the engine. */
    async allSecrets(): Promise<Map<number, MonitorSecrets>> {
      const rows = await db.selectFrom('monitor_secrets').select(['monitor_id', 'data']).execute();
      return new Map(rows.map((r) => [r.monitor_id, JSON.parse(r.data) as MonitorSecrets]));
    },

    /** What the engine runs: every enabled monitor with its status. */
    enabled: (onlyId?: number) =>
      db
        .selectFrom('monitors as m')
        .innerJoin('monitor_status as s', 's.monitor_id', 'm.id')
        .select(['m.id', 'm.name', 'm.kind', 'm.target', 'm.interval_s', 'm.timeout_ms', 'm.retries', 'm.thresholds', 'm.parent_id'])
        .select(['s.state', 's.since', 's.history', 's.flapping', 's.notified', 's.checked_at'])
        .where('m.enabled', '=', 1)
        .$if(onlyId !== undefined, (q) => q.where('m.id', '=', onlyId!))
        .execute(),

    async writeStatus(rows: StatusWrite[], now: number): Promise<void> {
      for (const r of rows)
        await db
          .updateTable('monitor_status')
          .set({
            state: r.state,
            since: r.since,
            checked_at: r.checked_at,
            latency_ms: r.latency_ms,
            value: r.value,
            reason: r.reason,
            detail: toJson(r.detail ?? {}),
            facts: toJson(r.facts ?? {}),
            history: r.history,
            flapping: r.flapping,
            notified: r.notified,
            updated_at: now,
          })
          .where('monitor_id', '=', r.monitor_id)
          .execute();
    },
    /** Back to pending (a monitor switched off and on, or edited so its history no longer applies). */
    resetStatus: (id: number, now: number) =>
      db
        .updateTable('monitor_status')
        .set({ state: 'pending', since: now, history: '', flapping: 0, notified: 'ok', reason: null, detail: toJson({}), updated_at: now })
        .where('monitor_id', '=', id)
        .execute(),

    // ---- groups ----
    groups: async (): Promise<GroupRow[]> =>
      (await db
        .selectFrom('monitor_groups as g')
        .selectAll('g')
        .select((eb) =>
          eb
            .selectFrom('monitors')
            .whereRef('monitors.group_id', '=', 'g.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('monitor_count'),
        )
        .orderBy('g.sort_order')
        .orderBy('g.name')
        .execute()) as GroupRow[],
    groupById: (id: number) => db.selectFrom('monitor_groups').selectAll().where('id', '=', id).executeTakeFirst(),
    groupBySlug: (slug: string) => db.selectFrom('monitor_groups').selectAll().where('public_slug', '=', slug).executeTakeFirst(),
    insertGroup: async (row: Insertable<MonitorGroupsTable>) =>
      (await db.insertInto('monitor_groups').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateGroup: (id: number, set: Updateable<MonitorGroupsTable>) =>
      db.updateTable('monitor_groups').set(set).where('id', '=', id).execute(),
    async removeGroup(id: number): Promise<void> {
      await db.updateTable('monitors').set({ group_id: null }).where('group_id', '=', id).execute();
      await db.deleteFrom('monitor_groups').where('id', '=', id).execute();
    },
  };
}

export type MonitorsRepository = ReturnType<typeof createMonitorsRepository>;
export const isProblem = (s: MonitorState) => s === 'critical' || s === 'warning' || s === 'unknown';
