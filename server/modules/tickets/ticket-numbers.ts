// Ticket numbers: GZ-20261129-0001, the prefix from the settings, the date in the organisation's
// time zone, and a counter per prefix and day. The counter is an upsert inside the creating
// transaction (atomic on both databases), so two reports at the same instant never share a number.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

export function formatTicketNumber(prefix: string, date: string, seq: number): string {
  return `${prefix}-${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

export async function nextTicketNumber(db: Kysely<Database>, prefix: string, date: string): Promise<string> {
  const key = `${prefix}-${date.replaceAll('-', '')}`;
  for (;;) {
    const row = await sql<{ last: number }>`insert into ticket_number_sequences (prefix, last) values (${key}, 1)
      on conflict (prefix) do update set last = ticket_number_sequences.last + 1 returning last`.execute(db);
    const candidate = formatTicketNumber(prefix, date, Number(row.rows[0]!.last));
    // Demo data and restored backups may hold numbers this counter has not handed out.
    const taken = await db.selectFrom('tickets').select('id').where('number', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}
