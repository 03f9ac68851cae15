// The demo's time machine for stories told through the services: a clock each step moves forward
// (never past the real one), the app's module context on the seeding transaction running on that
// clock, the ticket jobs the server would have run in the meantime, and the IT staff's accounts
// acting as themselves.
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import { userInput } from '../../shared/contracts/auth.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Actor } from '../../server/core/actor.js';
import { wallClock, type Clock } from '../../server/core/clock.js';
import type { ModuleContext } from '../../server/core/module.js';
import { permissionsOf, type Role } from '../../server/core/permissions.js';
import { dialectOf, fromJson } from '../../server/db/dialect.js';
import { createUsersService } from '../../server/modules/auth/index.js';
import { hubOf } from '../../server/modules/notify/notifier.js';
import { createDictionariesService } from '../../server/modules/org/index.js';
import type { TicketServices } from '../../server/modules/tickets/index.js';
import { DEFAULT_TICKET_SETTINGS } from '../../shared/contracts/tickets.js';
import type { DemoContext } from './context.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface StoryClock extends Clock {
  /** Moves to an instant; one still in the future stops at the real now. */
  set(ms: number): void;
}

export function storyClock(): StoryClock {
  let now = Date.now();
  return {
    now: () => now,
    set(ms) {
      now = Math.min(ms, Date.now());
    },
  };
}

export interface StoryApp {
  clock: StoryClock;
  /** The app's module context: every module registered, its database the seeding transaction. */
  module: ModuleContext;
  close(): Promise<void>;
}

/**
 * The app as the server builds it, on the seeding transaction and the story clock: the ticket and
 * knowledge-base services need what the modules register (notification events, the articles shown
 * on a ticket), and every row and audit entry they write carries the story's time. Never listens.
 */
export async function storyApp(ctx: DemoContext): Promise<StoryApp> {
  const clock = storyClock();
  const db = ctx.deps.db;
  // Defaults only (no environment): nothing here writes files, and without jobs the notifier
  // never starts a delivery.
  const config = { ...loadConfig({}), logLevel: 'silent' as const, runJobs: false };
  const { app, ctx: module } = await buildApp({
    config,
    connection: { db, kind: dialectOf(db), close: async () => {} },
    clock,
    logger: false,
  });
  // What the stories tell people stays in their inbox: no channel of this app queues a message
  // for later (the demo's people have invented addresses, even where mail is already set up).
  hubOf(module).channels.clear();
  // What the server does when it starts: the dictionaries the modules declare (ticket and article
  // categories); the CLI seeds before any start.
  await createDictionariesService(module).syncDeclared(module.registries.dictionaries);
  return { clock, module, close: () => app.close() };
}

/** A demo account acting as itself, as the auth plugin would resolve its session. */
export async function userActor(ctx: DemoContext, userId: number): Promise<Actor> {
  const u = await ctx.deps.db
    .selectFrom('users')
    .select(['id', 'name', 'roles', 'person_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const roles = fromJson<Role[]>(u.roles) ?? [];
  return {
    kind: 'user',
    userId: u.id,
    name: u.name,
    roles,
    permissions: permissionsOf(roles),
    personId: u.person_id,
    tokenId: null,
    sessionId: null,
    ip: '',
    requestId: '',
  };
}

/**
 * Accounts for people of the demo, their login the mail address's local part. Nobody knows their
 * password: an administrator sets one to sign in as them. Returns each one acting as itself.
 */
export async function createAccounts(
  ctx: DemoContext,
  story: StoryApp,
  specs: readonly { person: string; roles: Role[] }[],
): Promise<Map<string, Actor>> {
  const users = createUsersService(story.module);
  const out = new Map<string, Actor>();
  for (const s of specs) {
    const personId = ctx.people.get(s.person);
    if (personId === undefined) throw new Error(`demo: no person "${s.person}"`);
    const p = await ctx.deps.db.selectFrom('people').select(['name', 'email']).where('id', '=', personId).executeTakeFirstOrThrow();
    const user = await users.create(
      ctx.actor,
      userInput.parse({ login: p.email.split('@')[0], name: p.name, password: `Aa1-${randomUUID()}`, roles: s.roles, personId }),
    );
    ctx.users.set(s.person, user.id);
    out.set(s.person, await userActor(ctx, user.id));
  }
  return out;
}

/** The key's user id, or an error that names what the earlier step should have made. */
export function userIdOf(ctx: DemoContext, key: string): number {
  const id = ctx.users.get(key);
  if (id === undefined) throw new Error(`demo: no account for "${key}"`);
  return id;
}

const ceilTo = (ms: number, step: number, offset = 0) => Math.ceil((ms - offset) / step) * step + offset;

/**
 * Runs the ticket jobs the server's scheduler would have run up to `until`, each at its own
 * instant: the minute job for service targets (near / breached notices) and the hourly auto-close
 * (at minute 7) of tickets resolved a week ago that nobody confirmed.
 */
export async function runTicketJobsUntil(story: StoryApp, jobs: TicketServices['jobs'], until: number): Promise<void> {
  const db = story.module.db;
  const closeAfter = DEFAULT_TICKET_SETTINGS.autoCloseDays * DAY;
  // Each pass settles at least one ticket; the bound only guards against a job that would not.
  for (let pass = 0; pass < 100_000; pass++) {
    // Two index reads (the partial indexes the jobs themselves use).
    const due = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.min('sla_check_at').as('at'))
      .where('sla_check_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const resolved = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.min('resolved_at').as('at'))
      .where(sql<SqlBool>`tickets.state = 'resolved'`)
      .executeTakeFirstOrThrow();
    const sla = due.at === null ? Infinity : ceilTo(Number(due.at), MINUTE);
    const close = closeAfter <= 0 || resolved.at === null ? Infinity : ceilTo(Number(resolved.at) + closeAfter, HOUR, 7 * MINUTE);
    const next = Math.min(sla, close);
    if (next > until || next > Date.now()) return;
    story.clock.set(next);
    if (next === sla) await jobs.slaScan();
    else await jobs.autoClose();
  }
  throw new Error('demo: the ticket jobs did not settle');
}

// ---- the calendar the stories follow ----

/** A calendar date that many days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The instant a wall-clock time (minutes after midnight) of a date has in the time zone. */
export function instantOf(date: string, minuteOfDay: number, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const w = wallClock(guess, timeZone);
  const offset = Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day), Number(w.hour), Number(w.minute)) - guess;
  return guess - offset + minuteOfDay * MINUTE;
}

const within = (md: string, ranges: [string, string][]) => ranges.some(([a, b]) => md >= a && md <= b);

/**
 * A Chinese school year by month and day: the weeks a term starts (projectors, accounts, the
 * network of every classroom), the weeks before exams (computer labs set up as exam rooms), the
 * public holidays (National Day week, New Year, Labour Day) and the school vacations.
 */
export function seasonOf(date: string) {
  const md = date.slice(5);
  return {
    termStart: within(md, [
      ['08-25', '09-14'],
      ['02-17', '03-06'],
    ]),
    exams: within(md, [
      ['11-02', '11-20'],
      ['01-05', '01-20'],
      ['04-20', '04-30'],
      ['06-15', '06-30'],
    ]),
    holiday: within(md, [
      ['10-01', '10-07'],
      ['01-01', '01-01'],
      ['05-01', '05-05'],
    ]),
    vacation: within(md, [
      ['07-10', '08-24'],
      ['01-25', '02-16'],
    ]),
  };
}
