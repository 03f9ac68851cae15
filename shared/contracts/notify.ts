// Notifications: the signed-in user's inbox and email preferences, and the administrator's mail
// server settings and delivery log. Shared by the server (validation) and the web (forms).
import { z } from 'zod';
import { isUrl } from './assets.js';
import { epochMs, line, pageOf, pageQuery } from './common.js';

// ---- inbox ----
export const notification = z.object({
  id: z.number().int(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  /** An app path such as /tickets/12. */
  link: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: epochMs,
  readAt: epochMs.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
  /** 'true': only the unread ones. */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const notificationPage = pageOf(notification);

export const unreadCount = z.object({ count: z.number().int() });

/** Either some of my notifications by id, or all of them. */
export const markReadInput = z
  .strictObject({
    ids: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(200).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: 'ids_or_all' });
export const markReadResult = z.object({ updated: z.number().int() });

// ---- preferences ----
/** Channels a person can switch off per event group (the in-app inbox always receives). */
export const preferenceChannel = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'invalid_code');

export const notificationPreferences = z.object({
  channels: z.array(z.object({ key: z.string(), labelKey: z.string() })),
  groups: z.array(
    z.object({
      key: z.string(),
      labelKey: z.string(),
      events: z.array(z.object({ key: z.string(), labelKey: z.string() })),
      /** Channel key → on. */
      enabled: z.record(z.string(), z.boolean()),
    }),
  ),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const preferencesInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        group: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'invalid_code'),
        channel: preferenceChannel,
        enabled: z.boolean(),
      }),
    )
    .max(200),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;

// ---- mail server settings ----
export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
export const smtpSecurity = z.enum(SMTP_SECURITY);
export type SmtpSecurity = z.infer<typeof smtpSecurity>;

const HOST_RE = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$|^\[?[0-9A-Fa-f:.]+\]?$/;
const EMAIL_RE = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/;

export const emailAddress = line(254).refine((s) => EMAIL_RE.test(s), { message: 'invalid_email' });

/** The stored settings as the administrator sees them: the password only as "is there one". */
export const notifySettings = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: smtpSecurity,
  user: z.string(),
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  /** Where links in emails point: the address people reach Sysward at. */
  baseUrl: z.string(),
});
export type NotifySettings = z.infer<typeof notifySettings>;

export const notifySettingsInput = z
  .strictObject({
    enabled: z.boolean(),
    host: line(253).refine((s) => s === '' || HOST_RE.test(s), { message: 'invalid_host' }),
    port: z.number().int().min(1).max(65535),
    security: smtpSecurity,
    user: line(200),
    /** Absent: keep the stored one; null: remove it; text: replace it. */
    password: z
      .string()
      .min(1)
      .max(200)
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'control_characters' })
      .nullable()
      .optional(),
    fromAddress: line(254).refine((s) => s === '' || EMAIL_RE.test(s), { message: 'invalid_email' }),
    fromName: line(100),
    baseUrl: line(200).refine((v) => isUrl(v), { message: 'invalid_url' }),
  })
  .superRefine((v, ctx) => {
    // Switched on, mail needs somewhere to go and someone to come from.
    if (!v.enabled) return;
    if (!v.host) ctx.addIssue({ code: 'custom', path: ['host'], message: 'required' });
    if (!v.fromAddress) ctx.addIssue({ code: 'custom', path: ['fromAddress'], message: 'required' });
  });
export type NotifySettingsInput = z.infer<typeof notifySettingsInput>;

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  enabled: false,
  host: '',
  port: 25,
  security: 'none',
  user: '',
  hasPassword: false,
  fromAddress: '',
  fromName: '网管台',
  baseUrl: 'http://localhost:8080',
};

export const testEmailInput = z.strictObject({ to: emailAddress });
export const testEmailResult = z.object({ ok: z.literal(true) });

// ---- delivery log ----
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export const deliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

/**
 * Why a delivery (or a test email) failed, safe to show: never a server's text or a password.
 * The web translates them under notify.reasons.
 */
export const DELIVERY_REASONS = [
  'not_configured',
  'connection_refused',
  'connection_failed',
  'timeout',
  'dns_failed',
  'tls_failed',
  'auth_failed',
  'sender_rejected',
  'recipient_rejected',
  'message_rejected',
  'protocol_error',
  // Group robots and webhooks (robot.channel.ts): the platform answered with an error code, an
  // HTTP status that is not success, or something that is not its answer at all.
  'rejected',
  'http_error',
  'bad_response',
  'unknown',
] as const;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

export const delivery = z.object({
  id: z.number().int(),
  channel: z.string(),
  target: z.string(),
  subject: z.string(),
  event: z.string(),
  status: deliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: epochMs.nullable(),
  lastError: z.object({ reason: z.string(), smtpCode: z.number().int().nullable() }).nullable(),
  createdAt: epochMs,
  sentAt: epochMs.nullable(),
});
export type Delivery = z.infer<typeof delivery>;

export const deliveryListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
  status: deliveryStatus.optional(),
});
export const deliveryPage = pageOf(delivery);
