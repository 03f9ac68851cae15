// Ticket settings (service targets per priority, near share, auto-close, number prefix): one JSON
// value in the settings table. A stored value that no longer parses falls back to the defaults.
import type { Kysely } from 'kysely';
import { DEFAULT_TICKET_SETTINGS, ticketSettings, type TicketSettings } from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { changedFields, type Audit } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';

export const TICKET_SETTINGS_KEY = 'tickets.settings';

export async function readTicketSettings(db: Kysely<Database>): Promise<TicketSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', TICKET_SETTINGS_KEY).executeTakeFirst();
  if (!row) return DEFAULT_TICKET_SETTINGS;
  const parsed = ticketSettings.safeParse(fromJson<unknown>(row.value));
  return parsed.success ? parsed.data : DEFAULT_TICKET_SETTINGS;
}

export async function updateTicketSettings(
  db: Kysely<Database>,
  deps: { audit: Audit; clock: Clock },
  actor: Actor,
  next: TicketSettings,
): Promise<TicketSettings> {
  return inTransaction(db, async (trx) => {
    const before = await readTicketSettings(trx);
    const now = deps.clock.now();
    const value = toJson(next);
    await trx
      .insertInto('settings')
      .values({ key: TICKET_SETTINGS_KEY, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
    const after = await readTicketSettings(trx);
    const diff = changedFields({ ...before }, { ...after });
    if (Object.keys(diff.after).length)
      await deps.audit.record(trx, actor, { action: 'update', entityType: 'settings', entityId: 'tickets', ...diff });
    return after;
  });
}
