// The knowledge base's endpoints as typed hooks. Every write invalidates the whole ['kb'] prefix:
// lists show titles and counts, the article page shows revisions and feedback.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import {
  KB_CATEGORY_DICTIONARY,
  kbArticle,
  kbArticlePage,
  kbAttachmentList,
  kbFeedbackResult,
  kbRevision,
  kbRevisionList,
  kbSuggestionList,
  kbTagList,
  type KbArticleInput,
  type KbArticlePatch,
} from '@shared/contracts/kb.js';
import { dictionaryListResponse } from '@shared/contracts/org.js';
import { attachment } from '@shared/contracts/system.js';
import { api, type Query } from '../../lib/api-client';
import { uploadWithProgress } from '../../lib/upload';

export const KB_KEY = ['kb'] as const;

function useWrite<Args, Result>(fn: (args: Args) => Promise<Result>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KB_KEY }) });
}

export function useCreateArticle() {
  return useWrite((input: KbArticleInput) => api('/api/kb/articles', { method: 'POST', body: input, schema: kbArticle }));
}
export function useUpdateArticle() {
  return useWrite(({ id, patch }: { id: number; patch: KbArticlePatch }) =>
    api(`/api/kb/articles/${id}`, { method: 'PATCH', body: patch, schema: kbArticle }),
  );
}
export function useDeleteArticle() {
  return useWrite((id: number) => api(`/api/kb/articles/${id}`, { method: 'DELETE' }));
}

/** One page of articles (the query takes the params of kbListQuery). */
export function useArticles(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['kb', 'articles', 'list', query],
    queryFn: ({ signal }) => api('/api/kb/articles', { query, schema: kbArticlePage, signal }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/**
 * One article. Reading it counts a view once per page visit: refetches after feedback or a
 * restore, and the editor's read, do not.
 */
export function useArticle(id: number | undefined, opts: { countView: boolean }) {
  const counted = useRef(!opts.countView);
  return useQuery({
    queryKey: ['kb', 'articles', 'one', id, opts.countView],
    queryFn: ({ signal }) => {
      const countView = counted.current ? '0' : '1';
      counted.current = true;
      return api(`/api/kb/articles/${id}`, { query: { countView }, schema: kbArticle, signal });
    },
    enabled: id !== undefined,
    refetchOnWindowFocus: false,
  });
}

/** A draft built from a resolved ticket; the editor opens it. */
export function useDraftFromTicket() {
  return useWrite((ticketId: number) => api(`/api/kb/articles/from-ticket/${ticketId}`, { method: 'POST', schema: kbArticle }));
}

// ---- revisions ----
export function useRevisions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['kb', 'articles', 'revisions', id],
    queryFn: ({ signal }) => api(`/api/kb/articles/${id}/revisions`, { schema: kbRevisionList, signal }),
    select: (r) => r.items,
    enabled,
  });
}
export function useRevision(id: number, rev: number | null) {
  return useQuery({
    queryKey: ['kb', 'articles', 'revision', id, rev],
    queryFn: ({ signal }) => api(`/api/kb/articles/${id}/revisions/${rev}`, { schema: kbRevision, signal }),
    enabled: rev !== null,
  });
}
export function useRestoreRevision() {
  return useWrite(({ id, rev }: { id: number; rev: number }) =>
    api(`/api/kb/articles/${id}/revisions/${rev}/restore`, { method: 'POST', schema: kbArticle }),
  );
}

// ---- feedback, tags, categories, suggestions ----
export function useFeedback() {
  return useWrite(({ id, helpful }: { id: number; helpful: boolean }) =>
    api(`/api/kb/articles/${id}/feedback`, { method: 'POST', body: { helpful }, schema: kbFeedbackResult }),
  );
}

export function useKbTags() {
  return useQuery({
    queryKey: ['kb', 'tags'],
    queryFn: ({ signal }) => api('/api/kb/tags', { schema: kbTagList, signal }),
    select: (r) => r.items,
    staleTime: 60_000,
  });
}

/** The article categories (the kb_category dictionary), in their order, with the switched-off ones marked. */
export function useKbCategories() {
  return useQuery({
    queryKey: ['kb', 'categories'],
    queryFn: ({ signal }) => api('/api/dictionaries', { schema: dictionaryListResponse, signal }),
    select: (r) =>
      (r.items.find((d) => d.code === KB_CATEGORY_DICTIONARY)?.items ?? [])
        .slice()
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((i) => ({ value: i.value || i.label, label: i.label, enabled: i.enabled })),
    staleTime: 5 * 60_000,
  });
}

/** Articles similar to a text (the editor warns about duplicates). */
export function useSimilarArticles(text: string) {
  return useQuery({
    queryKey: ['kb', 'suggest', text],
    queryFn: ({ signal }) => api('/api/kb/suggest', { query: { text }, schema: kbSuggestionList, signal }),
    select: (r) => r.items,
    enabled: text.trim().length >= 2,
    staleTime: 60_000,
  });
}

// ---- attachments ----
export const articleFileUrl = (articleId: number, attachmentId: number) => `/api/kb/articles/${articleId}/attachments/${attachmentId}`;

export function useArticleAttachments(id: number) {
  return useQuery({
    queryKey: ['kb', 'articles', 'attachments', id],
    queryFn: ({ signal }) => api(`/api/kb/articles/${id}/attachments`, { schema: kbAttachmentList, signal }),
    select: (r) => r.items,
  });
}

export function uploadArticleFile(articleId: number, file: File, onProgress: (percent: number) => void) {
  // The server reads the fields before the file part, so they go first.
  const form = new FormData();
  form.append('entityType', 'kb_article');
  form.append('entityId', String(articleId));
  form.append('file', file);
  return uploadWithProgress({ url: '/api/attachments', form, schema: attachment, onProgress });
}

export function useDeleteArticleFile() {
  return useWrite((attachmentId: number) => api(`/api/attachments/${attachmentId}`, { method: 'DELETE' }));
}
