// Names sort by pinyin: a name_sort key beside every directory name, filled here for existing
// rows and kept by the repositories on every write; the name indexes move onto it.
import type { Kysely } from 'kysely';
import { sortKey } from '../../core/sort-key.js';

const TABLES = ['people', 'departments', 'locations'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('name_sort', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    for (let lastId = 0; ;) {
      const rows = await db.selectFrom(table).select(['id', 'name']).where('id', '>', lastId).orderBy('id').limit(1000).execute();
      for (const r of rows)
        await db
          .updateTable(table)
          .set({ name_sort: sortKey(r.name) })
          .where('id', '=', r.id)
          .execute();
      if (rows.length < 1000) break;
      lastId = rows[rows.length - 1]!.id;
    }
  }
  await db.schema.dropIndex('people_name').execute();
  await db.schema.dropIndex('people_department').execute();
  await db.schema.dropIndex('people_department_status').execute();
  await db.schema.dropIndex('people_status').execute();
  await db.schema.createIndex('people_name_sort').on('people').columns(['name_sort', 'id']).execute();
  await db.schema.createIndex('people_department_sort').on('people').columns(['department_id', 'name_sort', 'id']).execute();
  await db.schema.createIndex('people_department_status').on('people').columns(['department_id', 'status', 'name_sort']).execute();
  await db.schema.createIndex('people_status').on('people').columns(['status', 'name_sort', 'id']).execute();
  await db.schema.dropIndex('departments_parent').execute();
  await db.schema.createIndex('departments_parent').on('departments').columns(['parent_id', 'sort_order', 'name_sort']).execute();
  await db.schema.dropIndex('locations_parent').execute();
  await db.schema.createIndex('locations_parent').on('locations').columns(['parent_id', 'sort_order', 'name_sort']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
