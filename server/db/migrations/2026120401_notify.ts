// The notification layer: each user's in-app inbox, the outbox that email (and later robot and
// webhook) deliveries are sent from with retries, and per-user switches per channel and event group.
import type { Kysely } from 'kysely';
import { autoId, bigint, dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const id = autoId(kind);
  const ms = bigint(kind);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('read_at', ms)
    .execute();
  // The unread count and the unread list; the full list walks (user_id, id) newest first.
  await db.schema.createIndex('notifications_user_unread').on('notifications').columns(['user_id', 'read_at', 'id']).execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'integer', id)
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ms)
    .addColumn('last_error', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('sent_at', ms)
    .execute();
  await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('event_group', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'channel', 'event_group'])
    .execute();
}
