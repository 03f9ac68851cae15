// What tickets tell people, through the notification layer (inbox + email): a new ticket, an
// assignment, comments both ways, the resolution, targets near or breached, an escalation, a
// reopen. Enqueued inside the change's transaction; texts are plain, in Chinese and English, with
// the number, the title and the ticket's link. Nobody is told about what they did themselves.
import type { Kysely } from 'kysely';
import type { TicketPriority } from '../../../shared/contracts/tickets.js';
import type { ModuleContext } from '../../core/module.js';
import { permissionsOf, type Role } from '../../core/permissions.js';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { createNotifier, registerNotificationEvent, type NotificationText } from '../notify/index.js';

export const TICKET_NOTIFICATION_EVENTS = [
  'ticket.created',
  'ticket.assigned',
  'ticket.reporter_commented',
  'ticket.replied',
  'ticket.resolved',
  'ticket.reopened',
  'ticket.sla',
  'ticket.escalated',
  'ticket.decided',
] as const;
type NotificationEvent = (typeof TICKET_NOTIFICATION_EVENTS)[number];

export function registerTicketNotifications(ctx: ModuleContext): void {
  for (const key of TICKET_NOTIFICATION_EVENTS)
    registerNotificationEvent(ctx, {
      key,
      group: 'tickets',
      labelKey: `tickets.notify.events.${key.slice('ticket.'.length)}`,
      groupLabelKey: 'tickets.notify.group',
    });
}

/** Enabled users who work tickets (tickets:write): the assignee picker and "tell the technicians". */
export async function technicianUsers(db: Kysely<Database>): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'roles'])
    .where('disabled', '=', 0)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows
    .filter((u) => permissionsOf((fromJson<Role[]>(u.roles) ?? []) as Role[]).has('tickets:write'))
    .map((u) => ({ id: u.id, name: u.name }));
}

