// Saved list views: each user's named column sets and filters. Another user's view is reported
// as missing, never as forbidden.
import type { z } from 'zod';
import type { savedViewInput, savedViewPatch } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import { fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import { fromJson, isUniqueViolation, toJson } from '../../db/dialect.js';
import { AssetErrors } from './assets.errors.js';

type Deps = Pick<ModuleContext, 'db' | 'clock'>;
type Config = z.output<typeof savedViewInput>['config'];

export function createViewsService({ db, clock }: Deps) {
  const userOf = (actor: Actor) => actor.userId ?? -1;
  const taken = () => fieldError(AssetErrors['assets.view_name_taken'], 'name', 'not_unique');
  const load = async (actor: Actor, id: number) => {
    const r = await db.selectFrom('asset_views').selectAll().where('id', '=', id).where('user_id', '=', userOf(actor)).executeTakeFirst();
    if (!r) throw notFound('view');
    return { id: r.id, name: r.name, config: fromJson<Config>(r.config), createdAt: Number(r.created_at), updatedAt: Number(r.updated_at) };
  };

  return {
    async list(actor: Actor) {
      const rows = await db.selectFrom('asset_views').selectAll().where('user_id', '=', userOf(actor)).orderBy('name').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          config: fromJson<Config>(r.config),
          createdAt: Number(r.created_at),
          updatedAt: Number(r.updated_at),
        })),
      };
    },
    async create(actor: Actor, input: z.output<typeof savedViewInput>) {
      const now = clock.now();
      try {
        const { id } = await db
          .insertInto('asset_views')
          .values({ user_id: userOf(actor), name: input.name, config: toJson(input.config), created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        return load(actor, id);
      } catch (err) {
        if (isUniqueViolation(err)) throw taken();
        throw err;
      }
    },
    async update(actor: Actor, id: number, patch: z.output<typeof savedViewPatch>) {
      await load(actor, id);
      const set: Record<string, unknown> = { updated_at: clock.now() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.config !== undefined) set.config = toJson(patch.config);
      try {
        await db.updateTable('asset_views').set(set).where('id', '=', id).execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw taken();
        throw err;
      }
      return load(actor, id);
    },
    async remove(actor: Actor, id: number) {
      await load(actor, id);
      await db.deleteFrom('asset_views').where('id', '=', id).execute();
    },
  };
}
