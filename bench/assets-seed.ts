// Seeds a large asset ledger fast, on top of the organisation bench/seed.ts made: a few hundred
// locations (through the app's own service), then assets and their timeline as bulk multi-row
// inserts. search_text, assets_grams and (SQLite) assets_fts are computed with the helpers the
// app's writeSearchIndex uses, and verifyAssetSearchIndex checks a few rows against it.
import type { Insertable, Kysely } from 'kysely';
import type { Asset } from '../shared/contracts/assets.js';
import { locationInput, type LocationInput } from '../shared/contracts/org.js';
import { addMonths } from '../shared/lib/depreciation.js';
import { systemActor } from '../server/core/actor.js';
import { sortKey } from '../server/core/sort-key.js';
import { standaloneDeps } from '../server/core/standalone.js';
import type { Database } from '../server/db/database.js';
import { fromJson, normaliseSearch, toJson, writeSearchIndex, writeSearchIndexBulk } from '../server/db/dialect.js';
import { assetSearchText } from '../server/modules/assets/assets.repository.js';
import type { AssetsTable } from '../server/modules/assets/assets.tables.js';
import { loadCategories } from '../server/modules/assets/categories.service.js';
import { checkCustomValues } from '../server/modules/assets/custom-fields.js';
import { createLocationsService } from '../server/modules/org/index.js';
import { CATALOG, NOTES, STATUS_MIX, SUPPLIERS, type CatalogEntry } from './assets-catalog.js';
import { dropIndexesForLoad, prng, searchBody } from './seed.js';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Buildings of the two campuses; every room name is unique, so an import can name a room alone. */
const CAMPUSES: { name: string; code: string; buildings: string[] }[] = [
  {
    name: '本部校区',
    code: 'BB',
    buildings: ['行政楼', '一号教学楼', '二号教学楼', '三号教学楼', '实验楼', '图书馆', '信息中心大楼', '学生宿舍一号楼'],
  },
  { name: '东校区', code: 'DX', buildings: ['综合楼', '科研楼', '附属医院门诊楼', '体育馆'] },
];
const ROOMS: [suffix: string, kind: LocationInput['kind']][] = [
  ['办公室', 'office'],
  ['教室', 'classroom'],
  ['会议室', 'meeting_room'],
  ['机房', 'machine_room'],
  ['计算机教室', 'computer_lab'],
  ['文印室', 'room'],
  ['弱电间', 'room'],
  ['库房', 'warehouse'],
];

export interface AssetSeedResult {
  assets: number;
  history: number;
  grams: number;
  locations: number;
  assetIds: number[];
  /** The asset with the longest timeline, and its length. */
  busiest: { id: number; rows: number };
  categoryIds: Map<string, number>;
  /** Room names with their ids, for imports that name a location. */
  rooms: { id: number; name: string }[];
  /** A few real serial numbers, for searches by a serial fragment. */
  serials: string[];
  /** Seconds each part took: locations, assets (with their search index), history. */
  phases: Record<string, number>;
}

/** Campus → building → floor → room, through the app's location service (~400 rows, so speed is no concern). */
async function seedLocations(db: Kysely<Database>): Promise<{ count: number; rooms: { id: number; name: string }[] }> {
  const service = createLocationsService(standaloneDeps(db));
  const actor = systemActor('bench');
  const rooms: { id: number; name: string }[] = [];
  let count = 0;
  const create = async (input: LocationInput) => {
    count++;
    return (await service.create(actor, locationInput.parse(input))).id;
  };
  for (const [c, campus] of CAMPUSES.entries()) {
    const campusId = await create({ name: campus.name, code: campus.code, kind: 'campus', sortOrder: c });
    for (const [b, building] of campus.buildings.entries()) {
      const buildingId = await create({ name: building, code: `${campus.code}-${b + 1}`, kind: 'building', parentId: campusId });
      for (let f = 1; f <= 5; f++) {
        const floorId = await create({
          name: `${CN_NUM[f - 1]}楼`,
          code: `${campus.code}-${b + 1}-${f}F`,
          kind: 'floor',
          parentId: buildingId,
        });
        for (let r = 1; r <= 6; r++) {
          const [suffix, kind] = ROOMS[(b * 5 + f * 3 + r) % ROOMS.length]!;
          const name = `${building}${f}${String(r).padStart(2, '0')}${suffix}`;
          const id = await create({ name, code: `${campus.code}-${b + 1}-${f}${String(r).padStart(2, '0')}`, kind, parentId: floorId });
          rooms.push({ id, name });
        }
      }
    }
  }
  return { count, rooms };
}

