// Talking to the organisation's mail server with nodemailer: plain-text UTF-8 messages, bounded
// waits, and every failure turned into a reason that is safe to store and show. A server's own
// reply text is never kept: some echo what they were sent.
import nodemailer from 'nodemailer';
import type { DeliveryReason } from '../../../shared/contracts/notify.js';
import type { SmtpConfig } from './notify-settings.js';
import { DeliveryError } from './notify.types.js';

export interface PlainMail {
  to: string;
  subject: string;
  text: string;
}

// Long enough for a slow school mail server, short enough that one dead server does not hold
// the delivery worker for minutes per message.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

interface MailerError {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  command?: unknown;
}

const CONNECT_REASONS: Record<string, DeliveryReason> = {
  ECONNREFUSED: 'connection_refused',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'dns_failed',
  EAI_AGAIN: 'dns_failed',
};

/** The safe reason of anything nodemailer (or the network under it) threw. */
export function deliveryErrorOf(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as MailerError;
  const code = typeof e.code === 'string' ? e.code : '';
  const original = typeof e.originalCode === 'string' ? e.originalCode : '';
  const smtpCode = typeof e.responseCode === 'number' && e.responseCode >= 200 && e.responseCode < 600 ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command : '';
  let reason: DeliveryReason;
  switch (code) {
    case 'EAUTH':
    case 'ENOAUTH':
      reason = 'auth_failed';
      break;
    case 'ETIMEDOUT':
      reason = 'timeout';
      break;
    case 'EDNS':
      reason = 'dns_failed';
      break;
    case 'ETLS':
    case 'EREQUIRETLS':
      reason = 'tls_failed';
      break;
    case 'ECONNECTION':
    case 'ESOCKET':
      reason = CONNECT_REASONS[original] ?? 'connection_failed';
      break;
    case 'EENVELOPE':
      reason = command.startsWith('MAIL') ? 'sender_rejected' : command.startsWith('RCPT') ? 'recipient_rejected' : 'message_rejected';
      break;
    case 'EMESSAGE':
      reason = 'message_rejected';
      break;
    case 'EPROTOCOL':
      reason = 'protocol_error';
      break;
    default:
      reason = CONNECT_REASONS[code] ?? 'unknown';
  }
  // A 5xx refusal of the address itself will not change by retrying; everything else might.
  const permanent = reason === 'recipient_rejected' && smtpCode !== null && smtpCode >= 500;
  return new DeliveryError(reason, smtpCode, permanent);
}

/** Sends one plain-text message; throws a DeliveryError. */
export async function sendMail(cfg: SmtpConfig, mail: PlainMail): Promise<void> {
  if (!cfg.host || !cfg.fromAddress) throw new DeliveryError('not_configured');
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.security === 'tls',
    requireTLS: cfg.security === 'starttls',
    ignoreTLS: cfg.security === 'none',
    ...(cfg.user ? { auth: { user: cfg.user, pass: cfg.password } } : {}),
    ...TIMEOUTS,
    // Nothing of the conversation (which carries the credentials) goes to any log.
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({
      from: { name: cfg.fromName, address: cfg.fromAddress },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // Out-of-office robots must not answer a machine (RFC 3834).
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  } catch (err) {
    throw deliveryErrorOf(err);
  } finally {
    transport.close();
  }
}

/** How a failure is kept in notification_outbox.last_error: 'auth_failed 535'. */
export function storedError(err: DeliveryError): string {
  return err.smtpCode ? `${err.reason} ${err.smtpCode}` : err.reason;
}

export function parseStoredError(text: string | null): { reason: string; smtpCode: number | null } | null {
  if (!text) return null;
  const [reason = 'unknown', code] = text.split(' ');
  return { reason, smtpCode: code && /^\d{3}$/.test(code) ? Number(code) : null };
}
