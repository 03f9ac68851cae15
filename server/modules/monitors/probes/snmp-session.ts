// One SNMP session per check, over net-snmp, made safe to point at any device: every request
// settles on abort, the socket is closed before the probe returns, and whatever an agent sends
// (garbage, truncated BER, a throw deep inside the library's parser) becomes a reason code instead
// of an uncaught exception. Nothing an agent says reaches a reason or a detail: failures carry only
// fixed codes from this file or from the library's own tables.
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import snmp from 'net-snmp';
import type { User } from 'net-snmp';
import type { MonitorSecrets, TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { netFailure } from './net-errors.js';
import type { ProbeReason } from './probe.types.js';

export type SnmpTarget = TargetOf<'snmp'>;

/** A check that cannot go on; the probe turns it into { ok: false, reason, detail }. */
export class SnmpFailure extends Error {
  constructor(
    readonly reason: ProbeReason,
    readonly detail?: Record<string, string | number>,
  ) {
    super(reason);
  }
}

export interface SnmpVarbind {
  oid: string;
  type: number;
  value: unknown;
}

export const T = {
  Integer: 2,
  OctetString: 4,
  OID: 6,
  IpAddress: 64,
  Counter: 65,
  Gauge: 66,
  TimeTicks: 67,
  Opaque: 68,
  Counter64: 70,
  NoSuchObject: 128,
  NoSuchInstance: 129,
  EndOfMibView: 130,
} as const;

/** RFC 3416 error-status names, so the web can show one without the agent's words. */
const STATUS_NAMES = [
  'noError',
  'tooBig',
  'noSuchName',
  'badValue',
  'readOnly',
  'genErr',
  'noAccess',
  'wrongType',
  'wrongLength',
  'wrongEncoding',
  'wrongValue',
  'noCreation',
  'inconsistentValue',
  'resourceUnavailable',
  'commitFailed',
  'undoFailed',
  'authorizationError',
  'notWritable',
  'inconsistentName',
];

// net-snmp's ResponseInvalidCode values that mean the v3 keys or user are wrong.
const AUTH_CODES = new Set([4 /* ECouldNotDecrypt */, 5 /* EAuthFailure */, 14 /* ENotInTimeWindow */]);
const INVALID_CODE_NAMES: Record<number, string> = {
  1: 'bad_ip_address',
  2: 'unknown_type',
  3: 'unknown_pdu',
  6: 'oid_mismatch',
  8: 'out_of_order',
  9: 'version_mismatch',
  10: 'community_mismatch',
  11: 'unexpected_report',
  12: 'not_handled',
  13: 'unexpected_response',
  15: 'bad_varbind_list',
};

export function isMissing(vb: SnmpVarbind | undefined): boolean {
  return !vb || vb.type === T.NoSuchObject || vb.type === T.NoSuchInstance || vb.type === T.EndOfMibView || vb.value == null;
}

/** Maps whatever net-snmp or the socket reported to a failure with fixed codes only. */
export function snmpFailure(err: unknown): SnmpFailure {
  if (err instanceof SnmpFailure) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; status?: unknown; code?: unknown; message?: unknown };
  if (e.name === 'RequestTimedOutError') return new SnmpFailure('timeout');
  if (e.name === 'RequestFailedError') {
    // The library turns an unknown error-status into a string; anything not a known number is genErr.
    const status = typeof e.status === 'number' && STATUS_NAMES[e.status] ? e.status : 5;
    return new SnmpFailure('snmp_error', { status, statusName: STATUS_NAMES[status]! });
  }
  if (e.name === 'ResponseInvalidError') {
    const code = typeof e.code === 'number' ? e.code : 0;
    if (AUTH_CODES.has(code)) return new SnmpFailure('snmp_auth');
    return new SnmpFailure('protocol_error', { code: INVALID_CODE_NAMES[code] ?? 'invalid_response' });
  }
  if (e.name === 'RequestInvalidError') return new SnmpFailure('error', { code: 'invalid_request' });
  // The library's own parser throws plain TypeError/RangeError on malformed BER.
  if (e.name === 'TypeError' || e.name === 'RangeError' || e.name === 'InvalidAsn1Error') {
    return new SnmpFailure('protocol_error', { code: 'malformed' });
  }
  const f = netFailure(err);
  return new SnmpFailure(f.reason, f.detail);
}

export interface SnmpClient {
  readonly version: SnmpTarget['version'];
  get(oids: string[]): Promise<SnmpVarbind[]>;
  getNext(oids: string[]): Promise<SnmpVarbind[]>;
  /** One GETBULK with no non-repeaters: one list of varbinds per requested OID. */
  getBulk(oids: string[], maxRepetitions: number): Promise<SnmpVarbind[][]>;
  /** ms from the first request to the first answer; null before any answer. */
  readonly firstAnswerMs: number | null;
  /** Closes the socket and waits until it is closed; safe to call more than once. */
  close(): Promise<void>;
}