/** The grams and side-table rows of fresh assets, through the app's own bulk writer. */
const bulkSearchIndex = (trx: Kysely<Database>, items: { id: number; text: string }[]) => writeSearchIndexBulk(trx, 'assets', items);

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hex2 = (n: number) => (n & 0xff).toString(16).toUpperCase().padStart(2, '0');

export async function seedAssets(
  db: Kysely<Database>,
  opts: { assets: number; history: number; seed: number; departmentIds: number[]; personIds: number[] },
): Promise<AssetSeedResult> {
  const rnd = prng(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const weighted = <T>(list: readonly T[], weight: (t: T) => number) => {
    const total = list.reduce((a, t) => a + weight(t), 0);
    return () => {
      let x = rnd() * total;
      for (const t of list) if ((x -= weight(t)) < 0) return t;
      return list[list.length - 1]!;
    };
  };
  const now = Date.now();
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    phases[name] = (performance.now() - mark) / 1000;
    mark = performance.now();
  };
  const { count: locations, rooms } = await seedLocations(db);
  phase('locations');

  // The default categories the app created when it started.
  const categories = await loadCategories(db);
  const categoryIds = new Map([...categories.values()].map((c) => [c.name, c.id]));
  const pickEntry = weighted(CATALOG, (e) => e.weight);
  const pickStatus = weighted(STATUS_MIX, ([, w]) => w);
  // Campus subnets 10.12.x.x … 10.39.x.x: a prefix such as "10.12." finds one campus's devices.
  const ip = () => `10.${12 + Math.floor(rnd() * 28)}.${Math.floor(rnd() * 256)}.${1 + Math.floor(rnd() * 254)}`;
  const sortKeys = new Map<string, string>();
  const nameSort = (name: string) => sortKeys.get(name) ?? (sortKeys.set(name, sortKey(name)), sortKeys.get(name)!);

  const rebuildIndexes = await dropIndexesForLoad(db, ['assets_fts_trgm']);

  const assetIds: number[] = [];
  const createdAt: number[] = [];
  const serials: string[] = [];
  const perYear = new Map<string, number>();
  let grams = 0;
  for (let start = 0; start < opts.assets; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, opts.assets - start) }, (_, k) => {
      const i = start + k;
      const entry: CatalogEntry = pickEntry();
      const category = categories.get(categoryIds.get(entry.category)!)!;
      const model = pick(entry.models);
      const [status] = pickStatus();
      // Purchases spread over eight years, a little more in recent ones.
      const purchased = now - Math.floor(rnd() ** 0.8 * 8 * 365) * 86_400_000;
      const purchaseDate = day(purchased);
      const year = purchaseDate.slice(0, 4);
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const lifeMonths = category.defaultLifeMonths;
      const [lo, hi] = entry.price;
      const holds = entry.personal && (status === 'in_use' || status === 'on_loan') && rnd() < 0.8;
      // A multiplicative hash of the index keeps serials unique and random-looking.
      const serial = `${model.serial}${(Math.imul(i + 1, 2654435761) >>> 0).toString(36).toUpperCase().padStart(7, '0')}`;
      if (i % 9973 === 17) serials.push(serial);
      const macBytes = [0x50, 0x9a, 0x4c, Math.floor(rnd() * 256), (i >> 8) & 0xff, i & 0xff];
      const custom = checkCustomValues(category.effectiveFields, inFieldOrder(entry.custom(pick, ip), category.effectiveFields));
      if (custom.issues.length) throw new Error(`bench catalog: ${entry.category} ${JSON.stringify(custom.issues)}`);
      const row = {
        number: `IT-${year}-${String(seq).padStart(5, '0')}`,
        name: model.name,
        category_id: category.id,
        brand: model.brand,
        model: model.model,
        serial,
        status,
        status_reason: status === 'retired' ? '超过使用年限，性能不足' : status === 'disposed' ? '主板损坏，无维修价值，已报废处置' : '',
        location_id: pick(rooms).id,
        department_id: pick(opts.departmentIds),
        holder_person_id: holds ? pick(opts.personIds) : null,
        purchase_date: purchaseDate,
        price_fen: (lo + Math.floor(rnd() * (hi - lo))) * 100,
        supplier: pick(SUPPLIERS),
        order_number: `CG${year}${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`,
        warranty_end: day(purchased + entry.warrantyYears * 365 * 86_400_000),
        life_months: lifeMonths,
        residual_bp: 500,
        eol_date: lifeMonths ? addMonths(purchaseDate, lifeMonths) : null,
        hostname: entry.mac && entry.ip > 0.2 ? `${category.code}-${String(i).padStart(6, '0')}` : '',
        ip: rnd() < entry.ip ? ip() : '',
        mac: entry.mac ? macBytes.map(hex2).join(':') : '',
        notes: rnd() < 0.25 ? pick(NOTES) : '',
        custom: toJson(custom.values),
        created_at: Math.max(purchased, now - 8 * 365 * 86_400_000),
        updated_at: now,
      } satisfies Insertable<AssetsTable>;
      return { row, custom: custom.values };
    });
    await db.transaction().execute(async (trx) => {
      const withText = batch.map(({ row, custom }) => ({
        ...row,
        name_sort: nameSort(row.name),
        search_text: normaliseSearch(assetSearchText(row, custom)),
      }));
      // 28 columns × 1,000 rows stays under SQLite's 32,766 bound parameters.
      const inserted = await trx.insertInto('assets').values(withText).returning(['id', 'number']).execute();
      const textOf = new Map(withText.map((a) => [a.number, a.search_text]));
      grams += await bulkSearchIndex(
        trx,
        inserted.map((r) => ({ id: r.id, text: textOf.get(r.number)! })),
      );
      for (const r of inserted) assetIds.push(r.id);
      for (const a of withText) createdAt.push(a.created_at);
    });
  }
  await rebuildIndexes();
  // What the app would have advanced while numbering these: the next IT-<year>-… is free at once.
  for (const [year, last] of perYear)
    await db
      .insertInto('asset_number_sequences')
      .values({ prefix: `IT-${year}-#`, last })
      .onConflict((oc) => oc.column('prefix').doUpdateSet({ last }))
      .execute();

  phase('assets');
  const { history, busiest } = await seedHistory(db, rnd, assetIds, createdAt, opts.history, rooms);
  phase('history');
  return { assets: assetIds.length, history, grams, locations, assetIds, busiest, categoryIds, rooms, serials, phases };
}

