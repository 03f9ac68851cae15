// /api/auth: first-run setup, sign-in/out, the current user, own sessions and API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import {
  apiTokenCreated,
  apiTokenInput,
  apiTokenList,
  loginInput,
  mePatch,
  meResponse,
  passwordChange,
  sessionIdParam,
  sessionList,
  setupInput,
  setupStatus,
} from '../../../shared/contracts/auth.js';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../core/http/auth-plugin.js';
import type { AuthService, NewSession } from './auth.service.js';

const tags = ['auth'];

export function registerAuthRoutes(app: FastifyInstance, svc: AuthService, config: Readonly<Config>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function setSessionCookie(req: FastifyRequest, reply: FastifyReply, s: NewSession) {
    const secure = config.secureCookies === 'auto' ? req.protocol === 'https' : config.secureCookies === 'true';
    // No Expires: the server owns the (sliding) expiry; the browser forgets it on close at the latest.
    reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  }
  async function meFor(req: FastifyRequest, token: string) {
    const resolved = await svc.resolveSession(token, req.actor);
    if (!resolved || resolved === 'expired') throw new Error('session vanished');
    return svc.me(resolved.actor, resolved.csrfToken);
  }

  r.get(
    '/api/auth/setup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Is first-run setup needed? Also the language and name to greet with.', response: { 200: setupStatus } },
    },
    () => svc.publicStatus(),
  );

  r.post(
    '/api/auth/setup',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Create the first administrator (only while there is no user)',
        body: setupInput,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const s = await svc.setup(req.body, req.actor, req);
      setSessionCookie(req, reply, s);
      return meFor(req, s.token);
    },
  );

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in', body: loginInput, response: { 200: meResponse } },
    },
    async (req, reply) => {
      const s = await svc.signIn(req.body.login, req.body.password, req.actor, req);
      setSessionCookie(req, reply, s);
      return meFor(req, s.token);
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Sign out', response: { 200: okResponse } } },
    async (req, reply) => {
      await svc.signOut(req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'The signed-in user', response: { 200: meResponse } } },
    async (req) => svc.me(req.actor, req.session?.csrfToken ?? ''),
  );

  r.patch(
    '/api/auth/me',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Change own name or language', body: mePatch, response: { 200: meResponse } },
    },
    async (req) => {
      await svc.updateMe(req.actor, req.body);
      return svc.me(req.actor, req.session?.csrfToken ?? '');
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: 'signed_in', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Change own password (ends other sessions)', body: passwordChange, response: { 200: okResponse } },
    },
    async (req) => {
      await svc.changePassword(req.actor, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/sessions',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Own open sessions', response: { 200: sessionList } } },
    async (req) => ({
      items: await svc.sessions(req.actor),
    }),
  );

  r.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'End one of own sessions', params: sessionIdParam, response: { 200: okResponse } },
    },
    async (req) => {
      await svc.endSession(req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/tokens',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Own API tokens', response: { 200: apiTokenList } } },
    async (req) => ({
      items: await svc.tokens(req.actor),
    }),
  );

  r.post(
    '/api/auth/tokens',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Create an API token (the secret is shown once)', body: apiTokenInput, response: { 200: apiTokenCreated } },
    },
    async (req) => svc.createToken(req.actor, req.body),
  );

  r.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Revoke an own API token', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await svc.revokeToken(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
}
