// Reading SNMP tables: several columns at once with GETBULK (v2c, v3) or GETNEXT (v1), each column
// advancing on its own until it leaves its subtree. An agent decides how much it sends, so the
// walker bounds what it keeps (rows per column, requests per walk) and refuses an agent whose
// OIDs stop increasing, which would otherwise loop forever.
import { SnmpFailure, intValue, isMissing, octetsText, bufferToBigInt, T, type SnmpClient, type SnmpVarbind } from './snmp-session.js';
import type { CounterSample } from './snmp-rates.js';

/** Rows kept per column: a large chassis switch has a few thousand interfaces. */
export const MAX_ROWS = 4096;
/** Varbinds asked for per GETBULK; snmpd and most devices fit this in one UDP datagram. */
const BULK_VARBINDS = 60;
const MAX_REQUESTS = 2000;

export interface TableData {
  /** column number → row instance (the OID after the column) → varbind */
  columns: Map<number, Map<string, SnmpVarbind>>;
  /** Some rows were left out because the table passed MAX_ROWS. */
  truncated: boolean;
}

/** a > b in OID order (component by component, numerically). */
export function oidAfter(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return d > 0;
  }
  return x.length > y.length;
}

function emptyTable(columns: number[]): TableData {
  return { columns: new Map(columns.map((c) => [c, new Map()])), truncated: false };
}

/**
 * Walks the given columns of a table entry (e.g. ifEntry 1.3.6.1.2.1.2.2.1). A column the agent
 * lacks comes back empty.
 */
export async function walkColumns(client: SnmpClient, entryOid: string, columns: number[], maxRows = MAX_ROWS): Promise<TableData> {
  const table = emptyTable(columns);
  const cursor = new Map(columns.map((c) => [c, `${entryOid}.${c}`]));
  let active = [...columns];
  let requests = 0;
  // Halved when the agent answers tooBig, and kept for the rest of the walk.
  let budget = BULK_VARBINDS;
  // v1 has no GETBULK, and its GETNEXT fails the whole request when one column runs off the end
  // of the MIB; after that, columns are walked one at a time.
  let singly = false;

  /** Takes one column's answers; true while the column goes on. */
  const take = (col: number, list: SnmpVarbind[]): boolean => {
    const prefix = `${entryOid}.${col}.`;
    const rows = table.columns.get(col)!;
    for (const vb of list) {
      if (!vb || typeof vb.oid !== 'string' || isMissing(vb) || !vb.oid.startsWith(prefix)) return false;
      if (!oidAfter(vb.oid, cursor.get(col)!)) throw new SnmpFailure('protocol_error', { code: 'oid_not_increasing' });
      cursor.set(col, vb.oid);
      rows.set(vb.oid.slice(prefix.length), vb);
      if (rows.size >= maxRows) {
        table.truncated = true;
        return false;
      }
    }
    return true;
  };

  while (active.length > 0) {
    if (++requests > MAX_REQUESTS) {
      table.truncated = true;
      break;
    }
    const asked = singly ? active.slice(0, 1) : active;
    const before = asked.map((c) => cursor.get(c)!);
    let lists: SnmpVarbind[][];
    try {
      if (client.version === '1') lists = (await client.getNext(before)).map((vb) => [vb]);
      else lists = await client.getBulk(before, Math.max(1, Math.floor(budget / asked.length)));
    } catch (err) {
      if (!(err instanceof SnmpFailure) || err.reason !== 'snmp_error') throw err;
      const status = err.detail?.status;
      if (status === 1 /* tooBig */ && client.version !== '1' && budget > asked.length) {
        budget = Math.max(asked.length, Math.floor(budget / 2));
        continue;
      }
      if (status === 2 /* noSuchName: v1's end of MIB */) {
        if (asked.length === 1) active = active.filter((c) => c !== asked[0]);
        else singly = true;
        continue;
      }
      throw err;
    }
    const going = new Set(active.filter((c) => !asked.includes(c)));
    let moved = false;
    asked.forEach((col, i) => {
      const list = lists[i] ?? [];
      const goesOn = take(col, list);
      if (cursor.get(col) !== before[i] || !goesOn) moved = true;
      if (goesOn) going.add(col);
    });
    // An answer that moves no column forward would have us ask the same thing forever.
    if (!moved) throw new SnmpFailure('protocol_error', { code: 'no_progress' });
    active = active.filter((c) => going.has(c));
  }
  return table;
}

