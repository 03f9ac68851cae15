// The tickets list's big numbers without counting rows. An exact count over most of 200,000
// tickets (all of them, every closed one) reads the whole index each time; the number of tickets
// in each state is instead kept in ticket_state_counts by the repository, in the same transaction
// as the change (decision 0010). Two indexes for lists that otherwise walked past every closed
// ticket: open tickets by resolution due, and a category's tickets by state.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_state_counts')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into ticket_state_counts (state, n) select state, count(*) from tickets group by state`.execute(db);
  // Literal, like the queries' own condition, so both databases choose it.
  await sql`create index tickets_open_due on tickets (resolution_due_at, id) where state in ('new', 'assigned', 'in_progress', 'waiting')`.execute(
    db,
  );
  await db.schema.dropIndex('tickets_category').execute();
  await db.schema.createIndex('tickets_category_state').on('tickets').columns(['category', 'state', 'created_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
