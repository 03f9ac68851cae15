// Sign-in, sign-out, first-run setup, the current user, their sessions and their API tokens.
import { inTransaction } from '../../db/transaction.js';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { apiTokenInput, meResponse, setupInput } from '../../../shared/contracts/auth.js';
import { passwordProblems } from '../../../shared/lib/password.js';
import { uuidv7 } from '../../../shared/lib/ids.js';
import type { Actor } from '../../core/actor.js';
import { AppError, CoreErrors, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import { permissionsOf, type Permission } from '../../core/permissions.js';
import { readSettings } from '../../core/settings.js';
import type { ResolvedSession } from '../../core/http/auth-plugin.js';
import { createAuthRepository } from './auth.repository.js';
import { permissionsOfToken, rolesOf, toApiToken, toSession } from './auth.mappers.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { newSecret, sha256 } from './tokens.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Failures of one login within the window before it is locked, and for how long. */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** Session and token "last seen" stamps are written at most this often. */
const TOUCH_INTERVAL = MINUTE;

type AuthDeps = Pick<ModuleContext, 'db' | 'audit' | 'clock'>;

export function checkPasswordStrength(password: string, login: string, field = 'password'): void {
  const problems = passwordProblems(password, login);
  if (problems.length) {
    throw new AppError(
      CoreErrors['auth.weak_password'],
      problems.map((reason) => ({ field, reason })),
    );
  }
}

export interface NewSession {
  token: string;
  expiresAt: number;
}

export function createAuthService(deps: AuthDeps) {
  const { db, audit, clock } = deps;
  const repo = createAuthRepository(db);

  async function openSession(userId: number, req: { ip: string; headers: FastifyRequest['headers'] }): Promise<NewSession> {
    const settings = await readSettings(db);
    const now = clock.now();
    const token = newSecret();
    const expiresAt = now + settings.sessionLifetimeHours * HOUR;
    await repo.insertSession({
      id: uuidv7(now),
      token_hash: sha256(token),
      csrf_token: newSecret(24),
      user_id: userId,
      ip: req.ip,
      user_agent: String(req.headers['user-agent'] ?? '').slice(0, 300),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    return { token, expiresAt };
  }

  function userActor(
    row: { user_id: number; name: string; roles: unknown; person_id: number | null },
    base: Actor,
    extra: Partial<Actor> = {},
  ): Actor {
    const roles = rolesOf(row.roles);
    return {
      ...base,
      kind: 'user',
      userId: row.user_id,
      name: row.name,
      roles,
      permissions: permissionsOf(roles),
      personId: row.person_id,
      ...extra,
    };
  }

  return {
    setupNeeded: async () => (await repo.countAdmins()) === 0,

    /** What the sign-in and setup pages show before anyone is signed in. */
    async publicStatus() {
      const { defaultLanguage, orgName } = await readSettings(db);
      return { needed: (await repo.countAdmins()) === 0, defaultLanguage, orgName };
    },

    /** Creates the first administrator; refused for good once an administrator exists. */
    async setup(input: z.infer<typeof setupInput>, actor: Actor, req: FastifyRequest): Promise<NewSession> {
      checkPasswordStrength(input.password, input.login);
      const passwordHash = await hashPassword(input.password);
      const userId = await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        if ((await r.countAdmins()) > 0) throw new AppError(CoreErrors['auth.setup_done']);
        const now = clock.now();
        const id = await r.insertUser({
          login: input.login.toLowerCase(),
          name: input.name,
          password_hash: passwordHash,
          roles: ['admin'],
          person_id: null,
          language: null,
          disabled: 0,
          last_sign_in_at: now,
          created_at: now,
          updated_at: now,
        });
        await audit.record(
          trx,
          // The first administrator creates itself.
          { ...actor, kind: 'user', userId: id, name: input.name },
          {
            action: 'create',
            entityType: 'user',
            entityId: id,
            summary: input.name,
            after: { login: input.login.toLowerCase(), name: input.name, roles: ['admin'] },
          },
        );
        return id;
      });
      return openSession(userId, req);
    },

    async signIn(loginRaw: string, password: string, actor: Actor, req: FastifyRequest): Promise<NewSession> {
      const login = loginRaw.trim().toLowerCase();
      const now = clock.now();
      const failures = await repo.failuresOf(login);
      if (failures?.locked_until && failures.locked_until > now) {
        throw new AppError(CoreErrors['auth.locked'], [
          { reason: 'locked', params: { retryAfterSeconds: Math.ceil((failures.locked_until - now) / 1000) } },
        ]);
      }
      const user = await repo.userByLogin(login);
      const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
      if (!user || !ok) {
        const fresh = !failures || now - failures.first_failed_at > LOCKOUT.windowMs;
        const count = fresh ? 1 : failures.failures + 1;
        const lockedUntil = count >= LOCKOUT.maxFailures ? now + LOCKOUT.lockMs : null;
        await inTransaction(db, async (trx) => {
          await createAuthRepository(trx).saveFailures(login, count, fresh ? now : failures.first_failed_at, lockedUntil);
          await audit.record(
            trx,
            { ...actor, name: login },
            {
              action: 'sign_in_failed',
              entityType: 'user',
              entityId: user?.id ?? null,
              after: { login, failures: count, locked: lockedUntil !== null },
            },
          );
        });
        if (lockedUntil) {
          throw new AppError(CoreErrors['auth.locked'], [
            { reason: 'locked', params: { retryAfterSeconds: Math.ceil(LOCKOUT.lockMs / 1000) } },
          ]);
        }
        throw new AppError(CoreErrors['auth.invalid_credentials']);
      }
      if (user.disabled) throw new AppError(CoreErrors['auth.disabled']);
      await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        await r.clearFailures(login);
        await r.updateUser(user.id, { last_sign_in_at: now });
        await audit.record(
          trx,
          { ...actor, kind: 'user', userId: user.id, name: user.name },
          {
            action: 'sign_in',
            entityType: 'user',
            entityId: user.id,
          },
        );
      });
      return openSession(user.id, req);
    },

    async signOut(actor: Actor): Promise<void> {
      if (!actor.sessionId) return;
      await inTransaction(db, async (trx) => {
        await createAuthRepository(trx).deleteSession(actor.sessionId!);
        await audit.record(trx, actor, { action: 'sign_out', entityType: 'user', entityId: actor.userId });
      });
    },

    async me(actor: Actor, csrfToken: string): Promise<z.infer<typeof meResponse>> {
      const user = await repo.userById(actor.userId!);
      if (!user) throw notFound('user');
      return {
        user: {
          id: user.id,
          login: user.login,
          name: user.name,
          roles: rolesOf(user.roles),
          permissions: [...actor.permissions],
          language: (user.language as 'zh-CN' | 'en' | null) ?? null,
          personId: user.person_id,
        },
        csrfToken,
        settings: await readSettings(db),
      };
    },

    async updateMe(actor: Actor, patch: { name?: string; language?: 'zh-CN' | 'en' }): Promise<void> {
      await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        const before = await r.userById(actor.userId!);
        if (!before) throw notFound('user');
        await r.updateUser(actor.userId!, { ...patch, updated_at: clock.now() });
        await audit.record(trx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: actor.userId,
          before: { name: before.name, language: before.language },
          after: { name: patch.name ?? before.name, language: patch.language ?? before.language },
        });
      });
    },

    async changePassword(actor: Actor, current: string, next: string): Promise<void> {
      const user = await repo.userById(actor.userId!);
      if (!user) throw notFound('user');
      if (!(await verifyPassword(user.password_hash, current))) {
        throw new AppError(CoreErrors['auth.wrong_password'], [{ field: 'currentPassword', reason: 'wrong_password' }]);
      }
      checkPasswordStrength(next, user.login, 'newPassword');
      const passwordHash = await hashPassword(next);
      await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        await r.updateUser(user.id, { password_hash: passwordHash, updated_at: clock.now() });
        // Other sessions may belong to whoever knew the old password.
        await r.deleteSessionsOfUser(user.id, actor.sessionId ?? undefined);
        await audit.record(trx, actor, { action: 'password_change', entityType: 'user', entityId: user.id });
      });
    },

    async sessions(actor: Actor) {
      return (await repo.sessionsOfUser(actor.userId!, clock.now())).map((s) => toSession(s, actor.sessionId));
    },

    async endSession(actor: Actor, id: string): Promise<void> {
      await inTransaction(db, async (trx) => {
        const res = await createAuthRepository(trx).deleteSessionOfUser(id, actor.userId!);
        if (!res.numDeletedRows) throw notFound('session');
        await audit.record(trx, actor, { action: 'session_end', entityType: 'session', entityId: id });
      });
    },

    async tokens(actor: Actor) {
      return (await repo.tokensOfUser(actor.userId!)).map(toApiToken);
    },

    async createToken(actor: Actor, input: z.infer<typeof apiTokenInput>) {
      // A token can never hold more than its creator.
      const beyond = input.permissions.filter((p) => !actor.permissions.has(p));
      if (beyond.length) {
        throw new AppError(
          CoreErrors['auth.token_scope'],
          beyond.map((p) => ({ field: 'permissions', reason: 'not_held', params: { permission: p } })),
        );
      }
      const now = clock.now();
      const prefix = newSecret(6).replace(/[-_]/g, 'x').slice(0, 8);
      const secret = `swt_${prefix}_${newSecret()}`;
      const id = await inTransaction(db, async (trx) => {
        const tokenId = await createAuthRepository(trx).insertToken({
          user_id: actor.userId!,
          name: input.name,
          prefix,
          token_hash: sha256(secret),
          permissions: [...new Set(input.permissions)],
          created_at: now,
          expires_at: input.expiresInDays ? now + input.expiresInDays * 24 * HOUR : null,
          last_used_at: null,
          revoked_at: null,
        });
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'api_token',
          entityId: tokenId,
          after: { name: input.name, prefix, permissions: input.permissions, expiresInDays: input.expiresInDays },
        });
        return tokenId;
      });
      return { token: toApiToken((await repo.tokenById(id))!), secret };
    },

    async revokeToken(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        const token = await r.tokenById(id);
        if (!token || token.user_id !== actor.userId) throw notFound('api_token');
        if (token.revoked_at) return;
        await r.revokeToken(id, clock.now());
        await audit.record(trx, actor, { action: 'revoke', entityType: 'api_token', entityId: id, before: { name: token.name } });
      });
    },

    /** Session cookie → actor; slides the expiry at most once a minute. */
    async resolveSession(token: string, base: Actor): Promise<ResolvedSession | 'expired' | null> {
      if (token.length > 100) return null;
      const row = await repo.sessionByTokenHash(sha256(token));
      if (!row) return null;
      const now = clock.now();
      if (row.expires_at <= now) {
        await repo.deleteSession(row.session_id);
        return 'expired';
      }
      if (row.disabled) return null;
      if (now - row.last_seen_at > TOUCH_INTERVAL) {
        const settings = await readSettings(db);
        await repo.touchSession(row.session_id, now, now + settings.sessionLifetimeHours * HOUR);
      }
      return {
        actor: userActor(row, base, { sessionId: row.session_id }),
        sessionId: row.session_id,
        csrfToken: row.csrf_token,
      };
    },

    /** Bearer token → actor with the token's permissions, never more than the user's own. */
    async resolveToken(secret: string, base: Actor): Promise<Actor | null> {
      if (!/^swt_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,80}$/.test(secret)) return null;
      const row = await repo.tokenByHash(sha256(secret));
      const now = clock.now();
      if (!row || row.revoked_at || row.disabled || (row.expires_at && row.expires_at <= now)) return null;
      const userPerms = permissionsOf(rolesOf(row.roles));
      const perms = new Set<Permission>(permissionsOfToken(row.permissions).filter((p) => userPerms.has(p)));
      const actor: Actor = { ...userActor(row, base), kind: 'token', tokenId: row.id, permissions: perms };
      // Token use is audited once per token per minute, with last_used_at, to keep scripts cheap.
      if (!row.last_used_at || now - row.last_used_at > TOUCH_INTERVAL) {
        await inTransaction(db, async (trx) => {
          await createAuthRepository(trx).markTokenUsed(row.id, now);
          await audit.record(trx, actor, { action: 'token_use', entityType: 'api_token', entityId: row.id });
        });
      }
      return actor;
    },

    purgeExpiredSessions: () => repo.deleteExpiredSessions(clock.now()),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
