// Domain registration expiry over plain WHOIS (RFC 3912): one query line, the whole answer until
// the server closes. Registries word the expiry line differently, so the probe knows the common
// forms and reads only the date out of it; nothing else of the answer is kept.
import { connect } from 'node:net';
import { isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { daysUntil, deadline, failed, fromError, invalidTarget, isValidPort, roundMs } from './net-errors.js';
import type { Probe, ProbeResult } from './probe.types.js';

export const WHOIS_MAX_BYTES = 64 * 1024;
const IANA = 'whois.iana.org';

/** Registry WHOIS servers by suffix (longest match wins); other suffixes ask IANA for the referral. */
const SERVERS: Record<string, string> = {
  com: 'whois.verisign-grs.com',
  net: 'whois.verisign-grs.com',
  org: 'whois.pir.org',
  cn: 'whois.cnnic.cn',
  'com.cn': 'whois.cnnic.cn',
  'net.cn': 'whois.cnnic.cn',
  'org.cn': 'whois.cnnic.cn',
  'gov.cn': 'whois.cnnic.cn',
  info: 'whois.nic.info',
  io: 'whois.nic.io',
  top: 'whois.nic.top',
  xyz: 'whois.nic.xyz',
  uk: 'whois.nic.uk',
  jp: 'whois.jprs.jp',
  ru: 'whois.tcinet.ru',
  hk: 'whois.hkirc.hk',
  tw: 'whois.twnic.net.tw',
};

/** The registry server for a domain from the table, or null when IANA must be asked. */
export function whoisServerFor(domain: string): string | null {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 1; i < labels.length; i++) {
    const server = SERVERS[labels.slice(i).join('.')];
    if (server) return server;
  }
  return null;
}

export const whoisProbe: Probe<TargetOf<'whois'>> = async (target, ctx) => {
  if (typeof target.domain !== 'string' || !isMonitorHost(target.domain) || !target.domain.includes('.'))
    return invalidTarget('invalid_host');
  const domain = target.domain.toLowerCase().replace(/\.$/, '');
  const given = typeof target.server === 'string' ? target.server.trim() : '';
  if (given !== '' && !isMonitorHost(given)) return invalidTarget('invalid_server');
  if (!isValidPort(target.serverPort)) return invalidTarget('invalid_port');
  const limit = deadline(ctx);
  const started = performance.now();
  try {
    let server = given !== '' ? given : whoisServerFor(domain);
    let port = target.serverPort;
    if (server === null) {
      const tld = domain.slice(domain.lastIndexOf('.') + 1);
      const iana = await queryWhois(IANA, 43, tld, limit.signal);
      if ('failure' in iana) return iana.failure;
      server = parseReferral(iana.text);
      port = 43;
      if (server === null) return failed('whois_no_expiry', { code: 'no_referral' }, roundMs(performance.now() - started));
    }
    const answer = await queryWhois(server, port, domain, limit.signal);
    if ('failure' in answer) return answer.failure;
    const latencyMs = roundMs(performance.now() - started);
    const expiry = parseWhoisExpiry(answer.text);
    if (expiry === null) return failed('whois_no_expiry', undefined, latencyMs);
    return {
      ok: true,
      latencyMs,
      value: daysUntil(expiry, ctx.now()),
      facts: { expires: new Date(expiry).toISOString(), server },
    };
  } finally {
    limit.dispose();
  }
};

/** IANA's answer for a TLD names its registry's WHOIS server on a `refer:` (or `whois:`) line. */
export function parseReferral(text: string): string | null {
  const m = /^\s*(?:refer|whois):\s*(\S+)\s*$/im.exec(text);
  return m && isMonitorHost(m[1]!) ? m[1]!.toLowerCase() : null;
}

export function queryWhois(
  host: string,
  port: number,
  query: string,
  signal: AbortSignal,
): Promise<{ text: string } | { failure: ProbeResult }> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ failure: failed('timeout') });
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (r: { text: string } | { failure: ProbeResult }) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(r);
    };
    const text = () => ({ text: Buffer.concat(chunks, size).toString('utf8') });
    const onAbort = () => finish({ failure: failed('timeout') });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => socket.write(`${query}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      const take = Math.min(chunk.length, WHOIS_MAX_BYTES - size);
      chunks.push(chunk.subarray(0, take));
      size += take;
      if (size >= WHOIS_MAX_BYTES) finish(text());
    });
    socket.on('end', () => finish(text()));
    socket.on('error', (err) => finish({ failure: fromError(err) }));
  });
}

// Most specific first: a registrar's own line is read only when the registry's is missing.
const EXPIRY_LINES = [
  'Registry Expiry Date',
  'Registrar Registration Expiration Date',
  'Expiration Time',
  'Expiration Date',
  'Expiry Date',
  'Expires On',
  'paid-till',
  'expires',
].map((label) => new RegExp(`^\\s*${label}\\s*\\.*\\s*:\\s*(.+?)\\s*$`, 'i'));

/** The expiry instant (ms since epoch) from a WHOIS answer, or null when it has none. */
export function parseWhoisExpiry(text: string): number | null {
  const lines = text.split(/\r?\n/);
  for (const re of EXPIRY_LINES) {
    for (const line of lines) {
      const m = re.exec(line);
      const when = m ? parseWhoisDate(m[1]!) : null;
      if (when !== null) return when;
    }
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The date forms registries use: ISO 8601 with or without time and zone, 2027-03-01 12:00:00,
 * 2027.03.01, 2027/03/01, 01-Mar-2027, 01.03.2027. A time without a zone is read as UTC.
 */
export function parseWhoisDate(raw: string): number | null {
  const s = raw.trim();
  let m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\b/i.exec(
    s,
  );
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7]);
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{4})/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    return month < 0 ? null : utc(+m[3]!, month + 1, +m[1]!, 0, 0, 0, undefined);
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(s);
  if (m) return utc(+m[3]!, +m[2]!, +m[1]!, 0, 0, 0, undefined);
  return null;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, sec: number, zone: string | undefined): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
  let ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  const offset = zone ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
  if (offset) ms -= (offset[1] === '-' ? -1 : 1) * (+offset[2]! * 60 + +offset[3]!) * 60_000;
  return Number.isFinite(ms) ? ms : null;
}
