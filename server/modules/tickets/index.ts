// The fault-ticket module's only door: its registration, its events, the extension points other
// modules fill in (knowledge-base suggestions and articles), and what they may read.
//
// Events (emitted after the change committed): ticket.created, ticket.updated, ticket.assigned,
// ticket.state_changed, ticket.resolved, ticket.closed, ticket.reopened, ticket.commented,
// ticket.escalated, ticket.decided, ticket.sla.
//
// Suggestions while a fault is described: registerTicketSuggestionProvider(ctx, { key, suggest })
// in the providing module's register(); GET /api/tickets/suggest merges every provider's articles.
// Articles written from a ticket: registerTicketArticleSource(ctx, (db, ticketId) => ids).
import type { Kysely } from 'kysely';
import { TICKET_CATEGORY_DICTIONARY, type TicketState } from '../../../shared/contracts/tickets.js';
import type { SyswardModule } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { registerTicketNotifications } from './tickets.notifications.js';
import { scheduleTicketJobs } from './tickets.jobs.js';
import { registerTicketRoutes } from './tickets.routes.js';
import { createTicketServices } from './tickets.services.js';
import { registerTicketWorkRoutes } from './tickets.work.routes.js';

declare module '../../core/events.js' {
  interface EventMap {
    'ticket.created': { id: number };
    'ticket.updated': { id: number };
    'ticket.assigned': { id: number; assigneeUserId: number | null };
    'ticket.state_changed': { id: number; from: TicketState; to: TicketState };
    'ticket.resolved': { id: number };
    'ticket.closed': { id: number };
    'ticket.reopened': { id: number };
    'ticket.commented': { id: number; internal: boolean };
    'ticket.escalated': { id: number; leaderUserId: number };
    'ticket.decided': { id: number };
    'ticket.sla': { id: number; clock: 'response' | 'resolution'; level: 'near' | 'breached' };
  }
}

export {
  registerTicketArticleSource,
  registerTicketSuggestionProvider,
  type SuggestedArticle,
  type TicketArticleSource,
  type TicketSuggestionProvider,
} from './tickets.extensions.js';
export { ticketStats } from './tickets.stats.js';
export { createTicketServices, type TicketServices } from './tickets.services.js';

/** Read-only lookups for other modules (the knowledge base turns a resolved ticket into an article). */
export const ticketLookups = {
  async recordOf(db: Kysely<Database>, id: number) {
    const t = await db
      .selectFrom('tickets')
      .select([
        'id',
        'number',
        'title',
        'kind',
        'state',
        'category',
        'description',
        'problem',
        'cause',
        'solution',
        'result',
        'prevention',
        'resolved_at',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!t) return null;
    return {
      id: t.id,
      number: t.number,
      title: t.title,
      kind: t.kind,
      state: t.state as TicketState,
      category: t.category,
      description: t.description,
      problem: t.problem || t.description,
      cause: t.cause,
      solution: t.solution,
      result: t.result,
      prevention: t.prevention,
      resolvedAt: t.resolved_at === null ? null : Number(t.resolved_at),
    };
  },
  exists: async (db: Kysely<Database>, id: number) =>
    !!(await db.selectFrom('tickets').select('id').where('id', '=', id).executeTakeFirst()),
};

export const ticketsModule: SyswardModule = {
  name: 'tickets',
  register(app, ctx) {
    // Deleting what a ticket points at is refused with the count (the org and assets modules ask).
    ctx.references.declare({ entity: 'person', table: 'tickets', column: 'reporter_person_id', as: 'tickets' });
    ctx.references.declare({ entity: 'location', table: 'tickets', column: 'location_id', as: 'tickets' });
    ctx.references.declare({ entity: 'asset', table: 'ticket_assets', column: 'asset_id', as: 'tickets' });
    ctx.references.declare({ entity: 'asset', table: 'ticket_repairs', column: 'asset_id', as: 'tickets' });
    ctx.references.declare({ entity: 'vendor', table: 'ticket_repairs', column: 'vendor_id', as: 'tickets' });

    ctx.registries.dictionaries.push({
      code: TICKET_CATEGORY_DICTIONARY,
      name: '故障类别',
      description: '报修和工单的分类',
      items: [
        { label: '电脑硬件', value: 'hardware' },
        { label: '操作系统', value: 'os' },
        { label: '应用软件', value: 'software' },
        { label: '网络/上网', value: 'network' },
        { label: '打印/复印', value: 'printing' },
        { label: '邮箱', value: 'email' },
        { label: '服务器', value: 'server' },
        { label: '监控/门禁', value: 'security' },
        { label: '其他', value: 'other' },
      ],
    });
    ctx.registries.attachables.set('ticket', {
      entityType: 'ticket',
      read: 'tickets:read',
      // Files go on and off a ticket through its own routes only: they write the timeline and
      // keep internal files from the reporter.
      write: null,
      exists: ticketLookups.exists,
    });

    registerTicketNotifications(ctx);
    const services = createTicketServices(ctx);
    registerTicketRoutes(app, ctx, services);
    registerTicketWorkRoutes(app, services);
    scheduleTicketJobs(ctx, services.jobs);
  },
};
