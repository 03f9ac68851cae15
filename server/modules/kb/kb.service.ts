// Articles: list, read, write, revisions and feedback. Every write checks the rules and records
// the audit entry in the same transaction; events go out after the commit.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  KB_CATEGORY_DICTIONARY,
  type KbArticle,
  type KbArticleSummary,
  type KbListQuery,
  type KbRevision,
  type kbArticleInput,
  type kbArticlePatch,
} from '../../../shared/contracts/kb.js';
import type { Page } from '../../../shared/contracts/common.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, CoreErrors, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { createDictionariesService } from '../org/index.js';
import { KbErrors } from './kb.errors.js';
import { articleAuditView, toArticle, toRevisionSummary, toSummary } from './kb.mappers.js';
import { createKbRepository, type ArticleRow, type KbScope } from './kb.repository.js';
import { articleSearchText } from './kb.text.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events'>;
type Input = z.output<typeof kbArticleInput>;
type Patch = z.output<typeof kbArticlePatch>;

/** Reads the ticket an article came from, for its link (the tickets module answers). */
export type SourceTicketLookup = (db: Kysely<Database>, ticketId: number) => Promise<{ id: number; number: string; title: string } | null>;

export function scopeOf(actor: Actor): KbScope {
  return { all: actor.permissions.has('kb:read') };
}

/** Values of the active items of the category dictionary (a value, or the label when it has none). */
export async function activeCategories(deps: Pick<ModuleContext, 'db' | 'audit' | 'clock'>): Promise<Set<string>> {
  const dictionaries = await createDictionariesService(deps).list();
  const d = dictionaries.find((x) => x.code === KB_CATEGORY_DICTIONARY);
  return new Set((d?.items ?? []).filter((i) => i.enabled).map((i) => i.value || i.label));
}

const auditOf = (r: ArticleRow) => articleAuditView(toArticleFields(r));
function toArticleFields(r: ArticleRow) {
  const s = toSummary(r);
  return { title: s.title, bodyMarkdown: r.body_markdown, category: s.category, tags: s.tags, visibility: s.visibility, status: s.status };
}

