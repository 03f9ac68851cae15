// Network UPS Tools for real on loopback: the dummy-ups driver plays a UPS from a file and upsd
// serves it on a free port, both configured in a temporary directory (NUT_CONFPATH,
// NUT_STATEPATH). The UPS starts on line; cutPower() replaces the file with a sequence that goes
// on battery, discharges and ends on low battery, which dummy-ups picks up because the file
// changed. freezeDriver() stops the driver so that upsd declares the data stale after MAXAGE.
// Also fake upsd servers for the faults a real one does not produce: dropped connections, refusals,
// oversized answers.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './smtp.js';
import { startDaemon, waitUntil, type Daemon } from './snmpd.js';

const NUT_DIR = ['/lib/nut', '/usr/lib/nut'].find((d) => existsSync(join(d, 'upsd'))) ?? '/lib/nut';
const UPSD = join(NUT_DIR, 'upsd');
const DUMMY_UPS = join(NUT_DIR, 'dummy-ups');

export const NUT_UPS = 'ups';
/** Seconds without news from the driver before upsd answers ERR DATA-STALE. */
const MAX_AGE = 2;

const ON_LINE = `ups.status: OL CHRG
battery.charge: 100
battery.runtime: 1800
ups.load: 35
input.voltage: 230.4
output.voltage: 229.8
ups.model: Test UPS Pro
ups.mfr: Sysward
`;

const POWER_CUT = `ups.status: OB DISCHRG
battery.charge: 80
battery.runtime: 1200
input.voltage: 0
TIMER 1
ups.status: OB DISCHRG
battery.charge: 50
battery.runtime: 600
TIMER 1
ups.status: OB DISCHRG LB
battery.charge: 10
battery.runtime: 120
`;

export interface NutPeer {
  host: string;
  port: number;
  upsName: string;
  /** A upsd.users account. */
  user: string;
  password: string;
  /** Mains fails: on battery, charge falling, then low battery (about 2 s in all). */
  cutPower(): Promise<void>;
  /** SIGSTOP the driver: upsd keeps the connection but its data goes stale after MAXAGE. */
  freezeDriver(): void;
  /** Kill the driver: upsd answers ERR DRIVER-NOT-CONNECTED. */
  killDriver(): Promise<void>;
  close(): Promise<void>;
}

/** One command, one answer line (or null when nothing came): the readiness check. */
function ask(port: number, line: string, timeoutMs = 500): Promise<string | null> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (v: string | null) => {
      clearTimeout(timer);
      s.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    s.on('error', () => done(null));
    s.on('connect', () => s.write(`${line}\n`));
    s.setEncoding('utf8');
    s.on('data', (c: string) => {
      buf += c;
      const nl = buf.indexOf('\n');
      if (nl >= 0) done(buf.slice(0, nl));
    });
  });
}

/** Starts dummy-ups and upsd; ready (the UPS on line) after about 2–3 s, mostly upsd's first poll. */
export async function startNut(): Promise<NutPeer> {
  const dir = await mkdtemp(join(tmpdir(), 'sysward-nut-'));
  const state = join(dir, 'state');
  const seq = join(dir, 'ups.seq');
  const user = 'monuser';
  const password = randomBytes(8).toString('hex');
  // As root, both daemons would switch to the nut user, which could not read our directory.
  const asUser = process.getuid?.() === 0 ? ['-u', userInfo().username] : [];
  const env = { NUT_CONFPATH: dir, NUT_STATEPATH: state, NUT_ALTPIDPATH: state };
  const daemons: Daemon[] = [];
  const stopAll = async () => {
    for (const d of daemons.reverse()) await d.stop();
    daemons.length = 0;
  };
  try {
    await mkdir(state, { mode: 0o700 });
    await writeFile(seq, ON_LINE);
    await writeFile(
      join(dir, 'ups.conf'),
      // dummy-once: play the file to its end and stay there; re-read it when it changes.
      `[${NUT_UPS}]\n  driver = dummy-ups\n  port = ${seq}\n  mode = dummy-once\n  pollinterval = 1\n  desc = "Sysward test UPS"\n`,
    );
    await writeFile(join(dir, 'nut.conf'), 'MODE=standalone\n');
    await writeFile(join(dir, 'upsd.users'), `[${user}]\n  password = ${password}\n  upsmon secondary\n`, { mode: 0o600 });

    let lastError = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      await stopAll();
      const port = await closedPort();
      await writeFile(join(dir, 'upsd.conf'), `LISTEN 127.0.0.1 ${port}\nMAXAGE ${MAX_AGE}\n`, { mode: 0o600 });
      const driver = startDaemon(DUMMY_UPS, ['-a', NUT_UPS, '-F', ...asUser], env);
      daemons.push(driver);
      // upsd connects to the driver's socket at start; started first, it would wait a poll cycle.
      try {
        await waitUntil(
          'dummy-ups',
          async () => existsSync(join(state, `dummy-ups-${NUT_UPS}`)),
          () => driver.running,
          5000,
        );
      } catch (err) {
        lastError = `${String(err)} ${driver.output()}`;
        continue;
      }
      const upsd = startDaemon(UPSD, ['-F', ...asUser], env);
      daemons.push(upsd);
      try {
        await waitUntil(
          'upsd',
          async () => (await ask(port, `GET VAR ${NUT_UPS} ups.status`)) === `VAR ${NUT_UPS} ups.status "OL CHRG"`,
          () => upsd.running && driver.running,
        );
      } catch (err) {
        lastError = `${String(err)} ${upsd.output()} ${driver.output()}`;
        continue;
      }
      return {
        host: '127.0.0.1',
        port,
        upsName: NUT_UPS,
        user,
        password,
        async cutPower() {
          // Written aside and renamed, so the driver never reads half a file.
          await writeFile(`${seq}.new`, POWER_CUT);
          await rename(`${seq}.new`, seq);
        },
        freezeDriver() {
          driver.child.kill('SIGSTOP');
        },
        async killDriver() {
          await driver.stop();
        },
        async close() {
          await stopAll();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    throw new Error(`NUT did not start: ${lastError}`);
  } catch (err) {
    await stopAll();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

// ---- fake upsd servers ---------------------------------------------------------------------------

export interface FakeUpsd {
  host: string;
  port: number;
  /** Every line the clients sent, in order. */
  readonly received: string[];
  close(): Promise<void>;
}

/** What a fake upsd does with one line: write this text (newlines included), then maybe hang up. */
export type FakeReply = string | null | { write: string; hangUp: true };

/**
 * A TCP server that answers each line with what `reply` returns: a string is written as is,
 * null closes the connection at once, { write, hangUp } writes and then closes.
 */
export async function startScriptedUpsd(reply: (line: string) => FakeReply): Promise<FakeUpsd> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    let buf = '';
    socket.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        received.push(line);
        const answer = reply(line);
        if (answer === null) {
          socket.destroy();
          return;
        }
        if (typeof answer === 'object') {
          socket.end(answer.write);
          return;
        }
        socket.write(answer);
      }
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  return {
    host: '127.0.0.1',
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Starts answering LIST VAR like upsd, then drops the connection half-way through the list. */
export function startDroppingUpsd(): Promise<FakeUpsd> {
  return startScriptedUpsd((line) => {
    const m = /^LIST VAR (\S+)$/.exec(line);
    if (!m) return null;
    return { write: `BEGIN LIST VAR ${m[1]}\nVAR ${m[1]} battery.charge "97"\n`, hangUp: true };
  });
}
