// The facts of 'assigned' and 'asset' timeline entries. Names (a user's display name, an asset's
// number and name) are copied in when the entry is written, beside the ids, so the history still
// says who and what it was after a rename or once the asset is no longer linked.
import type { Kysely } from 'kysely';
import type { AssetEntryData, AssignedEntryData } from '../../../shared/contracts/tickets.js';
import type { Database } from '../../db/database.js';
import { dialectOf, idIn } from '../../db/dialect.js';

export async function assignedData(db: Kysely<Database>, from: number | null, to: number | null): Promise<AssignedEntryData> {
  const ids = [from, to].filter((x): x is number => x !== null);
  const rows = ids.length
    ? await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where(idIn(dialectOf(db), 'id', ids))
        .execute()
    : [];
  const name = (id: number | null) => (id === null ? null : (rows.find((r) => r.id === id)?.name ?? null));
  return { from, to, fromName: name(from), toName: name(to) };
}

export async function assetData(db: Kysely<Database>, added: number[], removed: number[]): Promise<AssetEntryData> {
  const ids = [...new Set([...added, ...removed])];
  const rows = ids.length
    ? await db
        .selectFrom('assets')
        .select(['id', 'number', 'name'])
        .where(idIn(dialectOf(db), 'id', ids))
        .orderBy('number')
        .execute()
    : [];
  return { added, removed, assets: rows.map((r) => ({ id: r.id, number: r.number, name: r.name })) };
}
