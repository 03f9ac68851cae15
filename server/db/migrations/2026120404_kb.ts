// The knowledge base (知识库): articles, their tags (a table beside the JSON column, so filtering
// and counting by tag is an index lookup on both databases), revisions, one feedback answer per
// person and article, and the search structures of the articles' text.
import type { Kysely } from 'kysely';
import { autoId, bigint, createSearchStructures, dialectOf, jsonType } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const id = autoId(kind);
  const ms = bigint(kind);

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_markdown', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', jsonType(kind), (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_yes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('published_at', ms)
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('kb_articles').columns(columns).execute();
  await index('kb_articles_updated', ['updated_at', 'id']);
  // What staff may read (published FAQ) and the technicians' status / visibility filters.
  await index('kb_articles_status_visibility', ['status', 'visibility', 'updated_at']);
  await index('kb_articles_category', ['category', 'updated_at']);
  await index('kb_articles_source_ticket', ['source_ticket_id']);
  await createSearchStructures(db, 'kb_articles');

  await db.schema
    .createTable('kb_article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_article_tags_pk', ['article_id', 'tag'])
    .execute();
  await db.schema.createIndex('kb_article_tags_tag').on('kb_article_tags').columns(['tag', 'article_id']).execute();

  await db.schema
    .createTable('kb_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('rev', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    // Who wrote the replaced version and when it was saved; who replaced it and when.
    .addColumn('edited_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('edited_at', ms, (c) => c.notNull())
    .addColumn('replaced_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('replaced_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_revisions_article_rev').on('kb_revisions').columns(['article_id', 'rev']).unique().execute();

  await db.schema
    .createTable('kb_feedback')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_feedback_pk', ['article_id', 'user_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
