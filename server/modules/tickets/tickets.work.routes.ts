// /api/tickets/:id/…: the work on a ticket (state, assignment, comments, devices, related
// tickets, vendor repairs, escalation) and the list's bulk actions. Reporters reach the state
// and comment routes (signed_in); the service lets them confirm, reopen and comment in public only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common.js';
import {
  bulkAssignInput,
  bulkCloseInput,
  bulkResult,
  decisionInput,
  escalateInput,
  repairIdParam,
  repairInput,
  repairUpdateInput,
  ticket,
  ticketAssetsInput,
  ticketAssignInput,
  ticketCommentInput,
  ticketLinkInput,
  ticketTransitionInput,
} from '../../../shared/contracts/tickets.js';
import type { TicketServices } from './tickets.services.js';

export function registerTicketWorkRoutes(app: FastifyInstance, s: TicketServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };
  const write = { access: 'tickets:write' as const };
  const tags = ['ticket work'];
  const one = { 200: ticket };

  r.post(
    '/api/tickets/:id/transition',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change the state (reporters: confirm or reopen only)',
        params: idParam,
        body: ticketTransitionInput,
        response: one,
      },
    },
    (req) => s.work.transition(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/tickets/:id/assign',
    {
      config: write,
      schema: { tags, summary: 'Assign to a technician (or nobody)', params: idParam, body: ticketAssignInput, response: one },
    },
    (req) => s.work.assign(req.actor, req.params.id, req.body.assigneeUserId),
  );
  r.post(
    '/api/tickets/:id/comments',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Comment (reporters: public only) or internal note with time spent',
        params: idParam,
        body: ticketCommentInput,
        response: one,
      },
    },
    (req) => s.work.comment(req.actor, req.params.id, req.body),
  );
  r.put(
    '/api/tickets/:id/assets',
    { config: write, schema: { tags, summary: 'Set the linked devices', params: idParam, body: ticketAssetsInput, response: one } },
    (req) => s.work.setAssets(req.actor, req.params.id, req.body.assetIds),
  );
  r.post(
    '/api/tickets/:id/links',
    {
      config: write,
      schema: {
        tags,
        summary: 'Relate another ticket (duplicate of, caused by, related)',
        params: idParam,
        body: ticketLinkInput,
        response: one,
      },
    },
    (req) => s.work.addLink(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/tickets/:id/links',
    {
      config: write,
      schema: { tags, summary: 'Remove a relation (?ticketId=&kind=)', params: idParam, querystring: ticketLinkInput, response: one },
    },
    (req) => s.work.removeLink(req.actor, req.params.id, req.query),
  );
  r.post(
    '/api/tickets/:id/repairs',
    {
      config: write,
      schema: {
        tags,
        summary: 'Send out for vendor repair (the device goes to under repair)',
        params: idParam,
        body: repairInput,
        response: one,
      },
    },
    (req) => s.repairs.add(req.actor, req.params.id, req.body),
  );
  r.patch(
    '/api/tickets/:id/repairs/:repairId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a repair; a return date brings the device back',
        params: repairIdParam,
        body: repairUpdateInput,
        response: one,
      },
    },
    (req) => s.repairs.update(req.actor, req.params.id, req.params.repairId, req.body),
  );
  r.post(
    '/api/tickets/:id/escalate',
    { config: write, schema: { tags, summary: "Ask a leader's decision", params: idParam, body: escalateInput, response: one } },
    (req) => s.repairs.escalate(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/tickets/:id/decision',
    { config: signedIn, schema: { tags, summary: "The named leader's decision", params: idParam, body: decisionInput, response: one } },
    (req) => s.repairs.decide(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/tickets/bulk/assign',
    {
      config: write,
      schema: {
        tags,
        summary: 'Assign many tickets; closed or unchanged ones are skipped',
        body: bulkAssignInput,
        response: { 200: bulkResult },
      },
    },
    (req) => s.work.bulkAssign(req.actor, req.body),
  );
  r.post(
    '/api/tickets/bulk/close',
    {
      config: write,
      schema: {
        tags,
        summary: 'Close many tickets; those that may not close yet are skipped with the reason',
        body: bulkCloseInput,
        response: { 200: bulkResult },
      },
    },
    (req) => s.work.bulkClose(req.actor, req.body),
  );
}
