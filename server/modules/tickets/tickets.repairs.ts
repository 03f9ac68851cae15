// Vendor repairs (送修/联系厂家) and escalation to a leader. A repair that takes a device out
// moves it to 维修中 through the assets module (with its history); the return date brings it back
// to the status it had. A leader is any active user; only they record the decision.
import type { Selectable, Updateable } from 'kysely';
import type { z } from 'zod';
import { STATUS_TRANSITIONS, type AssetStatus } from '../../../shared/contracts/assets.js';
import type { decisionInput, escalateInput, RepairInput, repairUpdateInput, Ticket } from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { createAssetsService } from '../assets/index.js';
import { vendorLookups } from '../org/index.js';
import { activeUser, checkAssets } from './tickets.checks.js';
import type { TicketCore, Tx } from './tickets.core.js';
import { TicketErrors } from './tickets.errors.js';
import { auditSummary, toRepair } from './tickets.mappers.js';
import { createTicketRelatedRepository } from './tickets.related.repository.js';
import type { TicketRow } from './tickets.repository.js';
import type { TicketRepairsTable } from './tickets.tables.js';
import { assetData } from './tickets.timeline-data.js';

const invalid = (field: string, reason: string) => fieldError(TicketErrors['tickets.invalid_reference'], field, reason);
const locked = (field: string) => fieldError(TicketErrors['tickets.repair_locked'], field, 'locked');

