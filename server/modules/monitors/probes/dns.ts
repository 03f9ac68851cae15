// DNS record check with c-ares (node:dns/promises Resolver), not getaddrinfo: it can ask a chosen
// server, read any record type, be cancelled, and it does not tie up libuv's small thread pool
// while a resolver is slow.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { deadline, errorCode, failed, fromError, invalidTarget, isValidPort, roundMs, shortFact } from './net-errors.js';
import type { Probe, ProbeResult } from './probe.types.js';

type DnsTarget = TargetOf<'dns'>;

/** Each record type's answers as comparable strings (MX: the exchange; TXT: a record's chunks joined). */
const QUERIES: Record<DnsTarget['recordType'], (r: Resolver, name: string) => Promise<string[]>> = {
  A: (r, n) => r.resolve4(n),
  AAAA: async (r, n) => (await r.resolve6(n)).map(canonicalIPv6),
  CNAME: (r, n) => r.resolveCname(n),
  MX: async (r, n) => (await r.resolveMx(n)).sort((a, b) => a.priority - b.priority).map((m) => m.exchange),
  TXT: async (r, n) => (await r.resolveTxt(n)).map((chunks) => chunks.join('')),
  NS: (r, n) => r.resolveNs(n),
};

export const dnsProbe: Probe<DnsTarget> = async (target, ctx) => {
  if (typeof target.name !== 'string' || !isMonitorHost(target.name)) return invalidTarget('invalid_host');
  const query = Object.hasOwn(QUERIES, target.recordType) ? QUERIES[target.recordType] : undefined;
  if (!query) return invalidTarget('invalid_record_type');
  const server = typeof target.server === 'string' ? target.server.trim() : '';
  if (server !== '' && isIP(server) === 0) return invalidTarget('invalid_server');
  if (server !== '' && !isValidPort(target.serverPort)) return invalidTarget('invalid_port');

  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(ctx.timeoutMs)), tries: 1 });
  if (server !== '') resolver.setServers([isIP(server) === 6 ? `[${server}]:${target.serverPort}` : `${server}:${target.serverPort}`]);
  const limit = deadline(ctx);
  try {
    return await ask(resolver, query, target, limit.signal);
  } finally {
    limit.dispose();
  }
};

function ask(
  resolver: Resolver,
  query: (r: Resolver, n: string) => Promise<string[]>,
  target: DnsTarget,
  signal: AbortSignal,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(failed('timeout'));
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => {
      resolver.cancel();
      finish(failed('timeout'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    query(resolver, target.name).then(
      (answers) => finish(judge(target, answers, roundMs(performance.now() - started))),
      (err: unknown) => {
        const code = errorCode(err);
        if (code === 'ENODATA') return finish(failed('no_records'));
        finish(fromError(err));
      },
    );
  });
}

function judge(target: DnsTarget, answers: string[], latencyMs: number): ProbeResult {
  if (answers.length === 0) return failed('no_records', undefined, latencyMs);
  const got = shortFact(answers.join(', '), 200);
  if (target.expected !== '') {
    const want = normalise(target.recordType, target.expected);
    if (!answers.some((a) => normalise(target.recordType, a) === want)) {
      return { ok: false, latencyMs, reason: 'dns_mismatch', detail: { got } };
    }
  }
  return { ok: true, latencyMs, facts: { answers: got } };
}

/** Case and a trailing dot do not matter (in TXT the dot is text); IPv6 compares in canonical form. */
export function normalise(type: DnsTarget['recordType'], value: string): string {
  const v = value.trim();
  if (type === 'TXT') return v.toLowerCase();
  if (type === 'AAAA') return canonicalIPv6(v);
  return v.toLowerCase().replace(/\.$/, '');
}

function canonicalIPv6(address: string): string {
  if (isIP(address) !== 6) return address.toLowerCase();
  // The URL parser writes IPv6 hosts in RFC 5952 form: lower case, longest zero run as '::'.
  return new URL(`http://[${address}]/`).hostname.replace(/^\[|\]$/g, '');
}
