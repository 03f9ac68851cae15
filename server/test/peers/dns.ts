// A real DNS server for the probe tests: dnsmasq in the foreground on 127.0.0.1 and a free high
// port, serving one test zone from its command line and nothing else (no upstream, no hosts file,
// no configuration file). Names outside the zone get REFUSED, names inside it that are not listed
// get NXDOMAIN. Also a UDP socket that swallows queries, for timeouts.
import { spawn } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { createServer } from 'node:net';

export const DNS_ZONE = 'sysward.test';

/** What the test zone holds, for assertions. */
export const DNS_RECORDS = {
  www: { name: `www.${DNS_ZONE}`, a: '10.1.2.3', aaaa: 'fd00::3' },
  alias: { name: `alias.${DNS_ZONE}`, target: `www.${DNS_ZONE}` },
  mx: { name: DNS_ZONE, exchange: `mail.${DNS_ZONE}`, priority: 10 },
  txt: { name: `txt.${DNS_ZONE}`, chunks: ['v=spf1 ', '-all'] },
  /** Answered NXDOMAIN although a sibling exists. */
  missing: `nothing.${DNS_ZONE}`,
} as const;

export interface DnsPeer {
  host: string;
  port: number;
  close(): Promise<void>;
}

function zoneArgs(): string[] {
  const r = DNS_RECORDS;
  return [
    `--host-record=${r.www.name},${r.www.a},${r.www.aaaa}`,
    `--host-record=${r.mx.exchange},10.1.2.4`,
    `--cname=${r.alias.name},${r.alias.target}`,
    `--mx-host=${r.mx.name},${r.mx.exchange},${r.mx.priority}`,
    `--txt-record=${r.txt.name},${r.txt.chunks.join(',')}`,
    `--local=/${DNS_ZONE}/`,
  ];
}

/** A port free for both UDP and TCP on 127.0.0.1 (dnsmasq listens on both). */
async function freeDnsPort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const udp = createSocket('udp4');
    const port = await new Promise<number>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => resolve(udp.address().port));
    });
    const tcpFree = await new Promise<boolean>((resolve) => {
      const tcp = createServer();
      tcp.once('error', () => resolve(false));
      tcp.listen(port, '127.0.0.1', () => tcp.close(() => resolve(true)));
    });
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (tcpFree) return port;
  }
  throw new Error('no free port for dnsmasq');
}

export async function startDnsPeer(): Promise<DnsPeer> {
  let lastError: unknown;
  // Another process may take the port between the check and dnsmasq's bind; then try another.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freeDnsPort());
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(port: number): Promise<DnsPeer> {
  const args = [
    '--keep-in-foreground',
    '--no-resolv',
    '--no-hosts',
    '--bind-interfaces',
    '--listen-address=127.0.0.1',
    `--port=${port}`,
    '--conf-file=/dev/null',
    '--pid-file=',
    '--log-facility=-',
    ...(process.getuid?.() === 0 ? ['-u', 'root'] : []),
    ...zoneArgs(),
  ];
  const child = spawn('/usr/sbin/dnsmasq', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    if (log.length < 8000) log += s;
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
    await exit;
    clearTimeout(timer);
  };

  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  const until = Date.now() + 5000;
  for (;;) {
    if (exited) throw new Error(`dnsmasq exited: ${log.trim()}`);
    try {
      await resolver.resolve4(DNS_RECORDS.www.name);
      break;
    } catch {
      if (Date.now() > until) {
        await stop();
        throw new Error(`dnsmasq did not answer within 5 s: ${log.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { host: '127.0.0.1', port, close: stop };
}

/** A UDP port on 127.0.0.1 that receives DNS queries and never answers them. */
export async function startSilentDns(): Promise<DnsPeer> {
  const socket: UdpSocket = createSocket('udp4');
  socket.on('message', () => {});
  const port = await new Promise<number>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve(socket.address().port));
  });
  return { host: '127.0.0.1', port, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
