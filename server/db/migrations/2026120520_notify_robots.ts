// Group robots and webhooks (DingTalk, WeCom, Feishu, generic JSON webhook) that notifications are
// delivered to through the outbox. Names are unique as search normalises them (case, width, spaces).
import type { Kysely } from 'kysely';
import { autoId, bigint, dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const ms = bigint(kind);

  await db.schema
    .createTable('notify_robots')
    .addColumn('id', 'integer', autoId(kind))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notify_robots_name_key').on('notify_robots').column('name_key').unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
