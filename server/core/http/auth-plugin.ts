// Resolves who is calling (session cookie or API token), then enforces, before any body is parsed:
// the route's declared permission, same-origin for state-changing requests, and the per-session
// CSRF token for cookie-authenticated ones. Every /api route must declare `config.access`.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';
import { anonymousActor } from '../actor.js';
import type { Audit } from '../audit.js';
import type { Db } from '../../db/connect.js';
import { AppError, CoreErrors } from '../errors.js';
import type { RouteAccess } from '../permissions.js';

export const SESSION_COOKIE = 'sysward_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; 'public' needs nothing, 'signed_in' any user. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set when the caller came with a session cookie. */
    session: { id: string; csrfToken: string } | null;
  }
}

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

/** Implemented by the auth module; core only knows this shape. */
export interface ActorResolver {
  fromSessionToken(token: string, req: FastifyRequest): Promise<ResolvedSession | 'expired' | null>;
  fromApiToken(secret: string, req: FastifyRequest): Promise<Actor | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function crossSite(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

export function installAuth(app: FastifyInstance, deps: { db: Db; audit: Audit; resolver: ActorResolver }): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req) => {
    req.actor = anonymousActor(req.ip, String(req.id));
    if (!req.url.startsWith('/api/')) return;
    const access = req.routeOptions.config?.access;
    // Unknown /api routes fall through to the 404 handler; known routes without a declared
    // access are a programming error and are refused (a test also lists them).
    if (!req.routeOptions.url) return;
    if (!access) throw new AppError(CoreErrors['auth.forbidden'], [], 'route has no declared permission');

    if (!SAFE_METHODS.has(req.method) && crossSite(req)) throw new AppError(CoreErrors['auth.cross_site']);

    let sessionExpired = false;
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const actor = await deps.resolver.fromApiToken(bearer, req);
      if (!actor) throw new AppError(CoreErrors['auth.required'], [{ reason: 'invalid_token' }]);
      req.actor = actor;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const resolved = await deps.resolver.fromSessionToken(token, req);
        if (resolved === 'expired') sessionExpired = true;
        else if (resolved) {
          req.actor = resolved.actor;
          req.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };
        }
      }
    }

    if (access === 'public') return;
    if (req.actor.kind === 'anonymous') {
      throw new AppError(sessionExpired ? CoreErrors['auth.session_expired'] : CoreErrors['auth.required']);
    }
    if (req.session && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameText(sent, req.session.csrfToken)) throw new AppError(CoreErrors['auth.csrf']);
    }
    if (access !== 'signed_in' && !req.actor.permissions.has(access)) {
      await deps.audit.record(deps.db, req.actor, {
        action: 'permission_denied',
        summary: `${req.method} ${req.routeOptions.url}`,
        after: { permission: access },
      });
      throw new AppError(CoreErrors['auth.forbidden'], [{ reason: 'missing_permission', params: { permission: access } }]);
    }
  });
}
