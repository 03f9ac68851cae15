// Kysely table types of the notification layer: the in-app inbox, the outbox every other channel
// delivers from, and what each person switched off.
import type { Generated } from 'kysely';

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  event: string;
  title: string;
  body: string;
  link: string;
  entity_type: string | null;
  entity_id: string | null;
  created_at: number;
  read_at: number | null;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  channel: string;
  target: string;
  subject: string;
  body: string;
  event: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  /** A reason code (and the SMTP reply code), never a server's text or a secret. */
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** One row per switch a person turned off (or back on); no row means on. */
export interface NotificationPreferencesTable {
  user_id: number;
  channel: string;
  event_group: string;
  enabled: number;
  updated_at: number;
}

export interface NotifyTables {
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
  notification_preferences: NotificationPreferencesTable;
}
