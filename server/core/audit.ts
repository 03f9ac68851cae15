// The audit trail. Entries are written with the same transaction handle as the change they
// describe, so a change and its record commit or roll back together. Secrets never get in:
// known secret-bearing keys are dropped before anything is stored.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { toJson } from '../db/dialect.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';

const SECRET_KEY = /pass(word)?|secret|token|hash|community|private.?key|credential|cookie/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEY.test(k)) continue;
      out[k] = redact(v);
    }
    return out;
  }
  return value;
}

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number | null;
  summary?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Only the fields that changed, so an update's record reads as a diff. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export interface Audit {
  record(db: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void>;
  /** Many entries by one actor in few statements (imports write thousands of rows at once). */
  recordMany(db: Kysely<Database>, actor: Actor, entries: AuditEntry[]): Promise<void>;
}

export function createAudit(clock: Clock): Audit {
  const row = (actor: Actor, entry: AuditEntry) => ({
    at: clock.now(),
    actor_kind: actor.kind,
    actor_user_id: actor.userId,
    actor_name: actor.name,
    token_id: actor.tokenId,
    ip: actor.ip,
    request_id: actor.requestId,
    action: entry.action,
    entity_type: entry.entityType ?? '',
    entity_id: entry.entityId == null ? '' : String(entry.entityId),
    summary: entry.summary ?? '',
    before: entry.before ? toJson(redact(entry.before)) : null,
    after: entry.after ? toJson(redact(entry.after)) : null,
  });
  return {
    async record(db, actor, entry) {
      await db.insertInto('audit_log').values(row(actor, entry)).execute();
    },
    async recordMany(db, actor, entries) {
      for (let i = 0; i < entries.length; i += 500)
        await db
          .insertInto('audit_log')
          .values(entries.slice(i, i + 500).map((e) => row(actor, e)))
          .execute();
    },
  };
}
