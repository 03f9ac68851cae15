// The notification layer's only door: in-app inbox + email (later robots, webhooks), shared by
// every module.
//
// Using it from another module (tickets, monitoring...), in its register(app, ctx):
//
//   import { createNotifier, registerNotificationEvent } from '../notify/index.js';
//
//   registerNotificationEvent(ctx, {
//     key: 'ticket.assigned',                       // unique; stored with every notification
//     group: 'tickets',                             // people switch email off per group
//     labelKey: 'tickets.notify.assigned',          // web locale key of the event's name
//     groupLabelKey: 'tickets.notify.group',        // optional; default `notify.groups.<group>`
//   });
//   const notifier = createNotifier(ctx);          // the app's one notifier (same object every call)
//
//   // inside the service's transaction, beside the change and its audit entry:
//   await notifier.enqueue(trx, {
//     event: 'ticket.assigned',
//     recipients: [assigneeUserId],                 // user ids; disabled users and duplicates skipped
//     title: { 'zh-CN': `工单 #12 已分派给你`, en: `Ticket #12 was assigned to you` },  // one line, plain text
//     body: { 'zh-CN': '…', en: '…' },              // plain text, several lines allowed
//     link: '/tickets/12',                          // an app path; emails make it absolute (notify.baseUrl)
//     entity: { type: 'ticket', id: 12 },           // optional
//   });
//
// enqueue writes one inbox row per recipient (title and body in their language: users.language,
// else the organisation's default) and the outbox rows of every channel (email: to the address of
// the user's person record, unless mail is off in the settings or the user switched email off for
// the event's group). Nothing is sent inside the transaction: delivery starts right after it
// commits (a rolled-back transaction sends nothing), retries with backoff (1, 5, 30 min, 2 h, then
// 'failed'), and also runs on a 30-second timer. `notifier.flush()` delivers what is due now and
// resolves when done (tests await it). Text is plain: it is shown as text and mailed as text/plain,
// never as HTML. enqueue throws (a programming error) for an unregistered event or a link that is
// not an app path. Register events in register(), before the app is ready.
//
// Group robots and webhooks (DingTalk, WeCom, Feishu, a JSON webhook; set up by the administrator
// under /api/notify/robots): name them in the message, with or without recipients:
//
//   await notifier.enqueue(trx, { event: 'monitor.down', recipients: [], robots: [3, 5], title, body, link });
//
// Each enabled robot gets one outbox row (title and body in the robot's language, else the
// organisation's; the link made absolute like in emails), posted as plain text after the commit
// and retried like email. Unknown and disabled robot ids are skipped. A module that stores robot
// ids (alert rules) checks them with robotExists(db, id).
//
// A new channel (DingTalk / WeCom / Feishu robot, webhook) implements NotificationChannel and calls
// registerChannel(ctx, channel) in its module's register(): `prepare` turns a message into outbox
// rows inside the enqueuing transaction, `send` delivers one row and throws a DeliveryError with a
// safe reason to have it retried. The registries belong to the app (ctx), so test apps built in one
// process never share them.
import type { ModuleContext, SyswardModule } from '../../core/module.js';
import { emailChannel } from './email.channel.js';
import { hubOf } from './notifier.js';
import { createNotifyRepository } from './notify.repository.js';
import { registerNotifyRoutes } from './notify.routes.js';
import { createNotifyService } from './notify.service.js';
import type { NotificationChannel, NotificationEventDefinition, Notifier } from './notify.types.js';
import { createRobotChannel } from './robot.channel.js';
import { registerRobotRoutes } from './robots.routes.js';
import { createRobotsService } from './robots.service.js';

export {
  DeliveryError,
  type NotificationChannel,
  type NotificationEventDefinition,
  type NotificationMessage,
  type NotificationRecipient,
  type NotificationText,
  type Notifier,
  type OutboxDelivery,
  type OutboxDraft,
} from './notify.types.js';
export { BACKOFF_MS, MAX_ATTEMPTS } from './notifier.js';
export { robotExists } from './robots.service.js';

/** The notifier of the app `ctx` belongs to (one per app; every call returns the same one). */
export function createNotifier(ctx: ModuleContext): Notifier {
  return hubOf(ctx).notifier;
}

/** Declares an event that may be enqueued; its group is what people switch email off for. */
export function registerNotificationEvent(ctx: ModuleContext, def: NotificationEventDefinition): void {
  const { events } = hubOf(ctx);
  if (events.has(def.key)) throw new Error(`notification event '${def.key}' is registered twice`);
  events.set(def.key, { ...def });
}

/** Adds a delivery channel (email is the first). */
export function registerChannel(ctx: ModuleContext, channel: NotificationChannel): void {
  const { channels } = hubOf(ctx);
  if (channels.has(channel.key)) throw new Error(`notification channel '${channel.key}' is registered twice`);
  channels.set(channel.key, channel);
}

const DAY = 24 * 60 * 60_000;

export const notifyModule: SyswardModule = {
  name: 'notify',
  register(app, ctx) {
    const hub = hubOf(ctx);
    hub.log = (msg, err) => app.log.error({ err }, msg);
    registerChannel(ctx, emailChannel);
    registerNotifyRoutes(app, createNotifyService(ctx, hub));
    registerChannel(ctx, createRobotChannel(ctx.clock));
    registerRobotRoutes(app, createRobotsService(ctx));

    // Delivery also runs on a timer: for rows waiting out a backoff, and for rows another
    // instance queued (each tick runs on one instance; rows are claimed with skip locked).
    ctx.scheduler.add({ name: 'notify.deliver', schedule: '*/30 * * * * *', run: () => hub.notifier.flush() });
    ctx.scheduler.add({
      name: 'notify.purge',
      schedule: '0 40 4 * * *',
      run: async () => {
        const now = ctx.clock.now();
        await createNotifyRepository(ctx.db).purge({ read: now - 180 * DAY, sent: now - 30 * DAY, failed: now - 90 * DAY });
      },
    });
    app.addHook('onClose', () => hub.close());
  },
};
