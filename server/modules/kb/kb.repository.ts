// Every query of the knowledge-base tables. What a caller may see is part of each query
// (staff: published FAQ only), never filtered after it.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { KbListQuery } from '../../../shared/contracts/kb.js';
import { pageWindow } from '../../core/listing.js';
import type { Database } from '../../db/database.js';
import {
  isUniqueViolation,
  likePattern,
  normaliseSearch,
  planSearch,
  removeSearchIndex,
  toJson,
  writeSearchIndex,
} from '../../db/dialect.js';
import type { KbArticlesTable, KbRevisionsTable } from './kb.tables.js';

/** Who is reading: technicians (kb:read) see every article; everyone else the published FAQ. */
export interface KbScope {
  all: boolean;
}

export type ArticleRow = Selectable<KbArticlesTable> & {
  author_name: string | null;
  updated_by_name: string | null;
};
export type RevisionRow = Selectable<KbRevisionsTable> & { editor_name: string | null; replaced_by_name: string | null };

export interface ArticleValues {
  title: string;
  body_markdown: string;
  category: string;
  tags: string[];
  visibility: string;
  status: string;
}

const SORT = {
  updatedAt: 'kb_articles.updated_at',
  createdAt: 'kb_articles.created_at',
  publishedAt: 'kb_articles.published_at',
  title: 'kb_articles.title',
  views: 'kb_articles.views',
  helpful: 'kb_articles.helpful_yes',
} as const;

type Eb = ExpressionBuilder<Database, 'kb_articles'>;

/** The rows a scope may read, as a condition on kb_articles. */
function visible(eb: Eb, scope: KbScope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return eb.and([eb('kb_articles.status', '=', 'published'), eb('kb_articles.visibility', '=', 'staff')]);
}

