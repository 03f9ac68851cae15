// Programmable SNMP agents on loopback for the hostile and awkward cases a real snmpd will not
// produce on demand: net-snmp's own Agent serving a machine-room sensor, a printer's supplies
// table, an interface table whose 32-bit counters the test winds past 2^32, and values that are
// not numbers; and a "garbage agent" that answers every request with bytes that are not SNMP.
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import snmp from 'net-snmp';

const ENTERPRISE = '1.3.6.1.4.1.55555.1';

/** OIDs the programmable agent serves, for the tests to point the probe at. */
export const AGENT_OIDS = {
  /** Integer 235: a sensor in tenths of a degree (scale 0.1 → 23.5 °C). */
  temperature: `${ENTERPRISE}.1.0`,
  /** OctetString "45.5": humidity written as text. */
  humidityText: `${ENTERPRISE}.2.0`,
  /** OctetString of random bytes. */
  garbage: `${ENTERPRISE}.3.0`,
  /** Counter64 12345678901234. */
  counter64: `${ENTERPRISE}.4.0`,
  /** OctetString "n/a". */
  notANumber: `${ENTERPRISE}.5.0`,
  /** Gauge 4000000000 (past the signed 32-bit range). */
  gauge: `${ENTERPRISE}.6.0`,
  /** An OID nothing is registered at. */
  absent: `${ENTERPRISE}.99.0`,
} as const;

export const AGENT_SYS_NAME = `evil\u0007name\u202e<b>${'x'.repeat(400)}`;

export interface IfState {
  index: number;
  descr: string;
  speed: number;
  admin: number;
  oper: number;
  inOctets: number;
  outOctets: number;
  inErrors: number;
  outErrors: number;
  inDiscards: number;
  outDiscards: number;
}

export interface SnmpAgentPeer {
  host: string;
  port: number;
  community: string;
  setUptime(ticks: number): void;
  /** Changes cells of one interface's row (32-bit counters are taken modulo 2^32). */
  setInterface(index: number, values: Partial<Omit<IfState, 'index'>>): void;
  close(): Promise<void>;
}

const INITIAL_IFS: IfState[] = [
  // 100 Mbit/s, up, counters a little short of 2^32 so the next reading can wrap.
  {
    index: 1,
    descr: 'port1',
    speed: 100_000_000,
    admin: 1,
    oper: 1,
    inOctets: 4_294_967_000,
    outOctets: 1000,
    inErrors: 5,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
  },
  // configured up, link down: the alarm case.
  {
    index: 2,
    descr: 'port2',
    speed: 1_000_000_000,
    admin: 1,
    oper: 2,
    inOctets: 0,
    outOctets: 0,
    inErrors: 0,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
  },
  // shut down by the administrator: not an alarm.
  {
    index: 3,
    descr: 'port3\u0000\u001b[31m',
    speed: 0,
    admin: 2,
    oper: 2,
    inOctets: 0,
    outOctets: 0,
    inErrors: 0,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
  },
];

const IF_COLUMNS: [number, keyof IfState, number][] = [
  [1, 'index', snmp.ObjectType.Integer],
  [2, 'descr', snmp.ObjectType.OctetString],
  [5, 'speed', snmp.ObjectType.Gauge],
  [7, 'admin', snmp.ObjectType.Integer],
  [8, 'oper', snmp.ObjectType.Integer],
  [10, 'inOctets', snmp.ObjectType.Counter],
  [13, 'inDiscards', snmp.ObjectType.Counter],
  [14, 'inErrors', snmp.ObjectType.Counter],
  [16, 'outOctets', snmp.ObjectType.Counter],
  [19, 'outDiscards', snmp.ObjectType.Counter],
  [20, 'outErrors', snmp.ObjectType.Counter],
];

const RO = snmp.MaxAccess['read-only'];
const NA = snmp.MaxAccess['not-accessible'];

