// The year-end stocktake: start (snapshot of the assets in scope), count (scans, marks, undo),
// close (report), and moving misplaced assets to where they were seen.
//
// Concurrency: several people scan at once. Every change to an open stocktake first bumps the
// stocktake's version with `… where status = 'open'` (the gate: on PostgreSQL it also takes the
// row lock, so a close and a scan never interleave), then marks the item found with
// `… where found_at is null`: of two scans of one asset exactly one changes the row and counts;
// the other reports a duplicate. The counters on the stocktake row move in the same transaction.
//
// History: an asset's timeline gets a 'stocktake' entry when it is found somewhere else than the
// ledger says (and when that is undone), and when apply-locations moves it. A plain "found where
// expected" writes none: it would add a line per asset per year to every timeline and say nothing
// the stocktake's own records (who, when, where) and its report do not already keep.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AssetStatus } from '../../../shared/contracts/assets.js';
import type {
  ExtraKind,
  Stocktake,
  StocktakeCounts,
  StocktakeExtra,
  StocktakeItem,
  StocktakeReport,
  ScanResult,
  ScanResultKind,
  applyLocationsInput,
  extraListQuery,
  itemListQuery,
  markFoundInput,
  scanInput,
  stocktakeInput,
  stocktakeListQuery,
} from '../../../shared/contracts/stocktake.js';
import type { Page } from '../../../shared/contracts/common.js';
import type { Actor } from '../../core/actor.js';
import { AppError, defineErrors, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { fromJson, isUniqueViolation, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { orgLookups } from '../org/index.js';
import { todayOf } from './assets.service.js';
import { categorySubtree, loadCategories } from './categories.service.js';
import { recordAssetHistory } from './history.js';
import {
  createStocktakeRepository,
  type ExtraRow,
  type ItemRow,
  type StocktakeRepository,
  type StocktakeRow,
} from './stocktake.repository.js';
import { computeReport } from './stocktake.report.js';

export const StocktakeErrors = defineErrors({
  'stocktake.already_open': 409,
  'stocktake.closed': 409,
  'stocktake.not_closed': 409,
  'stocktake.empty_scope': 409,
  'stocktake.invalid_reference': 400,
  'stocktake.already_applied': 409,
});

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events'>;

/**
 * The asset number a scanned code holds: a label's URL (<base>/a/<number>) gives its last path
 * segment, URL-decoded; anything else (a typed number, a USB scanner's input) is the number
 * itself. Null when the code holds no number (a URL without a path, a broken escape).
 */
export function numberFromCode(code: string): string | null {
  const text = code.trim();
  if (!/^https?:\/\//i.test(text)) return text || null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  if (!last) return null;
  try {
    return decodeURIComponent(last).trim() || null;
  } catch {
    return null;
  }
}

export function toCounts(r: StocktakeRow): StocktakeCounts {
  const expected = Number(r.expected_count);
  const found = Number(r.found_count);
  return {
    expected,
    found,
    missing: expected - found,
    misplaced: Number(r.misplaced_count),
    unknown: Number(r.unknown_count),
    outside: Number(r.outside_count),
    applied: Number(r.applied_count),
  };
}

export function toStocktake(r: StocktakeRow): Stocktake {
  return {
    id: r.id,
    name: r.name,
    status: r.status === 'closed' ? 'closed' : 'open',
    year: Number(r.year),
    locationId: r.location_id,
    locationPath: r.location_path,
    categoryId: r.category_id,
    categoryName: r.category_name,
    counts: toCounts(r),
    version: Number(r.version),
    startedAt: Number(r.started_at),
    startedBy: r.started_by,
    closedAt: r.closed_at === null ? null : Number(r.closed_at),
    closedBy: r.closed_by,
    closeDate: r.close_date,
  };
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function toItem(r: ItemRow): StocktakeItem {
  return {
    id: r.id,
    assetId: r.asset_id,
    number: r.number,
    name: r.name,
    categoryName: r.category_name,
    locationId: r.location_id,
    locationPath: r.location_path,
    departmentName: r.department_name,
    holderName: r.holder_name,
    priceFen: num(r.price_fen),
    purchaseDate: r.purchase_date,
    assetStatus: r.asset_status as AssetStatus,
    found: r.found_at !== null,
    foundAt: num(r.found_at),
    foundBy: r.found_by,
    foundLocationId: r.found_location_id,
    foundLocationPath: r.found_location_path,
    misplaced: Number(r.misplaced) === 1,
    manual: Number(r.manual) === 1,
    note: r.note,
    appliedAt: num(r.applied_at),
  };
}

export function toExtra(r: ExtraRow, paths: Map<number, string>): StocktakeExtra {
  return {
    id: r.id,
    kind: r.kind as ExtraKind,
    code: r.code,
    assetId: r.asset_id,
    assetNumber: r.asset_number,
    assetName: r.asset_name,
    assetStatus: (r.asset_status as AssetStatus | null) ?? null,
    assetLocationPath: r.asset_location_id === null ? null : (paths.get(r.asset_location_id) ?? null),
    locationId: r.location_id,
    locationPath: r.location_path,
    note: r.note,
    times: Number(r.times),
    firstAt: Number(r.first_at),
    lastAt: Number(r.last_at),
    foundBy: r.found_by,
  };
}

export function createStocktakeService({ db, audit, clock, events }: Deps) {
  const closedError = () => new AppError(StocktakeErrors['stocktake.closed'], [{ reason: 'stocktake_closed' }]);
  const badLocation = () => fieldError(StocktakeErrors['stocktake.invalid_reference'], 'locationId', 'not_found');

  async function load(trx: Kysely<Database>, id: number): Promise<StocktakeRow> {
    const row = await createStocktakeRepository(trx).byId(id);
    if (!row) throw notFound('stocktake');
    return row;
  }

  /** Opens the write gate of an open stocktake (see the top of the file). */
  async function gate(repo: StocktakeRepository, id: number): Promise<StocktakeRow> {
    if (!(await repo.bumpIfOpen(id))) {
      if (!(await repo.byId(id))) throw notFound('stocktake');
      throw closedError();
    }
    return (await repo.byId(id))!;
  }

  async function pathOrThrow(repo: StocktakeRepository, locationId: number | null): Promise<string | null> {
    if (locationId === null) return null;
    const path = await repo.locationPath(locationId);
    if (path === null) throw badLocation();
    return path;
  }

  async function locationPaths(dbx: Kysely<Database>, rows: ExtraRow[]): Promise<Map<number, string>> {
    return rows.some((r) => r.asset_location_id !== null) ? orgLookups.paths(dbx, 'locations') : new Map();
  }

  interface FoundBy {
    trx: Kysely<Database>;
    repo: StocktakeRepository;
    actor: Actor;
    stocktake: StocktakeRow;
    item: ItemRow;
    locationId: number | null;
    locationPath: string | null;
    note: string;
    manual: boolean;
  }

  /** Marks one item found; the kind of result, and the history entry when seen elsewhere. */
  async function markItem(f: FoundBy): Promise<ScanResultKind> {
    const misplaced = f.locationId !== null && f.item.location_id !== f.locationId;
    const won = await f.repo.markFound(f.item.id, {
      found_at: clock.now(),
      found_by: f.actor.name || f.actor.kind,
      found_by_user_id: f.actor.userId,
      found_location_id: f.locationId,
      found_location_path: f.locationPath,
      misplaced: misplaced ? 1 : 0,
      manual: f.manual ? 1 : 0,
      note: f.note,
    });
    if (!won) return 'duplicate';
    await f.repo.addCounts(f.stocktake.id, { found: 1, misplaced: misplaced ? 1 : 0 });
    if (misplaced)
      await recordAssetHistory(f.trx, clock, f.actor, {
        assetId: f.item.asset_id,
        kind: 'stocktake',
        summary: `${f.stocktake.name}：位置不符，在「${f.locationPath}」盘到（账面位置「${f.item.location_path ?? '未登记'}」）`,
      });
    return misplaced ? 'misplaced' : 'found';
  }

  async function scanAudit(trx: Kysely<Database>, actor: Actor, action: string, st: StocktakeRow, after: Record<string, unknown>) {
    await audit.record(trx, actor, { action, entityType: 'stocktake', entityId: st.id, summary: st.name, after });
  }

  const service = {
    async list(q: z.output<typeof stocktakeListQuery>): Promise<Page<Stocktake>> {
      const { rows, total } = await createStocktakeRepository(db).list(q);
      return { items: rows.map(toStocktake), total, page: q.page, pageSize: q.pageSize };
    },

    get: async (id: number): Promise<Stocktake> => toStocktake(await load(db, id)),

    /** Starts a stocktake: the assets in scope (all but disposed) are copied in one transaction. */
    async start(actor: Actor, input: z.output<typeof stocktakeInput>): Promise<Stocktake> {
      const id = await inTransaction(db, async (trx) => {
        const repo = createStocktakeRepository(trx);
        const open = await repo.openOne();
        const alreadyOpen = (name: string) =>
          new AppError(StocktakeErrors['stocktake.already_open'], [{ reason: 'stocktake_open', params: { name } }]);
        if (open) throw alreadyOpen(open.name);
        const locationPath = await pathOrThrow(repo, input.locationId);
        const locationIds = input.locationId ? await orgLookups.subtreeIds(trx, 'locations', input.locationId) : null;
        let categoryName: string | null = null;
        let categoryIds: number[] | null = null;
        if (input.categoryId) {
          const categories = await loadCategories(trx);
          const category = categories.get(input.categoryId);
          if (!category) throw fieldError(StocktakeErrors['stocktake.invalid_reference'], 'categoryId', 'not_found');
          categoryName = category.name;
          categoryIds = categorySubtree(categories, input.categoryId);
        }
        const now = clock.now();
        const year = input.year ?? Number((await todayOf(trx, now)).slice(0, 4));
        let newId: number;
        try {
          newId = await repo.insert({
            name: input.name,
            status: 'open',
            open_slot: 1,
            year,
            location_id: input.locationId,
            location_path: locationPath,
            category_id: input.categoryId,
            category_name: categoryName,
            started_at: now,
            started_by: actor.name || actor.kind,
            started_by_user_id: actor.userId,
            closed_at: null,
            closed_by: null,
            close_date: null,
            report: null,
          });
        } catch (err) {
          // Started by someone else a moment ago.
          if (isUniqueViolation(err)) throw alreadyOpen('');
          throw err;
        }
        await repo.snapshot(newId, { locationIds, categoryIds });
        const expected = await repo.setExpected(newId);
        if (expected === 0) throw new AppError(StocktakeErrors['stocktake.empty_scope'], [{ reason: 'empty_scope' }]);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'stocktake',
          entityId: newId,
          summary: input.name,
          after: { name: input.name, year, locationPath, categoryName, expected },
        });
        return newId;
      });
      return service.get(id);
    },

    /** One scan: a small transaction of its own, so many people can count at once. */
    async scan(actor: Actor, id: number, input: z.output<typeof scanInput>): Promise<ScanResult> {
      const number = numberFromCode(input.code);
      return inTransaction(db, async (trx) => {
        const repo = createStocktakeRepository(trx);
        const st = await gate(repo, id);
        const locationPath = await pathOrThrow(repo, input.locationId);
        const asset = number ? await repo.assetByNumber(number) : undefined;
        // A renumbered asset is still found by the number on its old label.
        const item = asset ? await repo.itemByAsset(id, asset.id) : number ? await repo.itemByNumber(id, number) : undefined;
        let result: ScanResultKind;
        let extraId: number | null = null;
        if (item) {
          result = await markItem({ trx, repo, actor, stocktake: st, item, ...input, locationPath, manual: false });
        } else {
          const kind: ExtraKind = asset ? 'outside' : 'unknown';
          const now = clock.now();
          const extra = await repo.recordExtra({
            stocktake_id: id,
            kind,
            // An asset is kept under its number however it was scanned; an unknown label as read.
            code: asset ? asset.number : input.code,
            asset_id: asset?.id ?? null,
            location_id: input.locationId,
            location_path: locationPath,
            note: input.note,
            first_at: now,
            last_at: now,
            found_by: actor.name || actor.kind,
            found_by_user_id: actor.userId,
          });
          if (extra.inserted) await repo.addCounts(id, kind === 'outside' ? { outside: 1 } : { unknown: 1 });
          extraId = extra.id;
          result = kind;
        }
        await scanAudit(trx, actor, 'scan', st, {
          code: input.code,
          result,
          assetId: asset?.id ?? item?.asset_id ?? null,
          locationPath,
        });
        const after = (await repo.byId(id))!;
        const itemAfter = item ? await repo.itemById(id, item.id) : undefined;
        const extraAfter = extraId !== null ? await repo.extraById(extraId) : undefined;
        return {
          result,
          code: input.code,
          number,
          item: itemAfter ? toItem(itemAfter) : null,
          extra: extraAfter ? toExtra(extraAfter, await locationPaths(trx, [extraAfter])) : null,
          counts: toCounts(after),
          version: Number(after.version),
        };
      });
    },

    /** Found without a label to scan (torn off, unreadable): marked by hand from the list. */
    async markFound(actor: Actor, id: number, itemId: number, input: z.output<typeof markFoundInput>): Promise<ScanResult> {
      return inTransaction(db, async (trx) => {
        const repo = createStocktakeRepository(trx);
        const st = await gate(repo, id);
        const item = await repo.itemById(id, itemId);
        if (!item) throw notFound('stocktake_item');
        const locationPath = await pathOrThrow(repo, input.locationId);
        const result = await markItem({ trx, repo, actor, stocktake: st, item, ...input, locationPath, manual: true });
        await scanAudit(trx, actor, 'mark_found', st, { assetId: item.asset_id, number: item.number, result, locationPath });
        const after = (await repo.byId(id))!;
        return {
          result,
          code: item.number,
          number: item.number,
          item: toItem((await repo.itemById(id, itemId))!),
          extra: null,
          counts: toCounts(after),
          version: Number(after.version),
        };
      });
    },

    /** Takes back a found mark (a label scanned by mistake). */
    async undo(actor: Actor, id: number, itemId: number): Promise<StocktakeItem> {
      return inTransaction(db, async (trx) => {
        const repo = createStocktakeRepository(trx);
        const st = await gate(repo, id);
        const item = await repo.itemById(id, itemId);
        if (!item) throw notFound('stocktake_item');
        if (item.applied_at !== null) throw new AppError(StocktakeErrors['stocktake.already_applied'], [{ reason: 'already_applied' }]);
        const wasMisplaced = Number(item.misplaced) === 1;
        if (await repo.unmarkFound(itemId)) {
          await repo.addCounts(id, { found: -1, misplaced: wasMisplaced ? -1 : 0 });
          if (wasMisplaced)
            await recordAssetHistory(trx, clock, actor, {
              assetId: item.asset_id,
              kind: 'stocktake',
              summary: `${st.name}：撤销盘点记录（曾在「${item.found_location_path ?? ''}」盘到）`,
            });
          await scanAudit(trx, actor, 'undo', st, { assetId: item.asset_id, number: item.number });
        }
        return toItem((await repo.itemById(id, itemId))!);
      });
    },

    async items(id: number, q: z.output<typeof itemListQuery>): Promise<Page<StocktakeItem>> {
      const st = await load(db, id);
      const c = toCounts(st);
      const known = q.q ? null : { all: c.expected, found: c.found, missing: c.missing, misplaced: c.misplaced }[q.state];
      const { rows, total } = await createStocktakeRepository(db).listItems(id, q, known);
      return { items: rows.map(toItem), total, page: q.page, pageSize: q.pageSize };
    },

    async extras(id: number, q: z.output<typeof extraListQuery>): Promise<Page<StocktakeExtra>> {
      const st = await load(db, id);
      const known = q.kind === 'unknown' ? Number(st.unknown_count) : Number(st.outside_count);
      const { rows, total } = await createStocktakeRepository(db).listExtras(id, q, known);
      const paths = await locationPaths(db, rows);
      return { items: rows.map((r) => toExtra(r, paths)), total, page: q.page, pageSize: q.pageSize };
    },

    /** Closes the count (items not found become 盘亏) and stores the report computed now. */
    async close(actor: Actor, id: number): Promise<Stocktake> {
      await inTransaction(db, async (trx) => {
        const repo = createStocktakeRepository(trx);
        const now = clock.now();
        const closeDate = await todayOf(trx, now);
        if (!(await repo.close(id, { closed_at: now, closed_by: actor.name || actor.kind, close_date: closeDate }))) {
          await load(trx, id);
          throw closedError();
        }
        const st = (await repo.byId(id))!;
        const report = await computeReport(repo, st);
        await repo.saveReport(id, toJson(report));
        await audit.record(trx, actor, {
          action: 'close',
          entityType: 'stocktake',
          entityId: id,
          summary: st.name,
          after: {
            closeDate,
            expected: report.book.count,
            found: report.found.count,
            missing: report.missing.count,
            misplaced: report.misplaced,
            unknown: report.unknown,
            bookValueFen: report.book.valueFen,
          },
        });
      });
      return service.get(id);
    },

    async report(id: number): Promise<{ stocktake: StocktakeRow; report: StocktakeReport }> {
      const st = await load(db, id);
      if (st.status !== 'closed' || st.report === null)
        throw new AppError(StocktakeErrors['stocktake.not_closed'], [{ reason: 'stocktake_not_closed' }]);
      return { stocktake: st, report: fromJson<StocktakeReport>(st.report) };
    },

    /**
     * Moves misplaced assets to where they were seen: each asset's location, history and audit
     * entry, all in one transaction. Assets disposed or deleted since, or whose seen location is
     * gone, are skipped; one already there only counts as done.
     */
    async applyLocations(
      actor: Actor,
      id: number,
      input: z.output<typeof applyLocationsInput>,
    ): Promise<{ moved: number; skipped: number }> {
      const movedIds: number[] = [];
      const outcome = await inTransaction(db, async (trx) => {
        const repo = createStocktakeRepository(trx);
        const st = await load(trx, id);
        const wanted = input.itemIds ? [...new Set(input.itemIds)] : null;
        if (wanted) {
          // Every listed id must be an item of this stocktake: a foreign id changes nothing.
          const found = await Promise.all(wanted.map((itemId) => repo.itemById(id, itemId)));
          if (found.some((f) => !f)) throw notFound('stocktake_item');
        }
        const items = await repo.misplacedToApply(id, wanted);
        const assets = new Map((await repo.assetsByIds(items.map((i) => i.asset_id))).map((a) => [a.id, a]));
        const now = clock.now();
        const done: number[] = [];
        let skipped = wanted ? wanted.length - items.length : 0;
        for (const item of items) {
          const asset = assets.get(item.asset_id);
          const to = item.found_location_id;
          if (!asset || asset.status === 'disposed' || to === null || !(await orgLookups.locationExists(trx, to))) {
            skipped++;
            continue;
          }
          done.push(item.id);
          if (asset.location_id === to) continue;
          const from = asset.location_id === null ? null : await repo.locationPath(asset.location_id);
          const toPath = await repo.locationPath(to);
          await trx.updateTable('assets').set({ location_id: to, updated_at: now }).where('id', '=', asset.id).execute();
          await recordAssetHistory(trx, clock, actor, {
            assetId: asset.id,
            kind: 'stocktake',
            summary: `${st.name}：按盘点结果调整位置`,
            changes: { locationName: { from, to: toPath } },
          });
          await audit.record(trx, actor, {
            action: 'update',
            entityType: 'asset',
            entityId: asset.id,
            summary: `${asset.number} ${asset.name}`,
            before: { locationName: from },
            after: { locationName: toPath },
          });
          movedIds.push(asset.id);
        }
        await repo.markApplied(done, now);
        await repo.addCounts(id, { applied: done.length });
        await repo.bump(id);
        await audit.record(trx, actor, {
          action: 'apply_locations',
          entityType: 'stocktake',
          entityId: id,
          summary: st.name,
          after: { moved: done.length, skipped },
        });
        return { moved: done.length, skipped };
      });
      for (const assetId of movedIds) events.emit('asset.updated', { id: assetId });
      return outcome;
    },
  };
  return service;
}
export type StocktakeService = ReturnType<typeof createStocktakeService>;
