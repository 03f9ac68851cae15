// Every query of the stocktake tables. The snapshot is taken set-based (INSERT … SELECT over id
// ranges of the assets table, location paths from one recursive query), so starting a stocktake
// of 100,000 assets is a handful of statements, not 100,000. Marking an item found is a
// conditional UPDATE (… where found_at is null): of two scans of one asset, exactly one wins.
import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { ExtraKind, ItemState } from '../../../shared/contracts/stocktake.js';
import { pageWindow } from '../../core/listing.js';
import type { Database } from '../../db/database.js';
import { dialectOf, idIn, likePattern, normaliseSearch } from '../../db/dialect.js';
import type { StocktakeExtrasTable, StocktakeItemsTable, StocktakesTable } from './stocktake.tables.js';

export type StocktakeRow = Selectable<StocktakesTable>;
export type ItemRow = Selectable<StocktakeItemsTable>;
export type ExtraRow = Selectable<StocktakeExtrasTable> & {
  asset_number: string | null;
  asset_name: string | null;
  asset_status: string | null;
  asset_location_id: number | null;
};

/** Asset ids per INSERT … SELECT of the snapshot: bounded statements, still few of them. */
const SNAPSHOT_ID_RANGE = 20_000;
/** Deeper location trees than this are cut (a cycle could never end otherwise). */
const MAX_DEPTH = 50;

/** Every location's full path ("教学楼 / 三楼 / 301"), as a recursive query to join against. */
const locationPaths = sql`with recursive loc_path(id, path, depth) as (
  select id, cast(name as text), 0 from locations where parent_id is null
  union all
  select l.id, p.path || ' / ' || l.name, p.depth + 1 from locations l join loc_path p on l.parent_id = p.id where p.depth < ${MAX_DEPTH}
)`;

export interface SnapshotScope {
  locationIds: number[] | null;
  categoryIds: number[] | null;
}

export interface ItemListQuery {
  page: number;
  pageSize: number;
  q?: string;
  state: ItemState;
}

