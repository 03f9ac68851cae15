// The work calendar's storage: one JSON value in the settings table under 'org.workCalendar'.
// Tickets read it (through readWorkCalendar in the system module's index) to count service
// targets in working time.
import type { Kysely } from 'kysely';
import { workCalendar } from '../../../shared/contracts/calendar.js';
import { DEFAULT_WORK_CALENDAR, type WorkCalendar } from '../../../shared/lib/work-calendar.js';
import type { Actor } from '../../core/actor.js';
import { changedFields, type Audit } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';

export const WORK_CALENDAR_KEY = 'org.workCalendar';

/**
 * The organisation's calendar, or the default (Mon–Fri, 08:30–12:00 and 13:30–17:30) until an
 * administrator saves one. A stored value is checked again on the way out, so every calendar
 * this returns has working time and the arithmetic always finds an end.
 */
export async function readWorkCalendar(db: Kysely<Database>): Promise<WorkCalendar> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', WORK_CALENDAR_KEY).executeTakeFirst();
  if (!row) return DEFAULT_WORK_CALENDAR;
  const parsed = workCalendar.safeParse(fromJson<unknown>(row.value));
  return parsed.success ? parsed.data : DEFAULT_WORK_CALENDAR;
}

export async function updateWorkCalendar(
  db: Kysely<Database>,
  deps: { audit: Audit; clock: Clock },
  actor: Actor,
  next: WorkCalendar,
): Promise<WorkCalendar> {
  return inTransaction(db, async (trx) => {
    const before = await readWorkCalendar(trx);
    const now = deps.clock.now();
    const value = toJson(next);
    await trx
      .insertInto('settings')
      .values({ key: WORK_CALENDAR_KEY, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
    const after = await readWorkCalendar(trx);
    const diff = changedFields({ ...before }, { ...after });
    if (Object.keys(diff.after).length)
      await deps.audit.record(trx, actor, { action: 'update', entityType: 'settings', entityId: 'workCalendar', ...diff });
    return after;
  });
}