/** GETs the given columns of the given rows only (v2c, v3): cheaper than a walk for a few rows. */
export async function getRows(client: SnmpClient, entryOid: string, columns: number[], instances: string[]): Promise<TableData> {
  const table = emptyTable(columns);
  const wanted = instances.flatMap((inst) => columns.map((col) => ({ col, inst, oid: `${entryOid}.${col}.${inst}` })));
  for (let i = 0; i < wanted.length; i += 24) {
    const chunk = wanted.slice(i, i + 24);
    const answers = await client.get(chunk.map((w) => w.oid));
    chunk.forEach((w, j) => {
      const vb = answers[j];
      if (vb && !isMissing(vb) && vb.oid === w.oid) table.columns.get(w.col)!.set(w.inst, vb);
    });
  }
  return table;
}

// ---- interfaces (IF-MIB) ---------------------------------------------------------------------------

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';
// ifTable: descr, speed, admin, oper, in octets/discards/errors, out octets/discards/errors
const IF_COLS = [2, 5, 7, 8, 10, 13, 14, 16, 19, 20];
// ifXTable: name, HC in octets, HC out octets, high speed (Mbit/s), alias
const IFX_COLS = [1, 6, 10, 15, 18];
/** With this many interfaces or fewer picked, GET them instead of walking the whole table. */
const GET_ROWS_UP_TO = 16;

export interface IfRow {
  index: number;
  name: string;
  /** ifAlias: the label an administrator gave the port ("uplink to core"). */
  alias: string;
  admin: number | null;
  oper: number | null;
  /** bits per second; null when the agent does not know */
  speedBps: number | null;
  counters: Partial<Record<'inOctets' | 'outOctets' | 'inErrors' | 'outErrors' | 'inDiscards' | 'outDiscards', CounterSample>>;
}

function counter(vb: SnmpVarbind | undefined): CounterSample | null {
  if (!vb || isMissing(vb)) return null;
  if (vb.type === T.Counter64 && Buffer.isBuffer(vb.value)) return { value: bufferToBigInt(vb.value), width: 64 };
  if (vb.type === T.Counter && typeof vb.value === 'number' && Number.isInteger(vb.value) && vb.value >= 0) {
    return { value: BigInt(vb.value), width: 32 };
  }
  return null;
}

export async function readInterfaces(client: SnmpClient, only: number[]): Promise<{ rows: IfRow[]; truncated: boolean }> {
  const picked = only.length > 0 && only.length <= GET_ROWS_UP_TO && client.version !== '1';
  const instances = only.map(String);
  const base = picked ? await getRows(client, IF_ENTRY, IF_COLS, instances) : await walkColumns(client, IF_ENTRY, IF_COLS);
  const ext = picked ? await getRows(client, IFX_ENTRY, IFX_COLS, instances) : await walkColumns(client, IFX_ENTRY, IFX_COLS);
  const col = (t: TableData, c: number, inst: string) => t.columns.get(c)?.get(inst);
  const wanted = new Set(only);
  const seen = new Set<string>();
  for (const c of IF_COLS) for (const inst of base.columns.get(c)!.keys()) seen.add(inst);
  const rows: IfRow[] = [];
  for (const inst of seen) {
    const index = Number(inst);
    if (!/^\d{1,10}$/.test(inst) || index < 1 || (wanted.size > 0 && !wanted.has(index))) continue;
    const highSpeed = intValue(col(ext, 15, inst));
    const speed = intValue(col(base, 5, inst));
    const speedBps = highSpeed && highSpeed > 0 ? highSpeed * 1e6 : speed && speed > 0 && speed < 0xffffffff ? speed : null;
    const hcIn = counter(col(ext, 6, inst));
    const hcOut = counter(col(ext, 10, inst));
    const row: IfRow = {
      index,
      name: octetsText(col(ext, 1, inst)?.value) || octetsText(col(base, 2, inst)?.value),
      alias: octetsText(col(ext, 18, inst)?.value),
      admin: intValue(col(base, 7, inst)),
      oper: intValue(col(base, 8, inst)),
      speedBps,
      counters: {},
    };
    const set = (k: keyof IfRow['counters'], c: CounterSample | null) => {
      if (c) row.counters[k] = c;
    };
    set('inOctets', hcIn && hcIn.width === 64 ? hcIn : counter(col(base, 10, inst)));
    set('outOctets', hcOut && hcOut.width === 64 ? hcOut : counter(col(base, 16, inst)));
    set('inDiscards', counter(col(base, 13, inst)));
    set('inErrors', counter(col(base, 14, inst)));
    set('outDiscards', counter(col(base, 19, inst)));
    set('outErrors', counter(col(base, 20, inst)));
    rows.push(row);
  }
  rows.sort((a, b) => a.index - b.index);
  return { rows, truncated: base.truncated || ext.truncated };
}

