// TCP peers on loopback for the monitoring probes: a listener that accepts, a server that accepts
// and never says a word, and a black hole where the handshake itself never completes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';

export { closedPort } from './smtp.js';

export interface TcpPeer {
  host: string;
  port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

async function listen(onSocket: (s: Socket) => void): Promise<TcpPeer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
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
    get accepted() {
      return accepted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Accepts every connection and closes it from its side once the client has gone. */
export function startTcpListener(): Promise<TcpPeer> {
  return listen((socket) => {
    socket.resume();
    socket.on('end', () => socket.end());
  });
}

/** Accepts every connection, reads what comes and never writes a byte: a hung service. */
export function startSilentServer(): Promise<TcpPeer> {
  return listen((socket) => socket.resume());
}

export interface BlackHole {
  host: string;
  port: number;
  close(): Promise<void>;
}

// A listening socket with backlog 0 that never accepts: once its queue holds one connection,
// Linux drops further SYNs instead of refusing them, so a client's connect() waits until it gives
// up. Node cannot do this itself (net.Server always accepts), hence the few lines of Python. The
// script checks that a further connect really hangs before it reports the port.
const BLACK_HOLE_PY = `
import select, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(0)
port = s.getsockname()[1]
held = []
def attempt():
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setblocking(False)
    c.connect_ex(('127.0.0.1', port))
    held.append(c)
    return c
filler = attempt()
select.select([], [filler], [], 2.0)
probe = attempt()
_, writable, _ = select.select([], [probe], [], 0.3)
if writable:
    print('not-a-black-hole', flush=True)
    sys.exit(1)
print(port, flush=True)
sys.stdin.read()
`;

/** A loopback port whose SYNs go unanswered; connect() hangs until the caller's timeout. */
export async function startBlackHole(): Promise<BlackHole> {
  // stdin stays open as the lifeline: the script exits when it closes, even if the test crashed.
  const child: ChildProcess = spawn('python3', ['-c', BLACK_HOLE_PY], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('black hole did not start within 10 s')), 10_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (s: string) => {
      out += s;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      const n = Number(out.trim());
      if (Number.isInteger(n) && n > 0) resolve(n);
      else reject(new Error(`black hole failed: ${out.trim()}`));
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error('black hole exited early'));
    });
  }).catch(async (err: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw err;
  });
  return {
    host: '127.0.0.1',
    port,
    async close() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exited;
      clearTimeout(timer);
    },
  };
}
