// Lookups the org importers share: department paths and resolving what people type for a department.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RowIssue } from '../../core/registries.js';
import type { Database } from '../../db/database.js';
import { createDepartmentsRepository } from './departments.repository.js';

/** id → 'Top/Middle/Leaf' for every department. */
export async function departmentPaths(db: Kysely<Database>): Promise<Map<number, string>> {
  const all = await createDepartmentsRepository(db).all();
  const byId = new Map(all.map((d) => [d.id, d]));
  const memo = new Map<number, string>();
  const path = (id: number, depth = 0): string => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const d = byId.get(id);
    if (!d) return '';
    const p = d.parent_id && depth < 50 ? `${path(d.parent_id, depth + 1)}/${d.name}` : d.name;
    memo.set(id, p);
    return p;
  };
  for (const d of all) path(d.id);
  return memo;
}

/**
 * Turns a department as typed in a sheet into an id: a code, a full path ('信息中心/网络组',
 * also with ' / ' or '\'), or a name that only one department has.
 */
export async function departmentResolver(db: Kysely<Database>): Promise<(text: string) => number | 'not_found' | 'ambiguous'> {
  const all = await createDepartmentsRepository(db).all();
  const paths = await departmentPaths(db);
  const byCode = new Map(all.filter((d) => d.code).map((d) => [d.code!, d.id]));
  const byPath = new Map([...paths].map(([id, p]) => [p, id]));
  const byName = new Map<string, number[]>();
  for (const d of all) byName.set(d.name, [...(byName.get(d.name) ?? []), d.id]);
  return (raw) => {
    const text = raw.trim();
    const code = byCode.get(text);
    if (code) return code;
    const normalisedPath = text
      .split(/\s*[/\\]\s*/)
      .filter(Boolean)
      .join('/');
    const viaPath = byPath.get(normalisedPath);
    if (viaPath) return viaPath;
    const named = byName.get(text) ?? [];
    if (named.length === 1) return named[0]!;
    return named.length > 1 ? 'ambiguous' : 'not_found';
  };
}

/** zod issues of one row as import issues, named by the sheet's field keys. */
export function zodIssues(error: z.ZodError, values: Record<string, string>): RowIssue[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? '') || null;
    const key = field === 'departmentId' ? 'department' : field;
    let reason: string = i.code;
    if (i.code === 'custom' || /^[a-z_]+$/.test(i.message)) reason = i.message;
    if (i.code === 'too_small' && key && !values[key]) reason = 'required';
    if (i.code === 'too_big') reason = 'too_long';
    return { field: key, reason, ...(key && values[key] !== undefined ? { value: values[key] } : {}) };
  });
}
