// Every query of the assets table and its search index. The list is built to stay fast at
// hundreds of thousands of rows: filters on trees and searches are resolved to id lists first,
// each filter column has an index ending in the default sort, and pages count with one query.
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
import type { AssetListQuery } from '../../../shared/contracts/assets.js';
import { isDensePage, pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { Database } from '../../db/database.js';
import {
  dialectOf,
  idIn,
  inWithoutIndex,
  jsonNumber,
  jsonText,
  likePattern,
  normaliseSearch,
  planSearch,
  removeSearchIndex,
  writeSearchIndex,
} from '../../db/dialect.js';
import { orgLookups } from '../org/index.js';
import type { AssetsTable } from './assets.tables.js';
import { customSearchText } from './custom-fields.js';

export type AssetRow = Selectable<AssetsTable> & {
  category_name: string;
  location_name: string | null;
  department_name: string | null;
  holder_name: string | null;
};

const SORT = {
  number: 'assets.number',
  name: 'assets.name_sort',
  status: 'assets.status',
  brand: 'assets.brand',
  model: 'assets.model',
  purchaseDate: 'assets.purchase_date',
  price: 'assets.price_fen',
  warrantyEnd: 'assets.warranty_end',
  createdAt: 'assets.created_at',
  updatedAt: 'assets.updated_at',
} as const;

/** Related people, departments and locations a search term may name (張偉's laptop). */
const RELATED_CAP = 500;
/** How many index matches of a term in their text are checked for the name (see relatedIds). */
const RELATED_SCAN_CAP = 20_000;

type SearchFields = Pick<
  AssetsTable,
  'number' | 'name' | 'brand' | 'model' | 'serial' | 'supplier' | 'order_number' | 'hostname' | 'ip' | 'mac' | 'notes' | 'custom'
>;
export function assetSearchText(a: SearchFields, custom: Record<string, string | number | string[] | null>): string {
  // MACs are found however they are typed: with colons, dashes or none.
  const macPlain = a.mac.replace(/:/g, '');
  return [
    a.number,
    a.name,
    a.brand,
    a.model,
    a.serial ?? '',
    a.supplier,
    a.order_number,
    a.hostname,
    a.ip,
    a.mac,
    macPlain,
    a.notes,
    customSearchText(custom),
  ].join(' ');
}

export function createAssetsRepository(db: Kysely<Database>) {
  const kind = dialectOf(db);
  const withNames = () =>
    db
      .selectFrom('assets')
      // A left join (a category is never missing) keeps SQLite from driving the query from the
      // categories table through a category index and sorting every asset it finds.
      .leftJoin('asset_categories', 'asset_categories.id', 'assets.category_id')
      .leftJoin('locations', 'locations.id', 'assets.location_id')
      .leftJoin('departments', 'departments.id', 'assets.department_id')
      .leftJoin('people', 'people.id', 'assets.holder_person_id')
      .selectAll('assets')
      .select([
        'asset_categories.name as category_name',
        'locations.name as location_name',
        'departments.name as department_name',
        'people.name as holder_name',
      ])
      .$narrowType<{ category_name: string }>();

  /**
   * People, departments and locations whose NAME holds the term. Their other text does not count:
   * a person's job title (网络中心工程师) would otherwise pull in the devices of every such holder,
   * which the department match already covers. The index plan gets a wide id cap, so a term that
   * is common in their text (机房 in thousands of titles) is still resolved to ids, not scanned.
   */
  async function relatedIds(table: 'people' | 'departments' | 'locations', term: string): Promise<number[]> {
    const plan = await planSearch(db, table, term, table, RELATED_SCAN_CAP);
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where(() => plan.condition)
      .where(() => {
        const named = sql<SqlBool>`lower(${sql.ref(`${table}.name`)}) like ${likePattern(normaliseSearch(term))} escape '\\'`;
        // A person is also named by their 工号.
        return table === 'people' ? sql<SqlBool>`(${named} or people.number = ${term.trim()})` : named;
      })
      .limit(RELATED_CAP)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * A condition on one of the list's key columns. `dense`: it matches thousands of rows, so the
   * page is better found by walking the sort index (see inWithoutIndex).
   */
  const keyIn = (column: string, ids: number[], dense: boolean, probe = false): Expression<SqlBool> => {
    if (dense) return inWithoutIndex(kind, column, ids);
    return ids.length === 1 ? sql<SqlBool>`${sql.ref(column)} = ${ids[0]!}` : idIn(kind, column, ids, probe);
  };

  async function filters(q: Partial<AssetListQuery>) {
    /** The search's own plan and the related people, departments and locations it names. */
    let search: {
      own: Expression<SqlBool> | null;
      matches: number | null;
      people: number[];
      departments: number[];
      locations: number[];
    } | null = null;
    if (q.q) {
      const plan = await planSearch(db, 'assets', q.q);
      const [people, departments, locations] = await Promise.all([
        relatedIds('people', q.q),
        relatedIds('departments', q.q),
        relatedIds('locations', q.q),
      ]);
      // A term no asset's own text holds adds nothing to the OR (and PostgreSQL misjudges it there).
      search = { own: plan.matches === 0 ? null : plan.condition, matches: plan.matches, people, departments, locations };
    }
    const related = (dense: boolean): Expression<SqlBool> | null => {
      if (!search) return null;
      const others: Expression<SqlBool>[] = [];
      // Probed: a person holds a handful of assets, so PostgreSQL should fetch them and sort,
      // not walk the whole sort index looking for them (王秀英: 152 assets, 9.5 → 1 ms).
      if (search.people.length) others.push(keyIn('assets.holder_person_id', search.people, dense, true));
      if (search.departments.length) others.push(keyIn('assets.department_id', search.departments, dense));
      if (search.locations.length) others.push(keyIn('assets.location_id', search.locations, dense));
      return others.length ? sql<SqlBool>`(${sql.join(others, sql` or `)})` : null;
    };
    const searchCondition = (dense: boolean): Expression<SqlBool> | null => {
      if (!search) return null;
      const any = [search.own, related(dense)].filter((c): c is Expression<SqlBool> => c !== null);
      return any.length === 0 ? sql<SqlBool>`1 = 0` : any.length === 1 ? any[0]! : sql<SqlBool>`(${sql.join(any, sql` or `)})`;
    };
    const subtree = q.subtree !== false;
    const categories = q.categoryId ? (subtree ? await categoryTree(db, q.categoryId) : [q.categoryId]) : null;
    const locations = q.locationId ? (subtree ? await orgLookups.subtreeIds(db, 'locations', q.locationId) : [q.locationId]) : null;
    const departments = q.departmentId
      ? subtree
        ? await orgLookups.subtreeIds(db, 'departments', q.departmentId)
        : [q.departmentId]
      : null;
    const defaultStatus = !q.status?.length && !q.includeDisposed && !q.q && !q.ids;
    const onlySearch =
      !!q.q &&
      !q.status?.length &&
      !categories &&
      !locations &&
      !departments &&
      !q.holderPersonId &&
      !q.ids &&
      !q.brand &&
      !q.model &&
      !q.supplier &&
      !q.purchaseFrom &&
      !q.purchaseTo &&
      !q.warrantyFrom &&
      !q.warrantyTo &&
      q.priceMin === undefined &&
      q.priceMax === undefined &&
      q.hasIp === undefined &&
      !Object.keys(q.custom ?? {}).length;

    const where = (dense: boolean) => (eb: ExpressionBuilder<Database, 'assets'>) => {
      const all: Expression<SqlBool>[] = [];
      const found = searchCondition(dense);
      if (found) all.push(found);
      if (q.status?.length) all.push(dense ? inWithoutIndex(kind, 'assets.status', q.status) : eb('assets.status', 'in', q.status));
      else if (defaultStatus) all.push(eb('assets.status', '!=', 'disposed'));
      if (categories) all.push(keyIn('assets.category_id', categories, dense));
      if (locations) all.push(keyIn('assets.location_id', locations, dense));
      if (departments) all.push(keyIn('assets.department_id', departments, dense));
      if (q.holderPersonId) all.push(eb('assets.holder_person_id', '=', q.holderPersonId));
      if (q.ids) all.push(idIn(kind, 'assets.id', q.ids, true));
      const contains = (column: 'assets.brand' | 'assets.model' | 'assets.supplier', value: string) =>
        sql<SqlBool>`lower(${sql.ref(column)}) like ${likePattern(normaliseSearch(value))} escape '\\'`;
      if (q.brand) all.push(contains('assets.brand', q.brand));
      if (q.model) all.push(contains('assets.model', q.model));
      if (q.supplier) all.push(contains('assets.supplier', q.supplier));
      if (q.purchaseFrom) all.push(eb('assets.purchase_date', '>=', q.purchaseFrom));
      if (q.purchaseTo) all.push(eb('assets.purchase_date', '<=', q.purchaseTo));
      if (q.warrantyFrom) all.push(eb('assets.warranty_end', '>=', q.warrantyFrom));
      if (q.warrantyTo) all.push(eb('assets.warranty_end', '<=', q.warrantyTo));
      if (q.priceMin !== undefined) all.push(eb('assets.price_fen', '>=', q.priceMin));
      if (q.priceMax !== undefined) all.push(eb('assets.price_fen', '<=', q.priceMax));
      if (q.hasIp !== undefined) all.push(eb('assets.ip', q.hasIp ? '!=' : '=', ''));
      for (const [key, want] of Object.entries(q.custom ?? {})) {
        if (typeof want === 'string') {
          all.push(sql<SqlBool>`lower(${jsonText(kind, 'assets.custom', key)}) like ${likePattern(normaliseSearch(want))} escape '\\'`);
        } else if (Array.isArray(want)) {
          const text = jsonText(kind, 'assets.custom', key);
          const one = want.map((w) => sql<SqlBool>`(${text} = ${w} or ${text} like ${likePattern(JSON.stringify(w))} escape '\\')`);
          all.push(sql<SqlBool>`(${sql.join(one, sql` or `)})`);
        } else {
          const n = jsonNumber(kind, 'assets.custom', key);
          if (want.min !== undefined) all.push(sql<SqlBool>`${n} >= ${want.min}`);
          if (want.max !== undefined) all.push(sql<SqlBool>`${n} <= ${want.max}`);
        }
      }
      return eb.and(all);
    };
    /**
     * The total without scanning the table where indexes know it: a search alone is its index's
     * match count plus the related rows its text does not already match (found by key indexes).
     */
    async function total(): Promise<number | null> {
      if (!onlySearch || !search || search.matches === null) return null;
      const others = related(false);
      if (!others) return search.matches;
      const own = search.own;
      const extra = await db
        .selectFrom('assets')
        .where(() => (own ? sql<SqlBool>`${others} and not ${own}` : others))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return (own ? search.matches : 0) + Number(extra.n);
    }
    return { where, total };
  }

  /** Ids of a category and all below it, from the tree alone (no per-category counts). */
  async function categoryTree(trx: Kysely<Database>, rootId: number): Promise<number[]> {
    const rows = await trx.selectFrom('asset_categories').select(['id', 'parent_id']).execute();
    const out = [rootId];
    for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parent_id === out[i]) out.push(r.id);
    return out;
  }

  return {
    async list(q: AssetListQuery): Promise<{ rows: AssetRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const { where, total: known } = await filters(q);
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('assets')
              .where(where(false))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      // The count first (covering indexes make it cheap): it tells whether the filters are dense.
      const total = (await known()) ?? (await count());
      const dense = isDensePage(total, { limit, offset });
      const page = <T extends { orderBy: (...a: any[]) => T }>(query: T): T =>
        query.orderBy(SORT[q.sort], q.order).orderBy('assets.id', q.order);
      // The page's ids first, from the narrowest query (on further pages the sort index alone,
      // which covers the status filter too), then only those rows with their names.
      const ids = (
        await page(db.selectFrom('assets').select('assets.id').where(where(dense)))
          .limit(limit)
          .offset(offset)
          .execute()
      ).map((r) => r.id);
      const rows = ids.length ? await page(withNames().where(idIn(kind, 'assets.id', ids, true))).execute() : [];
      return { rows, total };
    },

    /** Every matching row in id order, in chunks (exports, label sheets, stocktake snapshots). */
    async *stream(q: Partial<AssetListQuery>, chunk = 2000): AsyncGenerator<AssetRow> {
      const { where } = await filters(q);
      let lastId = 0;
      for (;;) {
        const rows = await withNames().where(where(false)).where('assets.id', '>', lastId).orderBy('assets.id').limit(chunk).execute();
        yield* rows;
        if (rows.length < chunk) return;
        lastId = rows[rows.length - 1]!.id;
      }
    },

    byId: (id: number) => withNames().where('assets.id', '=', id).executeTakeFirst(),
    byNumber: (number: string) => withNames().where('assets.number', '=', number).executeTakeFirst(),
    idByNumber: (number: string) => db.selectFrom('assets').select(['id', 'status']).where('number', '=', number).executeTakeFirst(),
    idBySerial: (serial: string) => db.selectFrom('assets').select(['id', 'number']).where('serial', '=', serial).executeTakeFirst(),
    byIds: (ids: number[]) =>
      ids.length
        ? withNames()
            .where(idIn(kind, 'assets.id', ids, true))
            .execute()
        : Promise.resolve([]),

    async insert(row: Insertable<AssetsTable>, custom: Record<string, string | number | string[] | null>): Promise<number> {
      const { id } = await db
        .insertInto('assets')
        .values({ ...row, name_sort: sortKey(row.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeSearchIndex(db, 'assets', id, assetSearchText(row as SearchFields, custom));
      return id;
    },
    async update(
      id: number,
      set: Updateable<AssetsTable>,
      after: SearchFields,
      custom: Record<string, string | number | string[] | null>,
    ): Promise<void> {
      await db
        .updateTable('assets')
        .set({ ...set, name_sort: sortKey(after.name) })
        .where('id', '=', id)
        .execute();
      await writeSearchIndex(db, 'assets', id, assetSearchText(after, custom));
    },
    async remove(id: number): Promise<void> {
      await removeSearchIndex(db, 'assets', id);
      await db.deleteFrom('asset_history').where('asset_id', '=', id).execute();
      await db.deleteFrom('assets').where('id', '=', id).execute();
    },

    /** Active assets whose warranty or life ends within the window (today ≤ date ≤ until). */
    async expiring(column: 'warranty_end' | 'eol_date', today: string, until: string, page: { page: number; pageSize: number }) {
      const { limit, offset } = pageWindow(page);
      const where = (eb: ExpressionBuilder<Database, 'assets'>) =>
        eb.and([
          eb(`assets.${column}`, '>=', today),
          eb(`assets.${column}`, '<=', until),
          eb('assets.status', 'not in', ['retired', 'disposed']),
        ]);
      const rows = await withNames().where(where).orderBy(`assets.${column}`).orderBy('assets.id').limit(limit).offset(offset).execute();
      const { n } = await db
        .selectFrom('assets')
        .where(where)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },
  };
}
export type AssetsRepository = ReturnType<typeof createAssetsRepository>;
