// Vendors (供应商与厂家): create, edit, deactivate, delete. A vendor other records point at (a
// ticket's repair) cannot be deleted; it is deactivated instead, which keeps the history
// readable and takes it out of the pickers.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../shared/contracts/common.js';
import type { Vendor, vendorInput, vendorPatch } from '../../../shared/contracts/vendors.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { VendorErrors } from './vendors.errors.js';
import { createVendorsRepository, type VendorListQuery, type VendorRow } from './vendors.repository.js';

declare module '../../core/events.js' {
  interface EventMap {
    'vendor.created': { id: number };
    'vendor.updated': { id: number };
    'vendor.deleted': { id: number };
  }
}

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events' | 'references'>;

export function toVendor(r: VendorRow): Vendor {
  return {
    id: r.id,
    name: r.name,
    kinds: r.kinds,
    contact: r.contact,
    phone: r.phone,
    email: r.email,
    address: r.address,
    website: r.website,
    serviceNotes: r.service_notes,
    active: r.active === 1,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** What the audit trail keeps of a vendor: the editable fields. */
function auditView(v: Vendor): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
}

const nameTaken = () => fieldError(VendorErrors['org.vendor_name_taken'], 'name', 'active_name_taken');

export function createVendorsService({ db, audit, clock, events, references }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Vendor> {
    const row = await createVendorsRepository(trx).byId(id);
    if (!row) throw notFound('vendor');
    return toVendor(row);
  }

  /** Two active vendors may not share a name; the partial unique index is the last word under races. */
  async function checkName(trx: Kysely<Database>, id: number | null, name: string, active: boolean) {
    if (active && (await createVendorsRepository(trx).activeNamed(name, id))) throw nameTaken();
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken();
      throw err;
    }
  }

  return {
    async list(q: VendorListQuery): Promise<Page<Vendor>> {
      const { rows, total } = await createVendorsRepository(db).list(q);
      return { items: rows.map(toVendor), total, page: q.page, pageSize: q.pageSize };
    },
    get: (id: number) => load(db, id),
    async kinds(): Promise<{ kind: string; count: number }[]> {
      return (await createVendorsRepository(db).kindsInUse()).map((r) => ({ kind: r.kind, count: Number(r.n) }));
    },

    async create(actor: Actor, input: z.output<typeof vendorInput>): Promise<Vendor> {
      const created = await inTransaction(db, async (trx) => {
        await checkName(trx, null, input.name, input.active);
        const now = clock.now();
        const id = await guarded(() =>
          createVendorsRepository(trx).insert(
            {
              name: input.name,
              contact: input.contact,
              phone: input.phone,
              email: input.email,
              address: input.address,
              website: input.website,
              service_notes: input.serviceNotes,
              active: input.active ? 1 : 0,
              created_at: now,
              updated_at: now,
            },
            input.kinds,
          ),
        );
        const v = await load(trx, id);
        await audit.record(trx, actor, { action: 'create', entityType: 'vendor', entityId: id, summary: v.name, after: auditView(v) });
        return v;
      });
      events.emit('vendor.created', { id: created.id });
      return created;
    },

    async update(actor: Actor, id: number, patch: z.output<typeof vendorPatch>): Promise<Vendor> {
      const updated = await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const name = patch.name ?? before.name;
        const active = patch.active ?? before.active;
        // Renaming, or reactivating a vendor whose name was taken meanwhile, must not clash.
        if (name !== before.name || (active && !before.active)) await checkName(trx, id, name, active);
        const next = {
          name,
          contact: patch.contact ?? before.contact,
          phone: patch.phone ?? before.phone,
          email: patch.email ?? before.email,
          address: patch.address ?? before.address,
          website: patch.website ?? before.website,
          service_notes: patch.serviceNotes ?? before.serviceNotes,
          active: active ? 1 : 0,
          updated_at: clock.now(),
        };
        await guarded(() => createVendorsRepository(trx).update(id, next, patch.kinds ?? before.kinds));
        const after = await load(trx, id);
        const diff = changedFields(auditView(before), auditView(after));
        if (Object.keys(diff.after).length)
          await audit.record(trx, actor, { action: 'update', entityType: 'vendor', entityId: id, summary: after.name, ...diff });
        return after;
      });
      events.emit('vendor.updated', { id });
      return updated;
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const uses = await references.count(trx, 'vendor', id);
        if (Object.keys(uses).length) throw new AppError(VendorErrors['org.vendor_in_use'], [{ reason: 'in_use', params: uses }]);
        await createVendorsRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'vendor',
          entityId: id,
          summary: before.name,
          before: auditView(before),
        });
      });
      events.emit('vendor.deleted', { id });
    },
  };
}
