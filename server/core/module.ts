// The shape every module has: a name and a register function that receives the shared pieces.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db, DbKind } from '../db/connect.js';
import type { Audit } from './audit.js';
import type { Clock } from './clock.js';
import type { EventBus } from './events.js';
import type { References } from './references.js';
import type { Scheduler } from './scheduler.js';
import type { Registries } from './registries.js';
import type { Imports } from './imports.js';

export interface ModuleContext {
  config: Readonly<Config>;
  db: Db;
  kind: DbKind;
  audit: Audit;
  events: EventBus;
  clock: Clock;
  scheduler: Scheduler;
  references: References;
  registries: Registries;
  imports: Imports;
}

export interface SyswardModule {
  name: string;
  /** Declares references, dictionaries, importers, jobs and registers routes. */
  register(app: FastifyInstance, ctx: ModuleContext): Promise<void> | void;
}
