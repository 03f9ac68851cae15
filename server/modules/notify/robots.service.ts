// Group robots and webhooks: add, edit, remove, send a test message. The address and the secret
// are write-only: they go into the table and out to the platform, never into a response, the
// audit trail or a log (the audit keeps name, kind, enabled, language, and that the address or
// the signing secret changed).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Language } from '../../../shared/contracts/auth.js';
import type { NotifyRobot, RobotTestResult, notifyRobotInput, notifyRobotUpdate } from '../../../shared/contracts/notify-robots.js';
import type { Actor } from '../../core/actor.js';
import { changedFields } from '../../core/audit.js';
import { fieldError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import { absoluteLink, readNotifySettings } from './notify-settings.js';
import { NotifyErrors } from './notify.errors.js';
import { DeliveryError } from './notify.types.js';
import { deliverToRobot, robotLanguage } from './robot.channel.js';
import { createRobotsRepository, type RobotRow } from './robots.repository.js';

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock'>;

/** The page the test message links to: where the robot was set up. */
const TEST_LINK = '/system/notifications';
const TEST_TEXT: Record<Language, { title: string; body: string }> = {
  'zh-CN': { title: '网管台测试消息', body: '这是一条测试消息：网管台可以通过这个群机器人发送通知。' },
  en: { title: 'Sysward test message', body: 'This is a test message: Sysward can send notifications through this robot.' },
};

/** The host (and port) only: the path and query of a robot address carry its token. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function toRobot(r: RobotRow): NotifyRobot {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    urlHost: hostOf(r.url),
    secretSet: r.secret !== '',
    enabled: r.enabled === 1,
    language: r.language === 'zh-CN' || r.language === 'en' ? r.language : '',
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** What the audit trail keeps of a robot. */
function auditView(r: RobotRow): Record<string, unknown> {
  return { name: r.name, kind: r.kind, enabled: r.enabled === 1, language: r.language };
}

const nameTaken = () => fieldError(NotifyErrors['notify.robot_name_taken'], 'name', 'robot_name_taken');

export function createRobotsService({ db, audit, clock }: Deps) {
  async function load(trx: Kysely<Database>, id: number): Promise<RobotRow> {
    const row = await createRobotsRepository(trx).byId(id);
    if (!row) throw notFound('notify_robot');
    return row;
  }

  /** The check gives the clear error; the unique index is the last word under races. */
  async function guarded<T>(trx: Kysely<Database>, name: string, id: number | null, work: () => Promise<T>): Promise<T> {
    if (await createRobotsRepository(trx).nameTaken(name, id)) throw nameTaken();
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken();
      throw err;
    }
  }

  return {
    async list(): Promise<{ items: NotifyRobot[] }> {
      return { items: (await createRobotsRepository(db).list()).map(toRobot) };
    },

    async create(actor: Actor, input: z.output<typeof notifyRobotInput>): Promise<NotifyRobot> {
      return inTransaction(db, async (trx) => {
        const now = clock.now();
        const id = await guarded(trx, input.name, null, () =>
          createRobotsRepository(trx).insert({
            name: input.name,
            kind: input.kind,
            url: input.url,
            secret: input.secret,
            enabled: input.enabled ? 1 : 0,
            language: input.language,
            created_at: now,
            updated_at: now,
          }),
        );
        const row = await load(trx, id);
        await audit.record(trx, actor, {
          action: 'create',
          entityType: 'notify_robot',
          entityId: id,
          summary: row.name,
          after: { ...auditView(row), signing: row.secret ? 'set' : 'none' },
        });
        return toRobot(row);
      });
    },

    async update(actor: Actor, id: number, input: z.output<typeof notifyRobotUpdate>): Promise<NotifyRobot> {
      return inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        const work = () =>
          createRobotsRepository(trx).update(id, {
            name: input.name,
            kind: input.kind,
            enabled: input.enabled ? 1 : 0,
            language: input.language,
            ...(input.url !== undefined ? { url: input.url } : {}),
            ...(input.secret !== undefined ? { secret: input.secret } : {}),
            updated_at: clock.now(),
          });
        if (input.name !== before.name) await guarded(trx, input.name, id, work);
        else await work();
        const after = await load(trx, id);
        const diff = changedFields(auditView(before), auditView(after));
        // That the address or the secret changed, never what either is.
        if (after.url !== before.url) diff.after.addressChanged = true;
        if (after.secret !== before.secret) diff.after.signing = !after.secret ? 'removed' : before.secret ? 'changed' : 'set';
        if (Object.keys(diff.after).length)
          await audit.record(trx, actor, { action: 'update', entityType: 'notify_robot', entityId: id, summary: after.name, ...diff });
        return toRobot(after);
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        const before = await load(trx, id);
        await createRobotsRepository(trx).remove(id);
        await audit.record(trx, actor, {
          action: 'delete',
          entityType: 'notify_robot',
          entityId: id,
          summary: before.name,
          before: auditView(before),
        });
      });
    },

    /** Posts a test message now (enabled or not) and says why it failed, as a delivery reason. */
    async test(actor: Actor, id: number): Promise<RobotTestResult> {
      const robot = await load(db, id);
      const lang = await robotLanguage(db, robot);
      const { baseUrl } = await readNotifySettings(db);
      let failure: DeliveryError | null = null;
      try {
        await deliverToRobot(
          robot,
          { event: 'notify.test', ...TEST_TEXT[lang], link: absoluteLink(baseUrl, TEST_LINK), entity: null },
          clock.now(),
        );
      } catch (err) {
        failure = err instanceof DeliveryError ? err : new DeliveryError('unknown');
      }
      await audit.record(db, actor, {
        action: 'send_test_message',
        entityType: 'notify_robot',
        entityId: id,
        summary: robot.name,
        after: { name: robot.name, kind: robot.kind, ok: !failure, ...(failure ? { reason: failure.reason } : {}) },
      });
      return failure ? { ok: false, reason: failure.reason } : { ok: true };
    },
  };
}

export type RobotsService = ReturnType<typeof createRobotsService>;

/** Whether a robot with this id exists (other modules check the robots their rules name). */
export async function robotExists(db: Kysely<Database>, id: number): Promise<boolean> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return false;
  return (await createRobotsRepository(db).byId(id)) !== undefined;
}
