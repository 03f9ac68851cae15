// Monitor groups (监控分组): how the overview is organised, and what a public status page shows.
import type { z } from 'zod';
import type { MonitorGroup, monitorGroupInput } from '../../../shared/contracts/monitors.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { MonitorErrors } from './monitors.errors.js';
import { toGroup } from './monitors.mappers.js';
import { createMonitorsRepository, groupKey } from './monitors.repository.js';

type GroupInput = z.output<typeof monitorGroupInput>;
type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock'>;

export function createMonitorGroupsService({ db, audit, clock }: Deps) {
  const view = (g: MonitorGroup) => ({ name: g.name, sortOrder: g.sortOrder, publicSlug: g.publicSlug, publicTitle: g.publicTitle });

  async function one(id: number): Promise<MonitorGroup> {
    const g = (await createMonitorsRepository(db).groups()).find((x) => x.id === id);
    if (!g) throw notFound('monitor_group');
    return toGroup(g);
  }

  /** Name and slug are unique; the unique indexes have the last word under races. */
  async function guarded<T>(input: GroupInput, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const bySlug = input.publicSlug ? await createMonitorsRepository(db).groupBySlug(input.publicSlug) : undefined;
      if (bySlug && bySlug.name_key !== groupKey(input.name)) throw fieldError(MonitorErrors['monitors.slug_taken'], 'publicSlug', 'taken');
      throw fieldError(MonitorErrors['monitors.group_name_taken'], 'name', 'taken');
    }
  }

  return {
    list: async () => (await createMonitorsRepository(db).groups()).map(toGroup),

    async create(actor: Actor, input: GroupInput): Promise<MonitorGroup> {
      const id = await guarded(input, () =>
        inTransaction(db, async (trx) => {
          const now = clock.now();
          const newId = await createMonitorsRepository(trx).insertGroup({
            name: input.name,
            name_key: groupKey(input.name),
            sort_order: input.sortOrder,
            public_slug: input.publicSlug,
            public_title: input.publicTitle,
            created_at: now,
            updated_at: now,
          });
          await audit.record(trx, actor, {
            action: 'create',
            entityType: 'monitor_group',
            entityId: newId,
            summary: input.name,
            after: { ...input },
          });
          return newId;
        }),
      );
      return one(id);
    },

    async update(actor: Actor, id: number, input: GroupInput): Promise<MonitorGroup> {
      const before = await one(id);
      await guarded(input, () =>
        inTransaction(db, async (trx) => {
          await createMonitorsRepository(trx).updateGroup(id, {
            name: input.name,
            name_key: groupKey(input.name),
            sort_order: input.sortOrder,
            public_slug: input.publicSlug,
            public_title: input.publicTitle,
            updated_at: clock.now(),
          });
          const diff = changedFields(view(before), { ...input });
          if (Object.keys(diff.after).length)
            await audit.record(trx, actor, { action: 'update', entityType: 'monitor_group', entityId: id, summary: input.name, ...diff });
        }),
      );
      return one(id);
    },

    /** The group's monitors stay, in no group. */
    async remove(actor: Actor, id: number): Promise<void> {
      const before = await one(id);
      await inTransaction(db, async (trx) => {
        await createMonitorsRepository(trx).removeGroup(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'monitor_group',
          entityId: id,
          summary: before.name,
          before: view(before),
        });
      });
    },
  };
}
