// /api/kb: path, schema, permission, one service call. Reading is for every signed-in person
// (the service narrows staff to the published FAQ); writing needs kb:write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  kbArticle,
  kbArticleInput,
  kbArticlePage,
  kbArticlePatch,
  kbArticleQuery,
  kbAttachmentList,
  kbAttachmentParam,
  kbFeedbackInput,
  kbFeedbackResult,
  kbListQuery,
  kbRevision,
  kbRevisionList,
  kbRevisionParam,
  kbSuggestionList,
  kbSuggestQuery,
  kbTagList,
  kbTicketParam,
  type KbArticle,
} from '../../../shared/contracts/kb.js';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import type { Actor } from '../../core/actor.js';
import type { createKbAttachments } from './kb.attachments.js';
import type { KbService } from './kb.service.js';
import { suggestArticles } from './kb.suggest.js';
import type { ModuleContext } from '../../core/module.js';

export interface KbRouteDeps {
  kb: KbService;
  attachments: ReturnType<typeof createKbAttachments>;
  fromTicket(actor: Actor, ticketId: number): Promise<KbArticle>;
}

export function registerKbRoutes(app: FastifyInstance, ctx: ModuleContext, d: KbRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };
  const read = { access: 'kb:read' as const };
  const write = { access: 'kb:write' as const };
  const tags = ['knowledge base'];

  r.get(
    '/api/kb/articles',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Articles the caller may read (staff: the published FAQ)',
        querystring: kbListQuery,
        response: { 200: kbArticlePage },
      },
    },
    (req) => d.kb.list(req.actor, req.query),
  );
  r.get(
    '/api/kb/articles/:id',
    {
      config: signedIn,
      schema: { tags, summary: 'One article (counts a view)', params: idParam, querystring: kbArticleQuery, response: { 200: kbArticle } },
    },
    (req) => d.kb.get(req.actor, req.params.id, req.query.countView === '1'),
  );
  r.post(
    '/api/kb/articles',
    { config: write, schema: { tags, summary: 'Write an article', body: kbArticleInput, response: { 200: kbArticle } } },
    (req) => d.kb.create(req.actor, req.body),
  );
  r.post(
    '/api/kb/articles/from-ticket/:ticketId',
    {
      config: write,
      schema: { tags, summary: 'Draft an article from a resolved or closed ticket', params: kbTicketParam, response: { 200: kbArticle } },
    },
    (req) => d.fromTicket(req.actor, req.params.ticketId),
  );
  r.patch(
    '/api/kb/articles/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an article (the old title and body become a revision)',
        params: idParam,
        body: kbArticlePatch,
        response: { 200: kbArticle },
      },
    },
    (req) => d.kb.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/kb/articles/:id',
    { config: write, schema: { tags, summary: 'Delete an article with its revisions', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await d.kb.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/kb/articles/:id/revisions',
    { config: read, schema: { tags, summary: 'Earlier versions, newest first', params: idParam, response: { 200: kbRevisionList } } },
    (req) => d.kb.revisions(req.actor, req.params.id),
  );
  r.get(
    '/api/kb/articles/:id/revisions/:rev',
    {
      config: read,
      schema: { tags, summary: 'One earlier version with its text', params: kbRevisionParam, response: { 200: kbRevision } },
    },
    (req) => d.kb.revision(req.actor, req.params.id, req.params.rev),
  );
  r.post(
    '/api/kb/articles/:id/revisions/:rev/restore',
    {
      config: write,
      schema: { tags, summary: 'Bring back an earlier title and body', params: kbRevisionParam, response: { 200: kbArticle } },
    },
    (req) => d.kb.restore(req.actor, req.params.id, req.params.rev),
  );

  r.post(
    '/api/kb/articles/:id/feedback',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Was this article helpful (once per person)',
        params: idParam,
        body: kbFeedbackInput,
        response: { 200: kbFeedbackResult },
      },
    },
    (req) => d.kb.feedback(req.actor, req.params.id, req.body.helpful),
  );

  r.get(
    '/api/kb/articles/:id/attachments',
    { config: signedIn, schema: { tags, summary: "An article's files", params: idParam, response: { 200: kbAttachmentList } } },
    (req) => d.attachments.list(req.actor, req.params.id),
  );
  r.get(
    '/api/kb/articles/:id/attachments/:attachmentId',
    { config: signedIn, schema: { tags, summary: 'Download (images and PDF inline)', params: kbAttachmentParam } },
    (req, reply) => d.attachments.send(req.actor, req.params.id, req.params.attachmentId, reply),
  );

  r.get(
    '/api/kb/tags',
    { config: signedIn, schema: { tags, summary: 'Tags of the articles the caller may read, with counts', response: { 200: kbTagList } } },
    (req) => d.kb.tags(req.actor),
  );
  r.get(
    '/api/kb/suggest',
    {
      config: signedIn,
      schema: { tags, summary: 'Published articles similar to a text', querystring: kbSuggestQuery, response: { 200: kbSuggestionList } },
    },
    async (req) => ({ items: await suggestArticles(ctx.db, req.actor, req.query.text) }),
  );
}
