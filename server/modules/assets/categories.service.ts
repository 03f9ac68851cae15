// Asset categories: a small tree, loaded whole (a ledger has dozens, not thousands). Child
// categories inherit their parents' custom fields.
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Category, CustomFieldDef, categoryInput, categoryPatch } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import { sortKey } from '../../core/sort-key.js';
import type { Database } from '../../db/database.js';
import { fromJson, isUniqueViolation, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { AssetErrors } from './assets.errors.js';
import type { AssetCategoriesTable } from './assets.tables.js';
import { DEFAULT_CATEGORIES, DEFAULT_RESIDUAL_RATE } from './categories.defaults.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock'>;
type Row = Selectable<AssetCategoriesTable>;
const SEEDED_KEY = 'assets.categoriesSeeded';

/** Every category with its effective fields, keyed by id. */
export async function loadCategories(db: Kysely<Database>): Promise<Map<number, Category>> {
  const rows = await db.selectFrom('asset_categories').selectAll().orderBy('sort_order').orderBy('name_sort').execute();
  const counts = await db
    .selectFrom('assets')
    .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('category_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const effective = (r: Row, seen = new Set<number>()): CustomFieldDef[] => {
    const own = fromJson<CustomFieldDef[]>(r.fields);
    const parent = r.parent_id !== null && !seen.has(r.parent_id) ? byId.get(r.parent_id) : undefined;
    if (!parent) return own;
    const inherited = effective(parent, seen.add(r.id));
    return [...inherited, ...own.filter((f) => !inherited.some((i) => i.key === f.key))];
  };
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        code: r.code,
        parentId: r.parent_id,
        sortOrder: r.sort_order,
        fields: fromJson<CustomFieldDef[]>(r.fields),
        effectiveFields: effective(r),
        defaultLifeMonths: r.default_life_months,
        defaultResidualRate: r.default_residual_bp === null ? null : r.default_residual_bp / 100,
        assetCount: countOf.get(r.id) ?? 0,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      },
    ]),
  );
}

/** Ids of a category and all below it. */
export function categorySubtree(all: Map<number, Category>, rootId: number): number[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const c of all.values()) if (c.parentId === out[i]) out.push(c.id);
  return out;
}

function auditView(c: Category): Record<string, unknown> {
  const { id: _i, effectiveFields: _e, assetCount: _a, createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
}

export function createCategoriesService({ db, audit, clock }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Category> {
    const c = (await loadCategories(trx)).get(id);
    if (!c) throw notFound('category');
    return c;
  }
  const duplicate = () => fieldError(AssetErrors['assets.duplicate_code'], 'code', 'not_unique');

  async function checkParent(trx: Kysely<Database>, id: number | null, parentId: number | null): Promise<void> {
    if (parentId === null) return;
    const all = await loadCategories(trx);
    if (!all.has(parentId)) throw fieldError(AssetErrors['assets.invalid_reference'], 'parentId', 'not_found');
    if (id !== null && categorySubtree(all, id).includes(parentId))
      throw fieldError(AssetErrors['assets.category_cycle'], 'parentId', 'cycle');
  }

  return {
    list: async () => ({ items: [...(await loadCategories(db)).values()] }),
    get: (id: number) => load(db, id),

    async create(actor: Actor, input: z.output<typeof categoryInput>): Promise<Category> {
      return inTransaction(db, async (trx) => {
        await checkParent(trx, null, input.parentId);
        const now = clock.now();
        let id: number;
        try {
          ({ id } = await trx
            .insertInto('asset_categories')
            .values({
              name: input.name,
              code: input.code,
              parent_id: input.parentId,
              sort_order: input.sortOrder,
              fields: toJson(input.fields),
              default_life_months: input.defaultLifeMonths,
              default_residual_bp: input.defaultResidualRate === null ? null : Math.round(input.defaultResidualRate * 100),
              name_sort: sortKey(input.name),
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow());
        } catch (err) {
          if (isUniqueViolation(err)) throw duplicate();
          throw err;
        }
        const created = await load(trx, id);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'asset_category',
          entityId: id,
          summary: created.name,
          after: auditView(created),
        });
        return created;
      });
    },

    async update(actor: Actor, id: number, patch: z.output<typeof categoryPatch>): Promise<Category> {
      return inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        if (patch.parentId !== undefined) await checkParent(trx, id, patch.parentId);
        const set: Record<string, unknown> = { updated_at: clock.now() };
        if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_sort: sortKey(patch.name) });
        if (patch.code !== undefined) set.code = patch.code;
        if (patch.parentId !== undefined) set.parent_id = patch.parentId;
        if (patch.sortOrder !== undefined) set.sort_order = patch.sortOrder;
        if (patch.fields !== undefined) set.fields = toJson(patch.fields);
        if (patch.defaultLifeMonths !== undefined) set.default_life_months = patch.defaultLifeMonths;
        if (patch.defaultResidualRate !== undefined)
          set.default_residual_bp = patch.defaultResidualRate === null ? null : Math.round(patch.defaultResidualRate * 100);
        try {
          await trx.updateTable('asset_categories').set(set).where('id', '=', id).execute();
        } catch (err) {
          if (isUniqueViolation(err)) throw duplicate();
          throw err;
        }
        const after = await load(trx, id);
        const diff = changedFields(auditView(before), auditView(after));
        if (Object.keys(diff.after).length)
          await audit.record(trx, actor, { action: 'update', entityType: 'asset_category', entityId: id, summary: after.name, ...diff });
        return after;
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const all = await loadCategories(trx);
        const before = all.get(id);
        if (!before) throw notFound('category');
        const children = [...all.values()].filter((c) => c.parentId === id).length;
        if (before.assetCount || children) {
          const params: Record<string, number> = {};
          if (before.assetCount) params.assets = before.assetCount;
          if (children) params.children = children;
          throw new AppError(AssetErrors['assets.category_in_use'], [{ reason: 'in_use', params }]);
        }
        await trx.deleteFrom('asset_categories').where('id', '=', id).execute();
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'asset_category',
          entityId: id,
          summary: before.name,
          before: auditView(before),
        });
      });
    },

    /** Creates the default categories the first time the module starts on a database. */
    async seedDefaults(actor: Actor): Promise<void> {
      await inTransaction(db, async (trx) => {
        const done = await trx.selectFrom('settings').select('key').where('key', '=', SEEDED_KEY).executeTakeFirst();
        if (done) return;
        const now = clock.now();
        await trx
          .insertInto('settings')
          .values({ key: SEEDED_KEY, value: toJson(true), updated_at: now })
          .execute();
        const existing = await trx.selectFrom('asset_categories').select('id').limit(1).executeTakeFirst();
        if (existing) return;
        const inTrx = createCategoriesService({ db: trx, audit, clock });
        for (const [i, c] of DEFAULT_CATEGORIES.entries()) {
          await inTrx.create(actor, {
            name: c.name,
            code: c.code,
            parentId: null,
            sortOrder: (i + 1) * 10,
            fields: c.fields,
            defaultLifeMonths: c.lifeMonths,
            defaultResidualRate: DEFAULT_RESIDUAL_RATE,
          });
        }
      });
    },
  };
}
export type CategoriesService = ReturnType<typeof createCategoriesService>;
