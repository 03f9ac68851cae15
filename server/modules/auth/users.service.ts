// User administration: create, edit roles and person link, disable, reset password.
import { inTransaction } from '../../db/transaction.js';
import type { z } from 'zod';
import type { user, userInput, userListQuery, userPatch } from '../../../shared/contracts/auth.js';
import type { Page } from '../../../shared/contracts/common.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, CoreErrors, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { orgLookups } from '../org/index.js';
import { createAuthRepository, type UserRow } from './auth.repository.js';
import { AuthErrors } from './auth.errors.js';
import { rolesOf } from './auth.mappers.js';
import { checkPasswordStrength } from './auth.service.js';
import { hashPassword } from './passwords.js';

type UserDto = z.infer<typeof user>;
type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock'>;

function auditView(u: UserRow) {
  return { login: u.login, name: u.name, roles: rolesOf(u.roles), personId: u.person_id, disabled: !!u.disabled, language: u.language };
}

export function createUsersService({ db, audit, clock }: Deps) {
  async function toDtos(rows: UserRow[]): Promise<UserDto[]> {
    const names = await orgLookups.personNames(
      db,
      rows.map((r) => r.person_id).filter((v): v is number => v !== null),
    );
    return rows.map((r) => ({
      id: r.id,
      login: r.login,
      name: r.name,
      roles: rolesOf(r.roles),
      personId: r.person_id,
      personName: r.person_id ? (names.get(r.person_id) ?? null) : null,
      language: (r.language as UserDto['language']) ?? null,
      disabled: !!r.disabled,
      lastSignInAt: r.last_sign_in_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function checkPerson(trx: typeof db, personId: number | null | undefined) {
    if (personId && !(await orgLookups.personExists(trx, personId)))
      throw fieldError(AuthErrors['auth.person_not_found'], 'personId', 'not_found');
  }

  /** Refuses a change that would leave no enabled administrator. */
  async function keepAnAdmin(trx: typeof db, id: number, after: { roles: string[]; disabled: boolean }) {
    if (after.roles.includes('admin') && !after.disabled) return;
    const admins = await createAuthRepository(trx).activeAdminIds();
    if (admins.length === 1 && admins[0] === id) throw new AppError(CoreErrors['auth.last_admin']);
  }

  return {
    async list(q: z.infer<typeof userListQuery>): Promise<Page<UserDto>> {
      const { rows, total } = await createAuthRepository(db).listUsers(q);
      return { items: await toDtos(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: number): Promise<UserDto> {
      const row = await createAuthRepository(db).userById(id);
      if (!row) throw notFound('user');
      return (await toDtos([row]))[0]!;
    },

    async create(actor: Actor, input: z.infer<typeof userInput>): Promise<UserDto> {
      checkPasswordStrength(input.password, input.login);
      const passwordHash = await hashPassword(input.password);
      const id = await inTransaction(db, async (trx) => {
        await checkPerson(trx, input.personId);
        const now = clock.now();
        const row = {
          login: input.login.toLowerCase(),
          name: input.name,
          password_hash: passwordHash,
          roles: [...new Set(input.roles)],
          person_id: input.personId,
          language: input.language,
          disabled: 0,
          last_sign_in_at: null,
          created_at: now,
          updated_at: now,
        };
        let newId: number;
        try {
          newId = await createAuthRepository(trx).insertUser(row);
        } catch (err) {
          if (isUniqueViolation(err)) throw fieldError(CoreErrors['auth.login_taken'], 'login', 'not_unique');
          throw err;
        }
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'user',
          entityId: newId,
          after: { login: row.login, name: row.name, roles: row.roles, personId: row.person_id, language: row.language },
        });
        return newId;
      });
      return this.get(id);
    },

    async update(actor: Actor, id: number, patch: z.infer<typeof userPatch>): Promise<UserDto> {
      await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        const before = await r.userById(id);
        if (!before) throw notFound('user');
        await checkPerson(trx, patch.personId);
        const roles = patch.roles ? [...new Set(patch.roles)] : rolesOf(before.roles);
        const disabled = patch.disabled ?? !!before.disabled;
        await keepAnAdmin(trx, id, { roles, disabled });
        await r.updateUser(id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
          ...(patch.language !== undefined ? { language: patch.language } : {}),
          ...(patch.roles ? { roles } : {}),
          disabled: disabled ? 1 : 0,
          updated_at: clock.now(),
        });
        // A disabled user, or one whose roles changed, starts again from a fresh sign-in.
        if (disabled || patch.roles) await r.deleteSessionsOfUser(id);
        const after = (await r.userById(id))!;
        await audit.record(trx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          ...changedFields(auditView(before), auditView(after)),
        });
      });
      return this.get(id);
    },

    async resetPassword(actor: Actor, id: number, password: string): Promise<void> {
      const target = await createAuthRepository(db).userById(id);
      if (!target) throw notFound('user');
      checkPasswordStrength(password, target.login);
      const passwordHash = await hashPassword(password);
      await inTransaction(db, async (trx) => {
        const r = createAuthRepository(trx);
        await r.updateUser(id, { password_hash: passwordHash, updated_at: clock.now() });
        await r.deleteSessionsOfUser(id);
        await r.clearFailures(target.login);
        await audit.record(trx, actor, { action: 'password_reset', entityType: 'user', entityId: id });
      });
    },
  };
}
