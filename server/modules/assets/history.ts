// The asset's timeline: who did what to it, when, from any module. Written in the caller's
// transaction beside the audit entry; other modules (tickets, stocktakes, monitoring) call
// recordAssetHistory through the module's index.
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { redact } from '../../core/audit.js';
import type { Database } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';

export interface HistoryInput {
  assetId: number;
  kind: string;
  summary: string;
  /** Field → { from, to }; secrets are stripped like in the audit trail. */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

export async function recordAssetHistory(db: Kysely<Database>, clock: Clock, actor: Actor, entry: HistoryInput): Promise<void> {
  await db
    .insertInto('asset_history')
    .values({
      asset_id: entry.assetId,
      at: clock.now(),
      actor: actor.name || actor.kind,
      user_id: actor.userId,
      kind: entry.kind,
      summary: entry.summary.slice(0, 500),
      changes: toJson(redact(entry.changes ?? {})),
    })
    .execute();
}

/** A diff of two flat views as { field: { from, to } }, only the fields that changed. */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return out;
}

/** Newest first, keyset-paged by id so a long history pages in constant time. */
export async function listAssetHistory(db: Kysely<Database>, assetId: number, q: { before?: number; limit: number }) {
  let query = db.selectFrom('asset_history').selectAll().where('asset_id', '=', assetId);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: Number(r.at),
      actor: r.actor,
      kind: r.kind,
      summary: r.summary,
      changes: fromJson<Record<string, { from: unknown; to: unknown }>>(r.changes),
    })),
    nextBefore: more ? page[page.length - 1]!.id : null,
  };
}