function scalar(name: string, oid: string, scalarType: number) {
  return { name, type: snmp.MibProviderType.Scalar, oid, scalarType, maxAccess: RO };
}

function column(number: number, name: string, type: number) {
  return { number, name, type, maxAccess: RO };
}

/** A dgram module whose sockets bind to a free port whatever the library asks for. */
function ephemeralDgram(onSocket: (s: dgram.Socket) => void) {
  return {
    createSocket(type: dgram.SocketType) {
      const s = dgram.createSocket(type);
      const bind = s.bind.bind(s) as (port: number, address?: string) => dgram.Socket;
      (s as unknown as { bind: (port: number, address?: string) => dgram.Socket }).bind = (_port, address) => bind(0, address);
      onSocket(s);
      return s;
    },
  };
}

async function listening(s: dgram.Socket): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    try {
      s.address();
      return resolve();
    } catch {
      s.once('listening', () => resolve());
      s.once('error', reject);
    }
  });
  return s.address().port;
}

export async function startSnmpAgent(): Promise<SnmpAgentPeer> {
  const community = `c${randomBytes(6).toString('hex')}`;
  let socket: dgram.Socket | null = null;
  const agent = snmp.createAgent(
    { address: '127.0.0.1', port: 16100, dgramModule: ephemeralDgram((s) => (socket = s)) },
    // The agent reports unknown communities and malformed requests here; they are expected.
    () => undefined,
  );
  agent.getAuthorizer().addCommunity(community);
  const mib = agent.getMib();

  mib.registerProvider(scalar('sysDescr', '1.3.6.1.2.1.1.1', snmp.ObjectType.OctetString));
  mib.registerProvider(scalar('sysUpTime', '1.3.6.1.2.1.1.3', snmp.ObjectType.TimeTicks));
  mib.registerProvider(scalar('sysName', '1.3.6.1.2.1.1.5', snmp.ObjectType.OctetString));
  mib.setScalarValue('sysDescr', 'Programmable test agent');
  mib.setScalarValue('sysUpTime', 100_000);
  mib.setScalarValue('sysName', AGENT_SYS_NAME);

  const sensors: [string, string, number, unknown][] = [
    ['temperature', AGENT_OIDS.temperature, snmp.ObjectType.Integer, 235],
    ['humidityText', AGENT_OIDS.humidityText, snmp.ObjectType.OctetString, '45.5'],
    ['garbage', AGENT_OIDS.garbage, snmp.ObjectType.OctetString, Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), randomBytes(40)])],
    ['counter64', AGENT_OIDS.counter64, snmp.ObjectType.Counter64, Buffer.from('00000b3a73ce2ff2', 'hex')],
    ['notANumber', AGENT_OIDS.notANumber, snmp.ObjectType.OctetString, 'n/a'],
    ['gauge', AGENT_OIDS.gauge, snmp.ObjectType.Gauge, 4_000_000_000],
  ];
  for (const [name, oid, type, value] of sensors) {
    mib.registerProvider(scalar(name, oid.replace(/\.0$/, ''), type));
    mib.setScalarValue(name, value);
  }

  mib.registerProvider({
    name: 'ifTable',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.2.1.2.2.1',
    maxAccess: NA,
    tableColumns: IF_COLUMNS.map(([n, name, type]) => column(n, name, type)),
    tableIndex: [{ columnName: 'index' }],
  });
  const ifs = new Map(INITIAL_IFS.map((i) => [i.index, { ...i }]));
  for (const i of ifs.values())
    mib.addTableRow(
      'ifTable',
      IF_COLUMNS.map(([, key]) => i[key]),
    );

  // HOST-RESOURCES: devices (the index other tables borrow), processors, storage.
  mib.registerProvider({
    name: 'hrDeviceTable',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.2.1.25.3.2.1',
    maxAccess: NA,
    tableColumns: [column(1, 'hrDeviceIndex', snmp.ObjectType.Integer), column(3, 'hrDeviceDescr', snmp.ObjectType.OctetString)],
    tableIndex: [{ columnName: 'hrDeviceIndex' }],
  });
  for (const [i, d] of [
    [1, 'printer'],
    [768, 'cpu0'],
    [769, 'cpu1'],
  ] as const)
    mib.addTableRow('hrDeviceTable', [i, d]);
  mib.registerProvider({
    name: 'hrProcessorTable',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.2.1.25.3.3.1',
    maxAccess: NA,
    tableColumns: [column(1, 'hrProcessorFrwID', snmp.ObjectType.OID), column(2, 'hrProcessorLoad', snmp.ObjectType.Integer)],
    tableIndex: [{ columnName: 'hrDeviceIndex', foreign: 'hrDeviceTable' }],
  });
  mib.addTableRow('hrProcessorTable', [768, '0.0', 20]);
  mib.addTableRow('hrProcessorTable', [769, '0.0', 40]);

  mib.registerProvider({
    name: 'hrStorageTable',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.2.1.25.2.3.1',
    maxAccess: NA,
    tableColumns: [
      column(1, 'hrStorageIndex', snmp.ObjectType.Integer),
      column(2, 'hrStorageType', snmp.ObjectType.OID),
      column(3, 'hrStorageDescr', snmp.ObjectType.OctetString),
      column(4, 'hrStorageAllocationUnits', snmp.ObjectType.Integer),
      column(5, 'hrStorageSize', snmp.ObjectType.Integer),
      column(6, 'hrStorageUsed', snmp.ObjectType.Integer),
    ],
    tableIndex: [{ columnName: 'hrStorageIndex' }],
  });
  const types = '1.3.6.1.2.1.25.2.1';
  mib.addTableRow('hrStorageTable', [1, `${types}.2`, 'Physical memory', 1024, 1000, 250]);
  mib.addTableRow('hrStorageTable', [31, `${types}.4`, '/', 4096, 2000, 1000]);
  mib.addTableRow('hrStorageTable', [32, `${types}.4`, '/data', 4096, 1000, 900]);
  mib.addTableRow('hrStorageTable', [33, `${types}.4`, '/proc', 4096, 0, 0]);
  mib.addTableRow('hrStorageTable', [34, `${types}.3`, 'Virtual memory', 1024, 3000, 600]);

  // UCD load averages: laLoad.1 is text.
  mib.registerProvider({
    name: 'laTable',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.4.1.2021.10.1',
    maxAccess: NA,
    tableColumns: [column(1, 'laIndex', snmp.ObjectType.Integer), column(3, 'laLoad', snmp.ObjectType.OctetString)],
    tableIndex: [{ columnName: 'laIndex' }],
  });
  mib.addTableRow('laTable', [1, '0.42']);

  // Printer-MIB supplies, indexed by hrDeviceIndex and prtMarkerSuppliesIndex.
  mib.registerProvider({
    name: 'prtMarkerSuppliesTable',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.2.1.43.11.1.1',
    maxAccess: NA,
    tableColumns: [
      column(1, 'prtMarkerSuppliesIndex', snmp.ObjectType.Integer),
      column(6, 'prtMarkerSuppliesDescription', snmp.ObjectType.OctetString),
      column(8, 'prtMarkerSuppliesMaxCapacity', snmp.ObjectType.Integer),
      column(9, 'prtMarkerSuppliesLevel', snmp.ObjectType.Integer),
    ],
    tableIndex: [{ columnName: 'hrDeviceIndex', foreign: 'hrDeviceTable' }, { columnName: 'prtMarkerSuppliesIndex' }],
  });
  mib.addTableRow('prtMarkerSuppliesTable', [1, 1, 'Black Toner', 100, 30]);
  mib.addTableRow('prtMarkerSuppliesTable', [1, 2, 'Cyan Toner', 100, -3]);
  mib.addTableRow('prtMarkerSuppliesTable', [1, 3, 'Waste Toner Box', -2, -2]);
  mib.addTableRow('prtMarkerSuppliesTable', [1, 4, Buffer.from('品红墨粉', 'utf8'), 5000, 600]);

  const port = await listening(socket!);
  return {
    host: '127.0.0.1',
    port,
    community,
    setUptime(ticks) {
      mib.setScalarValue('sysUpTime', ticks);
    },
    setInterface(index, values) {
      const row = ifs.get(index);
      if (!row) throw new Error(`no interface ${index}`);
      Object.assign(row, values);
      for (const [n, key, type] of IF_COLUMNS) {
        if (!(key in values)) continue;
        const v = row[key];
        mib.setTableSingleCell('ifTable', n, [index], type === snmp.ObjectType.Counter ? Number(v) % 2 ** 32 : v);
      }
    },
    close: () => new Promise<void>((resolve) => agent.close(() => resolve())),
  };
}

