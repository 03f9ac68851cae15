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
import { pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { Database } from '../../db/database.js';
import {
  dialectOf,
  idIn,
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
import { categorySubtree, loadCategories } from './categories.service.js';
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
      .innerJoin('asset_categories', 'asset_categories.id', 'assets.category_id')
      .leftJoin('locations', 'locations.id', 'assets.location_id')
      .leftJoin('departments', 'departments.id', 'assets.department_id')
      .leftJoin('people', 'people.id', 'assets.holder_person_id')
      .selectAll('assets')
      .select([
        'asset_categories.name as category_name',
        'locations.name as location_name',
        'departments.name as department_name',
        'people.name as holder_name',
      ]);

  async function relatedIds(table: 'people' | 'departments' | 'locations', term: string): Promise<number[]> {
    const plan = await planSearch(db, table, term);
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where(() => plan.condition)
      .limit(RELATED_CAP)
      .execute();
    return rows.map((r) => r.id);
  }

  async function filters(q: Partial<AssetListQuery>) {
    let search: Expression<SqlBool> | null = null;
    if (q.q) {
      const own = await planSearch(db, 'assets', q.q);
      const [people, departments, locations] = await Promise.all([
        relatedIds('people', q.q),
        relatedIds('departments', q.q),
        relatedIds('locations', q.q),
      ]);
      const any: Expression<SqlBool>[] = [own.condition];
      if (people.length) any.push(idIn(kind, 'assets.holder_person_id', people));
      if (departments.length) any.push(idIn(kind, 'assets.department_id', departments));
      if (locations.length) any.push(idIn(kind, 'assets.location_id', locations));
      search = any.length === 1 ? own.condition : sql<SqlBool>`(${sql.join(any, sql` or `)})`;
    }
    const subtree = q.subtree !== false;
    const categories = q.categoryId ? (subtree ? categorySubtree(await loadCategories(db), q.categoryId) : [q.categoryId]) : null;
    const locations = q.locationId ? (subtree ? await orgLookups.subtreeIds(db, 'locations', q.locationId) : [q.locationId]) : null;
    const departments = q.departmentId
      ? subtree
        ? await orgLookups.subtreeIds(db, 'departments', q.departmentId)
        : [q.departmentId]
      : null;

    return (eb: ExpressionBuilder<Database, 'assets'>) => {
      const all: Expression<SqlBool>[] = [];
      if (search) all.push(search);
      if (q.status?.length) all.push(eb('assets.status', 'in', q.status));
      else if (!q.includeDisposed && !q.q && !q.ids) all.push(eb('assets.status', '!=', 'disposed'));
      if (categories)
        all.push(categories.length === 1 ? eb('assets.category_id', '=', categories[0]!) : idIn(kind, 'assets.category_id', categories));
      if (locations)
        all.push(locations.length === 1 ? eb('assets.location_id', '=', locations[0]!) : idIn(kind, 'assets.location_id', locations));
      if (departments)
        all.push(
          departments.length === 1 ? eb('assets.department_id', '=', departments[0]!) : idIn(kind, 'assets.department_id', departments),
        );
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
          // Any of the choices: equal for single choice, contained for multiple choice.
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
  }

  return {
    async list(q: AssetListQuery): Promise<{ rows: AssetRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const where = await filters(q);
      const rows = await withNames()
        .where(where)
        .orderBy(SORT[q.sort], q.order)
        .orderBy('assets.id', q.order)
        .limit(limit)
        .offset(offset)
        .execute();
      // A short first page is its own count.
      const total =
        q.page === 1 && rows.length < limit
          ? rows.length
          : Number(
              (
                await db
                  .selectFrom('assets')
                  .where(where)
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            );
      return { rows, total };
    },

    /** Every matching row in id order, in chunks (exports, label sheets, stocktake snapshots). */
    async *stream(q: Partial<AssetListQuery>, chunk = 2000): AsyncGenerator<AssetRow> {
      const where = await filters(q);
      let lastId = 0;
      for (;;) {
        const rows = await withNames().where(where).where('assets.id', '>', lastId).orderBy('assets.id').limit(chunk).execute();
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
