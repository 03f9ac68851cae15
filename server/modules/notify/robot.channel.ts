// The group robot and webhook channel: a message that names robots (NotificationMessage.robots)
// gets one outbox row per enabled robot, in the robot's language (else the organisation's), and
// the outbox worker posts it with the platform's format and signature, retrying like email.
//
// Outbox row of this channel: target = the robot's id, subject = the title, body = JSON
// { body, link, entity } (the link already absolute). The address and secret stay in
// notify_robots and are read at send time, so a changed or removed secret applies to queued rows.
import type { Kysely } from 'kysely';
import { language as languageSchema, type Language } from '../../../shared/contracts/auth.js';
import type { Clock } from '../../core/clock.js';
import { readSettings } from '../../core/settings.js';
import type { Database } from '../../db/database.js';
import { oneLine } from './email.channel.js';
import { absoluteLink, readNotifySettings } from './notify-settings.js';
import { DeliveryError, type NotificationChannel } from './notify.types.js';
import { postJson } from './robots.http.js';
import { buildRequest, checkAnswer, type RobotMessage } from './robots.platforms.js';
import { createRobotsRepository, type RobotRow } from './robots.repository.js';

export const ROBOT_CHANNEL = 'robot';
const MAX_ID = 2_147_483_647;

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The robot's own language, else the organisation's default. */
export async function robotLanguage(db: Kysely<Database>, robot: Pick<RobotRow, 'language'>): Promise<Language> {
  return languageSchema.safeParse(robot.language).data ?? (await readSettings(db)).defaultLanguage;
}

/** Posts one message to one robot now; throws a DeliveryError with a safe reason. */
export async function deliverToRobot(robot: RobotRow, message: RobotMessage, now: number): Promise<void> {
  let request;
  try {
    request = buildRequest({ kind: robot.kind, url: robot.url, secret: robot.secret }, message, now);
  } catch {
    // Only a stored address that no longer parses gets here; retrying cannot mend it.
    throw new DeliveryError('not_configured', null, true);
  }
  const answer = await postJson(request.url, request.body, request.headers);
  checkAnswer(robot.kind, answer);
}

interface StoredBody {
  body: string;
  link: string;
  entity: { type: string; id: string } | null;
}

function readStoredBody(text: string): StoredBody {
  try {
    const v = JSON.parse(text) as Partial<StoredBody>;
    if (typeof v.body === 'string' && typeof v.link === 'string')
      return { body: v.body, link: v.link, entity: v.entity && typeof v.entity === 'object' ? v.entity : null };
  } catch {
    // falls through: a row this channel did not write
  }
  throw new DeliveryError('unknown', null, true);
}

export function createRobotChannel(clock: Clock): NotificationChannel {
  return {
    key: ROBOT_CHANNEL,
    labelKey: 'notify.channels.robot',
    // A group chat is not a person: nobody switches it off for themselves.
    perUser: false,
    async prepare(db, message) {
      const ids = [...new Set(message.robots ?? [])].filter((n) => Number.isSafeInteger(n) && n > 0 && n <= MAX_ID);
      if (!ids.length) return [];
      const robots = await createRobotsRepository(db).enabledAmong(ids);
      if (!robots.length) return [];
      const { baseUrl } = await readNotifySettings(db);
      const link = absoluteLink(baseUrl, message.link);
      const entity = message.entity ? { type: message.entity.type, id: String(message.entity.id) } : null;
      const { defaultLanguage } = await readSettings(db);
      return robots.map((robot) => {
        const lang = languageSchema.safeParse(robot.language).data ?? defaultLanguage;
        return {
          target: String(robot.id),
          subject: clip(oneLine(message.title[lang] ?? ''), 200),
          body: JSON.stringify({ body: clip((message.body[lang] ?? '').trim(), 4000), link, entity } satisfies StoredBody),
        };
      });
    },
    async send(db, delivery) {
      const id = Number(delivery.target);
      const robot = Number.isSafeInteger(id) ? await createRobotsRepository(db).byId(id) : undefined;
      // Removed or switched off since the message was queued: it is not to be sent, now or later.
      if (!robot || robot.enabled !== 1) throw new DeliveryError('not_configured', null, true);
      const stored = readStoredBody(delivery.body);
      await deliverToRobot(robot, { event: delivery.event, title: delivery.subject, ...stored }, clock.now());
    },
  };
}
