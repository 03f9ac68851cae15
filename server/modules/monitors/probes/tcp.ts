// TCP port check: the port is open when the three-way handshake completes. Nothing is sent; the
// socket is closed as soon as it connects, so a service that logs every connection sees one short
// visit per check.
import { connect } from 'node:net';
import { isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { deadline, failed, fromError, invalidTarget, isValidPort, roundMs } from './net-errors.js';
import type { Probe, ProbeResult } from './probe.types.js';

export const tcpProbe: Probe<TargetOf<'tcp'>> = async (target, ctx) => {
  if (typeof target.host !== 'string' || !isMonitorHost(target.host)) return invalidTarget('invalid_host');
  if (!isValidPort(target.port)) return invalidTarget('invalid_port');
  const limit = deadline(ctx);
  try {
    return await connectOnce(target.host, target.port, limit.signal);
  } finally {
    limit.dispose();
  }
};

function connectOnce(host: string, port: number, signal: AbortSignal): Promise<ProbeResult> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(failed('timeout'));
    const started = performance.now();
    const socket = connect({ host, port });
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
    socket.once('connect', () => finish({ ok: true, latencyMs: roundMs(performance.now() - started) }));
    // `on`, not `once`: a second error after the first must not become an uncaught exception.
    socket.on('error', (err) => finish(fromError(err)));
  });
}
