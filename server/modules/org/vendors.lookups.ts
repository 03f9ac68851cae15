// What other modules may read of a vendor (tickets show who a repair went to and how to call them).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

export interface VendorSummary {
  id: number;
  name: string;
  contact: string;
  phone: string;
  /** False once deactivated: still shown on old records, no longer offered for new ones. */
  active: boolean;
}

export const vendorLookups = {
  async byId(db: Kysely<Database>, id: number): Promise<VendorSummary | null> {
    const r = await db.selectFrom('vendors').select(['id', 'name', 'contact', 'phone', 'active']).where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, name: r.name, contact: r.contact, phone: r.phone, active: r.active === 1 } : null;
  },
  /** Names for display, e.g. a ticket list's vendor column. */
  async names(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await db.selectFrom('vendors').select(['id', 'name']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
