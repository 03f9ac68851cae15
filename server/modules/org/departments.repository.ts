// Every query of the departments table (and its search index).
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { z } from 'zod';
import type { departmentListQuery } from '../../../shared/contracts/org.js';
import type { Database } from '../../db/database.js';
import { planSearch, removeSearchIndex, writeSearchIndex } from '../../db/dialect.js';
import { pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { DepartmentsTable } from './org.tables.js';

export type DepartmentRow = Selectable<DepartmentsTable> & {
  parent_name: string | null;
  head_person_name: string | null;
  people_count: number;
};
export type DepartmentListQuery = z.infer<typeof departmentListQuery>;

const SORT = {
  name: 'd.name_sort',
  code: 'd.code',
  sortOrder: 'd.sort_order',
  createdAt: 'd.created_at',
  updatedAt: 'd.updated_at',
} as const;

const searchText = (d: Pick<DepartmentsTable, 'name' | 'code' | 'notes'>) => [d.name, d.code ?? '', d.notes].join(' ');

export function createDepartmentsRepository(db: Kysely<Database>) {
  const detailed = () =>
    db
      .selectFrom('departments as d')
      .leftJoin('departments as p', 'p.id', 'd.parent_id')
      .leftJoin('people as h', 'h.id', 'd.head_person_id')
      .selectAll('d')
      .select((eb) => [
        'p.name as parent_name',
        'h.name as head_person_name',
        eb
          .selectFrom('people')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('people.department_id', '=', 'd.id')
          .as('people_count'),
      ]);

  return {
    async list(q: DepartmentListQuery): Promise<{ rows: DepartmentRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const search = q.q ? await planSearch(db, 'departments', q.q, 'd') : null;
      let base = db.selectFrom('departments as d');
      if (search) base = base.where(search.condition);
      if (q.parentId) base = base.where('d.parent_id', '=', q.parentId);
      let rowsQ = detailed();
      if (search) rowsQ = rowsQ.where(search.condition);
      if (q.parentId) rowsQ = rowsQ.where('d.parent_id', '=', q.parentId);
      const [rows, count] = await Promise.all([
        rowsQ.orderBy(SORT[q.sort], q.order).orderBy('d.name_sort').orderBy('d.id').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows as DepartmentRow[], total: Number(count.n) };
    },
    byId: async (id: number) => (await detailed().where('d.id', '=', id).executeTakeFirst()) as DepartmentRow | undefined,
    exists: async (id: number) => !!(await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst()),
    byCode: (code: string) => db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst(),
    tree: () =>
      db
        .selectFrom('departments')
        .select(['id', 'name', 'parent_id', 'code'])
        .orderBy('sort_order')
        .orderBy('name_sort')
        .orderBy('id')
        .execute(),
    all: () => db.selectFrom('departments').select(['id', 'name', 'parent_id', 'code']).execute(),
    forExport: () =>
      db
        .selectFrom('departments as d')
        .leftJoin('people as h', 'h.id', 'd.head_person_id')
        .select(['d.id', 'd.name', 'd.code', 'd.parent_id', 'd.sort_order', 'd.notes', 'h.number as head_number'])
        .execute(),
    /** Every ancestor id of a department, nearest first. */
    async ancestors(id: number): Promise<number[]> {
      const out: number[] = [];
      let current: number | null = id;
      while (current !== null && out.length < 1000) {
        const row: { parent_id: number | null } | undefined = await db
          .selectFrom('departments')
          .select('parent_id')
          .where('id', '=', current)
          .executeTakeFirst();
        current = row?.parent_id ?? null;
        if (current !== null) out.push(current);
      }
      return out;
    },
    async insert(row: Insertable<DepartmentsTable>): Promise<number> {
      const { id } = await db
        .insertInto('departments')
        .values({ ...row, name_sort: sortKey(row.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeSearchIndex(db, 'departments', id, searchText(row as DepartmentsTable));
      return id;
    },
    async update(id: number, patch: Updateable<DepartmentsTable>, after: Pick<DepartmentsTable, 'name' | 'code' | 'notes'>): Promise<void> {
      await db
        .updateTable('departments')
        .set({ ...patch, name_sort: sortKey(after.name) })
        .where('id', '=', id)
        .execute();
      await writeSearchIndex(db, 'departments', id, searchText(after));
    },
    async remove(id: number): Promise<void> {
      await removeSearchIndex(db, 'departments', id);
      await db.deleteFrom('departments').where('id', '=', id).execute();
    },
  };
}
