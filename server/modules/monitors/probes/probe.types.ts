// The contract between the engine and every probe (ping, tcp, http, dns, tls, whois, snmp, ups).
// A probe does one check of one target and reports what it saw; the engine decides what that
// means (retries, thresholds, state changes, alerts). Probes never throw for a target's failure:
// a refused connection, a timeout or garbage from an agent is a result with ok: false and a reason.
import { PROBE_REASONS, type UPS_CONDITIONS } from '../../../../shared/contracts/monitor-reasons.js';
import type { MonitorSecrets, MonitorTarget } from '../../../../shared/contracts/monitor-targets.js';

export { PROBE_REASONS };
export type ProbeReason = (typeof PROBE_REASONS)[number];

export interface ProbeResult {
  /** The target answered as the check expects. Thresholds on `value` are applied by the engine. */
  ok: boolean;
  /** Round-trip or response time of this check, ms; null when there was no answer. */
  latencyMs: number | null;
  /**
   * The check's main number that thresholds compare: ping loss %, TLS/WHOIS days to expiry, SNMP
   * OID value × scale, disk used % (the fullest), CPU load %, UPS battery charge %, lowest toner %.
   */
  value?: number | null;
  /**
   * Further series drawn as charts, keyed by a stable name: 'loss', 'if.3.in_bps', 'if.3.out_bps',
   * 'if.3.in_errors', 'disk./var.used_pct', 'ups.runtime_s', 'ups.load_pct' …
   */
  metrics?: Record<string, number>;
  /** Short facts shown on the check's page: sysDescr, interface names, UPS status flags … */
  facts?: Record<string, string>;
  /** Why it failed (ok: false), or a non-fatal note (ok: true, e.g. 'cert_expired' is never ok). */
  reason?: ProbeReason;
  /** Parameters of the reason's message: { status: 503 }, { code: 'ECONNRESET' }. */
  detail?: Record<string, string | number>;
  /**
   * For the UPS: a state the engine must raise regardless of thresholds: 'on_battery' is a
   * warning, 'low_battery' and 'stale' are critical.
   */
  condition?: (typeof UPS_CONDITIONS)[number];
}

export interface ProbeContext {
  /** Aborted when the check's timeout passes or the engine stops; probes must stop promptly. */
  signal: AbortSignal;
  timeoutMs: number;
  secrets: MonitorSecrets;
  /**
   * What the previous check of this monitor left (SNMP counters for rates), and where this one
   * leaves its own. Kept in memory by the engine, per monitor; empty after a restart.
   */
  memory: Map<string, unknown>;
  /** ms since epoch; injected so rate arithmetic is testable. */
  now(): number;
}

export type Probe<T extends MonitorTarget = MonitorTarget> = (target: T, ctx: ProbeContext) => Promise<ProbeResult>;
