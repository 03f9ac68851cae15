// Every query of the notification tables.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DeliveryStatus } from '../../../shared/contracts/notify.js';
import type { DbKind } from '../../db/connect.js';
import type { Database } from '../../db/database.js';
import { skipLocked } from '../../db/dialect.js';
import type { NotificationOutboxTable, NotificationsTable } from './notify.tables.js';

export type NotificationRow = Selectable<NotificationsTable>;
export type OutboxRow = Selectable<NotificationOutboxTable>;

const count = (n: bigint | number | undefined) => Number(n ?? 0);

export function createNotifyRepository(db: Kysely<Database>) {
  return {
    /** The enabled users among `ids`, with their language and their person's email. */
    recipients(ids: number[]) {
      return db
        .selectFrom('users')
        .leftJoin('people', 'people.id', 'users.person_id')
        .select(['users.id', 'users.name', 'users.language', 'people.email'])
        .where('users.id', 'in', ids)
        .where('users.disabled', '=', 0)
        .orderBy('users.id')
        .execute();
    },

    async insertNotifications(rows: Insertable<NotificationsTable>[]) {
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('notifications')
          .values(rows.slice(i, i + 500))
          .execute();
    },

    async insertOutbox(rows: Insertable<NotificationOutboxTable>[]) {
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('notification_outbox')
          .values(rows.slice(i, i + 500))
          .execute();
    },

    /** Users among `userIds` who switched `channel` off for `group`. */
    async switchedOff(userIds: number[], channel: string, group: string): Promise<Set<number>> {
      if (!userIds.length) return new Set();
      const rows = await db
        .selectFrom('notification_preferences')
        .select('user_id')
        .where('user_id', 'in', userIds)
        .where('channel', '=', channel)
        .where('event_group', '=', group)
        .where('enabled', '=', 0)
        .execute();
      return new Set(rows.map((r) => r.user_id));
    },

    // ---- the outbox worker ----
    /** Due pending rows, locked against other instances until this transaction ends. */
    claimable(kind: DbKind, now: number, limit: number) {
      return skipLocked(
        kind,
        db
          .selectFrom('notification_outbox')
          .selectAll()
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit),
      ).execute();
    },
    /** Counts the attempt and holds the rows for a while, so another pass or instance leaves them alone. */
    async lease(ids: number[], until: number) {
      await db
        .updateTable('notification_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: until }))
        .where('id', 'in', ids)
        .execute();
    },
    async markSent(id: number, now: number) {
      await db
        .updateTable('notification_outbox')
        .set({ status: 'sent', sent_at: now, next_attempt_at: null, last_error: null })
        .where('id', '=', id)
        .execute();
    },
    async markFailedAttempt(id: number, error: string, nextAttemptAt: number | null) {
      await db
        .updateTable('notification_outbox')
        .set({ status: nextAttemptAt === null ? 'failed' : 'pending', next_attempt_at: nextAttemptAt, last_error: error })
        .where('id', '=', id)
        .execute();
    },

    // ---- the inbox ----
    async listNotifications(userId: number, q: { unread: boolean; limit: number; offset: number }) {
      let base = db.selectFrom('notifications').where('user_id', '=', userId);
      if (q.unread) base = base.where('read_at', 'is', null);
      const [items, total] = await Promise.all([
        base.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      ]);
      return { items, total: count(total?.n) };
    },
    async unreadCount(userId: number) {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return count(row?.n);
    },
    /** Marks the caller's own unread rows read; ids of other people's rows match nothing. */
    async markRead(userId: number, ids: number[] | 'all', now: number) {
      let q = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids);
      const res = await q.executeTakeFirst();
      return count(res.numUpdatedRows);
    },

    // ---- preferences ----
    preferencesOf(userId: number) {
      return db
        .selectFrom('notification_preferences')
        .select(['channel', 'event_group', 'enabled'])
        .where('user_id', '=', userId)
        .execute();
    },
    async setPreference(userId: number, channel: string, group: string, enabled: boolean, now: number) {
      const value = enabled ? 1 : 0;
      await db
        .insertInto('notification_preferences')
        .values({ user_id: userId, channel, event_group: group, enabled: value, updated_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'channel', 'event_group']).doUpdateSet({ enabled: value, updated_at: now }))
        .execute();
    },

    // ---- the delivery log ----
    async listOutbox(q: { status?: DeliveryStatus; limit: number; offset: number }) {
      let base = db.selectFrom('notification_outbox');
      if (q.status) base = base.where('status', '=', q.status);
      const [items, total] = await Promise.all([
        base.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      ]);
      return { items, total: count(total?.n) };
    },
    getOutbox(id: number) {
      return db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** A retry the administrator asked for starts the attempts afresh. */
    async resetForRetry(id: number, now: number) {
      await db
        .updateTable('notification_outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Old read notifications and finished deliveries; unread ones stay until read. */
    async purge(before: { read: number; sent: number; failed: number }) {
      await db.deleteFrom('notifications').where('read_at', '<', before.read).execute();
      await db.deleteFrom('notification_outbox').where('status', '=', 'sent').where('sent_at', '<', before.sent).execute();
      await db.deleteFrom('notification_outbox').where('status', '=', 'failed').where('created_at', '<', before.failed).execute();
    },
  };
}

export type NotifyRepository = ReturnType<typeof createNotifyRepository>;
