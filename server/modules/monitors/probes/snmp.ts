// SNMP check (v1, v2c, v3): one session per check, one metric per monitor. What each metric reads
// and how it becomes a value, metrics and facts is below; the thresholds on `value` belong to the
// engine, so a device that answers is ok even when its numbers are bad.
import { isMonitorHost, SNMP_METRICS, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { deadline, failed, invalidTarget, isValidPort, roundMs } from './net-errors.js';
import type { Probe, ProbeContext, ProbeResult } from './probe.types.js';
import {
  IF_COUNTERS,
  agentRestarted,
  counterRate,
  decodeCounter,
  encodeCounter,
  readIfMemory,
  readUptimeMemory,
  wrapLimit,
  type IfMemory,
} from './snmp-rates.js';
import {
  SnmpFailure,
  decimalText,
  factText,
  intValue,
  isMissing,
  numericValue,
  octetsText,
  openSnmp,
  snmpFailure,
  T,
  type SnmpClient,
} from './snmp-session.js';
import { readInterfaces, readStorage, readSupplies, walkColumns } from './snmp-tables.js';

type SnmpTarget = TargetOf<'snmp'>;

const SYS_DESCR = '1.3.6.1.2.1.1.1.0';
const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';
const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const HR_PROCESSOR_ENTRY = '1.3.6.1.2.1.25.3.3.1';
const LA_LOAD_1 = '1.3.6.1.4.1.2021.10.1.3.1';
const OID_PATTERN = /^[0-2](\.\d{1,10}){2,60}$/;

const MEMORY_KEYS = { system: 'snmp.system', interfaces: 'snmp.interfaces' } as const;

export const snmpProbe: Probe<SnmpTarget> = async (target, ctx) => {
  if (typeof target.host !== 'string' || !isMonitorHost(target.host)) return invalidTarget('invalid_host');
  if (!isValidPort(target.port)) return invalidTarget('invalid_port');
  if (!(SNMP_METRICS as readonly string[]).includes(target.metric)) return invalidTarget('invalid_metric');
  if (target.metric === 'oid' && !OID_PATTERN.test(target.oid)) return invalidTarget('invalid_oid');
  const limit = deadline(ctx);
  let client: SnmpClient | null = null;
  try {
    client = await openSnmp(target, ctx.secrets, ctx.timeoutMs, limit.signal);
    const result = await METRICS[target.metric](client, target, ctx);
    return { latencyMs: client.firstAnswerMs === null ? null : roundMs(client.firstAnswerMs), ...result };
  } catch (err) {
    const f = snmpFailure(err);
    const latency = client?.firstAnswerMs;
    return failed(f.reason, f.detail, latency == null ? null : roundMs(latency));
  } finally {
    await client?.close();
    limit.dispose();
  }
};

type MetricResult = Omit<ProbeResult, 'latencyMs'>;
type MetricReader = (client: SnmpClient, target: SnmpTarget, ctx: ProbeContext) => Promise<MetricResult>;

const METRICS: Record<SnmpTarget['metric'], MetricReader> = {
  system: readSystem,
  interfaces: readInterfaceMetrics,
  storage: readStorageMetrics,
  cpu: readCpu,
  oid: readOid,
  toner: readToner,
};

function formatUptime(ticks: number): string {
  const s = Math.floor(ticks / 100);
  const d = Math.floor(s / 86_400);
  const hms = [Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return d > 0 ? `${d}d ${hms}` : hms;
}

/** sysUpTime, and whether it went back since the last check (the device restarted). */
function uptimeFacts(ticks: number | null, ctx: ProbeContext): { facts: Record<string, string>; restarted: boolean } {
  if (ticks === null) return { facts: {}, restarted: false };
  const now = { ticks, at: ctx.now() };
  const prev = readUptimeMemory(ctx.memory.get(MEMORY_KEYS.system));
  ctx.memory.set(MEMORY_KEYS.system, now);
  const restarted = prev !== null && agentRestarted(prev, now);
  const facts: Record<string, string> = { sysUpTime: formatUptime(ticks) };
  if (restarted) facts.rebooted = 'yes';
  return { facts, restarted };
}

async function readSystem(client: SnmpClient, _target: SnmpTarget, ctx: ProbeContext): Promise<MetricResult> {
  const [descr, uptime, name] = await client.get([SYS_DESCR, SYS_UPTIME, SYS_NAME]);
  const ticks = uptime && uptime.type === T.TimeTicks ? intValue(uptime) : null;
  if (ticks === null) throw new SnmpFailure(isMissing(uptime) ? 'snmp_no_such' : 'snmp_bad_value');
  const { facts } = uptimeFacts(ticks, ctx);
  const text = (vb: typeof descr) => (vb && vb.type === T.OctetString ? octetsText(vb.value) : '');
  if (text(descr)) facts.sysDescr = text(descr);
  if (text(name)) facts.sysName = text(name);
  return { ok: true, value: Math.floor(ticks / 100), facts };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

async function readInterfaceMetrics(client: SnmpClient, target: SnmpTarget, ctx: ProbeContext): Promise<MetricResult> {
  const [uptimeVb] = await client.get([SYS_UPTIME]);
  const ticks = uptimeVb && uptimeVb.type === T.TimeTicks ? intValue(uptimeVb) : null;
  const { rows, truncated } = await readInterfaces(client, target.interfaces);
  if (rows.length === 0) throw new SnmpFailure('snmp_no_such');
  const at = ctx.now();
  const prev = readIfMemory(ctx.memory.get(MEMORY_KEYS.interfaces));
  // A restart zeroes every counter: no rate from this sample, only a fresh start for the next.
  const restarted =
    prev !== null && prev.uptime !== null && ticks !== null && agentRestarted({ ticks: prev.uptime, at: prev.at }, { ticks, at });
  const seconds = prev ? (at - prev.at) / 1000 : 0;
  const next: IfMemory = { at, uptime: ticks, ifs: {} };
  const metrics: Record<string, number> = {};
  const facts: Record<string, string> = {};
  let downButEnabled = 0;
  for (const row of rows) {
    const key = `if.${row.index}`;
    if (row.name) facts[`${key}.name`] = row.name;
    if (row.alias) facts[`${key}.alias`] = row.alias;
    if (row.oper !== null) metrics[`${key}.oper`] = row.oper === 1 ? 1 : 0;
    // down, notPresent, lowerLayerDown: the port is configured up but carries nothing.
    if (row.admin === 1 && (row.oper === 2 || row.oper === 6 || row.oper === 7)) downButEnabled++;
    const kept: IfMemory['ifs'][string] = {};
    const before = prev?.ifs[String(row.index)];
    for (const name of IF_COUNTERS) {
      const cur = row.counters[name];
      if (!cur) continue;
      kept[name] = encodeCounter(cur);
      const old = before ? decodeCounter(before[name]) : null;
      if (!old || restarted) continue;
      const rate = counterRate(old, cur, seconds, wrapLimit(name, row.speedBps));
      if (rate === null) continue;
      if (name === 'inOctets') metrics[`${key}.in_bps`] = Math.round(rate * 8);
      else if (name === 'outOctets') metrics[`${key}.out_bps`] = Math.round(rate * 8);
      else
        metrics[
          `${key}.${name === 'inErrors' ? 'in_errors' : name === 'outErrors' ? 'out_errors' : name === 'inDiscards' ? 'in_discards' : 'out_discards'}`
        ] = round(rate, 3);
    }
    next.ifs[String(row.index)] = kept;
  }
  ctx.memory.set(MEMORY_KEYS.interfaces, next);
  if (restarted) facts.rebooted = 'yes';
  if (truncated) facts.truncated = 'yes';
  return { ok: true, value: downButEnabled, metrics, facts };
}

/** A storage description as part of a metric name: printable, no dots or spaces at the ends. */
function storageKey(descr: string, index: string, taken: Set<string>): string {
  let name = factText(descr, 80) || index;
  if (taken.has(name)) name = `${name}#${index}`;
  taken.add(name);
  return name;
}

async function readStorageMetrics(client: SnmpClient): Promise<MetricResult> {
  const { rows, truncated } = await readStorage(client);
  if (rows.length === 0) throw new SnmpFailure('snmp_no_such');
  const metrics: Record<string, number> = {};
  const facts: Record<string, string> = {};
  const taken = new Set<string>();
  let fullest: number | null = null;
  for (const row of rows) {
    if (row.usedPct === null) continue;
    if (row.kind === 'disk') {
      const pct = round(row.usedPct, 2);
      metrics[`disk.${storageKey(row.descr, row.index, taken)}.used_pct`] = pct;
      fullest = fullest === null ? pct : Math.max(fullest, pct);
    } else if (row.kind === 'ram' && metrics['mem.used_pct'] === undefined) {
      metrics['mem.used_pct'] = round(row.usedPct, 2);
    }
  }
  if (truncated) facts.truncated = 'yes';
  return { ok: true, value: fullest, metrics, facts };
}

async function readCpu(client: SnmpClient): Promise<MetricResult> {
  const t = await walkColumns(client, HR_PROCESSOR_ENTRY, [2]);
  const loads = [...t.columns.get(2)!.values()].map(intValue).filter((n): n is number => n !== null && n >= 0 && n <= 100);
  const metrics: Record<string, number> = {};
  let load1: number | null = null;
  try {
    const [la] = await client.get([LA_LOAD_1]);
    if (la && !isMissing(la)) load1 = la.type === T.OctetString ? decimalText(octetsText(la.value, 32)) : numericValue(la);
  } catch (err) {
    // v1 answers a missing OID with noSuchName for the whole request: UCD is simply not there.
    if (!(err instanceof SnmpFailure) || err.reason !== 'snmp_error') throw err;
  }
  if (load1 !== null && load1 >= 0) metrics.load1 = round(load1, 2);
  if (loads.length === 0 && metrics.load1 === undefined) throw new SnmpFailure('snmp_no_such');
  const value = loads.length > 0 ? round(loads.reduce((a, b) => a + b, 0) / loads.length, 1) : null;
  if (loads.length > 0) metrics.cpus = loads.length;
  return { ok: true, value, metrics };
}

async function readOid(client: SnmpClient, target: SnmpTarget): Promise<MetricResult> {
  let vb;
  try {
    [vb] = await client.get([target.oid]);
  } catch (err) {
    // v1 reports a missing OID as the noSuchName error-status instead of a noSuch* value.
    if (err instanceof SnmpFailure && err.reason === 'snmp_error' && err.detail?.status === 2) throw new SnmpFailure('snmp_no_such');
    throw err;
  }
  if (!vb || isMissing(vb)) throw new SnmpFailure('snmp_no_such');
  const raw = numericValue(vb);
  if (raw === null) throw new SnmpFailure('snmp_bad_value');
  const value = raw * target.scale;
  if (!Number.isFinite(value)) throw new SnmpFailure('snmp_bad_value');
  const facts: Record<string, string> = {};
  const unit = factText(target.unit, 20);
  if (unit) facts.unit = unit;
  // Fifteen significant digits: scale 0.1 must give 23.5, not 23.500000000000004.
  return { ok: true, value: Number(value.toPrecision(15)), facts };
}

async function readToner(client: SnmpClient): Promise<MetricResult> {
  const { rows, truncated } = await readSupplies(client);
  if (rows.length === 0) throw new SnmpFailure('snmp_no_such');
  const metrics: Record<string, number> = {};
  const facts: Record<string, string> = {};
  let lowest: number | null = null;
  for (const row of rows) {
    if (row.name) facts[`toner.${row.key}.name`] = row.name;
    if (row.pct === null) {
      facts[`toner.${row.key}.state`] = row.state;
      continue;
    }
    const pct = round(row.pct, 1);
    metrics[`toner.${row.key}.pct`] = pct;
    lowest = lowest === null ? pct : Math.min(lowest, pct);
  }
  if (truncated) facts.truncated = 'yes';
  return { ok: true, value: lowest, metrics, facts };
}