const ACTORS = ['系统管理员', '张伟', '李娜', '王强', '刘洋', 'system'];

/**
 * The timeline: one 'created' entry per asset, the rest skewed (a few assets, such as a
 * shared printer, have thousands of entries; most have a handful), in time order.
 */
async function seedHistory(
  db: Kysely<Database>,
  rnd: () => number,
  assetIds: number[],
  createdAt: number[],
  total: number,
  rooms: { name: string }[],
): Promise<{ history: number; busiest: { id: number; rows: number } }> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const n = assetIds.length;
  // Which asset is busiest is random, not the first one inserted.
  const order = [...assetIds.keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const counts = new Array<number>(n).fill(0);
  const now = Date.now();
  const start = now - 8 * 365 * 86_400_000;
  const entry = (k: number): Insertable<Database['asset_history']> => {
    if (k < n) {
      counts[k]!++;
      return { asset_id: assetIds[k]!, at: createdAt[k]!, actor: '系统管理员', user_id: null, kind: 'created', summary: '', changes: '{}' };
    }
    const a = order[Math.floor(n * rnd() ** 2.2)]!;
    counts[a]!++;
    const at = start + Math.floor(((k - n) / Math.max(1, total - n)) * (now - start));
    const r = rnd();
    const base = { asset_id: assetIds[a]!, at, actor: pick(ACTORS), user_id: null };
    if (r < 0.35) {
      const [from, to] = [pick(rooms).name, pick(rooms).name];
      return { ...base, kind: 'updated', summary: '调整位置', changes: toJson({ locationName: { from, to } }) };
    }
    if (r < 0.5) return { ...base, kind: 'handout', summary: '领用', changes: toJson({ status: { from: 'in_stock', to: 'in_use' } }) };
    if (r < 0.6) return { ...base, kind: 'return', summary: '归还', changes: toJson({ status: { from: 'in_use', to: 'in_stock' } }) };
    if (r < 0.75)
      return {
        ...base,
        kind: 'maintenance',
        summary: pick(['内存 8G → 16G', '更换SSD', '清洁除尘', '重装系统', '更换硒鼓']),
        changes: '{}',
      };
    if (r < 0.85) return { ...base, kind: 'stocktake', summary: '盘点：在位', changes: '{}' };
    return { ...base, kind: 'status', summary: '送修', changes: toJson({ status: { from: 'in_use', to: 'under_repair' } }) };
  };
  // 7 columns × 4,000 rows per statement; a few statements per transaction.
  const ROWS = 4000;
  for (let k = 0; k < total; k += ROWS * 5) {
    await db.transaction().execute(async (trx) => {
      for (let s = k; s < Math.min(total, k + ROWS * 5); s += ROWS) {
        const rows = Array.from({ length: Math.min(ROWS, total - s) }, (_, j) => entry(s + j));
        await trx.insertInto('asset_history').values(rows).execute();
      }
    });
  }
  const top = counts.reduce((best, c, i) => (c > counts[best]! ? i : best), 0);
  return { history: total, busiest: { id: assetIds[top]!, rows: counts[top]! } };
}

