// Every query of the users, sessions, api_tokens and sign_in_failures tables.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { userListQuery } from '../../../shared/contracts/auth.js';
import type { Database } from '../../db/database.js';
import { fromJson, likePattern, toJson } from '../../db/dialect.js';
import { pageWindow } from '../../core/listing.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from './auth.tables.js';
import type { Insertable, Selectable, Updateable } from 'kysely';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type TokenRow = Selectable<ApiTokensTable>;

export function createAuthRepository(db: Kysely<Database>) {
  return {
    /**
     * Administrator accounts, enabled or not. The last-administrator rule keeps at least one once
     * setup has run, so none means setup never ran (a fresh database, or one the demo filled with
     * technicians and staff only). Users are few: read in full, roles checked here.
     */
    countAdmins: async () =>
      (await db.selectFrom('users').select('roles').execute()).filter((u) => fromJson<string[]>(u.roles).includes('admin')).length,

    userById: (id: number) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    userByLogin: (login: string) => db.selectFrom('users').selectAll().where('login', '=', login.toLowerCase()).executeTakeFirst(),

    insertUser: async (row: Omit<Insertable<UsersTable>, 'roles'> & { roles: string[] }) =>
      (
        await db
          .insertInto('users')
          .values({ ...row, roles: toJson(row.roles) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,

    updateUser: (id: number, patch: Omit<Updateable<UsersTable>, 'roles'> & { roles?: string[] }) =>
      db
        .updateTable('users')
        .set({ ...patch, ...(patch.roles ? { roles: toJson(patch.roles) } : {}) })
        .where('id', '=', id)
        .execute(),

    async listUsers(q: z.infer<typeof userListQuery>) {
      let base = db.selectFrom('users');
      if (q.q) {
        const like = likePattern(q.q.toLowerCase());
        base = base.where((eb) =>
          eb.or([eb(sql`lower(login)`, 'like', sql`${like} escape '\\'`), eb(sql`lower(name)`, 'like', sql`${like} escape '\\'`)]),
        );
      }
      if (q.disabled) base = base.where('disabled', '=', q.disabled === 'true' ? 1 : 0);
      // Roles are a short JSON array of quoted names, so matching its text is exact.
      if (q.role) base = base.where(sql`cast(roles as text)`, 'like', `%"${q.role}"%`);
      const { limit, offset } = pageWindow(q);
      const sortColumn = { login: 'login', name: 'name', createdAt: 'created_at', lastSignInAt: 'last_sign_in_at' } as const;
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(sortColumn[q.sort], q.order).orderBy('id', q.order).limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    /** Enabled users holding the admin role (for the last-admin rule). */
    activeAdminIds: async () => {
      const rows = await db.selectFrom('users').select(['id', 'roles']).where('disabled', '=', 0).execute();
      return rows.filter((r) => (typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles).includes('admin')).map((r) => r.id);
    },

    // ---- sessions ----
    insertSession: (row: SessionRow) => db.insertInto('sessions').values(row).execute(),
    sessionByTokenHash: (tokenHash: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as session_id',
          'sessions.csrf_token',
          'sessions.expires_at',
          'sessions.last_seen_at',
          'users.id as user_id',
          'users.name',
          'users.roles',
          'users.person_id',
          'users.disabled',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    touchSession: (id: string, lastSeenAt: number, expiresAt: number) =>
      db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute(),
    sessionsOfUser: (userId: number, now: number) =>
      db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .execute(),
    deleteSession: (id: string) => db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst(),
    deleteSessionOfUser: (id: string, userId: number) =>
      db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst(),
    deleteSessionsOfUser: (userId: number, exceptId?: string) => {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.execute();
    },
    deleteExpiredSessions: (now: number) => db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst(),

    // ---- API tokens ----
    insertToken: async (row: Omit<Insertable<ApiTokensTable>, 'permissions'> & { permissions: string[] }) =>
      (
        await db
          .insertInto('api_tokens')
          .values({ ...row, permissions: toJson(row.permissions) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    tokenById: (id: number) => db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst(),
    tokenByHash: (tokenHash: string) =>
      db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.permissions',
          'api_tokens.expires_at',
          'api_tokens.revoked_at',
          'api_tokens.last_used_at',
          'users.id as user_id',
          'users.name',
          'users.roles',
          'users.person_id',
          'users.disabled',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    tokensOfUser: (userId: number) => db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute(),
    markTokenUsed: (id: number, at: number) => db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),
    revokeToken: (id: number, at: number) => db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute(),

    // ---- sign-in failures ----
    failuresOf: (login: string) => db.selectFrom('sign_in_failures').selectAll().where('login', '=', login).executeTakeFirst(),
    saveFailures: (login: string, failures: number, firstFailedAt: number, lockedUntil: number | null) =>
      db
        .insertInto('sign_in_failures')
        .values({ login, failures, first_failed_at: firstFailedAt, locked_until: lockedUntil })
        .onConflict((oc) => oc.column('login').doUpdateSet({ failures, first_failed_at: firstFailedAt, locked_until: lockedUntil }))
        .execute(),
    clearFailures: (login: string) => db.deleteFrom('sign_in_failures').where('login', '=', login).execute(),
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
