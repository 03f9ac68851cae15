// Every query of the people table (and its search index).
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { personListQuery } from '../../../shared/contracts/org.js';
import type { Database } from '../../db/database.js';
import { dialectOf, removeSearchIndex, searchCondition, writeSearchIndex } from '../../db/dialect.js';
import { pageWindow } from '../../core/listing.js';
import type { PeopleTable } from './org.tables.js';

export type PersonRow = Selectable<PeopleTable> & { department_name: string | null };
export type PersonListQuery = z.infer<typeof personListQuery>;

const SORT = {
  name: 'people.name',
  number: 'people.number',
  department: 'departments.name',
  status: 'people.status',
  position: 'people.position',
  createdAt: 'people.created_at',
  updatedAt: 'people.updated_at',
} as const;

export function personSearchText(p: Pick<PeopleTable, 'name' | 'number' | 'phone' | 'email' | 'position' | 'notes'>): string {
  return [p.name, p.number ?? '', p.phone, p.email, p.position, p.notes].join(' ');
}

/** Ids of a department and all departments below it, as a subquery. */
export function departmentSubtree(rootId: number) {
  return sql<number>`(with recursive sub(id) as (select cast(${rootId} as integer) union all select d.id from departments d join sub on d.parent_id = sub.id) select id from sub)`;
}

export function createPeopleRepository(db: Kysely<Database>) {
  const kind = dialectOf(db);
  const withDepartment = () =>
    db
      .selectFrom('people')
      .leftJoin('departments', 'departments.id', 'people.department_id')
      .selectAll('people')
      .select('departments.name as department_name');

  function filtered(q: Partial<PersonListQuery>) {
    let base = db.selectFrom('people').leftJoin('departments', 'departments.id', 'people.department_id');
    if (q.q) base = base.where(searchCondition(kind, 'people', q.q));
    if (q.status) base = base.where('people.status', '=', q.status);
    if (q.kind) base = base.where('people.kind', '=', q.kind);
    if (q.departmentId) {
      base = q.subtree === false
        ? base.where('people.department_id', '=', q.departmentId)
        : base.where('people.department_id', 'in', departmentSubtree(q.departmentId));
    }
    return base;
  }

  return {
    async list(q: PersonListQuery): Promise<{ rows: PersonRow[]; total: number }> {
      const { limit, offset } = pageWindow(q);
      const base = filtered(q);
      const [rows, count] = await Promise.all([
        base
          .selectAll('people')
          .select('departments.name as department_name')
          .orderBy(SORT[q.sort], q.order)
          .orderBy('people.id', q.order)
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    /** Every matching row in list order, in chunks (exports). */
    async *stream(q: Partial<PersonListQuery>, chunk = 2000): AsyncGenerator<PersonRow> {
      let lastId = 0;
      for (;;) {
        const rows = await filtered(q)
          .selectAll('people')
          .select('departments.name as department_name')
          .where('people.id', '>', lastId)
          .orderBy('people.id')
          .limit(chunk)
          .execute();
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
      const { id } = await db.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow();
      await writeSearchIndex(db, 'people', id, personSearchText(row as PeopleTable));
      return id;
    },
    async update(id: number, patch: Updateable<PeopleTable>, after: Parameters<typeof personSearchText>[0]): Promise<void> {
      await db.updateTable('people').set(patch).where('id', '=', id).execute();
      await writeSearchIndex(db, 'people', id, personSearchText(after));
    },
    async remove(id: number): Promise<void> {
      await removeSearchIndex(db, 'people', id);
      await db.deleteFrom('people').where('id', '=', id).execute();
    },
  };
}
