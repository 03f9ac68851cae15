// Use cases behind the routes: a person's inbox and email switches; the administrator's mail
// server settings, test email and delivery log.
import type { z } from 'zod';
import type {
  NotificationPreferences,
  NotifySettingsInput,
  PreferencesInput,
  deliveryListQuery,
  markReadInput,
  notificationListQuery,
} from '../../../shared/contracts/notify.js';
import type { Actor } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { pageWindow } from '../../core/listing.js';
import type { ModuleContext } from '../../core/module.js';
import { inTransaction } from '../../db/transaction.js';
import { readNotifySettings, readSmtpConfig, updateNotifySettings } from './notify-settings.js';
import { NotifyErrors } from './notify.errors.js';
import { toDelivery, toNotification } from './notify.mappers.js';
import { createNotifyRepository } from './notify.repository.js';
import type { NotifyHub } from './notifier.js';
import { DeliveryError } from './notify.types.js';
import { sendMail } from './smtp.js';

const TEST_SUBJECT = '网管台测试邮件 / Sysward test email';
const TEST_BODY =
  '这是一封测试邮件：网管台可以通过这台邮件服务器发送通知。\n\n' +
  'This is a test email: Sysward can send notifications through this mail server.\n';

function userOf(actor: Actor): number {
  if (actor.userId === null) throw new AppError(NotifyErrors['notify.no_user']);
  return actor.userId;
}

export function createNotifyService(ctx: ModuleContext, hub: NotifyHub) {
  const { db, audit, clock } = ctx;
  const repo = createNotifyRepository(db);

  /** The groups of the registered events, each with the per-user channels and whether they are on. */
  async function preferencesOf(userId: number): Promise<NotificationPreferences> {
    const channels = [...hub.channels.values()].filter((c) => c.perUser);
    const rows = await createNotifyRepository(db).preferencesOf(userId);
    const off = new Set(rows.filter((r) => r.enabled === 0).map((r) => `${r.channel}\u0000${r.event_group}`));
    const groups = new Map<string, NotificationPreferences['groups'][number]>();
    for (const def of hub.events.values()) {
      let g = groups.get(def.group);
      if (!g) {
        g = {
          key: def.group,
          labelKey: def.groupLabelKey ?? `notify.groups.${def.group}`,
          events: [],
          enabled: Object.fromEntries(channels.map((c) => [c.key, !off.has(`${c.key}\u0000${def.group}`)])),
        };
        groups.set(def.group, g);
      }
      g.events.push({ key: def.key, labelKey: def.labelKey });
    }
    return { channels: channels.map((c) => ({ key: c.key, labelKey: c.labelKey })), groups: [...groups.values()] };
  }

  return {
    // ---- the inbox ----
    async list(actor: Actor, q: z.infer<typeof notificationListQuery>) {
      const { limit, offset } = pageWindow(q);
      const { items, total } = await repo.listNotifications(userOf(actor), { unread: q.unread, limit, offset });
      return { items: items.map(toNotification), total, page: q.page, pageSize: q.pageSize };
    },
    async unreadCount(actor: Actor) {
      return { count: await repo.unreadCount(userOf(actor)) };
    },
    /**
     * Reading is the person's own state, like a saved view: it is not audited (the trail would
     * fill with clicks), and it only ever touches the caller's rows.
     */
    async markRead(actor: Actor, input: z.infer<typeof markReadInput>) {
      const updated = await repo.markRead(userOf(actor), input.all ? 'all' : (input.ids ?? []), clock.now());
      return { updated };
    },

    // ---- preferences ----
    preferences: (actor: Actor) => preferencesOf(userOf(actor)),
    async setPreferences(actor: Actor, input: PreferencesInput) {
      const userId = userOf(actor);
      const groups = new Set([...hub.events.values()].map((e) => e.group));
      const channels = new Set([...hub.channels.values()].filter((c) => c.perUser).map((c) => c.key));
      input.items.forEach((item, i) => {
        if (!groups.has(item.group)) throw fieldError(NotifyErrors['notify.unknown_preference'], `items.${i}.group`, 'not_found');
        if (!channels.has(item.channel)) throw fieldError(NotifyErrors['notify.unknown_preference'], `items.${i}.channel`, 'not_found');
      });
      await inTransaction(db, async (trx) => {
        const r = createNotifyRepository(trx);
        const now = clock.now();
        for (const item of input.items) await r.setPreference(userId, item.channel, item.group, item.enabled, now);
        if (input.items.length)
          await audit.record(trx, actor, {
            action: 'update',
            entityType: 'notification_preferences',
            entityId: userId,
            after: { items: input.items },
          });
      });
      return preferencesOf(userId);
    },

    // ---- mail server settings ----
    settings: () => readNotifySettings(db),
    saveSettings: (actor: Actor, input: NotifySettingsInput) => updateNotifySettings(db, ctx, actor, input),

    /** Sends one message now with the saved settings and says why it failed, if it did. */
    async testEmail(actor: Actor, to: string) {
      const cfg = await readSmtpConfig(db);
      if (!cfg.host || !cfg.fromAddress) throw new AppError(NotifyErrors['notify.not_configured']);
      let failure: DeliveryError | null = null;
      try {
        await sendMail(cfg, { to, subject: TEST_SUBJECT, text: TEST_BODY });
      } catch (err) {
        failure = err instanceof DeliveryError ? err : new DeliveryError('unknown');
      }
      await audit.record(db, actor, {
        action: 'send_test_email',
        entityType: 'settings',
        entityId: 'notify',
        after: { to, ok: !failure, ...(failure ? { reason: failure.reason } : {}) },
      });
      if (failure)
        throw new AppError(
          NotifyErrors['notify.smtp_failed'],
          [{ reason: failure.reason, params: { smtpCode: failure.smtpCode } }],
          `The mail server refused or could not be reached: ${failure.message}`,
        );
      return { ok: true as const };
    },

    // ---- the delivery log ----
    async outbox(q: z.infer<typeof deliveryListQuery>) {
      const { limit, offset } = pageWindow(q);
      const { items, total } = await repo.listOutbox({ status: q.status, limit, offset });
      return { items: items.map(toDelivery), total, page: q.page, pageSize: q.pageSize };
    },
    async retry(actor: Actor, id: number) {
      const row = await inTransaction(db, async (trx) => {
        const r = createNotifyRepository(trx);
        const before = await r.getOutbox(id);
        if (!before) throw notFound('delivery');
        if (before.status === 'sent') throw new AppError(NotifyErrors['notify.already_sent']);
        await r.resetForRetry(id, clock.now());
        await audit.record(trx, actor, {
          action: 'retry_delivery',
          entityType: 'notification_delivery',
          entityId: id,
          before: { status: before.status, attempts: before.attempts },
        });
        return (await r.getOutbox(id))!;
      });
      // After the commit the row is due now (an instance that runs no jobs leaves it to the timer).
      if (ctx.config.runJobs) void hub.notifier.flush().catch((err) => hub.log('notification delivery failed', err));
      return toDelivery(row);
    },
  };
}

export type NotifyService = ReturnType<typeof createNotifyService>;
