// Dictionaries (字典): named value lists that administrators maintain. Modules declare the ones
// they need (ctx.registries.dictionaries); those are created on start and marked as system.
import { inTransaction } from '../../db/transaction.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Dictionary,
  dictionaryInput,
  dictionaryItemInput,
  dictionaryItemPatch,
  dictionaryPatch,
} from '../../../shared/contracts/org.js';
import type { Actor } from '../../core/actor.js';
import { systemActor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { DictionaryDeclaration } from '../../core/registries.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { createDictionariesRepository } from './dictionaries.repository.js';
import { OrgErrors } from './org.errors.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock'>;
type Repo = ReturnType<typeof createDictionariesRepository>;

function shape(d: Awaited<ReturnType<Repo['all']>>[number], items: Awaited<ReturnType<Repo['items']>>): Dictionary {
  const own = items.filter((i) => i.dictionary_id === d.id);
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    description: d.description,
    system: !!d.system,
    itemCount: own.length,
    items: own.map((i) => ({ id: i.id, label: i.label, value: i.value, sortOrder: i.sort_order, enabled: !!i.enabled })),
  };
}

const duplicate = (field: string) => fieldError(OrgErrors['org.dictionary_duplicate'], field, 'not_unique');

export function createDictionariesService({ db, audit, clock }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Dictionary> {
    const repo = createDictionariesRepository(trx);
    const d = await repo.byId(id);
    if (!d) throw notFound('dictionary');
    return shape(d, await repo.itemsOf(id));
  }

  return {
    async list(): Promise<Dictionary[]> {
      const repo = createDictionariesRepository(db);
      const [all, items] = await Promise.all([repo.all(), repo.items()]);
      return all.map((d) => shape(d, items));
    },
    get: (id: number) => load(db, id),

    /** Creates declared dictionaries that do not exist yet, with their initial items. Idempotent. */
    async syncDeclared(declared: DictionaryDeclaration[]): Promise<void> {
      for (const decl of declared) {
        await inTransaction(db, async (trx) => {
          const repo = createDictionariesRepository(trx);
          if (await repo.byCode(decl.code)) return;
          const now = clock.now();
          const id = await repo.insert({
            code: decl.code,
            name: decl.name,
            description: decl.description ?? '',
            system: 1,
            created_at: now,
            updated_at: now,
          });
          for (const [i, item] of decl.items.entries()) {
            await repo.insertItem({
              dictionary_id: id,
              label: item.label,
              value: item.value,
              sort_order: (i + 1) * 10,
              enabled: 1,
              created_at: now,
              updated_at: now,
            });
          }
          await audit.record(trx, systemActor(), {
            action: 'create',
            entityType: 'dictionary',
            entityId: id,
            summary: decl.name,
            after: { code: decl.code, items: decl.items.length },
          });
        });
      }
    },

    async create(actor: Actor, input: z.output<typeof dictionaryInput>): Promise<Dictionary> {
      return inTransaction(db, async (trx) => {
        const repo = createDictionariesRepository(trx);
        if (await repo.byCode(input.code)) throw duplicate('code');
        const now = clock.now();
        const id = await repo.insert({ ...input, system: 0, created_at: now, updated_at: now });
        await audit.record(trx, actor, { action: 'create', entityType: 'dictionary', entityId: id, summary: input.name, after: input });
        return load(trx, id);
      });
    },

    async update(actor: Actor, id: number, patch: z.output<typeof dictionaryPatch>): Promise<Dictionary> {
      return inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        await createDictionariesRepository(trx).update(id, { ...patch, updated_at: clock.now() });
        const after = await load(trx, id);
        await audit.record(trx, actor, {
          action: 'update',
          entityType: 'dictionary',
          entityId: id,
          summary: after.name,
          ...changedFields({ name: before.name, description: before.description }, { name: after.name, description: after.description }),
        });
        return after;
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        if (before.system) throw new AppError(OrgErrors['org.dictionary_system']);
        await createDictionariesRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'dictionary',
          entityId: id,
          summary: before.name,
          before: { code: before.code, name: before.name, items: before.items.map((i) => i.label) },
        });
      });
    },

    async addItem(actor: Actor, dictionaryId: number, input: z.output<typeof dictionaryItemInput>): Promise<Dictionary> {
      return inTransaction(db, async (trx) => {
        const repo = createDictionariesRepository(trx);
        const dict = await load(trx, dictionaryId);
        const value = input.value || input.label;
        if (await repo.itemByValue(dictionaryId, value)) throw duplicate(input.value ? 'value' : 'label');
        const now = clock.now();
        let itemId: number;
        try {
          itemId = await repo.insertItem({
            dictionary_id: dictionaryId,
            label: input.label,
            value,
            sort_order: input.sortOrder,
            enabled: input.enabled ? 1 : 0,
            created_at: now,
            updated_at: now,
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw duplicate('value');
          throw err;
        }
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'dictionary_item',
          entityId: itemId,
          summary: `${dict.name}: ${input.label}`,
          after: { dictionaryId, label: input.label, value, sortOrder: input.sortOrder, enabled: input.enabled },
        });
        return load(trx, dictionaryId);
      });
    },

    async updateItem(actor: Actor, dictionaryId: number, itemId: number, patch: z.output<typeof dictionaryItemPatch>): Promise<Dictionary> {
      return inTransaction(db, async (trx) => {
        const repo = createDictionariesRepository(trx);
        const item = await repo.itemById(dictionaryId, itemId);
        if (!item) throw notFound('dictionary_item');
        if (patch.value && patch.value !== item.value && (await repo.itemByValue(dictionaryId, patch.value))) throw duplicate('value');
        const next = {
          label: patch.label ?? item.label,
          value: patch.value || item.value,
          sort_order: patch.sortOrder ?? item.sort_order,
          enabled: patch.enabled === undefined ? item.enabled : patch.enabled ? 1 : 0,
        };
        await repo.updateItem(itemId, { ...next, updated_at: clock.now() });
        await audit.record(trx, actor, {
          action: 'update',
          entityType: 'dictionary_item',
          entityId: itemId,
          summary: next.label,
          ...changedFields(
            { label: item.label, value: item.value, sortOrder: item.sort_order, enabled: !!item.enabled },
            { label: next.label, value: next.value, sortOrder: next.sort_order, enabled: !!next.enabled },
          ),
        });
        return load(trx, dictionaryId);
      });
    },

    async removeItem(actor: Actor, dictionaryId: number, itemId: number): Promise<Dictionary> {
      return inTransaction(db, async (trx) => {
        const repo = createDictionariesRepository(trx);
        const item = await repo.itemById(dictionaryId, itemId);
        if (!item) throw notFound('dictionary_item');
        await repo.removeItem(itemId);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'dictionary_item',
          entityId: itemId,
          summary: item.label,
          before: { dictionaryId, label: item.label, value: item.value },
        });
        return load(trx, dictionaryId);
      });
    },
  };
}