type Cb<V> = (err: unknown, value?: V) => void;

interface LibSession {
  get(oids: string[], cb: Cb<unknown[]>): unknown;
  getNext(oids: string[], cb: Cb<unknown[]>): unknown;
  getBulk(oids: string[], nonRepeaters: number, maxRepetitions: number, cb: Cb<unknown[]>): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  close(): unknown;
}

function v3User(target: SnmpTarget, secrets: MonitorSecrets): User {
  if (!target.v3User) throw new SnmpFailure('snmp_auth', { code: 'missing_user' });
  const level = snmp.SecurityLevel[target.v3Level];
  const user: User = { name: target.v3User, level };
  if (target.v3Level !== 'noAuthNoPriv') {
    if (!secrets.authKey) throw new SnmpFailure('snmp_auth', { code: 'missing_auth_key' });
    user.authProtocol = snmp.AuthProtocols[target.v3AuthProtocol];
    user.authKey = secrets.authKey;
  }
  if (target.v3Level === 'authPriv') {
    if (!secrets.privKey) throw new SnmpFailure('snmp_auth', { code: 'missing_priv_key' });
    user.privProtocol = snmp.PrivProtocols[target.v3PrivProtocol];
    user.privKey = secrets.privKey;
  }
  return user;
}

async function resolveHost(host: string, signal: AbortSignal): Promise<{ address: string; family: 4 | 6 }> {
  const literal = isIP(host.replace(/^\[|\]$/g, ''));
  if (literal) return { address: host.replace(/^\[|\]$/g, ''), family: literal === 6 ? 6 : 4 };
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new SnmpFailure('timeout'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const found = await Promise.race([lookup(host), aborted]);
    return { address: found.address, family: found.family === 6 ? 6 : 4 };
  } catch (err) {
    throw snmpFailure(err);
  }
}

/**
 * Opens a session for one check. `signal` ends every pending request at once (reason 'timeout');
 * the caller must close() the client in a finally block.
 */
export async function openSnmp(target: SnmpTarget, secrets: MonitorSecrets, timeoutMs: number, signal: AbortSignal): Promise<SnmpClient> {
  const user = target.version === '3' ? v3User(target, secrets) : null;
  const { address, family } = await resolveHost(target.host, signal);
  if (signal.aborted) throw new SnmpFailure('timeout');

  const pending = new Set<(failure: SnmpFailure) => void>();
  let fault: SnmpFailure | null = null;
  const failAll = (failure: SnmpFailure) => {
    fault ??= failure;
    for (const reject of [...pending]) reject(failure);
  };
  let socket: dgram.Socket | null = null;
  // net-snmp takes a dgram module; this one wraps the socket's message listener, because the
  // library parses answers inside it and a throw there would otherwise crash the process.
  const dgramModule = {
    createSocket(type: dgram.SocketType) {
      const s = dgram.createSocket(type);
      socket = s;
      const on = s.on.bind(s) as (event: string, listener: (...args: unknown[]) => void) => dgram.Socket;
      (s as unknown as { on: typeof on }).on = (event, listener) =>
        event !== 'message'
          ? on(event, listener)
          : on(event, (...args: unknown[]) => {
              try {
                listener(...args);
              } catch {
                failAll(new SnmpFailure('protocol_error', { code: 'malformed' }));
              }
            });
      return s;
    },
  };
  const options = {
    port: target.port,
    transport: family === 6 ? ('udp6' as const) : ('udp4' as const),
    retries: 0,
    timeout: Math.max(1, Math.round(timeoutMs)),
    dgramModule,
    // Out-of-order OIDs are checked by the table walker, which can say what went wrong.
    backwardsGetNexts: true,
  };
  let session: LibSession;
  try {
    session = (user
      ? snmp.createV3Session(address, user, { ...options, version: snmp.Version3 })
      : snmp.createSession(address, secrets.community ?? '', {
          ...options,
          version: target.version === '1' ? snmp.Version1 : snmp.Version2c,
        })) as unknown as LibSession;
  } catch (err) {
    throw snmpFailure(err);
  }
  // The library emits 'error' when an answer does not parse; without a listener that would throw.
  session.on('error', () => failAll(new SnmpFailure('protocol_error', { code: 'malformed' })));

  const started = performance.now();
  let firstAnswerMs: number | null = null;
  let closed: Promise<void> | null = null;

  function call<V>(start: (cb: Cb<V>) => void): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (fault) return reject(fault);
      if (signal.aborted || closed) return reject(new SnmpFailure('timeout'));
      let done = false;
      const fail = (failure: SnmpFailure) => settle(failure);
      const onAbort = () => settle(new SnmpFailure('timeout'));
      function settle(err: unknown, value?: V) {
        if (done) return;
        done = true;
        pending.delete(fail);
        signal.removeEventListener('abort', onAbort);
        if (err) return reject(snmpFailure(err));
        firstAnswerMs ??= performance.now() - started;
        resolve(value as V);
      }
      pending.add(fail);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        start((err, value) => settle(err ?? null, value));
      } catch (err) {
        settle(err ?? new Error('request'));
      }
    });
  }

  return {
    version: target.version,
    get: (oids) => call<SnmpVarbind[]>((cb) => session.get(oids, cb as Cb<unknown[]>)),
    getNext: (oids) => call<SnmpVarbind[]>((cb) => session.getNext(oids, cb as Cb<unknown[]>)),
    getBulk: (oids, maxRepetitions) =>
      call<SnmpVarbind[][]>((cb) => session.getBulk(oids, 0, maxRepetitions, cb as Cb<unknown[]>)).then((lists) =>
        lists.map((l) => (Array.isArray(l) ? (l as SnmpVarbind[]) : [l as SnmpVarbind])),
      ),
    get firstAnswerMs() {
      return firstAnswerMs;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        failAll(new SnmpFailure('timeout'));
        const s = socket as dgram.Socket | null;
        if (!s) return resolve();
        s.once('close', () => resolve());
        try {
          session.close();
        } catch {
          // Already closed (ERR_SOCKET_DGRAM_NOT_RUNNING): nothing left to release.
          resolve();
        }
      });
      return closed;
    },
  };
}

