// Every query of the people table (and its search index).
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
import type { z } from 'zod';
import type { personListQuery } from '../../../shared/contracts/org.js';
import type { Database } from '../../db/database.js';
import { dialectOf, idIn, planSearch, removeSearchIndex, writeSearchIndex } from '../../db/dialect.js';
import { pageWindow } from '../../core/listing.js';
import { sortKey } from '../../core/sort-key.js';
import type { PeopleTable } from './org.tables.js';

export type PersonRow = Selectable<PeopleTable> & { department_name: string | null };
export type PersonListQuery = z.infer<typeof personListQuery>;

const SORT = {
  name: 'people.name_sort',
  number: 'people.number',
  department: 'departments.name_sort',
  status: 'people.status',
  position: 'people.position',
  createdAt: 'people.created_at',
  updatedAt: 'people.updated_at',
} as const;

export function personSearchText(p: Pick<PeopleTable, 'name' | 'number' | 'phone' | 'email' | 'position' | 'notes'>): string {
  return [p.name, p.number ?? '', p.phone, p.email, p.position, p.notes].join(' ');
}

/** Ids of a department and every department below it. */
export async function departmentSubtreeIds(db: Kysely<Database>, rootId: number): Promise<number[]> {
  const rows = await sql<{
    id: number;
  }>`with recursive sub(id) as (select cast(${rootId} as integer) union all select d.id from departments d join sub on d.parent_id = sub.id) select id from sub`.execute(
    db,
  );
  return rows.rows.map((r) => Number(r.id));
}

export function createPeopleRepository(db: Kysely<Database>) {
  const kind = dialectOf(db);
  const withDepartment = () =>
    db
      .selectFrom('people')
      .leftJoin('departments', 'departments.id', 'people.department_id')
      .selectAll('people')
      .select('departments.name as department_name');

  /**
   * The list's filters as conditions on people. The search and the department subtree are
   * resolved to id lists first: planners misjudge recursive and full-text subqueries badly.
   */
  async function filters(q: Partial<PersonListQuery>) {
    const search = q.q ? await planSearch(db, 'people', q.q) : null;
    const departments = q.departmentId ? (q.subtree === false ? [q.departmentId] : await departmentSubtreeIds(db, q.departmentId)) : null;
    const where = (eb: ExpressionBuilder<Database, 'people'>) => {
      const all: Expression<SqlBool>[] = [];
      if (search) all.push(search.condition);
      if (q.status) all.push(eb('people.status', '=', q.status));
      if (q.kind) all.push(eb('people.kind', '=', q.kind));
      if (departments) all.push(idIn(kind, 'people.department_id', departments));
      return eb.and(all);
    };
    // With nothing but a search, its own match count is the total.
    const knownTotal = search && !q.status && !q.kind && !departments ? search.matches : null;
    return { where, knownTotal };
  }

  return {
    async list(q: PersonListQuery): Promise<{ rows: PersonRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const { where, knownTotal } = await filters(q);
      const rows = await withDepartment()
        .where(where)
        .orderBy(SORT[q.sort], q.order)
        .orderBy('people.id', q.order)
        .limit(limit)
        .offset(offset)
        .execute();
      const total =
        knownTotal ??
        Number(
          (
            await db
              .selectFrom('people')
              .where(where)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { rows, total };
    },

    /** Every matching row in list order, in chunks (exports). */
    async *stream(q: Partial<PersonListQuery>, chunk = 2000): AsyncGenerator<PersonRow> {
      const { where } = await filters(q);
      let lastId = 0;
      for (;;) {
        const rows = await withDepartment().where(where).where('people.id', '>', lastId).orderBy('people.id').limit(chunk).execute();
        yield* rows;
        if (rows.length < chunk) return;
        lastId = rows[rows.length - 1]!.id;
      }
    },

    byId: (id: number) => withDepartment().where('people.id', '=', id).executeTakeFirst(),
    byNumber: (number: string) => db.selectFrom('people').selectAll().where('number', '=', number).executeTakeFirst(),
    byNumbers: (numbers: string[]) =>
      numbers.length ? db.selectFrom('people').select(['id', 'number']).where('number', 'in', numbers).execute() : Promise.resolve([]),
    exists: async (id: number) => !!(await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()),
    namesOf: (ids: number[]) =>
      ids.length ? db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([]),

    async insert(row: Insertable<PeopleTable>): Promise<number> {
      const { id } = await db
        .insertInto('people')
        .values({ ...row, name_sort: sortKey(row.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeSearchIndex(db, 'people', id, personSearchText(row as PeopleTable));
      return id;
    },
    async update(id: number, patch: Updateable<PeopleTable>, after: Parameters<typeof personSearchText>[0]): Promise<void> {
      await db
        .updateTable('people')
        .set({ ...patch, name_sort: sortKey(after.name) })
        .where('id', '=', id)
        .execute();
      await writeSearchIndex(db, 'people', id, personSearchText(after));
    },
    async remove(id: number): Promise<void> {
      await removeSearchIndex(db, 'people', id);
      await db.deleteFrom('people').where('id', '=', id).execute();
    },
  };
}
