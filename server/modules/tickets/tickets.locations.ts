// The place picker of the report form. Staff do not read the organisation directory
// (/api/locations needs org:read), yet a report is better with a place from the tree: this gives
// anyone signed in just what a picker shows (id, name, kind, parent, path; never notes), searched
// by words in the path or the code, capped. The tree is read whole because a path needs every
// ancestor, and locations number in the hundreds (the org pickers load the whole tree too).
import type { Kysely } from 'kysely';
import { TICKET_LOCATION_CAP, type TicketLocationOption } from '../../../shared/contracts/tickets.js';
import type { Database } from '../../db/database.js';

export async function locationOptions(db: Kysely<Database>, q: string): Promise<{ items: TicketLocationOption[]; truncated: boolean }> {
  const rows = await db
    .selectFrom('locations')
    .select(['id', 'name', 'code', 'kind', 'parent_id'])
    .orderBy('sort_order')
    .orderBy('name_sort')
    .orderBy('id')
    .execute();
  const children = new Map<number | null, typeof rows>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    // A parent that is gone makes its child a root, as in the org tree.
    const parent = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(r);
    else children.set(parent, [r]);
  }
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const items: TicketLocationOption[] = [];
  let truncated = false;
  const seen = new Set<number>();
  // Depth first, in each level's own order: the list reads like the tree.
  const walk = (parent: number | null, path: string[]): void => {
    for (const r of children.get(parent) ?? []) {
      if (truncated || seen.has(r.id)) continue;
      seen.add(r.id);
      const own = [...path, r.name];
      const text = `${own.join(' / ')} ${r.code ?? ''}`.toLocaleLowerCase();
      if (words.every((w) => text.includes(w))) {
        if (items.length === TICKET_LOCATION_CAP) truncated = true;
        else items.push({ id: r.id, name: r.name, kind: r.kind, parentId: parent, path: own });
      }
      walk(r.id, own);
    }
  };
  walk(null, []);
  return { items, truncated };
}
