// Row → response shapes, and the field view the audit trail records.
import type { KbArticle, KbArticleSummary, KbStatus, KbVisibility } from '../../../shared/contracts/kb.js';
import { fromJson } from '../../db/dialect.js';
import type { ArticleRow, RevisionRow } from './kb.repository.js';
import { excerptOf } from './kb.text.js';

const tagsOf = (value: unknown): string[] => {
  const tags = fromJson<unknown>(value);
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
};

export function toSummary(r: ArticleRow): KbArticleSummary {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    tags: tagsOf(r.tags),
    visibility: r.visibility as KbVisibility,
    status: r.status as KbStatus,
    excerpt: excerptOf(r.body_markdown),
    views: Number(r.views),
    helpfulYes: Number(r.helpful_yes),
    helpfulNo: Number(r.helpful_no),
    sourceTicketId: r.source_ticket_id,
    authorName: r.author_name,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    publishedAt: r.published_at === null ? null : Number(r.published_at),
  };
}

export function toArticle(r: ArticleRow, extra: Pick<KbArticle, 'sourceTicket' | 'myFeedback' | 'revisionCount' | 'can'>): KbArticle {
  return {
    ...toSummary(r),
    bodyMarkdown: r.body_markdown,
    authorUserId: r.author_user_id,
    updatedByName: r.updated_by_name,
    ...extra,
  };
}

export function toRevisionSummary(r: Omit<RevisionRow, 'body_markdown'>) {
  return {
    rev: r.rev,
    title: r.title,
    editorName: r.editor_name,
    editedAt: Number(r.edited_at),
    replacedByName: r.replaced_by_name,
    replacedAt: Number(r.replaced_at),
  };
}

/** Longer bodies are cut in the audit trail: the revisions keep every word. */
const AUDIT_BODY_CHARS = 1000;

/** The editable fields as the audit trail records them. */
export function articleAuditView(a: {
  title: string;
  bodyMarkdown: string;
  category: string;
  tags: string[];
  visibility: string;
  status: string;
}) {
  const chars = Array.from(a.bodyMarkdown);
  return {
    title: a.title,
    bodyMarkdown: chars.length > AUDIT_BODY_CHARS ? `${chars.slice(0, AUDIT_BODY_CHARS).join('')}…` : a.bodyMarkdown,
    bodyLength: chars.length,
    category: a.category,
    tags: a.tags,
    visibility: a.visibility,
    status: a.status,
  };
}