// ---- storage (HOST-RESOURCES-MIB) ------------------------------------------------------------------

const STORAGE_ENTRY = '1.3.6.1.2.1.25.2.3.1';
const HR_STORAGE_TYPES = '1.3.6.1.2.1.25.2.1';

export interface StorageRow {
  index: string;
  kind: 'disk' | 'ram' | 'other';
  descr: string;
  usedPct: number | null;
}

export async function readStorage(client: SnmpClient): Promise<{ rows: StorageRow[]; truncated: boolean }> {
  // type, descr, allocation units, size, used
  const t = await walkColumns(client, STORAGE_ENTRY, [2, 3, 4, 5, 6]);
  const rows: StorageRow[] = [];
  for (const [inst, typeVb] of t.columns.get(2)!) {
    const type = typeof typeVb.value === 'string' ? typeVb.value : '';
    const kind = type === `${HR_STORAGE_TYPES}.4` ? 'disk' : type === `${HR_STORAGE_TYPES}.2` ? 'ram' : 'other';
    const size = intValue(t.columns.get(5)!.get(inst));
    const used = intValue(t.columns.get(6)!.get(inst));
    // Units cancel out in the ratio; a size of 0 is a pseudo file system (proc, sysfs).
    const usedPct = size !== null && used !== null && size > 0 && used >= 0 && used <= size ? (used / size) * 100 : null;
    rows.push({ index: inst, kind, descr: octetsText(t.columns.get(3)!.get(inst)?.value, 100), usedPct });
  }
  return { rows, truncated: t.truncated };
}

// ---- printer supplies (Printer-MIB prtMarkerSuppliesTable) ---------------------------------------

const SUPPLIES_ENTRY = '1.3.6.1.2.1.43.11.1.1';

export interface SupplyRow {
  /** prtMarkerSuppliesIndex, prefixed by hrDeviceIndex when the agent serves several printers */
  key: string;
  name: string;
  pct: number | null;
  /** Why there is no %: the printer only knows "some remains", or nothing. */
  state: 'ok' | 'some_remaining' | 'unknown';
}

export async function readSupplies(client: SnmpClient): Promise<{ rows: SupplyRow[]; truncated: boolean }> {
  // description, max capacity, level
  const t = await walkColumns(client, SUPPLIES_ENTRY, [6, 8, 9]);
  const levels = t.columns.get(9)!;
  const parsed = [...levels.keys()].map((inst) => ({ inst, parts: inst.split('.') })).filter((p) => p.parts.length === 2);
  const devices = new Set(parsed.map((p) => p.parts[0]));
  const rows: SupplyRow[] = parsed.map(({ inst, parts }) => {
    const level = intValue(levels.get(inst));
    const max = intValue(t.columns.get(8)!.get(inst));
    let pct: number | null = null;
    let state: SupplyRow['state'] = 'unknown';
    if (level !== null && level >= 0 && max !== null && max > 0) {
      pct = Math.min(100, (level / max) * 100);
      state = 'ok';
    } else if (level === -3) state = 'some_remaining';
    return {
      key: devices.size > 1 ? `${parts[0]}.${parts[1]}` : parts[1]!,
      name: octetsText(t.columns.get(6)!.get(inst)?.value, 100),
      pct,
      state,
    };
  });
  return { rows, truncated: t.truncated };
}
