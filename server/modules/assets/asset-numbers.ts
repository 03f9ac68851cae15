// Asset numbers from the configured pattern, e.g. IT-{YYYY}-{seq:5} → IT-2026-00042. Each
// distinct prefix (the pattern with its date and category filled in) has its own counter, kept
// in a table and advanced inside the creating transaction, so numbers never repeat.
import { sql, type Kysely } from 'kysely';
import { formatNumber, numberPrefix, type NumberContext } from '../../../shared/lib/asset-number-pattern.js';
import type { Database } from '../../db/database.js';

export { formatNumber, numberPrefix, previewNumber } from '../../../shared/lib/asset-number-pattern.js';

/**
 * The next free number: advances the prefix's counter (an upsert, atomic in both databases)
 * and skips values already taken by hand-entered or imported numbers.
 */
export async function nextAssetNumber(db: Kysely<Database>, pattern: string, ctx: NumberContext): Promise<string> {
  const prefix = numberPrefix(pattern, ctx);
  for (;;) {
    const row = await sql<{ last: number }>`insert into asset_number_sequences (prefix, last) values (${prefix.key}, 1)
      on conflict (prefix) do update set last = asset_number_sequences.last + 1 returning last`.execute(db);
    const candidate = formatNumber(prefix, Number(row.rows[0]!.last));
    const taken = await db.selectFrom('assets').select('id').where('number', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}
