// Organisation settings: a small key/value table read often and written rarely.
import { inTransaction } from '../db/transaction.js';
import type { Kysely } from 'kysely';
import type { OrgSettings } from '../../shared/contracts/auth.js';
import type { Database } from '../db/database.js';
import { fromJson, toJson } from '../db/dialect.js';
import type { Actor } from './actor.js';
import { changedFields, type Audit } from './audit.js';
import type { Clock } from './clock.js';

export const DEFAULT_SETTINGS: OrgSettings = {
  orgName: '网管台',
  timeZone: 'Asia/Shanghai',
  defaultLanguage: 'zh-CN',
  sessionLifetimeHours: 12,
};

export async function readSettings(db: Kysely<Database>): Promise<OrgSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = fromJson(r.value);
  return out as unknown as OrgSettings;
}

export async function updateSettings(
  db: Kysely<Database>,
  deps: { audit: Audit; clock: Clock },
  actor: Actor,
  patch: Partial<OrgSettings>,
): Promise<OrgSettings> {
  return inTransaction(db, async (trx) => {
    const before = await readSettings(trx);
    const now = deps.clock.now();
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: toJson(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJson(value), updated_at: now }))
        .execute();
    }
    const after = await readSettings(trx);
    const diff = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    if (Object.keys(diff.after).length) {
      await deps.audit.record(trx, actor, { action: 'update', entityType: 'settings', entityId: 'org', ...diff });
    }
    return after;
  });
}