export function createTicketRepairs(core: TicketCore, get: (actor: Actor, id: number) => Promise<Ticket>) {
  const { audit, clock } = core;

  async function vendorFor(tx: Tx, vendorId: number) {
    const v = await vendorLookups.byId(tx.trx, vendorId);
    if (!v) throw invalid('vendorId', 'not_found');
    // Deactivated vendors stay on old repairs but take no new ones.
    if (!v.active) throw invalid('vendorId', 'inactive');
    return v;
  }

  /** The device joins the ticket if it was not linked yet, then goes out for repair. Returns its status before. */
  async function sendOut(tx: Tx, actor: Actor, t: TicketRow, assetId: number): Promise<string | null> {
    await checkAssets(tx.trx, { audit, clock, events: tx.events }, actor, [assetId], true);
    const related = createTicketRelatedRepository(tx.trx);
    if (!(await related.assetIdsOf(t.id)).includes(assetId)) {
      await related.addAssets(t.id, [assetId]);
      await core.timeline(tx, actor, { ticketId: t.id, kind: 'asset', internal: true, data: await assetData(tx.trx, [assetId], []) });
    }
    const assets = createAssetsService({ db: tx.trx, audit, clock, events: tx.events });
    const asset = await assets.getIn(tx.trx, assetId);
    if (asset.status === 'under_repair') return null;
    await assets.changeStatusIn(tx.trx, actor, assetId, 'under_repair', t.number, {}, { kind: 'status', summary: `送修 ${t.number}` });
    tx.emit('asset.updated', { id: assetId });
    return asset.status;
  }

  /** Back from the vendor: the status it had before, where the lifecycle allows it. */
  async function bringBack(tx: Tx, actor: Actor, t: TicketRow, assetId: number, previous: string | null): Promise<void> {
    const assets = createAssetsService({ db: tx.trx, audit, clock, events: tx.events });
    const asset = await assets.getIn(tx.trx, assetId);
    if (asset.status !== 'under_repair') return;
    const wanted = (previous ?? 'in_use') as AssetStatus;
    const to = STATUS_TRANSITIONS.under_repair.includes(wanted) ? wanted : 'in_use';
    await assets.changeStatusIn(tx.trx, actor, assetId, to, t.number, {}, { kind: 'status', summary: `修复返回 ${t.number}` });
    tx.emit('asset.updated', { id: assetId });
  }

  function checkDates(sent: string, returned: string | null): void {
    if (returned !== null && returned < sent) throw fieldError(TicketErrors['tickets.invalid_dates'], 'returnedDate', 'before_sent');
  }

  async function repairTimeline(tx: Tx, actor: Actor, t: TicketRow, row: Selectable<TicketRepairsTable>, change: string) {
    const names = await vendorLookups.names(tx.trx, row.vendor_id === null ? [] : [row.vendor_id]);
    const repair = toRepair(row, names);
    await core.timeline(tx, actor, { ticketId: t.id, kind: 'repair', internal: true, body: repair.notes, data: { change, ...repair } });
    return repair;
  }

  return {
    async add(actor: Actor, id: number, input: RepairInput): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        core.assertNotClosed(t);
        const vendor = input.vendorId === null ? null : await vendorFor(tx, input.vendorId);
        checkDates(input.sentDate, input.returnedDate);
        const previous = input.assetId !== null && input.returnedDate === null ? await sendOut(tx, actor, t, input.assetId) : null;
        if (input.assetId !== null && input.returnedDate !== null)
          await checkAssets(tx.trx, { audit, clock, events: tx.events }, actor, [input.assetId], true);
        const related = createTicketRelatedRepository(tx.trx);
        const row = {
          ticket_id: id,
          vendor_id: input.vendorId,
          contact: input.contact || vendor?.contact || '',
          phone: input.phone || vendor?.phone || '',
          rma_number: input.rmaNumber,
          asset_id: input.assetId,
          asset_prev_status: previous,
          sent_date: input.sentDate,
          returned_date: input.returnedDate,
          cost_fen: input.costFen,
          notes: input.notes,
          created_at: tx.now,
          updated_at: tx.now,
        };
        const repairId = await related.insertRepair(row);
        const repair = await repairTimeline(tx, actor, t, { ...row, id: repairId }, 'sent');
        await audit.record(tx.trx, actor, {
          action: 'create',
          entityType: 'ticket_repair',
          entityId: repairId,
          summary: auditSummary(t),
          after: repair,
        });
        await core.apply(tx, actor, t, {});
        tx.emit('ticket.updated', { id });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: number, repairId: number, patch: z.output<typeof repairUpdateInput>): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        const related = createTicketRelatedRepository(tx.trx);
        const before = await related.repairById(id, repairId);
        if (!before) throw notFound('repair');
        const vendorId = patch.vendorId !== undefined ? patch.vendorId : before.vendor_id;
        if (vendorId !== null && vendorId !== before.vendor_id) await vendorFor(tx, vendorId);
        const returned = patch.returnedDate !== undefined ? patch.returnedDate : before.returned_date;
        if (before.returned_date !== null && returned === null) throw locked('returnedDate');
        const assetId = patch.assetId !== undefined ? patch.assetId : before.asset_id;
        if (before.asset_id !== null && assetId !== before.asset_id) throw locked('assetId');
        const sent = patch.sentDate ?? before.sent_date;
        checkDates(sent, returned);
        const set: Updateable<TicketRepairsTable> = {
          vendor_id: vendorId,
          contact: patch.contact ?? before.contact,
          phone: patch.phone ?? before.phone,
          rma_number: patch.rmaNumber ?? before.rma_number,
          asset_id: assetId,
          sent_date: sent,
          returned_date: returned,
          cost_fen: patch.costFen ?? Number(before.cost_fen),
          notes: patch.notes ?? before.notes,
          updated_at: tx.now,
        };
        // A device added to a repair that is still out goes out with it.
        if (before.asset_id === null && assetId !== null && returned === null) set.asset_prev_status = await sendOut(tx, actor, t, assetId);
        const comesBack = before.returned_date === null && returned !== null;
        if (comesBack && before.asset_id !== null) await bringBack(tx, actor, t, before.asset_id, before.asset_prev_status);
        await related.updateRepair(repairId, set);
        const after = (await related.repairById(id, repairId))!;
        const names = await vendorLookups.names(
          tx.trx,
          [before.vendor_id, after.vendor_id].flatMap((v) => (v === null ? [] : [v])),
        );
        const diff = changedFields(toRepair(before, names), toRepair(after, names));
        if (!Object.keys(diff.after).length) return;
        await repairTimeline(tx, actor, t, after, comesBack ? 'returned' : 'updated');
        await audit.record(tx.trx, actor, {
          action: 'update',
          entityType: 'ticket_repair',
          entityId: repairId,
          summary: auditSummary(t),
          ...diff,
        });
        await core.apply(tx, actor, t, {});
        tx.emit('ticket.updated', { id });
      });
      return get(actor, id);
    },

    async escalate(actor: Actor, id: number, input: z.output<typeof escalateInput>): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        core.assertNotClosed(t);
        const leader = await activeUser(tx.trx, input.leaderUserId);
        if (!leader) throw fieldError(TicketErrors['tickets.invalid_leader'], 'leaderUserId', 'not_found');
        const after = await core.apply(tx, actor, t, {
          needs_leader: 1,
          leader_user_id: leader.id,
          escalation_reason: input.reason,
          escalated_at: tx.now,
          escalation_decision: null,
          decided_at: null,
        });
        await core.timeline(tx, actor, {
          ticketId: id,
          kind: 'escalation',
          internal: true,
          body: input.reason,
          data: { change: 'escalated', leaderUserId: leader.id, leaderName: leader.name },
        });
        await core.notices.escalated(tx.trx, after, leader.id, input.reason, actor.userId);
        tx.emit('ticket.escalated', { id, leaderUserId: leader.id });
      });
      return get(actor, id);
    },

    /** Only the named leader decides; the ticket then no longer waits for them. */
    async decide(actor: Actor, id: number, input: z.output<typeof decisionInput>): Promise<Ticket> {
      await core.change(async (tx) => {
        const t = await core.loadFor(tx.trx, actor, id);
        if (actor.userId === null || t.leader_user_id !== actor.userId)
          throw new AppError(TicketErrors['tickets.not_leader'], [{ field: 'decision', reason: 'not_leader' }]);
        if (t.needs_leader !== 1) throw new AppError(TicketErrors['tickets.no_escalation'], [{ reason: 'no_escalation' }]);
        const after = await core.apply(tx, actor, t, { needs_leader: 0, escalation_decision: input.decision, decided_at: tx.now });
        await core.timeline(tx, actor, {
          ticketId: id,
          kind: 'escalation',
          internal: true,
          body: input.decision,
          data: { change: 'decided' },
        });
        await core.notices.decided(tx.trx, after, input.decision, actor.userId);
        tx.emit('ticket.decided', { id });
      });
      return get(actor, id);
    },
  };
}
export type TicketRepairs = ReturnType<typeof createTicketRepairs>;
