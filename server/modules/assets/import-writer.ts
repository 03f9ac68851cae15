// Writing an import: the categories, places, departments and people the file names but we lack
// (once each), then the new assets in multi-row batches with their numbers, search index,
// timeline and audit entries, so 50,000 rows take seconds rather than minutes.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { assetInput } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import type { ModuleContext } from '../../core/module.js';
import { sortKey } from '../../core/sort-key.js';
import type { Database } from '../../db/database.js';
import { normaliseSearch, toJson, writeSearchIndexBulk } from '../../db/dialect.js';
import { createDepartmentsService, createLocationsService, createPeopleService } from '../org/index.js';
import { formatNumber, numberPrefix } from './asset-numbers.js';
import { readAssetSettings } from './asset-settings.js';
import type { AssetValue } from './assets.import.js';
import { newAssetRow } from './assets.mappers.js';
import { assetSearchText } from './assets.repository.js';
import { todayOf } from './assets.service.js';
import { createCategoriesService, loadCategories } from './categories.service.js';

/** Creates, once each, the categories, places, departments and people the file names but we lack. */
export async function createMissingRefs(
  db: Kysely<Database>,
  actor: Actor,
  ctx: ModuleContext,
  values: AssetValue[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const deps = { ...ctx, db };
  const wanted = (k: keyof AssetValue['refs']) => [
    ...new Set(values.flatMap((v) => (v.refs[k] && 'create' in v.refs[k] ? [v.refs[k].create] : []))),
  ];
  const byPath = async (
    table: 'asset_categories' | 'locations' | 'departments',
    path: string,
    create: (name: string, parentId: number | null) => Promise<number>,
  ) => {
    let parentId: number | null = null;
    for (const name of path.split(/\s*[/\\>]\s*/).filter(Boolean)) {
      const found: { id: number } | undefined = await db
        .selectFrom(table)
        .select('id')
        .where('name', '=', name)
        .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
        .executeTakeFirst();
      parentId = found ? found.id : await create(name, parentId);
    }
    return parentId!;
  };
  const categories = createCategoriesService(deps);
  for (const path of wanted('category'))
    ids.set(
      path,
      await byPath(
        'asset_categories',
        path,
        async (name, parentId) =>
          (
            await categories.create(actor, {
              name,
              code: null,
              parentId,
              sortOrder: 1000,
              fields: [],
              defaultLifeMonths: 60,
              defaultResidualRate: 5,
            })
          ).id,
      ),
    );
  const locations = createLocationsService(deps);
  for (const path of wanted('location'))
    ids.set(
      path,
      await byPath(
        'locations',
        path,
        async (name, parentId) =>
          (await locations.create(actor, { name, code: null, kind: 'other', parentId, sortOrder: 0, notes: '' })).id,
      ),
    );
  const departments = createDepartmentsService(deps);
  for (const path of wanted('department'))
    ids.set(
      path,
      await byPath(
        'departments',
        path,
        async (name, parentId) =>
          (await departments.createIn(db, actor, { name, code: null, parentId, headPersonId: null, sortOrder: 0, notes: '' })).id,
      ),
    );
  const people = createPeopleService(deps);
  for (const name of wanted('holder'))
    ids.set(
      name,
      (
        await people.createIn(db, actor, {
          name,
          number: null,
          kind: 'employee',
          departmentId: null,
          phone: '',
          email: '',
          position: '',
          notes: '',
        })
      ).id,
    );
  return ids;
}

type NewAsset = z.output<typeof assetInput>;

/** Inserts new assets in multi-row batches with their numbers, search index and history. */
export async function bulkCreate(
  db: Kysely<Database>,
  actor: Actor,
  ctx: ModuleContext,
  inputs: NewAsset[],
  progress: (n: number) => Promise<void>,
): Promise<void> {
  if (!inputs.length) return;
  const categories = await loadCategories(db);
  const settings = await readAssetSettings(db);
  const now = ctx.clock.now();
  const today = await todayOf(db, now);
  const taken = new Set((await db.selectFrom('assets').select('number').execute()).map((r) => r.number));
  for (const i of inputs) if (i.number) taken.add(i.number);
  // Numbers for rows without one: advance each prefix's counter once for the whole import.
  const counters = new Map<string, number>();
  for (const input of inputs) {
    if (input.number) continue;
    const prefix = numberPrefix(settings.numberPattern, { today, categoryCode: categories.get(input.categoryId)?.code ?? null });
    let seq =
      counters.get(prefix.key) ??
      Number((await db.selectFrom('asset_number_sequences').select('last').where('prefix', '=', prefix.key).executeTakeFirst())?.last ?? 0);
    let candidate: string;
    do candidate = formatNumber(prefix, ++seq);
    while (taken.has(candidate));
    taken.add(candidate);
    counters.set(prefix.key, seq);
    input.number = candidate;
  }
  for (const [prefix, last] of counters)
    await sql`insert into asset_number_sequences (prefix, last) values (${prefix}, ${last})
      on conflict (prefix) do update set last = ${last}`.execute(db);

  for (let i = 0; i < inputs.length; i += 500) {
    const chunk = inputs.slice(i, i + 500);
    const rows = chunk.map((input) => {
      const custom = input.custom;
      const row = { ...newAssetRow(input, categories.get(input.categoryId)!, custom, now), name_sort: sortKey(input.name) };
      return { row, custom, text: assetSearchText({ ...row, custom: row.custom }, custom) };
    });
    const inserted = await db
      .insertInto('assets')
      .values(rows.map((r, k) => ({ ...r.row, search_text: normaliseSearch(rows[k]!.text) })))
      .returning(['id', 'number'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.number, r.id]));
    await writeSearchIndexBulk(
      db,
      'assets',
      rows.map((r) => ({ id: idOf.get(r.row.number)!, text: r.text })),
    );
    await db
      .insertInto('asset_history')
      .values(
        rows.map((r) => ({
          asset_id: idOf.get(r.row.number)!,
          at: now,
          actor: actor.name || actor.kind,
          user_id: actor.userId,
          kind: 'imported',
          summary: r.row.name,
          changes: toJson({}),
        })),
      )
      .execute();
    await ctx.audit.recordMany(
      db,
      actor,
      rows.map(({ row, custom }) => {
        const { custom: _json, name_sort: _n, created_at: _c, updated_at: _u, ...after } = row;
        return {
          action: 'create',
          entityType: 'asset',
          entityId: idOf.get(row.number)!,
          summary: `${row.number} ${row.name}`,
          after: { ...after, custom },
        };
      }),
    );
    await progress(chunk.length);
  }
}