export interface GarbageAgent {
  host: string;
  port: number;
  /** Requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * Answers every datagram with something that is not a valid SNMP response: 'random' bytes, or
 * 'truncated' — the request turned into a GetResponse and cut off half-way through its BER.
 */
export async function startGarbageAgent(mode: 'random' | 'truncated'): Promise<GarbageAgent> {
  const s = dgram.createSocket('udp4');
  let requests = 0;
  s.on('message', (msg, rinfo) => {
    requests++;
    let reply: Buffer;
    if (mode === 'random') reply = randomBytes(1 + Math.floor(Math.random() * 300));
    else {
      reply = Buffer.from(msg);
      // The PDU tag follows the version and community; 0xa0/0xa1/0xa5 become 0xa2 (GetResponse).
      const at = reply.findIndex((b, i) => i > 4 && (b === 0xa0 || b === 0xa1 || b === 0xa5));
      if (at > 0) reply[at] = 0xa2;
      reply = reply.subarray(0, Math.max(2, Math.floor(reply.length * 0.6)));
    }
    s.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port: s.address().port,
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => s.close(() => resolve())),
  };
}

/**
 * Forwards each request to a real agent and returns its answer with a few bytes changed at random,
 * sometimes cut short: answers that are almost SNMP reach deep into the parser.
 */
export async function startCorruptingProxy(upstreamPort: number): Promise<GarbageAgent> {
  const s = dgram.createSocket('udp4');
  // One relay socket per request, so each answer goes back to the client that asked.
  const relays = new Map<dgram.Socket, NodeJS.Timeout>();
  let requests = 0;
  let closing: Promise<void> | null = null;
  const drop = (relay: dgram.Socket): Promise<void> => {
    const timer = relays.get(relay);
    if (timer === undefined) return Promise.resolve();
    clearTimeout(timer);
    relays.delete(relay);
    return new Promise<void>((resolve) => relay.close(() => resolve()));
  };
  s.on('message', (msg, rinfo) => {
    if (closing) return;
    requests++;
    const relay = dgram.createSocket('udp4');
    relays.set(
      relay,
      setTimeout(() => void drop(relay), 1000),
    );
    relay.on('error', () => void drop(relay));
    relay.on('message', (answer) => {
      void drop(relay);
      if (closing) return;
      const b = Buffer.from(answer);
      for (let i = 1 + Math.floor(Math.random() * 3); i > 0; i--) b[Math.floor(Math.random() * b.length)] = Math.floor(Math.random() * 256);
      s.send(Math.random() < 0.3 ? b.subarray(0, Math.floor(Math.random() * b.length)) : b, rinfo.port, rinfo.address);
    });
    relay.send(msg, upstreamPort, '127.0.0.1');
  });
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port: s.address().port,
    get requests() {
      return requests;
    },
    close() {
      closing ??= Promise.all([...[...relays.keys()].map(drop), new Promise<void>((resolve) => s.close(() => resolve()))]).then(
        () => undefined,
      );
      return closing;
    },
  };
}
