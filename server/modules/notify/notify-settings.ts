// The mail server and link settings, kept in the settings table under 'notify.*' keys beside the
// organisation's. The SMTP password is stored there too (the server must present it), but it
// leaves this file only towards the mail server: reads for people say whether there is one.
import type { Kysely } from 'kysely';
import {
  DEFAULT_NOTIFY_SETTINGS,
  type NotifySettings,
  type NotifySettingsInput,
  type SmtpSecurity,
} from '../../../shared/contracts/notify.js';
import type { Actor } from '../../core/actor.js';
import { changedFields, type Audit } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';

type PublicKey = Exclude<keyof NotifySettings, 'hasPassword'>;

const KEYS: Record<PublicKey, string> = {
  enabled: 'notify.enabled',
  host: 'notify.host',
  port: 'notify.port',
  security: 'notify.security',
  user: 'notify.user',
  fromAddress: 'notify.fromAddress',
  fromName: 'notify.fromName',
  baseUrl: 'notify.baseUrl',
};
const PASSWORD_KEY = 'notify.password';

/** Everything needed to talk to the mail server, password included: never into a response or log. */
export interface SmtpConfig {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string;
  fromAddress: string;
  fromName: string;
  baseUrl: string;
}

export async function readSmtpConfig(db: Kysely<Database>): Promise<SmtpConfig> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', [...Object.values(KEYS), PASSWORD_KEY])
    .execute();
  const { hasPassword: _h, ...defaults } = DEFAULT_NOTIFY_SETTINGS;
  const out: SmtpConfig = { ...defaults, password: '' };
  const mutable = out as unknown as Record<string, unknown>;
  for (const [field, key] of Object.entries(KEYS)) {
    const row = rows.find((r) => r.key === key);
    if (row) mutable[field] = fromJson(row.value);
  }
  const pw = rows.find((r) => r.key === PASSWORD_KEY);
  if (pw) out.password = fromJson<string>(pw.value);
  return out;
}

export async function readNotifySettings(db: Kysely<Database>): Promise<NotifySettings> {
  const { password, ...rest } = await readSmtpConfig(db);
  return { ...rest, hasPassword: password !== '' };
}

/** The absolute address of an app path, for emails: https://it.example.edu.cn/tickets/12. */
export function absoluteLink(baseUrl: string, link: string): string {
  return baseUrl.replace(/\/+$/, '') + link;
}

async function put(trx: Kysely<Database>, key: string, value: unknown, now: number): Promise<void> {
  const json = toJson(value);
  await trx
    .insertInto('settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}

export async function updateNotifySettings(
  db: Kysely<Database>,
  deps: { audit: Audit; clock: Clock },
  actor: Actor,
  input: NotifySettingsInput,
): Promise<NotifySettings> {
  return inTransaction(db, async (trx) => {
    const before = await readNotifySettings(trx);
    const now = deps.clock.now();
    const next: Record<PublicKey, unknown> = { ...input, baseUrl: input.baseUrl.replace(/\/+$/, '') };
    for (const [field, key] of Object.entries(KEYS) as [PublicKey, string][]) await put(trx, key, next[field], now);
    let passwordChange: 'changed' | 'removed' | null = null;
    if (input.password === null && before.hasPassword) {
      await trx.deleteFrom('settings').where('key', '=', PASSWORD_KEY).execute();
      passwordChange = 'removed';
    } else if (typeof input.password === 'string') {
      await put(trx, PASSWORD_KEY, input.password, now);
      passwordChange = 'changed';
    }
    const after = await readNotifySettings(trx);
    const { hasPassword: _b, ...beforeView } = before;
    const { hasPassword: _a, ...afterView } = after;
    const diff = changedFields(beforeView, afterView);
    // The trail says that the password changed, never what it is (the field name says so too:
    // the audit drops any key that looks like a password).
    if (passwordChange) diff.after.smtpAuth = passwordChange;
    if (Object.keys(diff.after).length)
      await deps.audit.record(trx, actor, {
        action: 'update',
        entityType: 'settings',
        entityId: 'notify',
        summary: passwordChange ? `smtp password ${passwordChange}` : '',
        ...diff,
      });
    return after;
  });
}
