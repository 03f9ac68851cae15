// How the network probes fail. Node's system errors become a reason the web translates plus the
// bare error code; the message is never kept, because it can quote the peer (a TLS alert, an HTTP
// parser complaint) or the machine's own paths. The helpers below are shared by every network
// probe so that a timeout, an abort and a refused address look the same whichever probe saw them.
import type { ProbeContext, ProbeReason, ProbeResult } from './probe.types.js';

export interface NetFailure {
  reason: ProbeReason;
  detail?: { code: string };
}

const REFUSED = new Set(['ECONNREFUSED']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
// getaddrinfo's codes (net, http) and c-ares' codes (dns.Resolver) for "this name does not resolve".
const DNS_FAILED = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_NODATA',
  'EAI_FAIL',
  'ESERVFAIL',
  'EREFUSED',
  'EFORMERR',
  'EBADNAME',
  'EBADRESP',
]);
const TIMEOUT = new Set(['ETIMEDOUT', 'ETIMEOUT', 'ECANCELLED', 'ABORT_ERR']);
// OpenSSL's X509_V_ERR names as Node reports them, plus Node's own TLS and OpenSSL error prefixes.
const TLS =
  /^(ERR_SSL_|ERR_TLS_|ERR_OSSL_|CERT_|UNABLE_TO_|X509_)|^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|INVALID_CA|PATH_LENGTH_EXCEEDED|INVALID_PURPOSE|HOSTNAME_MISMATCH|EPROTO)$/;
const SAFE_CODE = /^[A-Za-z0-9_]{1,64}$/;

/** The code of a Node error when it looks like one (letters, digits, underscores), else undefined. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && SAFE_CODE.test(code)) return code;
  if (typeof code === 'number' && Number.isInteger(code)) return `E${code}`;
  return undefined;
}

/** Maps a Node system error (net, tls, http, dns) to a probe reason and its detail.code. */
export function netFailure(err: unknown): NetFailure {
  const code = errorCode(err);
  if (!code) return { reason: 'error', detail: { code: 'unknown' } };
  if (REFUSED.has(code)) return { reason: 'refused', detail: { code } };
  if (UNREACHABLE.has(code)) return { reason: 'unreachable', detail: { code } };
  if (DNS_FAILED.has(code)) return { reason: 'dns_failed', detail: { code } };
  if (TIMEOUT.has(code)) return { reason: 'timeout' };
  if (TLS.test(code)) return { reason: 'tls_error', detail: { code } };
  if (code.startsWith('HPE_')) return { reason: 'protocol_error', detail: { code } };
  return { reason: 'error', detail: { code } };
}

/** A failed check: no answer worth timing unless `latencyMs` is given. */
export function failed(reason: ProbeReason, detail?: Record<string, string | number>, latencyMs: number | null = null): ProbeResult {
  return detail ? { ok: false, latencyMs, reason, detail } : { ok: false, latencyMs, reason };
}

/** A target the probe refuses to contact (the contract checks it too; this is the second check). */
export function invalidTarget(code: string): ProbeResult {
  return failed('error', { code });
}

export function fromError(err: unknown, latencyMs: number | null = null): ProbeResult {
  const f = netFailure(err);
  return failed(f.reason, f.detail, latencyMs);
}

/** Latency as stored: ms rounded to 0.1. */
export function roundMs(ms: number): number {
  return Math.round(Math.max(0, ms) * 10) / 10;
}

export function isValidPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * Days from `now` until `whenMs` to the nearest whole day, negative once it has passed: a
 * certificate issued for 5 days reads 5, not 4 (what Uptime Kuma shows too).
 */
export function daysUntil(whenMs: number, now: number): number {
  // `+ 0` turns -0 (expired moments ago) into 0; Object.is and strict deep equality tell them apart.
  return Math.round((whenMs - now) / 86_400_000) + 0;
}

export interface Deadline {
  /** Aborts at ctx.timeoutMs or when the engine aborts ctx.signal, whichever comes first. */
  signal: AbortSignal;
  dispose(): void;
}

/** The probe's own clock: the engine's signal may come late or never in a unit test. */
export function deadline(ctx: ProbeContext): Deadline {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, Math.max(0, ctx.timeoutMs));
  if (ctx.signal.aborted) abort();
  else ctx.signal.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', abort);
    },
  };
}

/** Text a peer sent, made safe to show as a short fact: no control characters, at most `max` chars. */
export function shortFact(s: string, max = 200): string {
  let clean = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    clean += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? ' ' : ch;
  }
  clean = clean.replace(/ {2,}/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
