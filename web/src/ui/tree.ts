// Flat {id, parentId} lists (what /tree endpoints return) into nested nodes for antd Tree and
// TreeSelect, plus the helpers the pickers need.
import type { TreeNode } from '@shared/contracts/org.js';

export interface NestedNode {
  key: number;
  value: number;
  title: string;
  node: TreeNode;
  disabled?: boolean;
  children?: NestedNode[];
}

/** Nodes whose parent is missing (not visible to this user, or deleted) become roots. */
export function buildTree(nodes: readonly TreeNode[], disabled?: ReadonlySet<number>): NestedNode[] {
  const byId = new Map<number, NestedNode>();
  for (const n of nodes) byId.set(n.id, { key: n.id, value: n.id, title: n.name, node: n, disabled: disabled?.has(n.id) });
  const roots: NestedNode[] = [];
  for (const n of nodes) {
    const me = byId.get(n.id)!;
    const parent = n.parentId != null ? byId.get(n.parentId) : undefined;
    if (parent && parent !== me) (parent.children ??= []).push(me);
    else roots.push(me);
  }
  return roots;
}

/** The node and everything under it: what a parent picker must not offer (no cycles). */
export function subtreeIds(nodes: readonly TreeNode[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const n of nodes) if (n.parentId != null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Ids of matching nodes and their ancestors, for filtering a tree by a search term. */
export function matchWithAncestors(nodes: readonly TreeNode[], term: string): Set<number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keep = new Set<number>();
  const needle = term.trim().toLowerCase();
  for (const n of nodes) {
    if (!n.name.toLowerCase().includes(needle) && !(n.code ?? '').toLowerCase().includes(needle)) continue;
    let cur: TreeNode | undefined = n;
    while (cur && !keep.has(cur.id)) {
      keep.add(cur.id);
      cur = cur.parentId != null ? byId.get(cur.parentId) : undefined;
    }
  }
  return keep;
}
