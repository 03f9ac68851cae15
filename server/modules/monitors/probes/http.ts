// HTTP(S) check with node:http/https rather than fetch: the probe needs the TLS socket (days left on
// the certificate), its own redirect handling (count, relative Location, https → http) and a hard
// cap on how much of a body it reads. Every request has its own socket (agent: false), so an abort
// or a finished check leaves nothing open in a pool.
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { daysUntil, deadline, errorCode, failed, fromError, invalidTarget, roundMs, shortFact } from './net-errors.js';
import type { Probe, ProbeContext, ProbeResult } from './probe.types.js';

type HttpTarget = TargetOf<'http'>;

export const MAX_REDIRECTS = 10;
/** Keyword search reads at most this much of a body; the rest is never downloaded. */
export const BODY_CAP = 1024 * 1024;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Headers that carry credentials, kept back when a redirect leaves the configured origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

interface Answer {
  status: number;
  location?: string;
  body?: string;
  certDays?: number;
}
type Hop = { answer: Answer } | { failure: ProbeResult };

export const httpProbe: Probe<HttpTarget> = async (target, ctx) => {
  const first = checkedUrl(target.url);
  if (typeof first === 'string') return invalidTarget(first);
  const limit = deadline(ctx);
  const started = performance.now();
  let url = first;
  let redirects = 0;
  let certDays: number | undefined;
  try {
    for (;;) {
      const hop = await requestOnce(url, first, target, ctx, limit.signal);
      if ('failure' in hop) return hop.failure;
      const { answer } = hop;
      if (certDays === undefined) certDays = answer.certDays;
      if (answer.location !== undefined) {
        if (redirects >= MAX_REDIRECTS) return failed('too_many_redirects', { status: answer.status });
        let next: URL;
        try {
          next = new URL(answer.location, url);
        } catch {
          return failed('protocol_error', { code: 'bad_location' });
        }
        const problem = checkedUrl(next.href);
        if (typeof problem === 'string') return failed('error', { code: 'invalid_redirect' });
        url = problem;
        redirects++;
        continue;
      }
      return judge(target, answer, {
        latencyMs: roundMs(performance.now() - started),
        certDays,
        finalUrl: redirects > 0 ? url : undefined,
      });
    }
  } finally {
    limit.dispose();
  }
};

function judge(target: HttpTarget, answer: Answer, seen: { latencyMs: number; certDays?: number; finalUrl?: URL }): ProbeResult {
  const metrics: Record<string, number> = { status: answer.status };
  if (seen.certDays !== undefined) metrics.cert_days = seen.certDays;
  const base: ProbeResult = { ok: true, latencyMs: seen.latencyMs, metrics };
  if (seen.finalUrl) base.facts = { final_url: shortFact(seen.finalUrl.href, 500) };
  if (answer.status < target.statusMin || answer.status > target.statusMax) {
    return { ...base, ok: false, reason: 'status_mismatch', detail: { status: answer.status } };
  }
  if (target.keyword !== '') {
    const found = (answer.body ?? '').includes(target.keyword);
    if (target.keywordMode === 'present' && !found) return { ...base, ok: false, reason: 'keyword_missing' };
    if (target.keywordMode === 'absent' && found) return { ...base, ok: false, reason: 'keyword_found' };
  }
  return base;
}

/** The URL when the probe may request it, else the error code saying why not. */
function checkedUrl(raw: unknown): URL | 'invalid_url' | 'invalid_host' {
  if (typeof raw !== 'string') return 'invalid_url';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid_url';
  if (!isMonitorHost(bareHost(url))) return 'invalid_host';
  // Credentials in a URL would be sent silently; basic auth has its own field and a secret.
  url.username = '';
  url.password = '';
  url.hash = '';
  return url;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function requestHeaders(target: HttpTarget, ctx: ProbeContext, sameOrigin: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'Sysward-Monitor/1', accept: '*/*', 'accept-encoding': 'identity' };
  for (const { name, value } of target.headers) {
    const key = name.toLowerCase();
    if (!sameOrigin && CREDENTIAL_HEADERS.has(key)) continue;
    headers[key] = value;
  }
  if (target.basicAuthUser !== '' && sameOrigin) {
    const pair = `${target.basicAuthUser}:${ctx.secrets.password ?? ''}`;
    headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }
  return headers;
}

function requestOnce(url: URL, origin: URL, target: HttpTarget, ctx: ProbeContext, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ failure: failed('timeout') });
    const secure = url.protocol === 'https:';
    let req: http.ClientRequest;
    try {
      const options: https.RequestOptions = {
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: target.method,
        headers: requestHeaders(target, ctx, url.origin === origin.origin),
        agent: false,
      };
      if (secure) options.rejectUnauthorized = !target.ignoreTlsErrors;
      req = (secure ? https : http).request(options);
    } catch {
      // Node refuses header names or values it cannot send (the contract should have stopped them).
      return resolve({ failure: invalidTarget('invalid_header') });
    }
    let settled = false;
    const finish = (hop: Hop) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(hop);
    };
    const onAbort = () => finish({ failure: failed('timeout') });
    signal.addEventListener('abort', onAbort, { once: true });
    // Between TCP connect and a finished handshake, any failure (a reset, plain text) is a TLS one.
    let handshaking = false;
    if (secure) {
      req.once('socket', (socket) => {
        socket.once('connect', () => (handshaking = true));
        socket.once('secureConnect', () => (handshaking = false));
      });
    }
    req.on('error', (err) => {
      finish({ failure: handshaking ? failed('tls_error', { code: errorCode(err) ?? 'handshake_failed' }) : fromError(err) });
    });
    req.on('response', (res) => {
      const answer: Answer = { status: res.statusCode ?? 0 };
      if (secure) answer.certDays = certDaysOf(res.socket as TLSSocket, ctx.now());
      const location = res.headers.location;
      if (target.followRedirects && REDIRECT_STATUS.has(answer.status) && typeof location === 'string' && location !== '') {
        return finish({ answer: { ...answer, location } });
      }
      if (target.method === 'HEAD') return finish({ answer });
      readCapped(
        res,
        (body) => finish({ answer: { ...answer, body } }),
        (err) => finish({ failure: fromError(err) }),
      );
    });
    req.end();
  });
}

/** Reads up to BODY_CAP bytes, then stops (the caller destroys the socket), decoding as UTF-8. */
function readCapped(res: http.IncomingMessage, done: (body: string) => void, fail: (err: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  const text = () => new TextDecoder('utf-8').decode(Buffer.concat(chunks, size));
  res.on('data', (chunk: Buffer) => {
    if (over) return;
    const take = Math.min(chunk.length, BODY_CAP - size);
    chunks.push(take === chunk.length ? chunk : chunk.subarray(0, take));
    size += take;
    if (size >= BODY_CAP) {
      over = true;
      done(text());
    }
  });
  res.on('end', () => done(text()));
  res.on('error', fail);
  // A peer that hangs up mid-body ends the response without 'end' (and, on Node 20, without 'error').
  res.on('close', () => {
    if (!res.complete && !over) fail(Object.assign(new Error('response cut short'), { code: 'ECONNRESET' }));
  });
}

function certDaysOf(socket: TLSSocket, now: number): number | undefined {
  const cert = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
  const validTo = cert && typeof cert.valid_to === 'string' ? Date.parse(cert.valid_to) : NaN;
  return Number.isFinite(validTo) ? daysUntil(validTo, now) : undefined;
}
