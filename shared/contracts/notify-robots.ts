// Group robots and webhooks (群机器人与 Webhook): DingTalk, WeCom and Feishu group robots and a
// generic JSON webhook that notifications (monitoring alerts, tickets) can go to. The address and
// the signing secret are write-only: DingTalk, WeCom and Feishu addresses carry the access token,
// so a response says only which host a robot posts to and whether a secret is set.
import { z } from 'zod';
import { epochMs, requiredLine } from './common.js';
import { DELIVERY_REASONS } from './notify.js';

export const ROBOT_KINDS = ['dingtalk', 'wecom', 'feishu', 'webhook'] as const;
export const robotKind = z.enum(ROBOT_KINDS);
export type RobotKind = z.infer<typeof robotKind>;

/** '' = the organisation's default language. */
export const ROBOT_LANGUAGES = ['zh-CN', 'en', ''] as const;
export const robotLanguage = z.enum(ROBOT_LANGUAGES);

export const ROBOT_URL_MAX = 1000;
export const ROBOT_SECRET_MAX = 200;

/** http or https with a host, no user name or password in it, no spaces or control characters. */
export function isRobotUrl(v: string): boolean {
  if (v.length > ROBOT_URL_MAX || !/^[\x21-\x7e]+$/.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

const robotUrl = z
  .string()
  .trim()
  .max(ROBOT_URL_MAX)
  .refine((v) => isRobotUrl(v), { message: 'invalid_robot_url' });

/** The platforms' secrets are printable ASCII (DingTalk: SEC + hex; Feishu: letters and digits). */
const robotSecret = z
  .string()
  .trim()
  .max(ROBOT_SECRET_MAX)
  .refine((v) => /^[\x21-\x7e]*$/.test(v), { message: 'invalid_robot_secret' });

export const notifyRobot = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: robotKind,
  /** The host (and port) the robot posts to; the full address is never sent back. */
  urlHost: z.string(),
  secretSet: z.boolean(),
  enabled: z.boolean(),
  language: robotLanguage,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type NotifyRobot = z.infer<typeof notifyRobot>;

export const notifyRobotList = z.object({ items: z.array(notifyRobot) });

export const notifyRobotInput = z.strictObject({
  name: requiredLine(100),
  kind: robotKind,
  url: robotUrl,
  /** '' = no signing. */
  secret: robotSecret.default(''),
  enabled: z.boolean().default(true),
  language: robotLanguage.default(''),
});
export type NotifyRobotInput = z.input<typeof notifyRobotInput>;

export const notifyRobotUpdate = z.strictObject({
  name: requiredLine(100),
  kind: robotKind,
  /** Omitted: keep the stored address. */
  url: robotUrl.optional(),
  /** Omitted: keep the stored secret; '': remove it. */
  secret: robotSecret.optional(),
  enabled: z.boolean(),
  language: robotLanguage,
});
export type NotifyRobotUpdate = z.input<typeof notifyRobotUpdate>;

/** A test message's outcome: why it failed as a delivery reason, never the platform's own text. */
export const robotTestResult = z.object({
  ok: z.boolean(),
  reason: z.enum(DELIVERY_REASONS).optional(),
});
export type RobotTestResult = z.infer<typeof robotTestResult>;
