// Monitors: create, edit, switch on and off, delete, check now, and the push URL's calls. Every
// change is audited in its transaction (never with a secret); the engine hears of it through
// the 'monitor.changed' event once the transaction has committed.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Page } from '../../../shared/contracts/common.js';
import type { Monitor, MonitorCreated, MonitorInput, MonitorListQuery } from '../../../shared/contracts/monitors.js';
import { SECRET_NAMES, type MonitorSecrets } from '../../../shared/contracts/monitor-targets.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { MonitorErrors } from './monitors.errors.js';
import { toMonitor } from './monitors.mappers.js';
import { createMonitorsRepository, type MonitorWrite } from './monitors.repository.js';

declare module '../../core/events.js' {
  interface EventMap {
    'monitor.changed': { id: number };
    'monitor.deleted': { id: number };
  }
}

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'events'>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');

/** What the audit trail keeps of a monitor: its settings, never a secret's value. */
function auditView(m: Monitor): Record<string, unknown> {
  return {
    name: m.name,
    kind: m.kind,
    groupId: m.groupId,
    locationId: m.locationId,
    assetId: m.assetId,
    target: m.target,
    intervalS: m.intervalS,
    timeoutMs: m.timeoutMs,
    retries: m.retries,
    thresholds: m.thresholds,
    parentId: m.parentId,
    enabled: m.enabled,
    public: m.public,
    notes: m.notes,
    // The names only: "community set" is worth knowing, its value never is.
    credentials: m.secretsSet,
  };
}

/** Secrets after an edit: a field left out keeps its value, '' clears it. */
function mergeSecrets(stored: MonitorSecrets, given: MonitorSecrets): MonitorSecrets {
  const out: MonitorSecrets = {};
  for (const k of SECRET_NAMES) {
    const v = given[k] === undefined ? stored[k] : given[k];
    if (v) out[k] = v;
  }
  return out;
}

