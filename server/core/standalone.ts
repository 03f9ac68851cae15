// Service dependencies for work done outside the HTTP server: CLI commands, demo data, test
// helpers. The audit trail and clock are the real ones; the event bus has no listeners (no
// module registered any), and no references are declared, so callers must only create and
// update, never delete (deletes consult the references the modules declare at registration).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createAudit } from './audit.js';
import { systemClock } from './clock.js';
import { createEventBus } from './events.js';
import type { ModuleContext } from './module.js';
import { createReferences } from './references.js';

export type ServiceDeps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events' | 'references'>;

export function standaloneDeps(db: Kysely<Database>): ServiceDeps {
  return { db, audit: createAudit(systemClock), clock: systemClock, events: createEventBus(() => {}), references: createReferences() };
}
