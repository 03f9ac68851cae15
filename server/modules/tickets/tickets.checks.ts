// Checks of what a ticket refers to: its category (an active item of the category dictionary), a
// location, a reporter person, an assignee who works tickets, a leader, and the devices a reporter
// may name (only those they hold).
import type { Kysely } from 'kysely';
import { TICKET_CATEGORY_DICTIONARY } from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { createAssetsService } from '../assets/index.js';
import { createDictionariesService, orgLookups } from '../org/index.js';
import { TicketErrors } from './tickets.errors.js';
import { technicianUsers } from './tickets.notifications.js';

type Deps = Pick<ModuleContext, 'audit' | 'clock' | 'events'>;

const invalid = (field: string, reason = 'not_found') => fieldError(TicketErrors['tickets.invalid_reference'], field, reason);

export async function checkCategory(trx: Kysely<Database>, deps: Deps, category: string): Promise<void> {
  if (category === '') return;
  const dictionaries = await createDictionariesService({ ...deps, db: trx }).list();
  const items = dictionaries.find((d) => d.code === TICKET_CATEGORY_DICTIONARY)?.items ?? [];
  if (!items.some((i) => i.value === category && i.enabled))
    throw fieldError(TicketErrors['tickets.invalid_category'], 'category', 'not_found');
}

export async function checkLocation(trx: Kysely<Database>, locationId: number | null | undefined): Promise<void> {
  if (locationId && !(await orgLookups.locationExists(trx, locationId))) throw invalid('locationId');
}

export async function checkPerson(trx: Kysely<Database>, personId: number | null): Promise<void> {
  if (personId !== null && !(await orgLookups.personExists(trx, personId))) throw invalid('reporterPersonId');
}

export async function checkAssignee(trx: Kysely<Database>, userId: number | null, field = 'assigneeUserId'): Promise<void> {
  if (userId === null) return;
  if (!(await technicianUsers(trx)).some((u) => u.id === userId))
    throw fieldError(TicketErrors['tickets.invalid_assignee'], field, 'not_technician');
}

/** Every enabled account: anyone can be named as a ticket's leader. */
export function activeUsers(db: Kysely<Database>): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('users').select(['id', 'name']).where('disabled', '=', 0).orderBy('name').orderBy('id').execute();
}

export async function activeUser(trx: Kysely<Database>, userId: number): Promise<{ id: number; name: string } | null> {
  return (
    (await trx.selectFrom('users').select(['id', 'name']).where('id', '=', userId).where('disabled', '=', 0).executeTakeFirst()) ?? null
  );
}

/**
 * The devices exist; a reporter who does not work tickets may name only the ones they hold (and is
 * told the same whether a device is someone else's or does not exist).
 */
export async function checkAssets(trx: Kysely<Database>, deps: Deps, actor: Actor, assetIds: number[], worker: boolean): Promise<void> {
  const assets = createAssetsService({ ...deps, db: trx });
  for (const [i, id] of assetIds.entries()) {
    let holder: number | null;
    try {
      holder = (await assets.getIn(trx, id)).holderPersonId;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) {
        if (!worker) throw fieldError(TicketErrors['tickets.asset_not_yours'], `assetIds.${i}`, 'not_yours');
        throw invalid(`assetIds.${i}`);
      }
      throw err;
    }
    if (!worker && (actor.personId === null || holder !== actor.personId))
      throw fieldError(TicketErrors['tickets.asset_not_yours'], `assetIds.${i}`, 'not_yours');
  }
}
