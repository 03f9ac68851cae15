// Hand-out (领用/借出) and return (归还): who received the asset, when, where, with the signature
// they drew on screen. The asset's status, holder and place move with the record.
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Assignment, handoutInput, returnInput } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AssetErrors } from './assets.errors.js';
import { checkOrgRefs, createAssetsService } from './assets.service.js';
import type { AssetAssignmentsTable } from './assets.tables.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events'>;
type Row = Selectable<AssetAssignmentsTable> & { person_name: string | null; department_name: string | null; location_name: string | null };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIGNATURE_BYTES = 200_000;

/** The PNG inside a data URL, checked to really be a PNG of sane size; base64 for storage. */
export function signatureBytes(dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length < 60 || bytes.length > MAX_SIGNATURE_BYTES || !bytes.subarray(0, 8).equals(PNG_MAGIC))
    throw new AppError(AssetErrors['assets.signature_invalid'], [{ field: 'signature', reason: 'invalid_signature' }]);
  return bytes.toString('base64');
}

function toAssignment(r: Row): Assignment {
  return {
    id: r.id,
    assetId: r.asset_id,
    kind: r.kind as Assignment['kind'],
    loan: !!r.loan,
    date: r.date,
    personId: r.person_id,
    personName: r.person_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    locationId: r.location_id,
    locationName: r.location_name,
    expectedReturn: r.expected_return,
    condition: r.condition,
    signerName: r.signer_name,
    hasSignature: r.signature !== null,
    notes: r.notes,
    handledBy: r.handled_by,
    createdAt: Number(r.created_at),
  };
}

export function createAssignmentsService(deps: Deps) {
  const { db, audit, clock, events } = deps;
  const assets = createAssetsService(deps);
  const withNames = (trx: Kysely<Database>) =>
    trx
      .selectFrom('asset_assignments')
      .leftJoin('people', 'people.id', 'asset_assignments.person_id')
      .leftJoin('departments', 'departments.id', 'asset_assignments.department_id')
      .leftJoin('locations', 'locations.id', 'asset_assignments.location_id')
      .selectAll('asset_assignments')
      .select(['people.name as person_name', 'departments.name as department_name', 'locations.name as location_name']);

  async function insert(
    trx: Kysely<Database>,
    actor: Actor,
    row: Omit<Selectable<AssetAssignmentsTable>, 'id' | 'created_at' | 'handled_by'>,
  ) {
    const { id } = await trx
      .insertInto('asset_assignments')
      .values({ ...row, handled_by: actor.name || actor.kind, created_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return toAssignment((await withNames(trx).where('asset_assignments.id', '=', id).executeTakeFirstOrThrow()) as Row);
  }

  return {
    async list(assetId: number): Promise<{ items: Assignment[] }> {
      await assets.get(assetId);
      const rows = await withNames(db).where('asset_id', '=', assetId).orderBy('asset_assignments.id', 'desc').execute();
      return { items: rows.map((r) => toAssignment(r as Row)) };
    },

    async get(id: number): Promise<Assignment> {
      const row = await withNames(db).where('asset_assignments.id', '=', id).executeTakeFirst();
      if (!row) throw notFound('assignment');
      return toAssignment(row as Row);
    },

    async signature(id: number): Promise<Buffer> {
      const row = await db.selectFrom('asset_assignments').select('signature').where('id', '=', id).executeTakeFirst();
      if (!row?.signature) throw notFound('signature');
      return Buffer.from(row.signature, 'base64');
    },

    async handout(actor: Actor, assetId: number, input: z.output<typeof handoutInput>): Promise<Assignment> {
      const signature = signatureBytes(input.signature);
      const result = await inTransaction(db, async (trx) => {
        const before = await assets.getIn(trx, assetId);
        if (before.status === 'in_use' || before.status === 'on_loan')
          throw new AppError(AssetErrors['assets.already_assigned'], [
            { reason: 'already_assigned', params: { holder: before.holderName ?? before.departmentName ?? '' } },
          ]);
        await checkOrgRefs(trx, { holderPersonId: input.personId, departmentId: input.departmentId, locationId: input.locationId });
        const to = input.loan ? 'on_loan' : 'in_use';
        const record = await insert(trx, actor, {
          asset_id: assetId,
          kind: 'handout',
          loan: input.loan ? 1 : 0,
          date: input.date,
          person_id: input.personId,
          department_id: input.departmentId,
          location_id: input.locationId,
          expected_return: input.expectedReturn,
          condition: '',
          signer_name: input.signerName,
          signature,
          notes: input.notes,
        });
        const recipient = record.personName ?? record.departmentName ?? '';
        await assets.changeStatusIn(
          trx,
          actor,
          assetId,
          to,
          '',
          {
            holder_person_id: input.personId,
            ...(input.departmentId !== null ? { department_id: input.departmentId } : {}),
            ...(input.locationId !== null ? { location_id: input.locationId } : {}),
          },
          { kind: 'handout', summary: recipient },
        );
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'asset_assignment',
          entityId: record.id,
          summary: `${before.number} → ${recipient}`,
          after: { ...record, hasSignature: record.hasSignature },
        });
        return record;
      });
      events.emit('asset.updated', { id: assetId });
      return result;
    },

    async return(actor: Actor, assetId: number, input: z.output<typeof returnInput>): Promise<Assignment> {
      const signature = signatureBytes(input.signature);
      const result = await inTransaction(db, async (trx) => {
        const before = await assets.getIn(trx, assetId);
        if (before.status !== 'in_use' && before.status !== 'on_loan')
          throw new AppError(AssetErrors['assets.not_assigned'], [{ reason: 'not_assigned' }]);
        await checkOrgRefs(trx, { locationId: input.locationId });
        const record = await insert(trx, actor, {
          asset_id: assetId,
          kind: 'return',
          loan: before.status === 'on_loan' ? 1 : 0,
          date: input.date,
          person_id: before.holderPersonId,
          department_id: before.departmentId,
          location_id: input.locationId,
          expected_return: null,
          condition: input.condition,
          signer_name: input.signerName,
          signature,
          notes: input.notes,
        });
        await assets.changeStatusIn(
          trx,
          actor,
          assetId,
          'in_stock',
          '',
          input.locationId !== null ? { location_id: input.locationId } : {},
          {
            kind: 'return',
            summary: [record.personName ?? record.departmentName ?? '', input.condition].filter(Boolean).join(' · '),
          },
        );
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'asset_assignment',
          entityId: record.id,
          summary: `${before.number} ← ${record.personName ?? record.departmentName ?? ''}`,
          after: record,
        });
        return record;
      });
      events.emit('asset.updated', { id: assetId });
      return result;
    },
  };
}
export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
