// The shapes other modules use to send notifications and to add channels (see index.ts).
import type { Kysely } from 'kysely';
import type { Language } from '../../../shared/contracts/auth.js';
import type { DeliveryReason } from '../../../shared/contracts/notify.js';
import type { Database } from '../../db/database.js';

export interface NotificationText {
  'zh-CN': string;
  en: string;
}

export interface NotificationMessage {
  /** A registered event key, e.g. 'ticket.assigned'. */
  event: string;
  /** User ids; disabled users and duplicates are skipped. */
  recipients: number[];
  /** Plain text, one line. */
  title: NotificationText;
  /** Plain text, may have several lines. */
  body: NotificationText;
  /** An app path such as '/tickets/12'; emails turn it into an absolute URL. */
  link: string;
  entity?: { type: string; id: string | number };
  /**
   * Group robots and webhooks to post to as well (ids from /api/notify/robots; monitoring alert
   * rules pick them). One outbox row per enabled robot, in the robot's language; unknown and
   * disabled ones are skipped. A message may name robots and no recipients.
   */
  robots?: number[];
}

export interface Notifier {
  /** Writes inbox rows and outbox rows inside the caller's transaction (nothing is lost on a crash). */
  enqueue(trx: Kysely<Database>, message: NotificationMessage): Promise<void>;
  /** Delivers pending outbox rows now (also runs on a timer and right after enqueue commits). */
  flush(): Promise<void>;
}

export interface NotificationEventDefinition {
  /** e.g. 'ticket.assigned'. */
  key: string;
  /** Preferences are per group, e.g. 'tickets': a person switches email off for the whole group. */
  group: string;
  /** Web locale key of the event's name. */
  labelKey: string;
  /** Web locale key of the group's name; default `notify.groups.<group>`. */
  groupLabelKey?: string;
}

/** An enabled user a message goes to, with what channels need to reach them. */
export interface NotificationRecipient {
  userId: number;
  name: string;
  /** Their own language, else the organisation's default. */
  language: Language;
  /** From their person record; '' when none. */
  email: string;
}

/** One outbox row a channel wants written for a message. */
export interface OutboxDraft {
  target: string;
  subject: string;
  body: string;
}

/** One outbox row being delivered. */
export interface OutboxDelivery {
  id: number;
  channel: string;
  target: string;
  subject: string;
  body: string;
  event: string;
  /** Attempts before this one. */
  attempts: number;
}

export interface NotificationChannel {
  /** e.g. 'email'; stored in each outbox row. */
  key: string;
  /** Web locale key of the channel's name. */
  labelKey: string;
  /** A person may switch this channel off per event group (email yes; a group robot no). */
  perUser: boolean;
  /**
   * What to queue for one message, called inside the enqueuing transaction. `recipients` are the
   * enabled recipients who have not switched this channel off for the event's group.
   */
  prepare(db: Kysely<Database>, message: NotificationMessage, recipients: NotificationRecipient[]): Promise<OutboxDraft[]>;
  /** Sends one row. Throw a DeliveryError (or anything: it counts as 'unknown') to have it retried. */
  send(db: Kysely<Database>, delivery: OutboxDelivery): Promise<void>;
}

/** A failed delivery with a reason that is safe to store and show (never a server's text). */
export class DeliveryError extends Error {
  constructor(
    readonly reason: DeliveryReason,
    readonly smtpCode: number | null = null,
    /** Retrying cannot help (the server refused the address for good). */
    readonly permanent = false,
  ) {
    super(smtpCode ? `${reason} (${smtpCode})` : reason);
    this.name = 'DeliveryError';
  }
}
