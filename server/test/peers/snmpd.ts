// Debian's own snmpd on loopback for the SNMP probe's tests: a private configuration in a temporary
// directory (random community, one SNMPv3 user with SHA-256 and AES), the full MIB tree visible,
// so the interface table (lo …), HOST-RESOURCES storage and processors and UCD load averages are
// what this machine really has. Also the few process helpers the NUT peer shares.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import snmp from 'net-snmp';

export const SNMPD = '/usr/sbin/snmpd';
// The daemons run with no environment of ours: nothing from the test's shell leaks into them.
export const DAEMON_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

export interface Daemon {
  child: ChildProcess;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<void>;
  readonly running: boolean;
  /** What it printed so far (the start of it), for the error when it fails to start. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a foreground daemon. Under setpriv --pdeathsig it is killed by the kernel if the test
 * process dies without running its cleanup (a runner timeout, a crash).
 */
export function startDaemon(command: string, args: string[], env: Record<string, string>): Daemon {
  const [cmd, argv] = existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', ['--pdeathsig', 'SIGKILL', '--', command, ...args]]
    : [command, args];
  const child = spawn(cmd, argv, { env: { PATH: DAEMON_PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let running = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running = false;
      resolve();
    });
    child.once('error', () => {
      running = false;
      resolve();
    });
  });
  const output: Buffer[] = [];
  const keep = (b: Buffer) => {
    if (output.length < 200) output.push(b);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    exited,
    get running() {
      return running;
    },
    output: () => Buffer.concat(output).toString('utf8').slice(0, 2000),
    async stop() {
      if (!running) return;
      // A stopped process keeps SIGTERM pending until it runs again.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A UDP port that was free a moment ago (the caller retries if someone takes it first). */
export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function waitUntil(what: string, check: () => Promise<boolean>, alive: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive()) throw new Error(`${what}: the process exited`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready within ${timeoutMs} ms`);
}

export interface SnmpdPeer {
  host: string;
  port: number;
  community: string;
  /** The SNMPv3 user: SHA-256 authentication, AES-128 privacy. */
  v3: { user: string; authKey: string; privKey: string };
  sysName: string;
  close(): Promise<void>;
}

function snmpdConf(dir: string, port: number, p: Omit<SnmpdPeer, 'close' | 'host' | 'port'>): string {
  return [
    // Persistent state (the localised v3 keys, engine boots) stays in our directory, not /var/lib.
    `[snmp] persistentDir ${join(dir, 'persist')}`,
    `agentAddress udp:127.0.0.1:${port}`,
    `rocommunity ${p.community} 127.0.0.1`,
    `createUser ${p.v3.user} SHA-256 ${p.v3.authKey} AES ${p.v3.privKey}`,
    `rouser ${p.v3.user} priv`,
    `sysName ${p.sysName}`,
    'sysLocation loopback test rack',
    '',
  ].join('\n');
}

async function answers(port: number, community: string): Promise<boolean> {
  const session = snmp.createSession('127.0.0.1', community, { port, version: snmp.Version2c, retries: 0, timeout: 300 });
  session.on('error', () => undefined);
  try {
    return await new Promise<boolean>((resolve) => session.get(['1.3.6.1.2.1.1.5.0'], (err) => resolve(!err)));
  } finally {
    session.close();
  }
}

/** Starts snmpd on a free loopback port; typically ready in well under a second. */
export async function startSnmpd(): Promise<SnmpdPeer> {
  const hex = (n: number) => randomBytes(n).toString('hex');
  const dir = await mkdtemp(join(tmpdir(), 'sysward-snmpd-'));
  const peer = {
    community: `c${hex(8)}`,
    v3: { user: `u${hex(4)}`, authKey: `a${hex(10)}`, privKey: `p${hex(10)}` },
    sysName: `sysward-${hex(3)}`,
  };
  let lastError: unknown;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freeUdpPort();
      await rm(join(dir, 'persist'), { recursive: true, force: true });
      const conf = join(dir, 'snmpd.conf');
      await writeFile(conf, snmpdConf(dir, port, peer), { mode: 0o600 });
      // -C: only our configuration file; -m '' -M <none>: no MIB files to parse (not needed, and
      // Debian ships without the IETF ones); -f: foreground; -Lf: log to our directory.
      const daemon = startDaemon(SNMPD, ['-f', '-C', '-c', conf, '-Lf', join(dir, 'snmpd.log'), '-m', '', '-M', join(dir, 'no-mibs')], {
        SNMPCONFPATH: dir,
        SNMP_PERSISTENT_DIR: join(dir, 'persist'),
      });
      try {
        await waitUntil(
          'snmpd',
          () => answers(port, peer.community),
          () => daemon.running,
        );
      } catch (err) {
        const log = await readFile(join(dir, 'snmpd.log'), 'utf8').catch(() => '');
        lastError = `${String(err)} ${daemon.output()} ${log.slice(0, 2000)}`;
        await daemon.stop();
        continue;
      }
      return {
        host: '127.0.0.1',
        port,
        ...peer,
        async close() {
          await daemon.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (err) {
    lastError = err;
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`snmpd did not start: ${String(lastError)}`);
}
