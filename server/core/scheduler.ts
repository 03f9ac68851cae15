// An in-process scheduler for periodic jobs (cleanup now; reminders, checks and reports later).
// Each job runs on a cron pattern in the organisation's time zone, never overlaps itself, and a
// failure is logged without stopping later runs. On PostgreSQL with several instances, a job that
// must run once per tick takes a transaction-level advisory lock (see runOnce).
import { Cron } from 'croner';
import { sql } from 'kysely';
import type { Db, DbKind } from '../db/connect.js';

export interface JobDefinition {
  name: string;
  /** Cron pattern with seconds first, e.g. '0 0 3 * * *' for 03:00 every day. */
  schedule: string;
  run(): Promise<void>;
}

export interface Scheduler {
  add(job: JobDefinition): void;
  start(timeZone: string): void;
  stop(): void;
  /** Runs a job now (CLI and tests). */
  runNow(name: string): Promise<void>;
  names(): string[];
}

/** Wraps each scheduled run, e.g. so that only one of several instances does it. */
export type RunGuard = (name: string, work: () => Promise<void>) => Promise<void>;

export function createScheduler(log: (msg: string, err?: unknown) => void, guard: RunGuard = (_name, work) => work()): Scheduler {
  const jobs = new Map<string, JobDefinition>();
  const crons: Cron[] = [];
  return {
    add(job) {
      if (jobs.has(job.name)) throw new Error(`duplicate job ${job.name}`);
      jobs.set(job.name, job);
    },
    start(timeZone) {
      for (const job of jobs.values()) {
        crons.push(
          new Cron(job.schedule, { timezone: timeZone, protect: true, name: job.name }, async () => {
            try {
              await guard(job.name, job.run);
            } catch (err) {
              log(`job ${job.name} failed`, err);
            }
          }),
        );
      }
    },
    stop() {
      for (const c of crons.splice(0)) c.stop();
    },
    async runNow(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`no job ${name}`);
      await job.run();
    },
    names: () => [...jobs.keys()],
  };
}

/**
 * Runs `work` on one instance only: on PostgreSQL a transaction-level advisory lock keyed by the
 * job name is held while it runs, so a second instance that fires the same tick skips it.
 */
export async function runOnce(db: Db, kind: DbKind, name: string, work: () => Promise<void>): Promise<void> {
  if (kind === 'sqlite') return work();
  await db.transaction().execute(async (trx) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext(${name})) as ok`.execute(trx);
    if (got.rows[0]?.ok) await work();
  });
}