// ---- values -----------------------------------------------------------------------------------

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Devices sold in China often answer in GB18030 (a superset of GBK) rather than UTF-8.
const GB18030 = new TextDecoder('gb18030');

/** Text an agent sent, made safe to show: printable only, single spaces, at most `max` characters. */
export function factText(raw: string, max = 200): string {
  const clean = raw
    .replace(/[\p{C}\uFFFD]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length > max ? chars.slice(0, max).join('') : clean;
}

export function octetsText(value: unknown, max = 200): string {
  if (typeof value === 'string') return factText(value, max);
  if (!Buffer.isBuffer(value)) return '';
  const bytes = value.subarray(0, 4 * max);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = GB18030.decode(bytes);
  }
  return factText(text, max);
}

/** Unsigned big-endian bytes (how the library hands over Counter64) as a bigint. */
export function bufferToBigInt(b: Buffer): bigint {
  let n = 0n;
  for (const byte of b.subarray(Math.max(0, b.length - 9))) n = (n << 8n) | BigInt(byte);
  return n;
}

/** An integer-typed value (Integer, Counter, Gauge, TimeTicks, Counter64) as a number; else null. */
export function intValue(vb: SnmpVarbind | undefined): number | null {
  if (!vb || isMissing(vb)) return null;
  if (vb.type === T.Counter64 && Buffer.isBuffer(vb.value)) return Number(bufferToBigInt(vb.value));
  if ((vb.type === T.Integer || vb.type === T.Counter || vb.type === T.Gauge || vb.type === T.TimeTicks) && typeof vb.value === 'number') {
    return Number.isFinite(vb.value) ? vb.value : null;
  }
  return null;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

/** Parses a decimal number written as text ("23.5"); anything else is null. */
export function decimalText(s: string): number | null {
  const t = s.replace(/\0+$/, '').trim();
  if (t.length > 40 || !DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** UCD's Opaque-wrapped float and double (laLoadFloat and sensor tables of some agents). */
function opaqueNumber(b: Buffer): number | null {
  if (b.length === 7 && b[0] === 0x9f && b[1] === 0x78 && b[2] === 4) return b.readFloatBE(3);
  if (b.length === 11 && b[0] === 0x9f && b[1] === 0x79 && b[2] === 8) return b.readDoubleBE(3);
  return null;
}

/** Any numeric reading: integer types, decimal text, Opaque floats; null when it is not a number. */
export function numericValue(vb: SnmpVarbind): number | null {
  const n = intValue(vb);
  if (n !== null) return n;
  if (vb.type === T.OctetString) return decimalText(octetsText(vb.value, 64));
  if (vb.type === T.Opaque && Buffer.isBuffer(vb.value)) {
    const f = opaqueNumber(vb.value);
    return f !== null && Number.isFinite(f) ? f : null;
  }
  return null;
}
