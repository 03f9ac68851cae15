// The first delivery channel: one plain-text email per recipient, in their language, to the
// address on their person record. Nothing is queued while mail is switched off in the settings.
import type { Language } from '../../../shared/contracts/auth.js';
import { absoluteLink, readSmtpConfig } from './notify-settings.js';
import { DeliveryError, type NotificationChannel } from './notify.types.js';
import { sendMail } from './smtp.js';

const ADDRESS = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/;

// Email text written by the server: the two languages side by side, like import-messages.ts.
const OPEN: Record<Language, string> = { 'zh-CN': '在网管台中查看：', en: 'Open in Sysward: ' };
const FOOTER: Record<Language, string> = {
  'zh-CN': '这封邮件由网管台自动发送，请勿直接回复。不想再收到这类邮件，可在网管台「通知」页的「通知设置」中关闭。',
  en: 'Sent automatically by Sysward; please do not reply. To stop emails like this one, switch them off under Notifications → Preferences in Sysward.',
};

/** Subjects are one line (a line break in a header would start a new header). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

export function emailBody(language: Language, body: string, url: string): string {
  return `${body.trim()}\n\n${OPEN[language]}${url}\n\n-- \n${FOOTER[language]}\n`;
}

export const emailChannel: NotificationChannel = {
  key: 'email',
  labelKey: 'notify.channels.email',
  perUser: true,
  async prepare(db, message, recipients) {
    const cfg = await readSmtpConfig(db);
    if (!cfg.enabled) return [];
    const url = absoluteLink(cfg.baseUrl, message.link);
    return recipients
      .filter((r) => ADDRESS.test(r.email))
      .map((r) => ({
        target: r.email,
        subject: oneLine(message.title[r.language]),
        body: emailBody(r.language, message.body[r.language], url),
      }));
  },
  async send(db, delivery) {
    const cfg = await readSmtpConfig(db);
    if (!cfg.enabled) throw new DeliveryError('not_configured');
    await sendMail(cfg, { to: delivery.target, subject: delivery.subject, text: delivery.body });
  },
};
