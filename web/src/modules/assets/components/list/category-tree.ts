// Category tree arithmetic for the list's side tree: how many assets a category holds with all
// the categories below it (the server counts each category's own assets only).
import type { Category } from '@shared/contracts/assets.js';

export function subtreeCounts(categories: readonly Category[]): Map<number, number> {
  const children = new Map<number, number[]>();
  for (const c of categories) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const own = new Map(categories.map((c) => [c.id, c.assetCount]));
  const total = new Map<number, number>();
  const visit = (id: number, seen: Set<number>): number => {
    const known = total.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // a cycle cannot be saved, but never loop on one
    seen.add(id);
    const sum = (own.get(id) ?? 0) + (children.get(id) ?? []).reduce((n, child) => n + visit(child, seen), 0);
    total.set(id, sum);
    return sum;
  };
  for (const c of categories) visit(c.id, new Set());
  return total;
}
