// Locations (位置): campus / building / floor / room, with a kind. Later modules put assets,
// racks and seats in them.
import { inTransaction } from '../../db/transaction.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../shared/contracts/common.js';
import type { Location, TreeNode, locationInput, locationPatch } from '../../../shared/contracts/org.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { createLocationsRepository, type LocationListQuery, type LocationRow } from './locations.repository.js';
import { OrgErrors } from './org.errors.js';
import { locationAuditView, toLocation } from './org.mappers.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events' | 'references'>;

const duplicateCode = () => fieldError(OrgErrors['org.duplicate_code'], 'code', 'not_unique');

/** Parent links of every location: small (hundreds of rows) and needed for paths and cycles. */
async function parentMap(db: Kysely<Database>) {
  const rows = await createLocationsRepository(db).tree();
  return new Map(rows.map((r) => [r.id, r]));
}

function pathOf(id: number, nodes: Map<number, { name: string; parent_id: number | null }>): string[] {
  const path: string[] = [];
  const seen = new Set<number>();
  let current: number | null = id;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const node = nodes.get(current);
    if (!node) break;
    path.unshift(node.name);
    current = node.parent_id;
  }
  return path;
}

export function createLocationsService({ db, audit, clock, events, references }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Location> {
    const row = await createLocationsRepository(trx).byId(id);
    if (!row) throw notFound('location');
    return toLocation(row, pathOf(id, await parentMap(trx)));
  }

  async function checkRefs(trx: Kysely<Database>, id: number | null, input: { parentId?: number | null; code?: string | null }) {
    if (input.parentId) {
      const nodes = await parentMap(trx);
      if (!nodes.has(input.parentId)) throw fieldError(OrgErrors['org.invalid_reference'], 'parentId', 'not_found');
      if (id !== null) {
        for (let p: number | null = input.parentId; p !== null; p = nodes.get(p)?.parent_id ?? null) {
          if (p === id) throw fieldError(OrgErrors['org.parent_cycle'], 'parentId', 'cycle');
        }
      }
    }
    if (input.code) {
      const other = await createLocationsRepository(trx).byCode(input.code);
      if (other && other.id !== id) throw duplicateCode();
    }
  }

  return {
    async list(q: LocationListQuery): Promise<Page<Location>> {
      const { rows, total } = await createLocationsRepository(db).list(q);
      const nodes = await parentMap(db);
      return { items: rows.map((r: LocationRow) => toLocation(r, pathOf(r.id, nodes))), total, page: q.page, pageSize: q.pageSize };
    },
    async tree(): Promise<TreeNode[]> {
      return (await createLocationsRepository(db).tree()).map((r) => ({
        id: r.id,
        name: r.name,
        parentId: r.parent_id,
        code: r.code,
        kind: r.kind,
      }));
    },
    get: (id: number) => load(db, id),

    async create(actor: Actor, input: z.output<typeof locationInput>): Promise<Location> {
      const loc = await inTransaction(db, async (trx) => {
        await checkRefs(trx, null, input);
        const now = clock.now();
        let id: number;
        try {
          id = await createLocationsRepository(trx).insert({
            name: input.name,
            code: input.code,
            kind: input.kind,
            parent_id: input.parentId,
            sort_order: input.sortOrder,
            notes: input.notes,
            created_at: now,
            updated_at: now,
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw duplicateCode();
          throw err;
        }
        const created = await load(trx, id);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'location',
          entityId: id,
          summary: created.path.join(' / '),
          after: locationAuditView(created),
        });
        return created;
      });
      events.emit('location.created', { id: loc.id });
      return loc;
    },

    async update(actor: Actor, id: number, patch: z.output<typeof locationPatch>): Promise<Location> {
      const loc = await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        await checkRefs(trx, id, patch);
        const next = {
          name: patch.name ?? before.name,
          code: patch.code !== undefined ? patch.code : before.code,
          kind: patch.kind ?? before.kind,
          parent_id: patch.parentId !== undefined ? patch.parentId : before.parentId,
          sort_order: patch.sortOrder ?? before.sortOrder,
          notes: patch.notes ?? before.notes,
          updated_at: clock.now(),
        };
        try {
          await createLocationsRepository(trx).update(id, next, next);
        } catch (err) {
          if (isUniqueViolation(err)) throw duplicateCode();
          throw err;
        }
        const after = await load(trx, id);
        const diff = changedFields(locationAuditView(before), locationAuditView(after));
        if (Object.keys(diff.after).length) {
          await audit.record(trx, actor, {
            action: 'update',
            entityType: 'location',
            entityId: id,
            summary: after.path.join(' / '),
            ...diff,
          });
        }
        return after;
      });
      events.emit('location.updated', { id });
      return loc;
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const uses = await references.count(trx, 'location', id);
        if (Object.keys(uses).length) throw new AppError(OrgErrors['org.location_in_use'], [{ reason: 'in_use', params: uses }]);
        await createLocationsRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'location',
          entityId: id,
          summary: before.path.join(' / '),
          before: locationAuditView(before),
        });
      });
      events.emit('location.deleted', { id });
    },
  };
}
