// A delivery failure in words: the reason the server gave (a code, never the mail server's own
// text) and the SMTP reply code when there was one.
import type { TFunction } from 'i18next';

export function failureText(t: TFunction, failure: { reason: string; smtpCode: number | null }): string {
  const reason = t(`notify.reasons.${failure.reason}`, { defaultValue: t('notify.reasons.unknown') });
  return failure.smtpCode ? t('notify.withSmtpCode', { reason, code: failure.smtpCode }) : reason;
}
