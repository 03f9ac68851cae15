// The knowledge base (知识库): Markdown articles with categories, tags and visibility
// (technicians only, or every signed-in person as FAQ), their revisions, "was this helpful"
// feedback, drafts made from resolved tickets, and similar-article suggestions.
// Shared by the server (validation) and the web (forms).
import { z } from 'zod';
import { epochMs, id, line, pageOf, pageQuery, requiredLine } from './common.js';

// ---- vocabulary ----
/** technicians: internal notes; staff: an FAQ entry every signed-in person may read once published. */
export const KB_VISIBILITIES = ['technicians', 'staff'] as const;
export const kbVisibility = z.enum(KB_VISIBILITIES);
export type KbVisibility = z.infer<typeof kbVisibility>;

export const KB_STATUSES = ['draft', 'published'] as const;
export const kbStatus = z.enum(KB_STATUSES);
export type KbStatus = z.infer<typeof kbStatus>;

export const KB_SORTS = ['updatedAt', 'createdAt', 'publishedAt', 'title', 'views', 'helpful'] as const;

/** The dictionary of article categories (created on start, editable by the administrator). */
export const KB_CATEGORY_DICTIONARY = 'kb_category';
/** Its initial items: values are stable codes, labels are what people read. */
export const KB_DEFAULT_CATEGORIES = [
  { value: 'faq', label: '常见问题' },
  { value: 'howto', label: '操作指南' },
  { value: 'troubleshooting', label: '故障处理' },
  { value: 'network', label: '网络' },
  { value: 'printing', label: '打印' },
  { value: 'software', label: '软件' },
  { value: 'account', label: '账号与密码' },
  { value: 'policy', label: '规章制度' },
] as const;

export const KB_TITLE_MAX = 200;
/** About 100 pages of text; a longer "article" is a file to attach. */
export const KB_BODY_MAX = 100_000;
export const KB_TAG_MAX = 30;
export const KB_TAGS_MAX = 20;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Markdown source. Stored verbatim as text (line ends made \n, trailing blanks dropped) and never
 * turned into HTML on the server: leading spaces matter to Markdown, so the start is kept.
 */
export const markdownBody = z
  .string()
  .max(KB_BODY_MAX)
  .refine((s) => !CONTROL.test(s), { message: 'control_characters' })
  .transform((s) => s.replace(/\r\n?/g, '\n').replace(/\s+$/, ''));

/** Tags: trimmed, non-empty, no commas (the filter and the URL use them), duplicates dropped. */
export const kbTags = z
  .array(requiredLine(KB_TAG_MAX).refine((s) => !/[,，]/.test(s), { message: 'no_commas' }))
  .max(KB_TAGS_MAX)
  .transform((tags) => [...new Set(tags)]);

// ---- writes ----
export const kbArticleInput = z.strictObject({
  title: requiredLine(KB_TITLE_MAX),
  bodyMarkdown: markdownBody.default(''),
  /** Value of an active item of the kb_category dictionary; empty = not classified. */
  category: line(60).default(''),
  tags: kbTags.default([]),
  visibility: kbVisibility.default('technicians'),
  status: kbStatus.default('draft'),
});
export type KbArticleInput = z.input<typeof kbArticleInput>;

export const kbArticlePatch = z.strictObject({
  title: requiredLine(KB_TITLE_MAX).optional(),
  bodyMarkdown: markdownBody.optional(),
  category: line(60).optional(),
  tags: kbTags.optional(),
  visibility: kbVisibility.optional(),
  status: kbStatus.optional(),
  /**
   * The updatedAt the editor started from: when someone saved in between, the save is refused
   * (kb.edit_conflict) instead of silently overwriting their work.
   */
  baseUpdatedAt: epochMs.optional(),
});
export type KbArticlePatch = z.input<typeof kbArticlePatch>;

export const kbFeedbackInput = z.strictObject({ helpful: z.boolean() });

// ---- params and queries ----
export const kbRevisionParam = z.strictObject({ id, rev: id });
export const kbAttachmentParam = z.strictObject({ id, attachmentId: id });
export const kbTicketParam = z.strictObject({ ticketId: id });
/** GET one article: the editor reads without counting a view. */
export const kbArticleQuery = z.strictObject({ countView: z.enum(['0', '1']).default('1') });

export const kbListQuery = z.strictObject({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(KB_SORTS).default('updatedAt'),
  category: line(60).optional(),
  tag: line(KB_TAG_MAX).optional(),
  status: kbStatus.optional(),
  visibility: kbVisibility.optional(),
});
export type KbListQuery = z.infer<typeof kbListQuery>;

export const kbSuggestQuery = z.strictObject({ text: z.string().trim().min(2).max(2000) });

// ---- responses ----
export const kbArticleSummary = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  visibility: kbVisibility,
  status: kbStatus,
  /** The start of the body as plain text, for lists. */
  excerpt: z.string(),
  views: z.number(),
  helpfulYes: z.number(),
  helpfulNo: z.number(),
  sourceTicketId: z.number().nullable(),
  authorName: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  publishedAt: epochMs.nullable(),
});
export type KbArticleSummary = z.infer<typeof kbArticleSummary>;
export const kbArticlePage = pageOf(kbArticleSummary);

export const kbArticle = kbArticleSummary.extend({
  bodyMarkdown: z.string(),
  authorUserId: z.number().nullable(),
  updatedByName: z.string().nullable(),
  /** The ticket the article was drafted from (null when it is gone or was never one). */
  sourceTicket: z.object({ id: z.number(), number: z.string(), title: z.string() }).nullable(),
  /** The caller's own answer to "was this helpful" (null: not answered yet). */
  myFeedback: z.boolean().nullable(),
  revisionCount: z.number(),
  can: z.object({ edit: z.boolean() }),
});
export type KbArticle = z.infer<typeof kbArticle>;

/** A earlier version: the title and body as they were before a save replaced them. */
export const kbRevisionSummary = z.object({
  rev: z.number(),
  title: z.string(),
  /** Who wrote that version, and when it was saved. */
  editorName: z.string().nullable(),
  editedAt: epochMs,
  /** Who replaced it, and when. */
  replacedByName: z.string().nullable(),
  replacedAt: epochMs,
});
export const kbRevisionList = z.object({ items: z.array(kbRevisionSummary) });
export const kbRevision = kbRevisionSummary.extend({ bodyMarkdown: z.string() });
export type KbRevision = z.infer<typeof kbRevision>;

export const kbFeedbackResult = z.object({ helpfulYes: z.number(), helpfulNo: z.number(), myFeedback: z.boolean() });

export const kbTagList = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number() })) });

export const kbSuggestion = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  visibility: kbVisibility,
  /** 0–1: how much of the text the article's title and body share. */
  score: z.number(),
});
export type KbSuggestion = z.infer<typeof kbSuggestion>;
export const kbSuggestionList = z.object({ items: z.array(kbSuggestion) });

export const kbAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  createdAt: epochMs,
});
export const kbAttachmentList = z.object({ items: z.array(kbAttachment) });
