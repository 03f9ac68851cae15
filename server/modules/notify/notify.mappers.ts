// Row → response shapes. An outbox row's body stays on the server: the log shows what and to whom.
import type { Delivery, Notification } from '../../../shared/contracts/notify.js';
import type { NotificationRow, OutboxRow } from './notify.repository.js';
import { parseStoredError } from './smtp.js';

export function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    event: r.event,
    title: r.title,
    body: r.body,
    link: r.link,
    entityType: r.entity_type,
    entityId: r.entity_id,
    createdAt: Number(r.created_at),
    readAt: r.read_at === null ? null : Number(r.read_at),
  };
}

export function toDelivery(r: OutboxRow): Delivery {
  return {
    id: r.id,
    channel: r.channel,
    target: r.target,
    subject: r.subject,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at === null ? null : Number(r.next_attempt_at),
    lastError: parseStoredError(r.last_error),
    createdAt: Number(r.created_at),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
  };
}
