// /api/tickets: reporting, lists, one ticket and its timeline, edits, settings, statistics,
// pickers, suggestions, and the ticket's files. The work on a ticket (state, assignment, comments,
// repairs, escalation, bulk) is in tickets.work.routes.ts. Path, schema, permission, one call.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common.js';
import { attachment, attachmentList } from '../../../shared/contracts/system.js';
import {
  suggestions,
  suggestQuery,
  ticket,
  ticketAttachmentParam,
  ticketCounts,
  ticketCreateInput,
  ticketListQuery,
  ticketLocationList,
  ticketLocationQuery,
  ticketPage,
  ticketSettings,
  ticketStats,
  ticketStatsQuery,
  ticketUpdateInput,
  ticketUpload,
  ticketUserList,
  timelinePage,
  timelineQuery,
} from '../../../shared/contracts/tickets.js';
import { AppError, CoreErrors } from '../../core/errors.js';
import { sendDownload } from '../../core/http/download.js';
import type { ModuleContext } from '../../core/module.js';
import { TICKET_UPLOAD_MAX_BYTES } from './tickets.attachments.js';
import { activeUsers } from './tickets.checks.js';
import { locationOptions } from './tickets.locations.js';
import { technicianUsers } from './tickets.notifications.js';
import type { TicketServices } from './tickets.services.js';
import { readTicketSettings, updateTicketSettings } from './tickets.settings.js';
import { ticketStats as computeStats } from './tickets.stats.js';
import { suggestFor } from './tickets.suggest.js';

/** The one file of a multipart request, its size capped for ticket photos. */
async function fileOf(req: FastifyRequest, maxBytes: number): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError(CoreErrors['file.missing']);
  const part = await req.file({ limits: { fileSize: maxBytes } });
  if (!part) throw new AppError(CoreErrors['file.missing']);
  const buffer = await part.toBuffer();
  if (!buffer.length) throw new AppError(CoreErrors['file.missing'], [{ reason: 'empty_file' }]);
  return { buffer, fileName: part.filename || 'file' };
}

export function registerTicketRoutes(app: FastifyInstance, ctx: ModuleContext, s: TicketServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };
  const read = { access: 'tickets:read' as const };
  const write = { access: 'tickets:write' as const };
  const tags = ['tickets'];
  const maxBytes = Math.min(TICKET_UPLOAD_MAX_BYTES, ctx.config.maxUploadBytes);

  r.post(
    '/api/tickets',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Report a fault (anyone, for themselves) or register a ticket or task (technicians)',
        body: ticketCreateInput,
        response: { 200: ticket },
      },
    },
    (req) => s.tickets.create(req.actor, req.body),
  );
  r.get(
    '/api/tickets',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Tickets (staff: only their own reports, or escalated to them)',
        querystring: ticketListQuery,
        response: { 200: ticketPage },
      },
    },
    (req) => s.tickets.list(req.actor, req.query),
  );
  r.get(
    '/api/tickets/counts',
    { config: signedIn, schema: { tags, summary: "Counts for the list's tabs", response: { 200: ticketCounts } } },
    (req) => s.tickets.counts(req.actor),
  );

  r.get(
    '/api/tickets/settings',
    { config: signedIn, schema: { tags, summary: 'Service targets and numbering', response: { 200: ticketSettings } } },
    () => readTicketSettings(ctx.db),
  );
  r.put(
    '/api/tickets/settings',
    {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Change service targets and numbering', body: ticketSettings, response: { 200: ticketSettings } },
    },
    (req) => updateTicketSettings(ctx.db, ctx, req.actor, req.body),
  );
  r.get(
    '/api/tickets/stats',
    {
      config: read,
      schema: {
        tags,
        summary: 'Statistics of a period (days in the organisation time zone)',
        querystring: ticketStatsQuery,
        response: { 200: ticketStats },
      },
    },
    (req) => computeStats(ctx.db, req.query.from, req.query.to, ctx.clock.now()),
  );
  r.get(
    '/api/tickets/technicians',
    { config: read, schema: { tags, summary: 'Users who work tickets (assignee picker)', response: { 200: ticketUserList } } },
    async () => ({
      items: await technicianUsers(ctx.db),
    }),
  );
  r.get(
    '/api/tickets/leader-candidates',
    { config: write, schema: { tags, summary: 'Active users a ticket can be escalated to', response: { 200: ticketUserList } } },
    async () => ({ items: await activeUsers(ctx.db) }),
  );
  r.get(
    '/api/tickets/locations',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Locations to pick where a fault is (anyone signed in; id, name, kind and path only)',
        querystring: ticketLocationQuery,
        response: { 200: ticketLocationList },
      },
    },
    (req) => locationOptions(ctx.db, req.query.q),
  );
  r.get(
    '/api/tickets/suggest',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Similar past tickets (technicians) and articles for a description',
        querystring: suggestQuery,
        response: { 200: suggestions },
      },
    },
    (req) => suggestFor(ctx.db, ctx, req.actor, req.query.text),
  );
  r.post(
    '/api/tickets/uploads',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Upload a photo or PDF for a report not sent yet (multipart, field "file")',
        consumes: ['multipart/form-data'],
        response: { 200: ticketUpload },
      },
    },
    async (req) => s.attachments.storePending(req.actor, await fileOf(req, maxBytes)),
  );

  r.get(
    '/api/tickets/:id',
    { config: signedIn, schema: { tags, summary: 'One ticket (staff: their own only)', params: idParam, response: { 200: ticket } } },
    (req) => s.tickets.get(req.actor, req.params.id),
  );
  r.get(
    '/api/tickets/:id/timeline',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Timeline, newest first, 50 a page (staff: public entries only)',
        params: idParam,
        querystring: timelineQuery,
        response: { 200: timelinePage },
      },
    },
    (req) => s.tickets.timeline(req.actor, req.params.id, req.query.before),
  );
  r.patch(
    '/api/tickets/:id',
    {
      config: write,
      schema: { tags, summary: 'Edit the fields of a ticket', params: idParam, body: ticketUpdateInput, response: { 200: ticket } },
    },
    (req) => s.tickets.update(req.actor, req.params.id, req.body),
  );

  r.get(
    '/api/tickets/:id/attachments',
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A ticket's files (staff: not those of internal notes)",
        params: idParam,
        response: { 200: attachmentList },
      },
    },
    async (req) => ({ items: await s.attachments.list(req.actor, req.params.id) }),
  );
  r.post(
    '/api/tickets/:id/attachments',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Add a file to a ticket (its reporter or a technician; multipart)',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 200: attachment },
      },
    },
    async (req) => s.attachments.upload(req.actor, req.params.id, await fileOf(req, maxBytes)),
  );
  r.get(
    '/api/tickets/:id/attachments/:attachmentId',
    { config: signedIn, schema: { tags, summary: "Download one of a ticket's files", params: ticketAttachmentParam } },
    async (req, reply) => {
      const file = await s.attachments.download(req.actor, req.params.id, req.params.attachmentId);
      if (file.inline)
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
          .send(file.body);
      return sendDownload(reply, file.body, file.fileName, file.mime);
    },
  );
}
