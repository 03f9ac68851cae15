// People (人员): the rules for creating, editing and deleting, each change audited in its transaction.
import { inTransaction } from '../../db/transaction.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../shared/contracts/common.js';
import { STATUSES_BY_KIND, type Person, type personInput, type personPatch } from '../../../shared/contracts/org.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { createDepartmentsRepository } from './departments.repository.js';
import { OrgErrors } from './org.errors.js';
import { personAuditView, toPerson } from './org.mappers.js';
import { createPeopleRepository, type PersonListQuery } from './people.repository.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events' | 'references'>;
type PersonValues = z.output<typeof personInput>;

export const DEFAULT_STATUS = { employee: 'active', student: 'studying' } as const;

/** Status follows kind: employees are active/left, students studying/graduated. */
export function statusFitsKind(kind: PersonValues['kind'], status: string): boolean {
  return (STATUSES_BY_KIND[kind] as readonly string[]).includes(status);
}

export function resolveStatus(kind: PersonValues['kind'], status: PersonValues['status']): NonNullable<PersonValues['status']> {
  const s = status ?? DEFAULT_STATUS[kind];
  if (!statusFitsKind(kind, s)) {
    throw fieldError(OrgErrors['org.status_kind_mismatch'], 'status', 'status_kind_mismatch', { kind });
  }
  return s;
}

export async function checkDepartment(db: Kysely<Database>, departmentId: number | null | undefined): Promise<void> {
  if (departmentId && !(await createDepartmentsRepository(db).exists(departmentId))) {
    throw fieldError(OrgErrors['org.invalid_reference'], 'departmentId', 'not_found');
  }
}

function duplicateNumber(): AppError {
  return fieldError(OrgErrors['org.duplicate_number'], 'number', 'not_unique');
}

export function createPeopleService({ db, audit, clock, events, references }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Person> {
    const row = await createPeopleRepository(trx).byId(id);
    if (!row) throw notFound('person');
    return toPerson(row);
  }

  return {
    async list(q: PersonListQuery): Promise<Page<Person>> {
      const { rows, total } = await createPeopleRepository(db).list(q);
      return { items: rows.map(toPerson), total, page: q.page, pageSize: q.pageSize };
    },

    get: (id: number) => load(db, id),

    async create(actor: Actor, input: PersonValues): Promise<Person> {
      const person = await inTransaction(db, (trx) => this.createIn(trx, actor, input));
      events.emit('person.created', { id: person.id });
      return person;
    },

    /** The whole create inside a caller's transaction (imports write many rows in one). */
    async createIn(trx: Kysely<Database>, actor: Actor, input: PersonValues): Promise<Person> {
      const repo = createPeopleRepository(trx);
      const status = resolveStatus(input.kind, input.status);
      await checkDepartment(trx, input.departmentId);
      if (input.number && (await repo.byNumber(input.number))) throw duplicateNumber();
      const now = clock.now();
      let id: number;
      try {
        id = await repo.insert({
          name: input.name,
          number: input.number,
          kind: input.kind,
          department_id: input.departmentId,
          phone: input.phone,
          email: input.email,
          position: input.position,
          status,
          notes: input.notes,
          created_at: now,
          updated_at: now,
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateNumber();
        throw err;
      }
      const created = await load(trx, id);
      await audit.record(trx, actor, {
        action: 'create',
        entityType: 'person',
        entityId: id,
        summary: created.name,
        after: personAuditView(created),
      });
      return created;
    },

    async update(actor: Actor, id: number, patch: z.output<typeof personPatch>): Promise<Person> {
      const person = await inTransaction(db, (trx) => this.updateIn(trx, actor, id, patch));
      events.emit('person.updated', { id });
      return person;
    },

    async updateIn(trx: Kysely<Database>, actor: Actor, id: number, patch: z.output<typeof personPatch>): Promise<Person> {
      const repo = createPeopleRepository(trx);
      const before = await load(trx, id);
      const kind = patch.kind ?? before.kind;
      // Changing kind without a status moves to that kind's default status.
      const status = resolveStatus(kind, patch.status ?? (patch.kind && patch.kind !== before.kind ? undefined : before.status));
      if (patch.departmentId !== undefined) await checkDepartment(trx, patch.departmentId);
      if (patch.number && patch.number !== before.number) {
        const other = await repo.byNumber(patch.number);
        if (other && other.id !== id) throw duplicateNumber();
      }
      const next = {
        name: patch.name ?? before.name,
        number: patch.number !== undefined ? patch.number : before.number,
        kind,
        department_id: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
        phone: patch.phone ?? before.phone,
        email: patch.email ?? before.email,
        position: patch.position ?? before.position,
        status,
        notes: patch.notes ?? before.notes,
        updated_at: clock.now(),
      };
      try {
        await repo.update(id, next, next);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateNumber();
        throw err;
      }
      const after = await load(trx, id);
      const diff = changedFields(personAuditView(before), personAuditView(after));
      if (Object.keys(diff.after).length) {
        await audit.record(trx, actor, { action: 'update', entityType: 'person', entityId: id, summary: after.name, ...diff });
      }
      return after;
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const uses = await references.count(trx, 'person', id);
        if (Object.keys(uses).length) throw new AppError(OrgErrors['org.person_in_use'], [{ reason: 'in_use', params: uses }]);
        await createPeopleRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'person',
          entityId: id,
          summary: before.name,
          before: personAuditView(before),
        });
      });
      events.emit('person.deleted', { id });
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
