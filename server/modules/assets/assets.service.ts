// Assets: create, edit, lifecycle transitions, bulk changes, and the reads built on them. Every
// write checks the rules, records the audit entry and the asset's timeline in one transaction.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  STATUS_TRANSITIONS,
  STATUSES_NEEDING_REASON,
  type Asset,
  type AssetListQuery,
  type AssetStatus,
  type assetInput,
  type assetPatch,
  type bulkAction,
  type expiringQuery,
} from '../../../shared/contracts/assets.js';
import type { Page } from '../../../shared/contracts/common.js';
import { addMonths } from '../../../shared/lib/depreciation.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { dateIn } from '../../core/clock.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import { readSettings } from '../../core/settings.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { orgLookups } from '../org/index.js';
import { nextAssetNumber } from './asset-numbers.js';
import { readAssetSettings } from './asset-settings.js';
import { AssetErrors } from './assets.errors.js';
import { assetAuditView, newAssetRow, toAsset } from './assets.mappers.js';
import { createAssetsRepository, type AssetRow } from './assets.repository.js';
import { loadCategories } from './categories.service.js';
import { assertCustomValues } from './custom-fields.js';
import { fieldChanges, recordAssetHistory } from './history.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events'> & Partial<Pick<ModuleContext, 'references'>>;
type Input = z.output<typeof assetInput>;
type Patch = z.output<typeof assetPatch>;
type Custom = Asset['custom'];

/** Today in the organisation's time zone. */
export async function todayOf(db: Kysely<Database>, now: number): Promise<string> {
  return dateIn(now, (await readSettings(db)).timeZone);
}

export async function checkOrgRefs(
  db: Kysely<Database>,
  refs: { locationId?: number | null; departmentId?: number | null; holderPersonId?: number | null },
): Promise<void> {
  const bad = (field: string) => fieldError(AssetErrors['assets.invalid_reference'], field, 'not_found');
  if (refs.locationId && !(await orgLookups.locationExists(db, refs.locationId))) throw bad('locationId');
  if (refs.departmentId && !(await orgLookups.departmentExists(db, refs.departmentId))) throw bad('departmentId');
  if (refs.holderPersonId && !(await orgLookups.personExists(db, refs.holderPersonId))) throw bad('holderPersonId');
}

export function checkTransition(from: AssetStatus, to: AssetStatus, reason: string): void {
  if (from === 'disposed') throw new AppError(AssetErrors['assets.disposed'], [{ reason: 'disposed' }]);
  if (!STATUS_TRANSITIONS[from].includes(to))
    throw new AppError(AssetErrors['assets.invalid_transition'], [{ field: 'status', reason: 'invalid_transition', params: { from, to } }]);
  if (STATUSES_NEEDING_REASON.includes(to) && !reason.trim()) throw fieldError(AssetErrors['assets.reason_required'], 'reason', 'required');
}

const eolOf = (purchaseDate: string | null, lifeMonths: number | null) =>
  purchaseDate && lifeMonths ? addMonths(purchaseDate, lifeMonths) : null;
const bp = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

