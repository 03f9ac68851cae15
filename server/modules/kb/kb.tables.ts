import type { Generated } from 'kysely';

export interface KbArticlesTable {
  id: Generated<number>;
  title: string;
  body_markdown: string;
  category: string;
  /** JSON array of strings; kb_article_tags holds the same tags for filtering. */
  tags: unknown;
  visibility: string;
  status: string;
  source_ticket_id: number | null;
  author_user_id: number | null;
  updated_by_user_id: number | null;
  views: Generated<number>;
  helpful_yes: Generated<number>;
  helpful_no: Generated<number>;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  search_text: Generated<string>;
}

export interface KbArticleTagsTable {
  article_id: number;
  tag: string;
}

export interface KbRevisionsTable {
  id: Generated<number>;
  article_id: number;
  rev: number;
  title: string;
  body_markdown: string;
  edited_by_user_id: number | null;
  edited_at: number;
  replaced_by_user_id: number | null;
  replaced_at: number;
}

export interface KbFeedbackTable {
  article_id: number;
  user_id: number;
  helpful: number;
  created_at: number;
}

/** The CJK bigram index of the articles' search text (see db/dialect.ts). */
export interface KbArticleGramsTable {
  gram: string;
  id: number;
}

export interface KbTables {
  kb_articles: KbArticlesTable;
  kb_articles_grams: KbArticleGramsTable;
  kb_article_tags: KbArticleTagsTable;
  kb_revisions: KbRevisionsTable;
  kb_feedback: KbFeedbackTable;
}