export function createKbService({ db, audit, clock, events }: Deps, sourceTicket: SourceTicketLookup) {
  async function checkCategory(trx: Kysely<Database>, category: string, unchanged: string | null = null): Promise<void> {
    if (!category || category === unchanged) return;
    if (!(await activeCategories({ db: trx, audit, clock })).has(category))
      throw fieldError(KbErrors['kb.invalid_category'], 'category', 'invalid_value');
  }

  async function visibleRow(trx: Kysely<Database>, actor: Actor, id: number): Promise<ArticleRow> {
    const row = await createKbRepository(trx).visibleById(id, scopeOf(actor));
    if (!row) throw notFound('kb_article');
    return row;
  }

  async function full(trx: Kysely<Database>, actor: Actor, row: ArticleRow): Promise<KbArticle> {
    const repo = createKbRepository(trx);
    // Which ticket an FAQ entry came from is the technicians' business, not every reader's.
    const showTicket = row.source_ticket_id !== null && actor.permissions.has('tickets:read');
    const ticket = showTicket ? await sourceTicket(trx, row.source_ticket_id!) : null;
    const article = toArticle(row, {
      sourceTicket: ticket ? { id: ticket.id, number: ticket.number, title: ticket.title } : null,
      myFeedback: await repo.myFeedback(row.id, actor.userId),
      revisionCount: await repo.revisionCount(row.id),
      can: { edit: actor.permissions.has('kb:write') },
    });
    return showTicket ? article : { ...article, sourceTicketId: null };
  }

  const service = {
    async list(actor: Actor, q: KbListQuery): Promise<Page<KbArticleSummary>> {
      const { rows, total } = await createKbRepository(db).list(q, scopeOf(actor));
      const tickets = actor.permissions.has('tickets:read');
      const items = rows.map(toSummary).map((a) => (tickets ? a : { ...a, sourceTicketId: null }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /** One article the caller may read (others: not found); counts a view unless asked not to. */
    async get(actor: Actor, id: number, countView: boolean): Promise<KbArticle> {
      const row = await visibleRow(db, actor, id);
      if (countView) {
        await createKbRepository(db).countView(id);
        row.views = Number(row.views) + 1;
      }
      return full(db, actor, row);
    },

    async create(actor: Actor, input: Input, sourceTicketId: number | null = null): Promise<KbArticle> {
      const article = await inTransaction(db, (trx) => service.createIn(trx, actor, input, sourceTicketId));
      events.emit('kb.article.created', { id: article.id });
      if (article.status === 'published') events.emit('kb.article.published', { id: article.id });
      return article;
    },

    async createIn(trx: Kysely<Database>, actor: Actor, input: Input, sourceTicketId: number | null): Promise<KbArticle> {
      await checkCategory(trx, input.category);
      const now = clock.now();
      const repo = createKbRepository(trx);
      const id = await repo.insert(
        {
          title: input.title,
          body_markdown: input.bodyMarkdown,
          category: input.category,
          tags: input.tags,
          visibility: input.visibility,
          status: input.status,
          source_ticket_id: sourceTicketId,
          user_id: actor.userId,
          now,
          published_at: input.status === 'published' ? now : null,
        },
        articleSearchText(input),
      );
      const row = (await repo.byId(id))!;
      await audit.record(trx, actor, {
        action: 'create',
        entityType: 'kb_article',
        entityId: id,
        summary: input.title,
        after: { ...auditOf(row), ...(sourceTicketId ? { sourceTicketId } : {}) },
      });
      return full(trx, actor, row);
    },

    async update(actor: Actor, id: number, patch: Patch): Promise<KbArticle> {
      const { article, changed, published } = await inTransaction(db, (trx) => service.updateIn(trx, actor, id, patch));
      if (changed) events.emit('kb.article.updated', { id });
      if (published) events.emit('kb.article.published', { id });
      return article;
    },

    /** Saves a change; the title and body it replaces become a revision. */
    async updateIn(
      trx: Kysely<Database>,
      actor: Actor,
      id: number,
      patch: Patch,
      restoredFrom: number | null = null,
    ): Promise<{ article: KbArticle; changed: boolean; published: boolean }> {
      const repo = createKbRepository(trx);
      const before = await repo.byId(id);
      if (!before) throw notFound('kb_article');
      if (patch.baseUpdatedAt !== undefined && patch.baseUpdatedAt !== Number(before.updated_at))
        throw new AppError(KbErrors['kb.edit_conflict'], [
          { reason: 'edit_conflict', params: { updatedAt: Number(before.updated_at), updatedBy: before.updated_by_name } },
        ]);
      const current = toArticleFields(before);
      const next = {
        title: patch.title ?? current.title,
        bodyMarkdown: patch.bodyMarkdown ?? current.bodyMarkdown,
        category: patch.category ?? current.category,
        tags: patch.tags ?? current.tags,
        visibility: patch.visibility ?? current.visibility,
        status: patch.status ?? current.status,
      };
      await checkCategory(trx, next.category, current.category);
      const diff = changedFields(articleAuditView(current), articleAuditView(next));
      if (!Object.keys(diff.after).length) return { article: await full(trx, actor, before), changed: false, published: false };
      const now = Math.max(clock.now(), Number(before.updated_at) + 1);
      if (next.title !== current.title || next.bodyMarkdown !== current.bodyMarkdown) await repo.addRevision(before, actor.userId, now);
      const published = next.status === 'published' && current.status !== 'published';
      await repo.update(
        id,
        {
          title: next.title,
          body_markdown: next.bodyMarkdown,
          category: next.category,
          tags: next.tags,
          visibility: next.visibility,
          status: next.status,
          user_id: actor.userId,
          now,
          published_at: next.status === 'draft' ? null : published ? now : before.published_at,
        },
        articleSearchText(next),
      );
      await audit.record(trx, actor, {
        action: published ? 'publish' : 'update',
        entityType: 'kb_article',
        entityId: id,
        summary: next.title,
        before: diff.before,
        after: restoredFrom === null ? diff.after : { ...diff.after, restoredFromRevision: restoredFrom },
      });
      return { article: await full(trx, actor, (await repo.byId(id))!), changed: true, published };
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const repo = createKbRepository(trx);
        const before = await repo.byId(id);
        if (!before) throw notFound('kb_article');
        await repo.remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'kb_article',
          entityId: id,
          summary: before.title,
          before: auditOf(before),
        });
      });
      // The attachments go with it (the system module listens for '<type>.deleted').
      events.emit('kb_article.deleted', { id });
    },

    // ---- revisions ----
    async revisions(actor: Actor, id: number) {
      await visibleRow(db, actor, id);
      return { items: (await createKbRepository(db).revisions(id)).map(toRevisionSummary) };
    },

    async revision(actor: Actor, id: number, rev: number): Promise<KbRevision> {
      await visibleRow(db, actor, id);
      const r = await createKbRepository(db).revision(id, rev);
      if (!r) throw notFound('kb_revision');
      return { ...toRevisionSummary(r), bodyMarkdown: r.body_markdown };
    },

    /** Brings back an earlier title and body as a new save (so the restore itself can be undone). */
    async restore(actor: Actor, id: number, rev: number): Promise<KbArticle> {
      const { article, changed } = await inTransaction(db, async (trx) => {
        const r = await createKbRepository(trx).revision(id, rev);
        if (!r) throw notFound('kb_revision');
        return service.updateIn(trx, actor, id, { title: r.title, bodyMarkdown: r.body_markdown }, rev);
      });
      if (changed) events.emit('kb.article.updated', { id });
      return article;
    },

    // ---- feedback ----
    async feedback(actor: Actor, id: number, helpful: boolean) {
      if (actor.userId === null) throw new AppError(CoreErrors['auth.forbidden']);
      const userId = actor.userId;
      return inTransaction(db, async (trx) => {
        const row = await visibleRow(trx, actor, id);
        if (row.status !== 'published') throw notFound('kb_article');
        const repo = createKbRepository(trx);
        if (!(await repo.addFeedback(id, userId, helpful, clock.now())))
          throw new AppError(KbErrors['kb.feedback_given'], [{ reason: 'feedback_given' }]);
        await audit.record(trx, actor, {
          action: 'feedback',
          entityType: 'kb_article',
          entityId: id,
          summary: row.title,
          after: { helpful },
        });
        const after = (await repo.byId(id))!;
        return { helpfulYes: Number(after.helpful_yes), helpfulNo: Number(after.helpful_no), myFeedback: helpful };
      });
    },

    // ---- tags ----
    async tags(actor: Actor) {
      const rows = await createKbRepository(db).tags(scopeOf(actor));
      return { items: rows.map((r) => ({ tag: r.tag, count: Number(r.n) })) };
    },

    /** For attachments: the article exists and the caller may read it. */
    assertVisible: (actor: Actor, id: number) => visibleRow(db, actor, id).then(() => undefined),
  };
  return service;
}

export type KbService = ReturnType<typeof createKbService>;
