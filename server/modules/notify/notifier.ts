// The notification hub of one app: the registered events and channels, enqueue (inbox rows and
// outbox rows in the caller's transaction) and the outbox worker. Tests build several apps in
// one process, so each app's hub hangs off its own ModuleContext instead of a module singleton.
import type { Kysely } from 'kysely';
import { language as languageSchema } from '../../../shared/contracts/auth.js';
import type { ModuleContext } from '../../core/module.js';
import { readSettings } from '../../core/settings.js';
import type { Database } from '../../db/database.js';
import { afterTransaction, markTransaction } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { oneLine } from './email.channel.js';
import { createNotifyRepository, type OutboxRow } from './notify.repository.js';
import {
  DeliveryError,
  type NotificationChannel,
  type NotificationEventDefinition,
  type NotificationMessage,
  type NotificationRecipient,
  type Notifier,
} from './notify.types.js';
import { storedError } from './smtp.js';

/** Waits after failed attempts 1-4; the fifth failure is final. */
export const BACKOFF_MS = [1, 5, 30, 120].map((minutes) => minutes * 60_000);
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
// A claimed batch is left alone this long by other passes and instances. Ten messages at the
// SMTP timeouts (smtp.ts) take at most about twelve minutes; a process that dies mid-batch
// leaves its rows to be picked up again after this.
const LEASE_MS = 15 * 60_000;
const BATCH = 10;
const MAX_BATCHES_PER_PASS = 100;

/** An app path: one leading slash (not '//host'), no spaces, no backslashes. */
const APP_PATH = /^\/(?![/\\])[^\s\\]*$/;

export interface NotifyHub {
  events: Map<string, NotificationEventDefinition>;
  channels: Map<string, NotificationChannel>;
  notifier: Notifier;
  /** Where background delivery failures go; the module points it at the app's logger. */
  log: (msg: string, err: unknown) => void;
  /** Stops kicking deliveries and waits for the running ones (the app is closing). */
  close(): Promise<void>;
}

const hubs = new WeakMap<ModuleContext, NotifyHub>();

/** The hub of the app `ctx` belongs to, created on first use. */
export function hubOf(ctx: ModuleContext): NotifyHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    hub = createHub(ctx);
    hubs.set(ctx, hub);
  }
  return hub;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function createHub(ctx: ModuleContext): NotifyHub {
  const { db, clock, kind } = ctx;
  const events = new Map<string, NotificationEventDefinition>();
  const channels = new Map<string, NotificationChannel>();
  let closed = false;

  // ---- delivery passes: one at a time; a flush asked for during a pass gets the next one ----
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const startPass = (): Promise<void> => {
    const pass: Promise<void> = deliverDue().finally(() => {
      if (running === pass) running = null;
    });
    running = pass;
    return pass;
  };
  const flush = (): Promise<void> => {
    if (queued) return queued;
    if (!running) return startPass();
    queued = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return startPass();
      });
    return queued;
  };

  async function deliverDue(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !closed; batch++) {
      const now = clock.now();
      const rows = await inTransaction(db, async (trx) => {
        const repo = createNotifyRepository(trx);
        const due = await repo.claimable(kind, now, BATCH);
        if (due.length)
          await repo.lease(
            due.map((r) => r.id),
            now + LEASE_MS,
          );
        return due;
      });
      if (!rows.length) return;
      for (const row of rows) await deliverOne(row);
    }
  }

  async function deliverOne(row: OutboxRow): Promise<void> {
    const repo = createNotifyRepository(db);
    const attempt = row.attempts + 1;
    try {
      const channel = channels.get(row.channel);
      // A channel that is no longer registered cannot send this row, now or later.
      if (!channel) throw new DeliveryError('not_configured', null, true);
      await channel.send(db, {
        id: row.id,
        channel: row.channel,
        target: row.target,
        subject: row.subject,
        body: row.body,
        event: row.event,
        attempts: row.attempts,
      });
      await repo.markSent(row.id, clock.now());
    } catch (err) {
      if (!(err instanceof DeliveryError)) hub.log(`notification delivery ${row.id} (${row.channel}) failed`, err);
      const failure = err instanceof DeliveryError ? err : new DeliveryError('unknown');
      const final = failure.permanent || attempt >= MAX_ATTEMPTS;
      await repo.markFailedAttempt(row.id, storedError(failure), final ? null : clock.now() + BACKOFF_MS[attempt - 1]!);
    }
  }

  // ---- kicks: deliver right after the enqueuing transaction commits ----
  const marks: (number | null)[] = [];
  let kicking: Promise<void> | null = null;

  async function runKicks(): Promise<void> {
    try {
      while (marks.length && !closed) {
        while (marks.length) {
          try {
            await afterTransaction(db, marks.shift()!);
          } catch (err) {
            hub.log('waiting for a notification transaction failed', err);
          }
        }
        await flush().catch((err) => hub.log('notification delivery failed', err));
      }
    } finally {
      kicking = null;
    }
  }
  const kick = (mark: number | null) => {
    if (closed) return;
    marks.push(mark);
    kicking ??= runKicks();
  };

  async function enqueue(trx: Kysely<Database>, message: NotificationMessage): Promise<void> {
    const def = events.get(message.event);
    if (!def) throw new Error(`notification event '${message.event}' is not registered`);
    if (!APP_PATH.test(message.link)) throw new Error(`notification link must be an app path, got '${message.link}'`);
    const ids = [...new Set(message.recipients)].filter((n) => Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647);
    // A message for group robots only (a monitoring alert) has no recipients and still goes out.
    const forRobots = (message.robots?.length ?? 0) > 0;
    if (!ids.length && !forRobots) return;
    const repo = createNotifyRepository(trx);
    const users = ids.length ? await repo.recipients(ids) : [];
    if (!users.length && !forRobots) return;
    const { defaultLanguage } = await readSettings(trx);
    const recipients: NotificationRecipient[] = users.map((u) => ({
      userId: u.id,
      name: u.name,
      language: languageSchema.safeParse(u.language).data ?? defaultLanguage,
      email: (u.email ?? '').trim(),
    }));
    const now = clock.now();
    await repo.insertNotifications(
      recipients.map((r) => ({
        user_id: r.userId,
        event: message.event,
        title: clip(oneLine(message.title[r.language] ?? ''), 200),
        body: clip((message.body[r.language] ?? '').trim(), 4000),
        link: message.link,
        entity_type: message.entity?.type ?? null,
        entity_id: message.entity ? String(message.entity.id) : null,
        created_at: now,
        read_at: null,
      })),
    );
    let queuedRows = 0;
    for (const channel of channels.values()) {
      const off = channel.perUser
        ? await repo.switchedOff(
            recipients.map((r) => r.userId),
            channel.key,
            def.group,
          )
        : new Set<number>();
      const drafts = await channel.prepare(
        trx,
        message,
        recipients.filter((r) => !off.has(r.userId)),
      );
      await repo.insertOutbox(
        drafts.map((d) => ({
          channel: channel.key,
          target: d.target,
          subject: d.subject,
          body: d.body,
          event: message.event,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          created_at: now,
          sent_at: null,
        })),
      );
      queuedRows += drafts.length;
    }
    // An instance that does not run jobs leaves delivery to the timer of one that does.
    if (queuedRows && ctx.config.runJobs) kick(await markTransaction(trx));
  }

  const hub: NotifyHub = {
    events,
    channels,
    notifier: { enqueue, flush },
    log: () => {},
    async close() {
      closed = true;
      await kicking;
      await Promise.allSettled([running, queued]);
    },
  };
  return hub;
}
