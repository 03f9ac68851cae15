// Maintenance records (维护记录): repairs, upgrades, routine care. A record with a next due date
// is a reminder until a later record on the same asset follows it up.
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Maintenance, maintenanceInput, maintenancePatch } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { addDays, createAssetsService, todayOf } from './assets.service.js';
import type { AssetMaintenanceTable } from './assets.tables.js';
import { recordAssetHistory } from './history.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events'>;
type Row = Selectable<AssetMaintenanceTable>;

function toMaintenance(r: Row): Maintenance {
  return {
    id: r.id,
    assetId: r.asset_id,
    date: r.date,
    kind: r.kind as Maintenance['kind'],
    description: r.description,
    parts: r.parts,
    costFen: r.cost_fen === null ? null : Number(r.cost_fen),
    performer: r.performer,
    vendor: r.vendor,
    result: r.result,
    upgradeItem: r.upgrade_item,
    upgradeFrom: r.upgrade_from,
    upgradeTo: r.upgrade_to,
    nextDue: r.next_due,
    followedUp: r.followed_up_by !== null,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}
function auditView(m: Maintenance): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = m;
  return rest;
}
/** One line for the timeline: 升级 内存 8G → 16G, or the description. */
function summaryOf(m: Maintenance): string {
  return m.upgradeItem ? `${m.upgradeItem} ${m.upgradeFrom} → ${m.upgradeTo}`.trim() : m.description;
}

export function createMaintenanceService(deps: Deps) {
  const { db, audit, clock, events } = deps;
  const assets = createAssetsService(deps);

  async function load(trx: Kysely<Database>, assetId: number, id: number): Promise<Maintenance> {
    const row = await trx
      .selectFrom('asset_maintenance')
      .selectAll()
      .where('id', '=', id)
      .where('asset_id', '=', assetId)
      .executeTakeFirst();
    if (!row) throw notFound('maintenance');
    return toMaintenance(row);
  }

  return {
    async list(assetId: number): Promise<{ items: Maintenance[] }> {
      await assets.get(assetId);
      const rows = await db
        .selectFrom('asset_maintenance')
        .selectAll()
        .where('asset_id', '=', assetId)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return { items: rows.map(toMaintenance) };
    },

    async create(actor: Actor, assetId: number, input: z.output<typeof maintenanceInput>): Promise<Maintenance> {
      const created = await inTransaction(db, async (trx) => {
        const asset = await assets.getIn(trx, assetId);
        const now = clock.now();
        const { id } = await trx
          .insertInto('asset_maintenance')
          .values({
            asset_id: assetId,
            date: input.date,
            kind: input.kind,
            description: input.description,
            parts: input.parts,
            cost_fen: input.costFen,
            performer: input.performer,
            vendor: input.vendor,
            result: input.result,
            upgrade_item: input.upgradeItem,
            upgrade_from: input.upgradeFrom,
            upgrade_to: input.upgradeTo,
            next_due: input.nextDue,
            followed_up_by: null,
            created_by: actor.name || actor.kind,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // This visit answers the earlier reminders on the same asset.
        await trx
          .updateTable('asset_maintenance')
          .set({ followed_up_by: id })
          .where('asset_id', '=', assetId)
          .where('id', '<', id)
          .where('next_due', 'is not', null)
          .where('followed_up_by', 'is', null)
          .execute();
        const m = await load(trx, assetId, id);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'asset_maintenance',
          entityId: id,
          summary: `${asset.number} ${summaryOf(m)}`,
          after: auditView(m),
        });
        await recordAssetHistory(trx, clock, actor, { assetId, kind: 'maintenance', summary: summaryOf(m), changes: {} });
        return m;
      });
      events.emit('asset.updated', { id: assetId });
      return created;
    },

    async update(actor: Actor, assetId: number, id: number, patch: z.output<typeof maintenancePatch>): Promise<Maintenance> {
      return inTransaction(db, async (trx) => {
        const before = await load(trx, assetId, id);
        const set: Record<string, unknown> = { updated_at: clock.now() };
        const columns: Record<string, string> = {
          date: 'date',
          kind: 'kind',
          description: 'description',
          parts: 'parts',
          costFen: 'cost_fen',
          performer: 'performer',
          vendor: 'vendor',
          result: 'result',
          upgradeItem: 'upgrade_item',
          upgradeFrom: 'upgrade_from',
          upgradeTo: 'upgrade_to',
          nextDue: 'next_due',
        };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) set[columns[k]!] = v;
        await trx.updateTable('asset_maintenance').set(set).where('id', '=', id).execute();
        const after = await load(trx, assetId, id);
        const diff = changedFields(auditView(before), auditView(after));
        if (Object.keys(diff.after).length) {
          await audit.record(trx, actor, {
            action: 'update',
            entityType: 'asset_maintenance',
            entityId: id,
            summary: summaryOf(after),
            ...diff,
          });
          await recordAssetHistory(trx, clock, actor, { assetId, kind: 'maintenance', summary: summaryOf(after), changes: {} });
        }
        return after;
      });
    },

    async remove(actor: Actor, assetId: number, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, assetId, id);
        // Reminders this record had answered are open again.
        await trx.updateTable('asset_maintenance').set({ followed_up_by: null }).where('followed_up_by', '=', id).execute();
        await trx.deleteFrom('asset_maintenance').where('id', '=', id).execute();
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'asset_maintenance',
          entityId: id,
          summary: summaryOf(before),
          before: auditView(before),
        });
        await recordAssetHistory(trx, clock, actor, {
          assetId,
          kind: 'maintenance',
          summary: summaryOf(before),
          changes: { deleted: { from: summaryOf(before), to: null } },
        });
      });
      events.emit('asset_maintenance.deleted', { id });
    },

    /** Open reminders due by today + days (overdue ones included), soonest first. */
    async due(days: number) {
      const until = addDays(await todayOf(db, clock.now()), days);
      const rows = await db
        .selectFrom('asset_maintenance')
        .innerJoin('assets', 'assets.id', 'asset_maintenance.asset_id')
        .selectAll('asset_maintenance')
        .select(['assets.number as asset_number', 'assets.name as asset_name'])
        .where('asset_maintenance.followed_up_by', 'is', null)
        .where('asset_maintenance.next_due', '<=', until)
        .where('assets.status', 'not in', ['retired', 'disposed'])
        .orderBy('asset_maintenance.next_due')
        .limit(500)
        .execute();
      return { items: rows.map((r) => ({ ...toMaintenance(r), assetNumber: r.asset_number, assetName: r.asset_name })) };
    },
  };
}
export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
