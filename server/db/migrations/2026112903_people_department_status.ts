// Lists filter by department subtree and status together; without this index SQLite counts them
// by walking every active person.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('people_department_status').on('people').columns(['department_id', 'status', 'name']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
