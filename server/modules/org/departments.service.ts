// Departments (机构/部门) as a tree, with a head person.
import { inTransaction } from '../../db/transaction.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../shared/contracts/common.js';
import type { Department, TreeNode, departmentInput, departmentPatch } from '../../../shared/contracts/org.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { createDepartmentsRepository, type DepartmentListQuery } from './departments.repository.js';
import { OrgErrors } from './org.errors.js';
import { departmentAuditView, toDepartment } from './org.mappers.js';
import { createPeopleRepository } from './people.repository.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events' | 'references'>;

const duplicateCode = () => fieldError(OrgErrors['org.duplicate_code'], 'code', 'not_unique');

export function createDepartmentsService({ db, audit, clock, events, references }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Department> {
    const row = await createDepartmentsRepository(trx).byId(id);
    if (!row) throw notFound('department');
    return toDepartment(row);
  }

  async function checkRefs(
    trx: Kysely<Database>,
    id: number | null,
    input: { parentId?: number | null; headPersonId?: number | null; code?: string | null },
  ) {
    const repo = createDepartmentsRepository(trx);
    if (input.parentId) {
      if (!(await repo.exists(input.parentId))) throw fieldError(OrgErrors['org.invalid_reference'], 'parentId', 'not_found');
      // A department cannot sit below itself or below one of its own descendants.
      if (id !== null && (input.parentId === id || (await repo.ancestors(input.parentId)).includes(id))) {
        throw fieldError(OrgErrors['org.parent_cycle'], 'parentId', 'cycle');
      }
    }
    if (input.headPersonId && !(await createPeopleRepository(trx).exists(input.headPersonId))) {
      throw fieldError(OrgErrors['org.invalid_reference'], 'headPersonId', 'not_found');
    }
    if (input.code) {
      const other = await repo.byCode(input.code);
      if (other && other.id !== id) throw duplicateCode();
    }
  }

  return {
    async list(q: DepartmentListQuery): Promise<Page<Department>> {
      const { rows, total } = await createDepartmentsRepository(db).list(q);
      return { items: rows.map(toDepartment), total, page: q.page, pageSize: q.pageSize };
    },
    async tree(): Promise<TreeNode[]> {
      return (await createDepartmentsRepository(db).tree()).map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, code: r.code }));
    },
    get: (id: number) => load(db, id),

    async create(actor: Actor, input: z.output<typeof departmentInput>): Promise<Department> {
      const dep = await inTransaction(db, (trx) => this.createIn(trx, actor, input));
      events.emit('department.created', { id: dep.id });
      return dep;
    },

    /** The whole create inside a caller's transaction (imports write many rows in one). */
    async createIn(trx: Kysely<Database>, actor: Actor, input: z.output<typeof departmentInput>): Promise<Department> {
      await checkRefs(trx, null, input);
      const now = clock.now();
      let id: number;
      try {
        id = await createDepartmentsRepository(trx).insert({
          name: input.name,
          code: input.code,
          parent_id: input.parentId,
          head_person_id: input.headPersonId,
          sort_order: input.sortOrder,
          notes: input.notes,
          created_at: now,
          updated_at: now,
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateCode();
        throw err;
      }
      const created = await load(trx, id);
      await audit.record(trx, actor, {
        action: 'create',
        entityType: 'department',
        entityId: id,
        summary: created.name,
        after: departmentAuditView(created),
      });
      return created;
    },

    async update(actor: Actor, id: number, patch: z.output<typeof departmentPatch>): Promise<Department> {
      const dep = await inTransaction(db, (trx) => this.updateIn(trx, actor, id, patch));
      events.emit('department.updated', { id });
      return dep;
    },

    async updateIn(trx: Kysely<Database>, actor: Actor, id: number, patch: z.output<typeof departmentPatch>): Promise<Department> {
      const before = await load(trx, id);
      await checkRefs(trx, id, patch);
      const next = {
        name: patch.name ?? before.name,
        code: patch.code !== undefined ? patch.code : before.code,
        parent_id: patch.parentId !== undefined ? patch.parentId : before.parentId,
        head_person_id: patch.headPersonId !== undefined ? patch.headPersonId : before.headPersonId,
        sort_order: patch.sortOrder ?? before.sortOrder,
        notes: patch.notes ?? before.notes,
        updated_at: clock.now(),
      };
      try {
        await createDepartmentsRepository(trx).update(id, next, next);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateCode();
        throw err;
      }
      const after = await load(trx, id);
      const diff = changedFields(departmentAuditView(before), departmentAuditView(after));
      if (Object.keys(diff.after).length) {
        await audit.record(trx, actor, { action: 'update', entityType: 'department', entityId: id, summary: after.name, ...diff });
      }
      return after;
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const uses = await references.count(trx, 'department', id);
        if (Object.keys(uses).length) throw new AppError(OrgErrors['org.department_in_use'], [{ reason: 'in_use', params: uses }]);
        await createDepartmentsRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'department',
          entityId: id,
          summary: before.name,
          before: departmentAuditView(before),
        });
      });
      events.emit('department.deleted', { id });
    },
  };
}
export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
