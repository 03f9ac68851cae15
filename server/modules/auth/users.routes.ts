// /api/users: user administration.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { passwordReset, user, userInput, userListQuery, userPage, userPatch } from '../../../shared/contracts/auth.js';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import type { createUsersService } from './users.service.js';

const tags = ['users'];

export function registerUserRoutes(app: FastifyInstance, svc: ReturnType<typeof createUsersService>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/users',
    { config: { access: 'users:read' }, schema: { tags, summary: 'List users', querystring: userListQuery, response: { 200: userPage } } },
    async (req) => svc.list(req.query),
  );
  r.get(
    '/api/users/:id',
    { config: { access: 'users:read' }, schema: { tags, summary: 'One user', params: idParam, response: { 200: user } } },
    async (req) => svc.get(req.params.id),
  );
  r.post(
    '/api/users',
    { config: { access: 'users:write' }, schema: { tags, summary: 'Create a user', body: userInput, response: { 200: user } } },
    async (req) => svc.create(req.actor, req.body),
  );
  r.patch(
    '/api/users/:id',
    {
      config: { access: 'users:write' },
      schema: { tags, summary: 'Edit, disable or re-enable a user', params: idParam, body: userPatch, response: { 200: user } },
    },
    async (req) => svc.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/password',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: "Reset a user's password (ends their sessions)",
        params: idParam,
        body: passwordReset,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await svc.resetPassword(req.actor, req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
}
