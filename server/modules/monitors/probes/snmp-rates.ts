// Turning interface counters into rates. SNMP counters only ever grow, and wrap to 0 at 2^32 (or
// 2^64); a reading lower than the previous one is either such a wrap or a reset (the agent
// restarted, someone cleared the counters). A wrap is believed only when the traffic it implies
// fits the interface's speed: a reset taken for a wrap would draw a spike of gigabits per second.
// The previous sample lives in the probe context's memory, as plain JSON-safe values.

export type CounterWidth = 32 | 64;

export interface CounterSample {
  value: bigint;
  width: CounterWidth;
}

/** Counters kept per interface, in the order the metrics name them. */
export const IF_COUNTERS = ['inOctets', 'outOctets', 'inErrors', 'outErrors', 'inDiscards', 'outDiscards'] as const;
export type IfCounter = (typeof IF_COUNTERS)[number];

// When the interface reports no speed: the fastest link a wrap is believed on (100 Gbit/s).
const UNKNOWN_SPEED_OCTETS_PER_S = 100e9 / 8;
// Smallest Ethernet frame plus preamble and gap: no link carries more packets per second.
const MIN_FRAME_BITS = 84 * 8;
// A little slack: agents sample counters and uptime at slightly different moments.
const SLACK = 1.1;
const TICKS_PER_S = 100;
const TICKS_WRAP = 2 ** 32;

/**
 * Per-second rate between two readings of one counter, or null when there is no honest rate: no
 * time passed, the counter changed width (the agent switched between 32 and 64 bits), or it went
 * back by more than a wrap can explain.
 * @param maxPerSecond the most a wrap may imply; null: a backwards reading is always a reset.
 */
export function counterRate(prev: CounterSample, cur: CounterSample, seconds: number, maxPerSecond: number | null): number | null {
  if (!(seconds > 0) || prev.width !== cur.width) return null;
  let delta = cur.value - prev.value;
  if (delta < 0n) {
    if (maxPerSecond === null) return null;
    delta += 1n << BigInt(cur.width);
    if (delta < 0n) return null;
    const rate = Number(delta) / seconds;
    return rate <= maxPerSecond * SLACK ? rate : null;
  }
  return Number(delta) / seconds;
}

/** The most a wrap of this counter may imply, from the interface speed in bits per second. */
export function wrapLimit(counter: IfCounter, speedBps: number | null): number | null {
  const known = speedBps !== null && speedBps > 0;
  if (counter === 'inOctets' || counter === 'outOctets') return known ? speedBps / 8 : UNKNOWN_SPEED_OCTETS_PER_S;
  // Error and discard counters are cleared by hand far more often than they wrap: without a
  // speed to bound them, a backwards reading is a reset.
  return known ? speedBps / MIN_FRAME_BITS : null;
}

export interface UptimeSample {
  /** sysUpTime in hundredths of a second. */
  ticks: number;
  /** ctx.now() when it was read. */
  at: number;
}

/**
 * True when the agent restarted between the two readings. sysUpTime is a 32-bit TimeTicks and
 * wraps after about 497 days; a lower reading that lands where the wall clock says a wrapped
 * counter would be is not a restart.
 */
export function agentRestarted(prev: UptimeSample, cur: UptimeSample): boolean {
  if (cur.ticks >= prev.ticks) return false;
  const elapsedTicks = Math.max(0, ((cur.at - prev.at) / 1000) * TICKS_PER_S);
  const expected = prev.ticks + elapsedTicks;
  if (expected < TICKS_WRAP) return true;
  const tolerance = Math.max(60 * TICKS_PER_S, elapsedTicks * 0.1);
  return Math.abs(cur.ticks - (expected - TICKS_WRAP)) > tolerance;
}

// ---- memory --------------------------------------------------------------------------------------

/** What the interfaces metric keeps between checks (JSON-safe: counters as decimal strings). */
export interface IfMemory {
  at: number;
  uptime: number | null;
  ifs: Record<string, Partial<Record<IfCounter, string>>>;
}

export function encodeCounter(c: CounterSample): string {
  return `${c.width}:${c.value}`;
}

export function decodeCounter(s: unknown): CounterSample | null {
  if (typeof s !== 'string') return null;
  const m = /^(32|64):(\d{1,20})$/.exec(s);
  if (!m) return null;
  return { width: m[1] === '32' ? 32 : 64, value: BigInt(m[2]!) };
}

/** Reads the previous interfaces sample back, ignoring anything that is not in the shape we write. */
export function readIfMemory(raw: unknown): IfMemory | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Partial<IfMemory>;
  if (typeof m.at !== 'number' || !Number.isFinite(m.at)) return null;
  if (m.uptime !== null && typeof m.uptime !== 'number') return null;
  if (typeof m.ifs !== 'object' || m.ifs === null) return null;
  return { at: m.at, uptime: m.uptime ?? null, ifs: m.ifs };
}

export function readUptimeMemory(raw: unknown): UptimeSample | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Partial<UptimeSample>;
  return typeof m.ticks === 'number' && typeof m.at === 'number' ? { ticks: m.ticks, at: m.at } : null;
}
