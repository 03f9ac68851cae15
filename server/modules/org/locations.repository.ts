// Every query of the locations table (and its search index).
import type { Expression, ExpressionBuilder, Insertable, Kysely, Selectable, SqlBool, Updateable } from 'kysely';
import type { z } from 'zod';
import type { locationListQuery } from '../../../shared/contracts/org.js';
import type { Database } from '../../db/database.js';
import { planSearch, removeSearchIndex, writeSearchIndex } from '../../db/dialect.js';
import { pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { LocationsTable } from './org.tables.js';

export type LocationRow = Selectable<LocationsTable> & { parent_name: string | null };
export type LocationListQuery = z.infer<typeof locationListQuery>;

const SORT = {
  name: 'l.name_sort',
  code: 'l.code',
  kind: 'l.kind',
  sortOrder: 'l.sort_order',
  createdAt: 'l.created_at',
  updatedAt: 'l.updated_at',
} as const;

const searchText = (l: Pick<LocationsTable, 'name' | 'code' | 'notes'>) => [l.name, l.code ?? '', l.notes].join(' ');

export function createLocationsRepository(db: Kysely<Database>) {
  const detailed = () =>
    db.selectFrom('locations as l').leftJoin('locations as p', 'p.id', 'l.parent_id').selectAll('l').select('p.name as parent_name');

  async function filter(q: Partial<LocationListQuery>) {
    const search = q.q ? await planSearch(db, 'locations', q.q, 'l') : null;
    return (eb: ExpressionBuilder<Database & { l: LocationsTable }, 'l'>) => {
      const all: Expression<SqlBool>[] = [];
      if (search) all.push(search.condition);
      if (q.parentId) all.push(eb('l.parent_id', '=', q.parentId));
      if (q.kind) all.push(eb('l.kind', '=', q.kind));
      return eb.and(all);
    };
  }

  return {
    async list(q: LocationListQuery): Promise<{ rows: LocationRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const where = await filter(q);
      const [rows, count] = await Promise.all([
        detailed().where(where).orderBy(SORT[q.sort], q.order).orderBy('l.name_sort').orderBy('l.id').limit(limit).offset(offset).execute(),
        db
          .selectFrom('locations as l')
          .where(where)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    byId: (id: number) => detailed().where('l.id', '=', id).executeTakeFirst(),
    exists: async (id: number) => !!(await db.selectFrom('locations').select('id').where('id', '=', id).executeTakeFirst()),
    byCode: (code: string) => db.selectFrom('locations').select('id').where('code', '=', code).executeTakeFirst(),
    tree: () =>
      db
        .selectFrom('locations')
        .select(['id', 'name', 'parent_id', 'code', 'kind'])
        .orderBy('sort_order')
        .orderBy('name_sort')
        .orderBy('id')
        .execute(),
    async insert(row: Insertable<LocationsTable>): Promise<number> {
      const { id } = await db
        .insertInto('locations')
        .values({ ...row, name_sort: sortKey(row.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeSearchIndex(db, 'locations', id, searchText(row as LocationsTable));
      return id;
    },
    async update(id: number, patch: Updateable<LocationsTable>, after: Pick<LocationsTable, 'name' | 'code' | 'notes'>): Promise<void> {
      await db
        .updateTable('locations')
        .set({ ...patch, name_sort: sortKey(after.name) })
        .where('id', '=', id)
        .execute();
      await writeSearchIndex(db, 'locations', id, searchText(after));
    },
    async remove(id: number): Promise<void> {
      await removeSearchIndex(db, 'locations', id);
      await db.deleteFrom('locations').where('id', '=', id).execute();
    },
  };
}
