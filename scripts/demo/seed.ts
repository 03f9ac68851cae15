// `npm run demo`: fills an empty database with a fictional school and company, written through
// the module services (validated and audited as through the API) in one transaction.
// A module adds its demo data by adding one step to `steps`; a step finds what earlier steps
// made through the context (ctx.people.get('school.it.network.lead'), ctx.locations.get(...)).
import { departmentListQuery, personListQuery } from '../../shared/contracts/org.js';
import { systemActor } from '../../server/core/actor.js';
import { AppError } from '../../server/core/errors.js';
import { standaloneDeps } from '../../server/core/standalone.js';
import type { Db } from '../../server/db/connect.js';
import { createDepartmentsService, createPeopleService } from '../../server/modules/org/index.js';
import { createContext, type DemoStep, type ServiceDeps } from './context.js';
import { assetsStep } from './assets-step.js';
import { dictionariesStep } from './dictionaries-step.js';
import { kbStep } from './kb-step.js';
import { locationsStep } from './locations-step.js';
import { orgStep } from './org-step.js';
import { stocktakeStep } from './stocktake-step.js';
import { ticketsStep } from './tickets-step.js';
import { vendorsStep } from './vendors-step.js';

/** In order: later steps use what earlier ones created. */
export const demoSteps: DemoStep[] = [
  orgStep,
  locationsStep,
  dictionariesStep,
  assetsStep,
  // One closed stocktake of the ledger: after the assets it counts.
  stocktakeStep,
  vendorsStep,
  // Months of tickets about the ledger's devices, sent to the vendors, worked by the IT staff.
  ticketsStep,
  // Articles by the same IT staff, a few drafted from those tickets.
  kbStep,
];

/** Changing it changes every generated name and number. */
const SEED = 'sysward-demo-1';

export const NOT_EMPTY = 'the database is not empty; demo data is only for a fresh database';

/** Refuses when people or departments exist, so a second run never duplicates anything. */
async function assertEmpty(deps: ServiceDeps): Promise<void> {
  const one = { pageSize: '1' };
  const people = await createPeopleService(deps).list(personListQuery.parse(one));
  const departments = await createDepartmentsService(deps).list(departmentListQuery.parse(one));
  if (people.total > 0 || departments.total > 0) throw new Error(NOT_EMPTY);
}

function describe(err: unknown): string {
  if (err instanceof AppError) return `${err.code}${err.details.length ? ` ${JSON.stringify(err.details)}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

/** Writes every step in one transaction and returns a one-line summary. `steps` is for tests. */
export async function seedDemo(db: Db, steps: DemoStep[] = demoSteps): Promise<string> {
  return db.transaction().execute(async (trx) => {
    // Services built on the transaction join it (inTransaction), so one failure undoes everything.
    // The demo only creates, so the standalone dependencies (no listeners, no references) fit.
    const deps = standaloneDeps(trx);
    await assertEmpty(deps);
    const ctx = createContext(deps, systemActor('demo'), SEED);
    for (const step of steps) {
      try {
        await step.run(ctx);
      } catch (err) {
        throw new Error(`demo step "${step.name}" failed: ${describe(err)}`, { cause: err });
      }
    }
    return `demo data: ${ctx.summary.join(', ')}`;
  });
}