export function createMonitorsService({ db, audit, clock, events }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<Monitor> {
    const repo = createMonitorsRepository(trx);
    const row = await repo.byId(id);
    if (!row) throw notFound('monitor');
    return toMonitor(row, await repo.secrets(id));
  }

  async function checkReferences(trx: Kysely<Database>, id: number | null, input: MonitorInput): Promise<void> {
    const bad = (field: string) => fieldError(MonitorErrors['monitors.invalid_reference'], field, 'not_found');
    const exists = async (table: 'monitor_groups' | 'locations' | 'assets' | 'monitors', value: number) =>
      !!(await trx.selectFrom(table).select('id').where('id', '=', value).executeTakeFirst());
    if (input.groupId !== null && !(await exists('monitor_groups', input.groupId))) throw bad('groupId');
    if (input.locationId !== null && !(await exists('locations', input.locationId))) throw bad('locationId');
    if (input.assetId !== null && !(await exists('assets', input.assetId))) throw bad('assetId');
    if (input.parentId !== null) {
      if (!(await exists('monitors', input.parentId))) throw bad('parentId');
      const chain = await createMonitorsRepository(trx).parentChain(input.parentId);
      if (id !== null && chain.includes(id)) throw fieldError(MonitorErrors['monitors.parent_cycle'], 'parentId', 'cycle');
    }
  }

  function toWrite(input: MonitorInput, now: number): Omit<MonitorWrite, 'created_at' | 'push_token_hash'> {
    return {
      name: input.name,
      kind: input.target.kind,
      group_id: input.groupId,
      location_id: input.locationId,
      asset_id: input.assetId,
      target: toJson(input.target),
      interval_s: input.intervalS,
      timeout_ms: input.timeoutMs,
      retries: input.retries,
      thresholds: toJson(input.thresholds),
      parent_id: input.parentId,
      enabled: input.enabled ? 1 : 0,
      public: input.public ? 1 : 0,
      notes: input.notes,
      updated_at: now,
    };
  }

  return {
    async list(q: MonitorListQuery): Promise<Page<Monitor>> {
      const repo = createMonitorsRepository(db);
      const { rows, total } = await repo.list(q);
      const secrets = await repo.secretsOf(rows.map((r) => r.id));
      return { items: rows.map((r) => toMonitor(r, secrets.get(r.id) ?? {})), total, page: q.page, pageSize: q.pageSize };
    },
    counts: () => createMonitorsRepository(db).counts(),
    get: (id: number) => load(db, id),

    async create(actor: Actor, input: MonitorInput): Promise<MonitorCreated> {
      const token = input.target.kind === 'push' ? newToken() : null;
      const created = await inTransaction(db, async (trx) => {
        await checkReferences(trx, null, input);
        const now = clock.now();
        const repo = createMonitorsRepository(trx);
        const id = await repo.insert({ ...toWrite(input, now), created_at: now, push_token_hash: token ? hashToken(token) : null }, now);
        await repo.setSecrets(id, mergeSecrets({}, input.secrets));
        const monitor = await load(trx, id);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'monitor',
          entityId: id,
          summary: monitor.name,
          after: auditView(monitor),
        });
        return monitor;
      });
      events.emit('monitor.changed', { id: created.id });
      return { monitor: created, pushToken: token };
    },

    async update(actor: Actor, id: number, input: MonitorInput): Promise<Monitor> {
      const updated = await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        await checkReferences(trx, id, input);
        const repo = createMonitorsRepository(trx);
        const now = clock.now();
        const kindChanged = before.kind !== input.target.kind;
        // A monitor that becomes a push check gets a token; one that stops being one loses it.
        const tokenHash = input.target.kind === 'push' ? undefined : null;
        await repo.update(id, { ...toWrite(input, now), ...(tokenHash === null ? { push_token_hash: null } : {}) });
        if (kindChanged && input.target.kind === 'push') await repo.update(id, { push_token_hash: hashToken(newToken()) });
        await repo.setSecrets(id, mergeSecrets(await repo.secrets(id), input.secrets));
        // What was learnt about another kind of check (or a switched-off one) no longer applies.
        if (kindChanged || (before.enabled && !input.enabled)) await repo.resetStatus(id, now);
        const after = await load(trx, id);
        const diff = changedFields(auditView(before), auditView(after));
        if (Object.keys(diff.after).length)
          await audit.record(trx, actor, { action: 'update', entityType: 'monitor', entityId: id, summary: after.name, ...diff });
        return after;
      });
      events.emit('monitor.changed', { id });
      return updated;
    },

    async setEnabled(actor: Actor, id: number, enabled: boolean): Promise<Monitor> {
      const updated = await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        if (before.enabled === enabled) return before;
        const repo = createMonitorsRepository(trx);
        const now = clock.now();
        await repo.update(id, { enabled: enabled ? 1 : 0, updated_at: now });
        await repo.resetStatus(id, now);
        const after = await load(trx, id);
        await audit.record(trx, actor, {
          action: 'update',
          entityType: 'monitor',
          entityId: id,
          summary: after.name,
          before: { enabled: before.enabled },
          after: { enabled },
        });
        return after;
      });
      events.emit('monitor.changed', { id });
      return updated;
    },

    /** A new push URL; the old one stops working at once. */
    async replacePushToken(actor: Actor, id: number): Promise<MonitorCreated> {
      const token = newToken();
      const monitor = await inTransaction(db, async (trx) => {
        const m = await load(trx, id);
        if (m.kind !== 'push') throw new AppError(MonitorErrors['monitors.not_push']);
        await createMonitorsRepository(trx).update(id, { push_token_hash: hashToken(token), updated_at: clock.now() });
        await audit.record(trx, actor, { action: 'replace_token', entityType: 'monitor', entityId: id, summary: m.name });
        return m;
      });
      return { monitor, pushToken: token };
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const children = await createMonitorsRepository(trx).children(id);
        await createMonitorsRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'monitor',
          entityId: id,
          summary: before.name,
          before: { ...auditView(before), dependents: children },
        });
      });
      events.emit('monitor.deleted', { id });
    },

    /**
     * A push URL was called. Unknown and switched-off tokens get the same answer as a bad one:
     * the caller learns nothing about which tokens exist.
     */
    async push(token: string, q: { status: 'up' | 'down'; value?: number }): Promise<boolean> {
      const m = await createMonitorsRepository(db).byPushTokenHash(hashToken(token));
      if (!m || m.enabled !== 1) return false;
      await db
        .insertInto('monitor_pushes')
        .values({ monitor_id: m.id, at: clock.now(), ok: q.status === 'up' ? 1 : 0, value: q.value ?? null })
        .execute();
      return true;
    },
  };
}
export type MonitorsService = ReturnType<typeof createMonitorsService>;
