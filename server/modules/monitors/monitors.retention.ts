// How long results are kept (settings key 'monitors.retention'): raw results and metrics for days,
// the rollups for longer. The retention job applies a shortened period to existing data too.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';

export interface Retention {
  rawDays: number;
  /** Hourly and daily rollups (per-minute ones follow the raw results' period, at least 2 days). */
  aggregateDays: number;
}
export const DEFAULT_RETENTION: Retention = { rawDays: 7, aggregateDays: 365 };
export const RETENTION_KEY = 'monitors.retention';

export async function readRetention(db: Kysely<Database>): Promise<Retention> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', RETENTION_KEY).executeTakeFirst();
  return row ? { ...DEFAULT_RETENTION, ...fromJson<Partial<Retention>>(row.value) } : DEFAULT_RETENTION;
}
