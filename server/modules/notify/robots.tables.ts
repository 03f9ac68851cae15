// Kysely table type of the group robots and webhooks notifications can be sent to.
import type { Generated } from 'kysely';

export interface NotifyRobotsTable {
  id: Generated<number>;
  name: string;
  /** The name as search normalises it: "值班群" and "值班群 " are the same robot name. */
  name_key: string;
  kind: 'dingtalk' | 'wecom' | 'feishu' | 'webhook';
  /** SECRET: DingTalk, WeCom and Feishu addresses carry the access token or key. */
  url: string;
  /** SECRET: the signing secret; '' = none. */
  secret: string;
  enabled: number;
  /** 'zh-CN' | 'en' | '' (the organisation's default). */
  language: string;
  created_at: number;
  updated_at: number;
}

export interface NotifyRobotTables {
  notify_robots: NotifyRobotsTable;
}
