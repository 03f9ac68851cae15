// UPS check through Network UPS Tools: reads the UPS's variables from upsd and reports the
// battery charge as the value. What the engine must raise whatever the thresholds say (on
// battery, low battery, replace battery, overload) is the `condition`; a UPS whose driver has
// lost it (data stale, driver not connected) is a failed check of its own kind.
import { isMonitorHost, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { deadline, failed, invalidTarget, isValidPort, roundMs } from './net-errors.js';
import { NutFailure, readUpsVars } from './nut-client.js';
import type { Probe, ProbeResult } from './probe.types.js';
import { decimalText, factText } from './snmp-session.js';

const UPS_NAME = /^[A-Za-z0-9._-]{1,64}$/;
// Anything that could end a command line or confuse upsd's parser.
const CONTROL = /\p{Cc}/u;

/** Readings kept as metrics, by the NUT variable they come from. */
const NUMBERS: [variable: string, metric: string][] = [
  ['battery.charge', 'ups.charge_pct'],
  ['battery.runtime', 'ups.runtime_s'],
  ['ups.load', 'ups.load_pct'],
  ['input.voltage', 'ups.input_v'],
  ['output.voltage', 'ups.output_v'],
];

export const upsProbe: Probe<TargetOf<'ups'>> = async (target, ctx) => {
  if (typeof target.host !== 'string' || !isMonitorHost(target.host)) return invalidTarget('invalid_host');
  if (!isValidPort(target.port)) return invalidTarget('invalid_port');
  if (typeof target.upsName !== 'string' || !UPS_NAME.test(target.upsName)) return invalidTarget('invalid_ups_name');
  const username = typeof target.username === 'string' ? target.username : '';
  const password = ctx.secrets.password;
  if (CONTROL.test(username) || username.length > 64) return invalidTarget('invalid_username');
  if (password !== undefined && (CONTROL.test(password) || password.length > 200)) return invalidTarget('invalid_password');

  const limit = deadline(ctx);
  try {
    const read = await readUpsVars({
      host: target.host,
      port: target.port,
      upsName: target.upsName,
      username,
      password,
      signal: limit.signal,
    });
    return interpret(read.vars, roundMs(read.latencyMs));
  } catch (err) {
    if (err instanceof NutFailure) return failed(err.reason, err.detail);
    return failed('error', { code: 'unknown' });
  } finally {
    limit.dispose();
  }
};

/** The status flags upsd reports (ups.status), e.g. "OB DISCHRG LB". */
export function statusFlags(status: string): string[] {
  return status
    .split(/\s+/)
    .filter((f) => /^[A-Z]{1,12}$/.test(f))
    .slice(0, 20);
}

/** The one condition to raise: low battery wins over on battery, which wins over the rest. */
export function upsCondition(flags: string[]): ProbeResult['condition'] {
  if (flags.includes('LB')) return 'low_battery';
  if (flags.includes('OB')) return 'on_battery';
  if (flags.includes('OVER')) return 'overload';
  if (flags.includes('RB')) return 'replace_battery';
  return undefined;
}

export function interpret(vars: Map<string, string>, latencyMs: number): ProbeResult {
  const status = vars.get('ups.status');
  if (status === undefined) return failed('protocol_error', { code: 'no_status' }, latencyMs);
  const flags = statusFlags(status);
  // WAIT: upsd has the UPS configured but its driver has not delivered any data yet.
  if (flags.length === 0 || (flags.length === 1 && flags[0] === 'WAIT')) return failed('ups_stale', { code: 'WAIT' }, latencyMs);

  const metrics: Record<string, number> = {};
  for (const [variable, metric] of NUMBERS) {
    const raw = vars.get(variable);
    const n = raw === undefined ? null : decimalText(raw);
    if (n !== null) metrics[metric] = n;
  }
  const facts: Record<string, string> = { status: flags.join(' ') };
  const model = factText(vars.get('ups.model') ?? vars.get('device.model') ?? '');
  if (model) facts.model = model;
  const mfr = factText(vars.get('ups.mfr') ?? vars.get('device.mfr') ?? '', 100);
  if (mfr) facts.mfr = mfr;

  const result: ProbeResult = { ok: true, latencyMs, value: metrics['ups.charge_pct'] ?? null, metrics, facts };
  const condition = upsCondition(flags);
  if (condition) result.condition = condition;
  return result;
}
