// The technicians' filter "waiting for a leader's decision" (any leader) and its count: few
// tickets ever wait, so a partial index holding only those rows serves both without reading the
// table. The queries compare with the same literal, which lets both databases choose it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index tickets_needs_leader on tickets (created_at, id) where needs_leader = 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