export function createKbRepository(db: Kysely<Database>) {
  async function myFeedback(id: number, userId: number | null): Promise<boolean | null> {
    if (userId === null) return null;
    const r = await db
      .selectFrom('kb_feedback')
      .select('helpful')
      .where('article_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r ? !!r.helpful : null;
  }

  const withNames = () =>
    db
      .selectFrom('kb_articles')
      .leftJoin('users as author', 'author.id', 'kb_articles.author_user_id')
      .leftJoin('users as editor', 'editor.id', 'kb_articles.updated_by_user_id')
      .selectAll('kb_articles')
      .select(['author.name as author_name', 'editor.name as updated_by_name']);

  async function writeTags(id: number, tags: string[]): Promise<void> {
    await db.deleteFrom('kb_article_tags').where('article_id', '=', id).execute();
    if (tags.length)
      await db
        .insertInto('kb_article_tags')
        .values(tags.map((tag) => ({ article_id: id, tag })))
        .execute();
  }

  return {
    async list(q: KbListQuery, scope: KbScope): Promise<{ rows: ArticleRow[]; total: number }> {
      const plan = q.q ? await planSearch(db, 'kb_articles', q.q) : null;
      const where = (eb: Eb) => {
        const all: Expression<SqlBool>[] = [visible(eb, scope)];
        if (plan) all.push(plan.condition);
        if (q.category !== undefined) all.push(eb('kb_articles.category', '=', q.category));
        if (q.status) all.push(eb('kb_articles.status', '=', q.status));
        if (q.visibility) all.push(eb('kb_articles.visibility', '=', q.visibility));
        if (q.tag)
          all.push(
            eb(
              'kb_articles.id',
              'in',
              eb.selectFrom('kb_article_tags').select('kb_article_tags.article_id').where('kb_article_tags.tag', '=', q.tag),
            ),
          );
        return eb.and(all);
      };
      const count = await db
        .selectFrom('kb_articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where)
        .executeTakeFirstOrThrow();
      const total = Number(count.n);
      if (!total) return { rows: [], total };
      const { limit, offset } = pageWindow(q);
      const rows = await withNames()
        .where(where)
        .orderBy(sql.ref(SORT[q.sort]), (ob) => (q.order === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
        .orderBy('kb_articles.id', q.order)
        .limit(limit)
        .offset(offset)
        .execute();
      return { rows, total };
    },

    byId: (id: number) => withNames().where('kb_articles.id', '=', id).executeTakeFirst(),

    /** The article only when the scope may read it (others look as if it did not exist). */
    visibleById: (id: number, scope: KbScope) =>
      withNames()
        .where('kb_articles.id', '=', id)
        .where((eb) => visible(eb, scope))
        .executeTakeFirst(),

    async exists(id: number): Promise<boolean> {
      return !!(await db.selectFrom('kb_articles').select('id').where('id', '=', id).executeTakeFirst());
    },

    async insert(
      v: ArticleValues & { source_ticket_id: number | null; user_id: number | null; now: number; published_at: number | null },
      searchText: string,
    ): Promise<number> {
      const { id } = await db
        .insertInto('kb_articles')
        .values({
          title: v.title,
          body_markdown: v.body_markdown,
          category: v.category,
          tags: toJson(v.tags),
          visibility: v.visibility,
          status: v.status,
          source_ticket_id: v.source_ticket_id,
          author_user_id: v.user_id,
          updated_by_user_id: v.user_id,
          created_at: v.now,
          updated_at: v.now,
          published_at: v.published_at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeTags(id, v.tags);
      await writeSearchIndex(db, 'kb_articles', id, searchText);
      return id;
    },

    async update(
      id: number,
      v: ArticleValues & { user_id: number | null; now: number; published_at: number | null },
      searchText: string,
    ): Promise<void> {
      await db
        .updateTable('kb_articles')
        .set({
          title: v.title,
          body_markdown: v.body_markdown,
          category: v.category,
          tags: toJson(v.tags),
          visibility: v.visibility,
          status: v.status,
          updated_by_user_id: v.user_id,
          updated_at: v.now,
          published_at: v.published_at,
        })
        .where('id', '=', id)
        .execute();
      await writeTags(id, v.tags);
      await writeSearchIndex(db, 'kb_articles', id, searchText);
    },

    async remove(id: number): Promise<void> {
      await db.deleteFrom('kb_article_tags').where('article_id', '=', id).execute();
      await db.deleteFrom('kb_revisions').where('article_id', '=', id).execute();
      await db.deleteFrom('kb_feedback').where('article_id', '=', id).execute();
      await removeSearchIndex(db, 'kb_articles', id);
      await db.deleteFrom('kb_articles').where('id', '=', id).execute();
    },

    async countView(id: number): Promise<void> {
      await db
        .updateTable('kb_articles')
        .set((eb) => ({ views: eb('views', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    // ---- revisions ----
    async revisionCount(id: number): Promise<number> {
      const r = await db
        .selectFrom('kb_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('article_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async addRevision(
      before: Pick<ArticleRow, 'id' | 'title' | 'body_markdown' | 'updated_by_user_id' | 'updated_at'>,
      replacedBy: number | null,
      now: number,
    ): Promise<void> {
      const last = await db
        .selectFrom('kb_revisions')
        .select((eb) => eb.fn.max('rev').as('rev'))
        .where('article_id', '=', before.id)
        .executeTakeFirst();
      await db
        .insertInto('kb_revisions')
        .values({
          article_id: before.id,
          rev: Number(last?.rev ?? 0) + 1,
          title: before.title,
          body_markdown: before.body_markdown,
          edited_by_user_id: before.updated_by_user_id,
          edited_at: Number(before.updated_at),
          replaced_by_user_id: replacedBy,
          replaced_at: now,
        })
        .execute();
    },

    revisions: (id: number): Promise<Omit<RevisionRow, 'body_markdown'>[]> =>
      db
        .selectFrom('kb_revisions')
        .leftJoin('users as editor', 'editor.id', 'kb_revisions.edited_by_user_id')
        .leftJoin('users as replacer', 'replacer.id', 'kb_revisions.replaced_by_user_id')
        .select([
          'kb_revisions.id',
          'kb_revisions.article_id',
          'kb_revisions.rev',
          'kb_revisions.title',
          'kb_revisions.edited_by_user_id',
          'kb_revisions.edited_at',
          'kb_revisions.replaced_by_user_id',
          'kb_revisions.replaced_at',
          'editor.name as editor_name',
          'replacer.name as replaced_by_name',
        ])
        .where('kb_revisions.article_id', '=', id)
        .orderBy('kb_revisions.rev', 'desc')
        .execute(),

    revision: (id: number, rev: number): Promise<RevisionRow | undefined> =>
      db
        .selectFrom('kb_revisions')
        .leftJoin('users as editor', 'editor.id', 'kb_revisions.edited_by_user_id')
        .leftJoin('users as replacer', 'replacer.id', 'kb_revisions.replaced_by_user_id')
        .selectAll('kb_revisions')
        .select(['editor.name as editor_name', 'replacer.name as replaced_by_name'])
        .where('kb_revisions.article_id', '=', id)
        .where('kb_revisions.rev', '=', rev)
        .executeTakeFirst(),

    // ---- feedback ----
    myFeedback,

    /** False when this person has answered already (the primary key decides, also under races). */
    async addFeedback(id: number, userId: number, helpful: boolean, now: number): Promise<boolean> {
      // Checked first because on PostgreSQL a failed insert aborts the whole transaction; the
      // primary key still decides when two answers race.
      if ((await myFeedback(id, userId)) !== null) return false;
      try {
        await db
          .insertInto('kb_feedback')
          .values({ article_id: id, user_id: userId, helpful: helpful ? 1 : 0, created_at: now })
          .execute();
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
      await db
        .updateTable('kb_articles')
        .set((eb) => (helpful ? { helpful_yes: eb('helpful_yes', '+', 1) } : { helpful_no: eb('helpful_no', '+', 1) }))
        .where('id', '=', id)
        .execute();
      return true;
    },

    // ---- tags ----
    tags: (scope: KbScope) =>
      db
        .selectFrom('kb_article_tags')
        .innerJoin('kb_articles', 'kb_articles.id', 'kb_article_tags.article_id')
        .select(['kb_article_tags.tag', (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => visible(eb as unknown as Eb, scope))
        .groupBy('kb_article_tags.tag')
        .orderBy('n', 'desc')
        .orderBy('kb_article_tags.tag')
        .limit(500)
        .execute(),

    // ---- suggestions ----
    /**
     * Published articles the scope may read that share the most bigrams with the text, plus those
     * naming one of its Latin words; at most `cap` in all.
     */
    async suggestionCandidates(grams: string[], words: string[], scope: KbScope, cap = 60) {
      const ids = new Set<number>();
      const published = (eb: Eb) => eb.and([eb('kb_articles.status', '=', 'published'), visible(eb, scope)]);
      if (grams.length) {
        const rows = await db
          .selectFrom('kb_articles_grams')
          .innerJoin('kb_articles', 'kb_articles.id', 'kb_articles_grams.id')
          .select(['kb_articles_grams.id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('kb_articles_grams.gram', 'in', grams)
          .where((eb) => published(eb as unknown as Eb))
          .groupBy('kb_articles_grams.id')
          .orderBy('n', 'desc')
          .limit(cap)
          .execute();
        for (const r of rows) ids.add(Number(r.id));
      }
      for (const word of words.slice(0, 5)) {
        const rows = await db
          .selectFrom('kb_articles')
          .select('id')
          .where(sql<SqlBool>`search_text like ${likePattern(normaliseSearch(word))} escape '\\'`)
          .where(published)
          .orderBy('updated_at', 'desc')
          .limit(20)
          .execute();
        for (const r of rows) ids.add(r.id);
      }
      if (!ids.size) return [];
      return db
        .selectFrom('kb_articles')
        .select(['id', 'title', 'category', 'visibility', 'search_text'])
        .where('id', 'in', [...ids])
        .execute();
    },

    /** How many articles hold each bigram, and how many articles there are (for the weights). */
    async gramFrequencies(grams: string[]): Promise<{ documents: number; frequencies: Map<string, number> }> {
      const docs = await db
        .selectFrom('kb_articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const frequencies = new Map<string, number>();
      if (grams.length) {
        const rows = await db
          .selectFrom('kb_articles_grams')
          .select(['gram', (eb) => eb.fn.countAll<number>().as('n')])
          .where('gram', 'in', grams)
          .groupBy('gram')
          .execute();
        for (const r of rows) frequencies.set(r.gram, Number(r.n));
      }
      return { documents: Number(docs.n), frequencies };
    },
  };
}

export type KbRepository = ReturnType<typeof createKbRepository>;
