// PostgreSQL only: 3+-character search moves from a trigram index on each wide table to a narrow
// side table <table>_fts (id, body) with the index (decision 0009). Tables created before this
// change get the side table, filled from search_text, and lose the old index; tables created
// after it already have one. SQLite's FTS5 tables were already side tables: nothing to do.
import { sql, type Kysely } from 'kysely';
import { createPostgresSearchBodies, dialectOf, rebuildSearchBodies } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return;
  // Every searchable table has a <table>_grams companion.
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_name like '%\\_grams' escape '\\'`.execute(db);
  for (const grams of rows.rows.map((r) => r.name).sort()) {
    const table = grams.replace(/_grams$/, '');
    await createPostgresSearchBodies(db, table);
    await rebuildSearchBodies(db, `${table}_fts`);
    await sql`drop index if exists ${sql.ref(`${table}_search_trgm`)}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
