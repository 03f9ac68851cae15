// A delivery failure in words: the reason the server gave (a code, never the mail server's or
// the platform's own text) and the SMTP reply code when there was one. A few reasons read
// differently for a group robot than for the mail server (notify.robotReasons).
import type { TFunction } from 'i18next';

export function failureText(t: TFunction, failure: { reason: string; smtpCode: number | null }, channel = 'email'): string {
  const generic = t(`notify.reasons.${failure.reason}`, { defaultValue: t('notify.reasons.unknown') });
  const reason = channel === 'robot' ? t(`notify.robotReasons.${failure.reason}`, { defaultValue: generic }) : generic;
  return failure.smtpCode ? t('notify.withSmtpCode', { reason, code: failure.smtpCode }) : reason;
}
