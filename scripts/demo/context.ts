// What every demo step receives: the services' dependencies bound to the one seeding
// transaction, the acting identity, seeded randomness, and the ids earlier steps created.
import type { Actor } from '../../server/core/actor.js';
import type { ServiceDeps } from '../../server/core/standalone.js';
import { createRandom, type Random } from './random.js';

/** What the module services take (createPeopleService(deps) and the like). */
export type { ServiceDeps };

export interface DemoContext {
  /** deps.db is the seeding transaction: every write of every step commits or rolls back together. */
  deps: ServiceDeps;
  actor: Actor;
  /** An independent seeded stream per name, so steps do not shift each other's data. */
  random(stream: string): Random;
  /** Ids by key, e.g. departments.get('school.it.network'), locations.get('school.machineRoom'). */
  departments: Map<string, number>;
  people: Map<string, number>;
  /** Every person's id by department key, in creation order (the head first where there is one). */
  peopleByDepartment: Map<string, number[]>;
  locations: Map<string, number>;
  dictionaries: Map<string, number>;
  /** Vendors by key (vendors.lenovo), users by the key of their person (school.it.desktop). */
  vendors: Map<string, number>;
  users: Map<string, number>;
  /** Ticket ids by the key of the story they follow (printer-offline), in the order they were reported. */
  tickets: Map<string, number[]>;
  /** Parts of the closing one-line summary, e.g. "74 locations". */
  summary: string[];
}

export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

export function createContext(deps: ServiceDeps, actor: Actor, seed: string): DemoContext {
  return {
    deps,
    actor,
    random: (stream) => createRandom(`${seed}:${stream}`),
    departments: new Map(),
    people: new Map(),
    peopleByDepartment: new Map(),
    locations: new Map(),
    dictionaries: new Map(),
    vendors: new Map(),
    users: new Map(),
    tickets: new Map(),
    summary: [],
  };
}
