// The knowledge base module's only door: its registration and what other modules may call.
import type { Kysely } from 'kysely';
import { KB_CATEGORY_DICTIONARY, KB_DEFAULT_CATEGORIES } from '../../../shared/contracts/kb.js';
import { createFileStore } from '../../core/files.js';
import type { SyswardModule } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { registerTicketArticleSource, registerTicketSuggestionProvider, ticketLookups } from '../tickets/index.js';
import { KB_ATTACHABLE, createKbAttachments } from './kb.attachments.js';
import { draftFromTicket, type TicketForArticle } from './kb.from-ticket.js';
import { createKbRepository } from './kb.repository.js';
import { registerKbRoutes } from './kb.routes.js';
import { createKbService } from './kb.service.js';
import { suggestArticles } from './kb.suggest.js';

declare module '../../core/events.js' {
  interface EventMap {
    'kb.article.created': { id: number };
    'kb.article.updated': { id: number };
    'kb.article.published': { id: number };
    'kb_article.deleted': { id: number };
  }
}

export { suggestArticles } from './kb.suggest.js';
export { textSimilarity } from './kb.similarity.js';

/** Read-only lookups for other modules. */
export const kbLookups = {
  /** Ids of the articles drafted from a ticket (the ticket page links to them). */
  async articleIdsFromTicket(db: Kysely<Database>, ticketId: number): Promise<number[]> {
    const rows = await db.selectFrom('kb_articles').select('id').where('source_ticket_id', '=', ticketId).orderBy('id').execute();
    return rows.map((r) => r.id);
  },
};

const readTicket = (db: Kysely<Database>, id: number): Promise<TicketForArticle | null> => ticketLookups.recordOf(db, id);

export const kbModule: SyswardModule = {
  name: 'kb',
  register(app, ctx) {
    ctx.registries.dictionaries.push({
      code: KB_CATEGORY_DICTIONARY,
      name: '知识库分类',
      description: 'Knowledge-base article categories',
      items: KB_DEFAULT_CATEGORIES.map((c) => ({ label: c.label, value: c.value })),
    });
    ctx.references.declare({ entity: 'ticket', table: 'kb_articles', column: 'source_ticket_id', as: 'kbArticles' });
    ctx.registries.attachables.set(KB_ATTACHABLE, {
      entityType: KB_ATTACHABLE,
      read: 'kb:read',
      write: 'kb:write',
      exists: (db, id) => createKbRepository(db).exists(id),
    });

    const kb = createKbService(ctx, readTicket);
    const attachments = createKbAttachments(ctx.db, createFileStore(ctx.config.dataDir), kb);

    const fromTicket = draftFromTicket(ctx, kb, readTicket);

    // What the tickets module shows: similar articles while a fault is described, and the
    // articles written from a ticket on its page.
    registerTicketSuggestionProvider(ctx, {
      key: 'kb',
      suggest: async (db, actor, text) => (await suggestArticles(db, actor, text)).map(({ id, title, score }) => ({ id, title, score })),
    });
    registerTicketArticleSource(ctx, kbLookups.articleIdsFromTicket);

    registerKbRoutes(app, ctx, { kb, attachments, fromTicket });
  },
};
