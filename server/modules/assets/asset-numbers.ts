// Asset numbers from the configured pattern, e.g. IT-{YYYY}-{seq:5} → IT-2026-00042. Each
// distinct prefix (the pattern with its date and category filled in) has its own counter, kept
// in a table and advanced inside the creating transaction, so numbers never repeat.
import { sql, type Kysely } from 'kysely';
import { NUMBER_PATTERN_RE } from '../../../shared/contracts/assets.js';
import type { Database } from '../../db/database.js';

export interface NumberContext {
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  categoryCode: string | null;
}

/** The pattern with everything but the sequence filled in; `#` marks the sequence. */
export function numberPrefix(pattern: string, ctx: NumberContext): { key: string; digits: number } {
  const m = NUMBER_PATTERN_RE.exec(pattern);
  const digits = m?.[1] ? Number(m[1]) : 4;
  const [yyyy, mm] = ctx.today.split('-') as [string, string];
  const key = pattern
    .replace(NUMBER_PATTERN_RE, '#')
    .replaceAll('{YYYY}', yyyy)
    .replaceAll('{YY}', yyyy.slice(2))
    .replaceAll('{MM}', mm)
    .replaceAll('{CAT}', ctx.categoryCode ?? 'X');
  return { key, digits };
}

export function formatNumber(prefix: { key: string; digits: number }, seq: number): string {
  return prefix.key.replace('#', String(seq).padStart(prefix.digits, '0'));
}

/** Example for the settings page: what the next number would look like. */
export function previewNumber(pattern: string, ctx: NumberContext): string {
  return formatNumber(numberPrefix(pattern, ctx), 1);
}

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
