// TLS certificate check: how many days the server's certificate has left. The handshake accepts any
// certificate (rejectUnauthorized: false) because the point is to read it even when it no longer
// verifies; whether it verifies is reported as a fact, and only an expired one fails the check.
import { isIP } from 'node:net';
import { connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { daysUntil, deadline, errorCode, failed, fromError, invalidTarget, isValidPort, roundMs, shortFact } from './net-errors.js';
import type { Probe, ProbeResult } from './probe.types.js';

export const tlsProbe: Probe<TargetOf<'tls'>> = async (target, ctx) => {
  if (typeof target.host !== 'string' || !isMonitorHost(target.host)) return invalidTarget('invalid_host');
  if (!isValidPort(target.port)) return invalidTarget('invalid_port');
  const sni = typeof target.servername === 'string' && target.servername !== '' ? target.servername : target.host;
  if (!isMonitorHost(sni)) return invalidTarget('invalid_servername');
  const limit = deadline(ctx);
  try {
    return await handshake(target.host, target.port, sni, limit.signal, ctx.now);
  } finally {
    limit.dispose();
  }
};

function handshake(host: string, port: number, sni: string, signal: AbortSignal, now: () => number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(failed('timeout'));
    const started = performance.now();
    // RFC 6066 forbids an IP address as the SNI name; without a name the server picks its default.
    const socket = connect({ host, port, rejectUnauthorized: false, ...(isIP(sni) === 0 ? { servername: sni } : {}) });
    let tcpConnected = false;
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish(failed('timeout'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      tcpConnected = true;
    });
    socket.on('error', (err) => {
      // Once TCP is up, anything that stops the handshake (an alert, a reset, plain text) is a TLS failure.
      finish(tcpConnected ? failed('tls_error', { code: errorCode(err) ?? 'handshake_failed' }) : fromError(err));
    });
    socket.once('secureConnect', () => finish(readCertificate(socket, roundMs(performance.now() - started), now())));
  });
}

function readCertificate(socket: TLSSocket, latencyMs: number, now: number): ProbeResult {
  const cert = socket.getPeerCertificate();
  const validTo = cert && typeof cert.valid_to === 'string' ? Date.parse(cert.valid_to) : NaN;
  if (!Number.isFinite(validTo)) return failed('tls_error', { code: 'no_certificate' }, latencyMs);
  const value = daysUntil(validTo, now);
  const facts: Record<string, string> = {
    subject: commonName(cert.subject),
    issuer: commonName(cert.issuer),
    valid_to: new Date(validTo).toISOString(),
    verified: socket.authorized ? 'yes' : 'no',
  };
  const why = socket.authorizationError as unknown;
  if (!socket.authorized)
    facts.verify_error = typeof why === 'string' && /^[A-Z0-9_]{1,64}$/.test(why) ? why : (errorCode(why) ?? 'unknown');
  if (validTo <= now) return { ok: false, latencyMs, value, facts, reason: 'cert_expired' };
  return { ok: true, latencyMs, value, facts };
}

function commonName(name: PeerCertificate['subject'] | undefined): string {
  const cn: unknown = name?.CN;
  const first = Array.isArray(cn) ? cn[0] : cn;
  return typeof first === 'string' ? shortFact(first, 200) : '';
}