export function createAssetsService({ db, audit, clock, events, references }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Asset> {
    const row = await createAssetsRepository(trx).byId(id);
    if (!row) throw notFound('asset');
    return toAsset(row, await todayOf(trx, clock.now()));
  }
  const duplicateNumber = () => fieldError(AssetErrors['assets.duplicate_number'], 'number', 'not_unique');
  const duplicateSerial = () => fieldError(AssetErrors['assets.duplicate_serial'], 'serial', 'not_unique');

  async function checkSerial(trx: Kysely<Database>, serial: string | null, selfId: number | null): Promise<void> {
    if (!serial) return;
    const other = await createAssetsRepository(trx).idBySerial(serial);
    if (other && other.id !== selfId) throw duplicateSerial();
  }

  async function writeHistoryAndAudit(trx: Kysely<Database>, actor: Actor, before: Asset, after: Asset, kind: string, summary: string) {
    const diff = changedFields(assetAuditView(before), assetAuditView(after));
    if (!Object.keys(diff.after).length) return;
    await audit.record(trx, actor, {
      action: 'update',
      entityType: 'asset',
      entityId: after.id,
      summary: `${after.number} ${after.name}`,
      ...diff,
    });
    await recordAssetHistory(trx, clock, actor, { assetId: after.id, kind, summary, changes: fieldChanges(diff.before, diff.after) });
  }

  const service = {
    async list(q: AssetListQuery): Promise<Page<Asset>> {
      const { rows, total } = await createAssetsRepository(db).list(q);
      const today = await todayOf(db, clock.now());
      return { items: rows.map((r) => toAsset(r, today)), total, page: q.page, pageSize: q.pageSize };
    },

    get: (id: number) => load(db, id),
    getIn: (trx: Kysely<Database>, id: number) => load(trx, id),

    /** The full record for those who may read the ledger, or for the person who holds it. */
    async getFor(actor: Actor, id: number): Promise<Asset> {
      const a = await load(db, id);
      if (!actor.permissions.has('assets:read') && (actor.personId === null || a.holderPersonId !== actor.personId))
        throw notFound('asset');
      return a;
    },

    /** What a scanned label shows to anyone signed in. */
    async card(actor: Actor, number: string) {
      const row = await createAssetsRepository(db).byNumber(number);
      if (!row) throw notFound('asset');
      const mine = actor.personId !== null && row.holder_person_id === actor.personId;
      return {
        id: row.id,
        number: row.number,
        name: row.name,
        categoryName: row.category_name,
        brand: row.brand,
        model: row.model,
        status: row.status as AssetStatus,
        locationName: row.location_name,
        canReadFull: actor.permissions.has('assets:read') || mine,
        mine,
      };
    },

    /** Assets the caller holds (staff see only these). */
    async mine(actor: Actor): Promise<{ items: Asset[] }> {
      if (actor.personId === null) return { items: [] };
      const page = await service.list({
        page: 1,
        pageSize: 200,
        order: 'asc',
        sort: 'number',
        holderPersonId: actor.personId,
        includeDisposed: false,
      });
      return { items: page.items };
    },

    async create(actor: Actor, input: Input): Promise<Asset> {
      const a = await inTransaction(db, (trx) => service.createIn(trx, actor, input));
      events.emit('asset.created', { id: a.id });
      return a;
    },

    async createIn(trx: Kysely<Database>, actor: Actor, input: Input, historyKind = 'created'): Promise<Asset> {
      const repo = createAssetsRepository(trx);
      const category = (await loadCategories(trx)).get(input.categoryId);
      if (!category) throw fieldError(AssetErrors['assets.invalid_reference'], 'categoryId', 'not_found');
      await checkOrgRefs(trx, input);
      const custom = assertCustomValues(category.effectiveFields, input.custom);
      if (STATUSES_NEEDING_REASON.includes(input.status) && !input.statusReason)
        throw fieldError(AssetErrors['assets.reason_required'], 'statusReason', 'required');
      const now = clock.now();
      const today = await todayOf(trx, now);
      let number = input.number;
      if (!number)
        number = await nextAssetNumber(trx, (await readAssetSettings(trx)).numberPattern, { today, categoryCode: category.code });
      else if (await repo.idByNumber(number)) throw duplicateNumber();
      await checkSerial(trx, input.serial, null);
      const row = newAssetRow({ ...input, number }, category, custom, now);
      let id: number;
      try {
        id = await repo.insert(row, custom);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateNumber();
        throw err;
      }
      const created = await load(trx, id);
      await audit.record(trx, actor, {
        action: 'create',
        entityType: 'asset',
        entityId: id,
        summary: `${created.number} ${created.name}`,
        after: assetAuditView(created),
      });
      await recordAssetHistory(trx, clock, actor, { assetId: id, kind: historyKind, summary: created.name });
      return created;
    },

    async update(actor: Actor, id: number, patch: Patch): Promise<Asset> {
      const a = await inTransaction(db, (trx) => service.updateIn(trx, actor, id, patch));
      events.emit('asset.updated', { id });
      return a;
    },

    async updateIn(trx: Kysely<Database>, actor: Actor, id: number, patch: Patch, historyKind = 'updated'): Promise<Asset> {
      const repo = createAssetsRepository(trx);
      const before = await load(trx, id);
      if (before.status === 'disposed') throw new AppError(AssetErrors['assets.disposed'], [{ reason: 'disposed' }]);
      const categoryId = patch.categoryId ?? before.categoryId;
      const category = (await loadCategories(trx)).get(categoryId);
      if (!category) throw fieldError(AssetErrors['assets.invalid_reference'], 'categoryId', 'not_found');
      await checkOrgRefs(trx, patch);
      // A new category keeps the values of the fields it also has.
      const known = new Set(category.effectiveFields.map((f) => f.key));
      const baseCustom: Custom = patch.custom ?? Object.fromEntries(Object.entries(before.custom).filter(([k]) => known.has(k)));
      const custom = assertCustomValues(category.effectiveFields, baseCustom);
      if (patch.number && patch.number !== before.number) {
        const other = await repo.idByNumber(patch.number);
        if (other && other.id !== id) throw duplicateNumber();
      }
      const serial = patch.serial !== undefined ? patch.serial : before.serial;
      if (serial !== before.serial) await checkSerial(trx, serial, id);
      const pick = <K extends keyof Patch & keyof Asset>(k: K) => (patch[k] !== undefined ? patch[k] : before[k]) as Asset[K];
      const purchaseDate = pick('purchaseDate');
      const lifeMonths = pick('lifeMonths');
      const next = {
        number: pick('number'),
        name: pick('name'),
        category_id: categoryId,
        brand: pick('brand'),
        model: pick('model'),
        serial,
        location_id: pick('locationId'),
        department_id: pick('departmentId'),
        holder_person_id: pick('holderPersonId'),
        purchase_date: purchaseDate,
        price_fen: pick('priceFen'),
        supplier: pick('supplier'),
        order_number: pick('orderNumber'),
        warranty_end: pick('warrantyEnd'),
        life_months: lifeMonths,
        residual_bp: bp(pick('residualRate')),
        eol_date: eolOf(purchaseDate, lifeMonths),
        hostname: pick('hostname'),
        ip: pick('ip'),
        mac: pick('mac'),
        notes: pick('notes'),
        custom: toJson(custom),
        updated_at: clock.now(),
      };
      try {
        await repo.update(id, next, { ...next, custom: next.custom }, custom);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateNumber();
        throw err;
      }
      const after = await load(trx, id);
      await writeHistoryAndAudit(trx, actor, before, after, historyKind, after.name);
      return after;
    },

    async changeStatus(actor: Actor, id: number, to: AssetStatus, reason: string): Promise<Asset> {
      const a = await inTransaction(db, (trx) => service.changeStatusIn(trx, actor, id, to, reason));
      events.emit('asset.updated', { id });
      return a;
    },

    /** A checked transition. Back to stock, retired or disposed: nobody holds it any more. */
    async changeStatusIn(
      trx: Kysely<Database>,
      actor: Actor,
      id: number,
      to: AssetStatus,
      reason: string,
      extra: Partial<AssetRow> = {},
      /** How the timeline names it: hand-outs and returns say so, with the recipient. */
      history: { kind: string; summary: string } = { kind: 'status', summary: reason },
    ): Promise<Asset> {
      const before = await load(trx, id);
      checkTransition(before.status, to, reason);
      const clearsHolder = to === 'in_stock' || to === 'retired' || to === 'disposed';
      await trx
        .updateTable('assets')
        .set({ status: to, status_reason: reason, ...(clearsHolder ? { holder_person_id: null } : {}), ...extra, updated_at: clock.now() })
        .where('id', '=', id)
        .execute();
      const after = await load(trx, id);
      await writeHistoryAndAudit(trx, actor, before, after, history.kind, history.summary);
      return after;
    },

    /** One change applied to many assets; any refusal rolls the whole batch back. */
    async bulk(actor: Actor, action: z.output<typeof bulkAction>): Promise<{ updated: number }> {
      const ids = [...new Set(action.ids)];
      const { status, reason, ...fields } = action.set;
      await inTransaction(db, async (trx) => {
        const found = await createAssetsRepository(trx).byIds(ids);
        if (found.length !== ids.length) throw notFound('asset');
        for (const id of ids) {
          if (Object.keys(fields).length) await service.updateIn(trx, actor, id, fields);
          if (status) {
            const current = await load(trx, id);
            if (current.status !== status) await service.changeStatusIn(trx, actor, id, status, reason ?? '');
          }
        }
      });
      for (const id of ids) events.emit('asset.updated', { id });
      return { updated: ids.length };
    },

    /** Only a mistaken entry can be deleted: once it has hand-outs or maintenance, retire it. */
    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const uses: Record<string, number> = {};
        const count = async (table: 'asset_assignments' | 'asset_maintenance') =>
          Number(
            (
              await trx
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('asset_id', '=', id)
                .executeTakeFirstOrThrow()
            ).n,
          );
        const assignments = await count('asset_assignments');
        const maintenance = await count('asset_maintenance');
        if (assignments) uses.assignments = assignments;
        if (maintenance) uses.maintenance = maintenance;
        // Other modules' rows that point at the asset (a ticket's linked devices and repairs).
        Object.assign(uses, await references?.count(trx, 'asset', id));
        if (Object.keys(uses).length) throw new AppError(AssetErrors['assets.in_use'], [{ reason: 'in_use', params: uses }]);
        await createAssetsRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'asset',
          entityId: id,
          summary: `${before.number} ${before.name}`,
          before: assetAuditView(before),
        });
      });
      events.emit('asset.deleted', { id });
    },

    async expiring(q: z.output<typeof expiringQuery>) {
      const today = await todayOf(db, clock.now());
      const until = addDays(today, q.days);
      const column = q.kind === 'warranty' ? 'warranty_end' : 'eol_date';
      const { rows, total } = await createAssetsRepository(db).expiring(column, today, until, q);
      return {
        items: rows.map((r) => {
          const date = (q.kind === 'warranty' ? r.warranty_end : r.eol_date)!;
          return {
            id: r.id,
            number: r.number,
            name: r.name,
            categoryName: r.category_name,
            status: r.status as AssetStatus,
            locationName: r.location_name,
            holderName: r.holder_name,
            date,
            daysLeft: daysBetween(today, date),
          };
        }),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
  return service;
}
export type AssetsService = ReturnType<typeof createAssetsService>;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