/**
 * Custom values in the order of the category's fields. The search text joins them in object
 * order, and PostgreSQL's jsonb hands keys back in its own order, so both the seeding and the
 * check below use the fields' order to compare like with like.
 */
function inFieldOrder<T>(values: Record<string, T>, fields: readonly { key: string }[]): Record<string, T> {
  return Object.fromEntries(fields.filter((f) => f.key in values).map((f) => [f.key, values[f.key]!]));
}

/**
 * Rewrites a few assets' search structures with the app's own writeSearchIndex and checks that
 * nothing changed: the bulk path above must stay identical to what the app writes.
 */
export async function verifyAssetSearchIndex(db: Kysely<Database>, ids: number[]): Promise<string[]> {
  const problems: string[] = [];
  const snapshot = async (trx: Kysely<Database>, id: number) => {
    const a = await trx.selectFrom('assets').select('search_text').where('id', '=', id).executeTakeFirstOrThrow();
    const g = await trx.selectFrom('assets_grams').select('gram').where('id', '=', id).orderBy('gram').execute();
    const fts = await searchBody(trx, 'assets', id);
    return JSON.stringify([a.search_text, g.map((x) => x.gram), fts]);
  };
  for (const id of ids) {
    await db.transaction().execute(async (trx) => {
      const before = await snapshot(trx, id);
      const row = await trx.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const fields = (await loadCategories(trx)).get(row.category_id)!.effectiveFields;
      await writeSearchIndex(trx, 'assets', id, assetSearchText(row, inFieldOrder(fromJson<Asset['custom']>(row.custom), fields)));
      const after = await snapshot(trx, id);
      if (before !== after) problems.push(`asset ${id}: bulk ${before} != app ${after}`);
    });
  }
  return problems;
}