/** The accounts of whoever reported it: the reporting user, and any account of the reporter person. */
async function reporterUsers(db: Kysely<Database>, t: TicketFacts): Promise<number[]> {
  const ids = t.reporter_user_id === null ? [] : [t.reporter_user_id];
  if (t.reporter_person_id !== null) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('person_id', '=', t.reporter_person_id)
      .where('disabled', '=', 0)
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export interface TicketFacts {
  id: number;
  number: string;
  title: string;
  description: string;
  priority: string;
  place: string;
  reporter_user_id: number | null;
  reporter_person_id: number | null;
  assignee_user_id: number | null;
  reporter_name?: string | null;
  location_name?: string | null;
}

const PRIORITY_ZH: Record<TicketPriority, string> = { urgent: '紧急', high: '高', normal: '普通', low: '低' };
const clip = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function createTicketNotices(ctx: ModuleContext) {
  const notifier = createNotifier(ctx);

  async function send(
    trx: Kysely<Database>,
    event: NotificationEvent,
    t: TicketFacts,
    recipients: number[],
    actorUserId: number | null,
    title: NotificationText,
    body: NotificationText,
  ) {
    const to = recipients.filter((id) => id !== actorUserId);
    if (!to.length) return;
    await notifier.enqueue(trx, { event, recipients: to, title, body, link: `/tickets/${t.id}`, entity: { type: 'ticket', id: t.id } });
  }
  const assigneeOrTechnicians = async (trx: Kysely<Database>, t: TicketFacts) =>
    t.assignee_user_id !== null ? [t.assignee_user_id] : (await technicianUsers(trx)).map((u) => u.id);

  return {
    async created(trx: Kysely<Database>, t: TicketFacts, actorUserId: number | null) {
      const where = [t.location_name, t.place].filter(Boolean).join(' ');
      const priority = t.priority as TicketPriority;
      await send(
        trx,
        'ticket.created',
        t,
        await assigneeOrTechnicians(trx, t),
        actorUserId,
        { 'zh-CN': `新报修 ${t.number}：${t.title}`, en: `New ticket ${t.number}: ${t.title}` },
        {
          'zh-CN': `报修人：${t.reporter_name ?? ''}\n位置：${where}\n优先级：${PRIORITY_ZH[priority] ?? priority}\n\n${clip(t.description)}`,
          en: `Reported by: ${t.reporter_name ?? ''}\nWhere: ${where}\nPriority: ${priority}\n\n${clip(t.description)}`,
        },
      );
    },
    async assigned(trx: Kysely<Database>, t: TicketFacts, actorUserId: number | null) {
      if (t.assignee_user_id === null) return;
      await send(
        trx,
        'ticket.assigned',
        t,
        [t.assignee_user_id],
        actorUserId,
        { 'zh-CN': `工单 ${t.number} 已指派给你：${t.title}`, en: `Ticket ${t.number} was assigned to you: ${t.title}` },
        { 'zh-CN': clip(t.description), en: clip(t.description) },
      );
    },
    async reporterCommented(trx: Kysely<Database>, t: TicketFacts, comment: string, actorUserId: number | null) {
      await send(
        trx,
        'ticket.reporter_commented',
        t,
        await assigneeOrTechnicians(trx, t),
        actorUserId,
        { 'zh-CN': `报修人在工单 ${t.number} 留言：${t.title}`, en: `The reporter commented on ${t.number}: ${t.title}` },
        { 'zh-CN': clip(comment), en: clip(comment) },
      );
    },
    async replied(trx: Kysely<Database>, t: TicketFacts, comment: string, actorUserId: number | null) {
      await send(
        trx,
        'ticket.replied',
        t,
        await reporterUsers(trx, t),
        actorUserId,
        { 'zh-CN': `你的报修 ${t.number} 有新回复：${t.title}`, en: `New reply on your ticket ${t.number}: ${t.title}` },
        { 'zh-CN': clip(comment), en: clip(comment) },
      );
    },
    async resolved(trx: Kysely<Database>, t: TicketFacts, solution: string, actorUserId: number | null) {
      await send(
        trx,
        'ticket.resolved',
        t,
        await reporterUsers(trx, t),
        actorUserId,
        { 'zh-CN': `你的报修 ${t.number} 已解决：${t.title}`, en: `Your ticket ${t.number} was resolved: ${t.title}` },
        {
          'zh-CN': `${clip(solution)}\n\n请确认问题是否已解决；如果没有解决，可以重新打开工单。`,
          en: `${clip(solution)}\n\nPlease confirm that it is solved, or reopen the ticket if it is not.`,
        },
      );
    },
    async reopened(trx: Kysely<Database>, t: TicketFacts, reason: string, actorUserId: number | null) {
      await send(
        trx,
        'ticket.reopened',
        t,
        await assigneeOrTechnicians(trx, t),
        actorUserId,
        { 'zh-CN': `工单 ${t.number} 被重新打开：${t.title}`, en: `Ticket ${t.number} was reopened: ${t.title}` },
        { 'zh-CN': clip(reason), en: clip(reason) },
      );
    },
    async sla(trx: Kysely<Database>, t: TicketFacts, clock: 'response' | 'resolution', level: 'near' | 'breached') {
      const zhClock = clock === 'response' ? '响应' : '解决';
      const zh = level === 'near' ? `即将超过${zhClock}时限` : `已超过${zhClock}时限`;
      const en = `${clock} target ${level === 'near' ? 'is near' : 'was breached'}`;
      await send(
        trx,
        'ticket.sla',
        t,
        await assigneeOrTechnicians(trx, t),
        null,
        { 'zh-CN': `工单 ${t.number} ${zh}：${t.title}`, en: `Ticket ${t.number}: ${en}: ${t.title}` },
        { 'zh-CN': clip(t.description), en: clip(t.description) },
      );
    },
    async escalated(trx: Kysely<Database>, t: TicketFacts, leaderUserId: number, reason: string, actorUserId: number | null) {
      await send(
        trx,
        'ticket.escalated',
        t,
        [leaderUserId],
        actorUserId,
        { 'zh-CN': `工单 ${t.number} 需要你决定：${t.title}`, en: `Ticket ${t.number} needs your decision: ${t.title}` },
        { 'zh-CN': clip(reason), en: clip(reason) },
      );
    },
    async decided(trx: Kysely<Database>, t: TicketFacts, decision: string, actorUserId: number | null) {
      await send(
        trx,
        'ticket.decided',
        t,
        await assigneeOrTechnicians(trx, t),
        actorUserId,
        { 'zh-CN': `领导已对工单 ${t.number} 作出决定：${t.title}`, en: `The leader decided on ticket ${t.number}: ${t.title}` },
        { 'zh-CN': clip(decision), en: clip(decision) },
      );
    },
  };
}
export type TicketNotices = ReturnType<typeof createTicketNotices>;
