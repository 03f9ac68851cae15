// Every query of the vendors and vendor_kinds tables (and the vendors' search index).
import type { Expression, ExpressionBuilder, Insertable, Kysely, Selectable, SqlBool, Updateable } from 'kysely';
import type { z } from 'zod';
import type { vendorListQuery } from '../../../shared/contracts/vendors.js';
import { pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { Database } from '../../db/database.js';
import { normaliseSearch, planSearch, removeSearchIndex, writeSearchIndex } from '../../db/dialect.js';
import type { VendorsTable } from './org.tables.js';

export type VendorRow = Selectable<VendorsTable> & { kinds: string[] };
export type VendorListQuery = z.output<typeof vendorListQuery>;
type VendorWrite = Omit<Insertable<VendorsTable>, 'name_key' | 'name_sort' | 'search_text'>;
type Searchable = Pick<VendorsTable, 'name' | 'contact' | 'phone' | 'email' | 'address' | 'website' | 'service_notes'>;

const SORT = { name: 'v.name_sort', createdAt: 'v.created_at', updatedAt: 'v.updated_at' } as const;

/** What makes two names the same vendor: what search makes of them (width, case, spaces). */
export const nameKey = (name: string) => normaliseSearch(name);

const searchText = (v: Searchable, kinds: string[]) =>
  [v.name, kinds.join(' '), v.contact, v.phone, v.email, v.address, v.website, v.service_notes].join(' ');

export function createVendorsRepository(db: Kysely<Database>) {
  async function filter(q: Partial<VendorListQuery>) {
    const search = q.q ? await planSearch(db, 'vendors', q.q, 'v') : null;
    return (eb: ExpressionBuilder<Database & { v: VendorsTable }, 'v'>) => {
      const all: Expression<SqlBool>[] = [];
      if (search) all.push(search.condition);
      if (q.active !== undefined) all.push(eb('v.active', '=', q.active ? 1 : 0));
      if (q.kind) all.push(eb('v.id', 'in', eb.selectFrom('vendor_kinds').select('vendor_id').where('kind', '=', q.kind)));
      return eb.and(all);
    };
  }

  async function withKinds(rows: Selectable<VendorsTable>[]): Promise<VendorRow[]> {
    if (!rows.length) return [];
    const tags = await db
      .selectFrom('vendor_kinds')
      .select(['vendor_id', 'kind'])
      .where(
        'vendor_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('vendor_id')
      .orderBy('sort_order')
      .execute();
    const byVendor = new Map<number, string[]>();
    for (const t of tags) byVendor.set(t.vendor_id, [...(byVendor.get(t.vendor_id) ?? []), t.kind]);
    return rows.map((r) => ({ ...r, kinds: byVendor.get(r.id) ?? [] }));
  }

  async function writeKinds(id: number, kinds: string[]): Promise<void> {
    await db.deleteFrom('vendor_kinds').where('vendor_id', '=', id).execute();
    if (kinds.length)
      await db
        .insertInto('vendor_kinds')
        .values(kinds.map((kind, i) => ({ vendor_id: id, kind, sort_order: i })))
        .execute();
  }

  return {
    async list(q: VendorListQuery): Promise<{ rows: VendorRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const where = await filter(q);
      const [rows, count] = await Promise.all([
        db
          .selectFrom('vendors as v')
          .selectAll('v')
          .where(where)
          .orderBy(SORT[q.sort], q.order)
          .orderBy('v.name_sort')
          .orderBy('v.id')
          .limit(limit)
          .offset(offset)
          .execute(),
        db
          .selectFrom('vendors as v')
          .where(where)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows: await withKinds(rows), total: Number(count.n) };
    },
    async byId(id: number): Promise<VendorRow | undefined> {
      const row = await db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await withKinds([row]))[0] : undefined;
    },
    /** Another active vendor with the same name, if any. */
    activeNamed: (name: string, exceptId: number | null) =>
      db
        .selectFrom('vendors')
        .select('id')
        .where('name_key', '=', nameKey(name))
        .where('active', '=', 1)
        .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
        .executeTakeFirst(),
    kindsInUse: () =>
      db
        .selectFrom('vendor_kinds')
        .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
        .groupBy('kind')
        .orderBy('kind')
        .execute(),
    async insert(row: VendorWrite, kinds: string[]): Promise<number> {
      const { id } = await db
        .insertInto('vendors')
        .values({ ...row, name_key: nameKey(row.name), name_sort: sortKey(row.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeKinds(id, kinds);
      await writeSearchIndex(db, 'vendors', id, searchText(row, kinds));
      return id;
    },
    async update(id: number, next: Updateable<VendorsTable> & Searchable, kinds: string[]): Promise<void> {
      await db
        .updateTable('vendors')
        .set({ ...next, name_key: nameKey(next.name), name_sort: sortKey(next.name) })
        .where('id', '=', id)
        .execute();
      await writeKinds(id, kinds);
      await writeSearchIndex(db, 'vendors', id, searchText(next, kinds));
    },
    async remove(id: number): Promise<void> {
      await removeSearchIndex(db, 'vendors', id);
      await db.deleteFrom('vendor_kinds').where('vendor_id', '=', id).execute();
      await db.deleteFrom('vendors').where('id', '=', id).execute();
    },
  };
}