export function createStocktakeRepository(db: Kysely<Database>) {
  const kind = dialectOf(db);

  const stateFilter = (state: ItemState) => (eb: ExpressionBuilder<Database, 'stocktake_items'>) => {
    if (state === 'found') return eb('found_at', 'is not', null);
    if (state === 'missing') return eb('found_at', 'is', null);
    if (state === 'misplaced') return eb('misplaced', '=', 1);
    return sql<SqlBool>`1 = 1`;
  };
  const itemSearch = (q: string | undefined) => (eb: ExpressionBuilder<Database, 'stocktake_items'>) => {
    if (!q) return sql<SqlBool>`1 = 1`;
    const p = likePattern(normaliseSearch(q));
    const like = (col: string) => sql<SqlBool>`lower(coalesce(${sql.ref(col)}, '')) like ${p} escape '\\'`;
    const any: Expression<SqlBool>[] = ['number', 'name', 'holder_name', 'location_path', 'found_location_path', 'category_name'].map(like);
    return eb.or(any);
  };

  return {
    // ---- stocktakes ----
    async insert(row: Insertable<StocktakesTable>): Promise<number> {
      const { id } = await db.insertInto('stocktakes').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    byId: (id: number) => db.selectFrom('stocktakes').selectAll().where('id', '=', id).executeTakeFirst(),
    openOne: () => db.selectFrom('stocktakes').select(['id', 'name']).where('open_slot', '=', 1).executeTakeFirst(),

    async list(q: { page: number; pageSize: number; status?: string }): Promise<{ rows: StocktakeRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      let base = db.selectFrom('stocktakes');
      if (q.status) base = base.where('status', '=', q.status);
      const rows = await base.selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },

    /**
     * The write gate of every change to an open stocktake: bumps its version, and on PostgreSQL
     * takes the row lock, so a scan and a close never interleave. False when it is not open.
     */
    async bumpIfOpen(id: number): Promise<boolean> {
      const r = await db
        .updateTable('stocktakes')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async bump(id: number): Promise<void> {
      await db
        .updateTable('stocktakes')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    async addCounts(
      id: number,
      d: { found?: number; misplaced?: number; unknown?: number; outside?: number; applied?: number },
    ): Promise<void> {
      await db
        .updateTable('stocktakes')
        .set((eb) => ({
          found_count: eb('found_count', '+', d.found ?? 0),
          misplaced_count: eb('misplaced_count', '+', d.misplaced ?? 0),
          unknown_count: eb('unknown_count', '+', d.unknown ?? 0),
          outside_count: eb('outside_count', '+', d.outside ?? 0),
          applied_count: eb('applied_count', '+', d.applied ?? 0),
        }))
        .where('id', '=', id)
        .execute();
    },
    async setExpected(id: number): Promise<number> {
      const { n } = await db
        .selectFrom('stocktake_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('stocktake_id', '=', id)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('stocktakes')
        .set({ expected_count: Number(n) })
        .where('id', '=', id)
        .execute();
      return Number(n);
    },
    async close(id: number, set: { closed_at: number; closed_by: string; close_date: string }): Promise<boolean> {
      const r = await db
        .updateTable('stocktakes')
        .set((eb) => ({ ...set, status: 'closed', open_slot: null, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async saveReport(id: number, report: string): Promise<void> {
      await db.updateTable('stocktakes').set({ report }).where('id', '=', id).execute();
    },

    /** Copies the assets in scope (all but disposed) into the stocktake, a range of ids at a time. */
    async snapshot(stocktakeId: number, scope: SnapshotScope): Promise<void> {
      const bounds = await db
        .selectFrom('assets')
        .select((eb) => [eb.fn.min<number>('id').as('lo'), eb.fn.max<number>('id').as('hi')])
        .executeTakeFirstOrThrow();
      if (bounds.lo === null || bounds.hi === null) return;
      const lo = Number(bounds.lo);
      const hi = Number(bounds.hi);
      const conditions = [sql`a.status <> 'disposed'`];
      if (scope.locationIds) conditions.push(idIn(kind, 'a.location_id', scope.locationIds));
      if (scope.categoryIds) conditions.push(idIn(kind, 'a.category_id', scope.categoryIds));
      for (let from = lo - 1; from < hi; from += SNAPSHOT_ID_RANGE) {
        await sql`${locationPaths}
          insert into stocktake_items (stocktake_id, asset_id, number, name, category_id, category_name, location_id, location_path,
            department_id, department_name, holder_person_id, holder_name, price_fen, purchase_date, life_months, residual_bp, asset_status)
          select cast(${stocktakeId} as integer), a.id, a.number, a.name, a.category_id, c.name, a.location_id, lp.path,
            a.department_id, d.name, a.holder_person_id, pe.name, a.price_fen, a.purchase_date, a.life_months, a.residual_bp, a.status
          from assets a
          join asset_categories c on c.id = a.category_id
          left join loc_path lp on lp.id = a.location_id
          left join departments d on d.id = a.department_id
          left join people pe on pe.id = a.holder_person_id
          where a.id > ${from} and a.id <= ${from + SNAPSHOT_ID_RANGE} and ${sql.join(conditions, sql` and `)}`.execute(db);
      }
    },

    /** "教学楼 / 三楼 / 301" for one location, or null when it does not exist. */
    async locationPath(id: number): Promise<string | null> {
      const { rows } = await sql<{ name: string }>`with recursive up(id, parent_id, name, depth) as (
          select id, parent_id, name, 0 from locations where id = ${id}
          union all
          select l.id, l.parent_id, l.name, up.depth + 1 from locations l join up on l.id = up.parent_id where up.depth < ${MAX_DEPTH}
        ) select name from up order by depth desc`.execute(db);
      return rows.length ? rows.map((r) => r.name).join(' / ') : null;
    },

    // ---- items ----
    assetByNumber: (number: string) =>
      db.selectFrom('assets').select(['id', 'number', 'name', 'status', 'location_id']).where('number', '=', number).executeTakeFirst(),
    assetsByIds: (ids: number[]) =>
      ids.length
        ? db
            .selectFrom('assets')
            .select(['id', 'number', 'name', 'status', 'location_id'])
            .where(idIn(kind, 'id', ids, true))
            .execute()
        : Promise.resolve([]),
    itemById: (stocktakeId: number, itemId: number) =>
      db.selectFrom('stocktake_items').selectAll().where('id', '=', itemId).where('stocktake_id', '=', stocktakeId).executeTakeFirst(),
    itemByAsset: (stocktakeId: number, assetId: number) =>
      db
        .selectFrom('stocktake_items')
        .selectAll()
        .where('stocktake_id', '=', stocktakeId)
        .where('asset_id', '=', assetId)
        .executeTakeFirst(),
    itemByNumber: (stocktakeId: number, number: string) =>
      db.selectFrom('stocktake_items').selectAll().where('stocktake_id', '=', stocktakeId).where('number', '=', number).executeTakeFirst(),

    /** Marks an item found unless it already is; true when this call did it. */
    async markFound(
      itemId: number,
      set: Pick<
        ItemRow,
        'found_at' | 'found_by' | 'found_by_user_id' | 'found_location_id' | 'found_location_path' | 'misplaced' | 'manual' | 'note'
      >,
    ): Promise<boolean> {
      const r = await db.updateTable('stocktake_items').set(set).where('id', '=', itemId).where('found_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async unmarkFound(itemId: number): Promise<boolean> {
      const r = await db
        .updateTable('stocktake_items')
        .set({
          found_at: null,
          found_by: null,
          found_by_user_id: null,
          found_location_id: null,
          found_location_path: null,
          misplaced: 0,
          manual: 0,
          note: '',
        })
        .where('id', '=', itemId)
        .where('found_at', 'is not', null)
        .where('applied_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async listItems(stocktakeId: number, q: ItemListQuery, knownTotal: number | null): Promise<{ rows: ItemRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const where = (eb: ExpressionBuilder<Database, 'stocktake_items'>) =>
        eb.and([eb('stocktake_id', '=', stocktakeId), stateFilter(q.state)(eb), itemSearch(q.q)(eb)]);
      let query = db.selectFrom('stocktake_items').selectAll().where(where);
      // Just-found first while counting; the rest in number order, like the ledger.
      query =
        q.state === 'found' || q.state === 'misplaced'
          ? query.orderBy('found_at', 'desc').orderBy('id', 'desc')
          : query.orderBy('number').orderBy('id');
      const rows = await query.limit(limit).offset(offset).execute();
      const total =
        knownTotal ??
        Number(
          (
            await db
              .selectFrom('stocktake_items')
              .where(where)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { rows, total };
    },

    /** Every item matching the state, in number order, a chunk at a time (reports). */
    async *streamItems(stocktakeId: number, state: ItemState, chunk = 2000): AsyncGenerator<ItemRow> {
      let lastId = 0;
      for (;;) {
        const rows = await db
          .selectFrom('stocktake_items')
          .selectAll()
          .where('stocktake_id', '=', stocktakeId)
          .where(stateFilter(state))
          .where('id', '>', lastId)
          .orderBy('id')
          .limit(chunk)
          .execute();
        yield* rows;
        if (rows.length < chunk) return;
        lastId = rows[rows.length - 1]!.id;
      }
    },

    /** Found misplaced items whose asset has not been moved yet (all of them, or those listed). */
    misplacedToApply(stocktakeId: number, itemIds: number[] | null) {
      let q = db
        .selectFrom('stocktake_items')
        .selectAll()
        .where('stocktake_id', '=', stocktakeId)
        .where('misplaced', '=', 1)
        .where('found_at', 'is not', null)
        .where('applied_at', 'is', null);
      if (itemIds) q = q.where(idIn(kind, 'id', itemIds, true));
      return q.orderBy('id').execute();
    },
    async markApplied(itemIds: number[], at: number): Promise<void> {
      if (itemIds.length)
        await db
          .updateTable('stocktake_items')
          .set({ applied_at: at })
          .where(idIn(kind, 'id', itemIds, true))
          .execute();
    },

    // ---- codes outside the snapshot ----
    /** Records a code once per stocktake; later scans of it only count. True when it is new. */
    async recordExtra(row: Insertable<StocktakeExtrasTable>): Promise<{ id: number; inserted: boolean }> {
      const inserted = await db
        .insertInto('stocktake_extras')
        .values(row)
        .onConflict((oc) => oc.columns(['stocktake_id', 'code']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { id: inserted.id, inserted: true };
      const existing = await db
        .updateTable('stocktake_extras')
        .set((eb) => ({ times: eb('times', '+', 1), last_at: row.last_at }))
        .where('stocktake_id', '=', row.stocktake_id)
        .where('code', '=', row.code)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: existing.id, inserted: false };
    },

    extraById(id: number) {
      return extrasQuery().where('x.id', '=', id).executeTakeFirst();
    },
    async listExtras(
      stocktakeId: number,
      q: { page: number; pageSize: number; q?: string; kind: ExtraKind },
      knownTotal: number | null,
    ): Promise<{ rows: ExtraRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const search = q.q ? likePattern(normaliseSearch(q.q)) : null;
      const where = search
        ? sql<SqlBool>`x.stocktake_id = ${stocktakeId} and x.kind = ${q.kind} and lower(x.code) like ${search} escape '\\'`
        : sql<SqlBool>`x.stocktake_id = ${stocktakeId} and x.kind = ${q.kind}`;
      const rows = await extrasQuery()
        .where(where)
        .orderBy('x.last_at', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      const total = search
        ? Number(
            (
              await db
                .selectFrom('stocktake_extras as x')
                .where(where)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
        : (knownTotal ?? 0);
      return { rows, total };
    },
    async *streamExtras(stocktakeId: number): AsyncGenerator<ExtraRow> {
      let lastId = 0;
      for (;;) {
        const rows = await extrasQuery()
          .where('x.stocktake_id', '=', stocktakeId)
          .where('x.id', '>', lastId)
          .orderBy('x.id')
          .limit(2000)
          .execute();
        yield* rows;
        if (rows.length < 2000) return;
        lastId = rows[rows.length - 1]!.id;
      }
    },
  };

  function extrasQuery() {
    return db
      .selectFrom('stocktake_extras as x')
      .leftJoin('assets as a', 'a.id', 'x.asset_id')
      .selectAll('x')
      .select(['a.number as asset_number', 'a.name as asset_name', 'a.status as asset_status', 'a.location_id as asset_location_id']);
  }
}
export type StocktakeRepository = ReturnType<typeof createStocktakeRepository>;
