// ICMP echo through the system's `ping` (iputils): it holds the raw-socket privilege (file
// capability cap_net_raw on Debian), so the server itself never needs it. The address goes to ping
// as one argument after `--`, with no shell in between, and only after isMonitorHost accepted it.
import { spawn } from 'node:child_process';
import { isIPv4, isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { deadline, failed, invalidTarget, roundMs } from './net-errors.js';
import type { Probe, ProbeResult } from './probe.types.js';

const INTERVAL_S = 0.2;
const MAX_OUTPUT = 64 * 1024;
/** After SIGINT ping prints its summary and exits; past this it is killed outright. */
const SUMMARY_GRACE_MS = 80;

export const pingProbe: Probe<TargetOf<'ping'>> = async (target, ctx) => {
  const host = target.host;
  if (typeof host !== 'string' || !isMonitorHost(host)) return invalidTarget('invalid_host');
  const count = Number.isInteger(target.count) ? Math.min(10, Math.max(1, target.count)) : 3;
  const limit = deadline(ctx);
  try {
    if (limit.signal.aborted) return failed('timeout');
    return await runPing(pingArgs(host, count, ctx.timeoutMs), count, limit.signal);
  } finally {
    limit.dispose();
  }
};

/**
 * ping sends `count` echoes 0.2 s apart and then waits -W seconds for the last replies; -W is
 * chosen so that the whole run fits in the timeout, with at least 0.2 s to wait.
 */
export function pingArgs(host: string, count: number, timeoutMs: number): string[] {
  const waitS = Math.min(10, Math.max(0.2, (timeoutMs - (count - 1) * INTERVAL_S * 1000 - 100) / 1000));
  const family = isIPv4(host) ? ['-4'] : host.includes(':') ? ['-6'] : [];
  return ['-n', '-c', String(count), '-W', waitS.toFixed(1), '-i', String(INTERVAL_S), ...family, '--', host];
}

function runPing(args: string[], count: number, signal: AbortSignal): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const child = spawn('ping', args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let stdout = '';
    let stderr = '';
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      signal.removeEventListener('abort', onAbort);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(result);
    };
    // Interrupted, ping still reports what it saw; if it does not exit at once, the check is a timeout.
    const onAbort = () => {
      child.kill('SIGINT');
      killTimer = setTimeout(() => finish(failed('timeout')), SUMMARY_GRACE_MS);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += s;
    });
    child.stderr.on('data', (s: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += s;
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      finish(failed('error', { code: err.code === 'ENOENT' ? 'ping_missing' : 'ping_failed' })),
    );
    child.on('close', () => {
      const result = parsePingOutput(stdout, stderr, count);
      finish(signal.aborted && result.reason === 'error' ? failed('timeout') : result);
    });
  });
}

const ECHO = /icmp_seq=(\d+).*?time[=<]\s*(\d+(?:[.,]\d+)?)\s*ms/;
const SUMMARY = /(\d+) packets transmitted, (\d+) (?:packets )?received/;
const RTT = /=\s*(\d+(?:[.,]\d+)?)\/(\d+(?:[.,]\d+)?)\/(\d+(?:[.,]\d+)?)\/\d+(?:[.,]\d+)?\s*ms/;
const NO_NAME =
  /Name or service not known|Temporary failure in name resolution|No address associated with hostname|Non-recoverable failure in name resolution|unknown host/i;

const num = (s: string) => Number(s.replace(',', '.'));

/** Reads ping's report: per-echo lines, the summary when it got that far, and its error lines. */
export function parsePingOutput(stdout: string, stderr: string, count: number): ProbeResult {
  const times = new Map<number, number>();
  let errorLines = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('(DUP!)')) continue;
    const echo = ECHO.exec(line);
    if (echo) times.set(Number(echo[1]), num(echo[2]!));
    else if (/^From .*(Unreachable|Time to live exceeded|Time exceeded)/i.test(line)) errorLines++;
  }
  const summary = SUMMARY.exec(stdout);
  const sent = summary ? Number(summary[1]) : count;
  const received = summary ? Number(summary[2]) : times.size;

  if (!summary && times.size === 0) {
    if (NO_NAME.test(stderr)) return failed('dns_failed');
    if (/Network is unreachable|No route to host/i.test(stderr)) return failed('unreachable', { code: 'ENETUNREACH' });
    if (/Operation not permitted|Permission denied/i.test(stderr)) return failed('error', { code: 'EPERM' });
    return failed('error', { code: 'ping_failed' });
  }
  const loss = sent > 0 ? roundPct(((sent - Math.min(received, sent)) / sent) * 100) : 100;
  if (received === 0) {
    const result = failed(errorLines > 0 ? 'unreachable' : 'packet_loss');
    return { ...result, value: 100, metrics: { loss: 100 } };
  }
  const rtt = RTT.exec(stdout);
  const list = [...times.values()];
  if (!rtt && list.length === 0) return { ok: true, latencyMs: null, value: loss, metrics: { loss } };
  const min = rtt ? num(rtt[1]!) : Math.min(...list);
  const avg = rtt ? num(rtt[2]!) : list.reduce((a, b) => a + b, 0) / list.length;
  const max = rtt ? num(rtt[3]!) : Math.max(...list);
  return {
    ok: true,
    latencyMs: roundMs(avg),
    value: loss,
    metrics: { loss, rtt_min: roundMs(min), rtt_max: roundMs(max) },
  };
}

function roundPct(p: number): number {
  return Math.round(p * 10) / 10;
}
