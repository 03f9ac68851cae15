// The ledger's own settings (number pattern, label address), kept in the settings table under
// 'assets.*' keys beside the organisation's.
import type { Kysely } from 'kysely';
import { DEFAULT_ASSET_SETTINGS, type AssetSettings } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import { changedFields, type Audit } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';

const KEYS: Record<keyof AssetSettings, string> = { numberPattern: 'assets.numberPattern', labelBaseUrl: 'assets.labelBaseUrl' };

export async function readAssetSettings(db: Kysely<Database>): Promise<AssetSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const out = { ...DEFAULT_ASSET_SETTINGS };
  for (const [field, key] of Object.entries(KEYS) as [keyof AssetSettings, string][]) {
    const row = rows.find((r) => r.key === key);
    if (row) out[field] = fromJson<string>(row.value);
  }
  return out;
}

export async function updateAssetSettings(
  db: Kysely<Database>,
  deps: { audit: Audit; clock: Clock },
  actor: Actor,
  next: AssetSettings,
): Promise<AssetSettings> {
  return inTransaction(db, async (trx) => {
    const before = await readAssetSettings(trx);
    const now = deps.clock.now();
    for (const [field, key] of Object.entries(KEYS) as [keyof AssetSettings, string][]) {
      const value = toJson(next[field]);
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    const after = await readAssetSettings(trx);
    const diff = changedFields({ ...before }, { ...after });
    if (Object.keys(diff.after).length)
      await deps.audit.record(trx, actor, { action: 'update', entityType: 'settings', entityId: 'assets', ...diff });
    return after;
  });
}
