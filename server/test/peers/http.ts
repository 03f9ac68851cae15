// HTTP and HTTPS servers on loopback for the HTTP and TLS probe tests. The HTTPS one gets a fresh
// self-signed certificate made by openssl at start, valid for as many days as the test asks, or
// already expired when it asks for zero or fewer (OpenSSL 3.0's x509 has no -not_after, and req
// refuses negative days, so an expired one is signed through `openssl ca`, which takes explicit
// dates). Routes:
//   /status/<code>        that status                 /keyword           a page with KEYWORD
//   /redirect/<n>         n relative redirects, then /keyword;  /loop  redirects to itself
//   /to?url=<u>           redirects to <u>            /never             reads the request, never answers
//   /slow?ms=<n>          answers after n ms          /auth              401 unless the peer's basic auth
//   /headers              the request headers (JSON)  /cut               declares 100 kB, sends 1 kB, hangs up
//   /big?keywordAt=<n>    an endless body with KEYWORD at byte n, written only as fast as it is read
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const KEYWORD = 'sysward-probe-ok';
export const AUTH = { user: 'monitor', password: 'pa:ss wörd' } as const;
/** How far /big goes before it gives up (the probe must stop long before). */
export const BIG_LIMIT = 64 * 1024 * 1024;

export interface HttpPeer {
  host: string;
  port: number;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Every request seen, in order. */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  /** Bytes /big managed to write before the client stopped reading. */
  readonly bigBytesSent: number;
  close(): Promise<void>;
}

export interface HttpsPeerOptions {
  /** Days until the certificate expires; zero or less: expired that many days ago (at least 1 h). */
  days: number;
}

export function startHttpPeer(): Promise<HttpPeer> {
  return serve('http:', http.createServer());
}

export async function startHttpsPeer(opts: HttpsPeerOptions): Promise<HttpPeer> {
  const { key, cert } = await makeCertificate(opts.days);
  return serve('https:', https.createServer({ key, cert }));
}

async function serve(protocol: 'http:' | 'https:', server: http.Server): Promise<HttpPeer> {
  const sockets = new Set<Socket>();
  const state = { requests: [] as HttpPeer['requests'], bigBytesSent: 0, base: '' };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client hanging up mid-handshake is expected (the probes' aborts); not an error here.
  server.on('tlsClientError', () => {});
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    route(req, res, state);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  state.base = `${protocol}//127.0.0.1:${port}`;
  return {
    host: '127.0.0.1',
    port,
    url: state.base,
    requests: state.requests,
    get bigBytesSent() {
      return state.bigBytesSent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, state: { bigBytesSent: number; base: string }): void {
  const url = new URL(req.url ?? '/', state.base);
  const parts = url.pathname.split('/').filter(Boolean);
  const send = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  switch (parts[0]) {
    case 'status':
      return send(Number(parts[1]) || 500, `status ${parts[1]}`);
    case 'keyword':
      return send(200, `<html><body><h1>网管台</h1><p>${KEYWORD}</p></body></html>`, { 'content-type': 'text/html; charset=utf-8' });
    case 'redirect': {
      const n = Number(parts[1]) || 0;
      return send(302, '', { location: n > 1 ? `../redirect/${n - 1}` : '/keyword' });
    }
    case 'loop':
      return send(302, '', { location: '/loop' });
    case 'to':
      return send(301, '', { location: url.searchParams.get('url') ?? '/' });
    case 'never':
      return;
    case 'slow': {
      const timer = setTimeout(() => send(200, `slow ${KEYWORD}`), Number(url.searchParams.get('ms')) || 1000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'auth': {
      const expected = `Basic ${Buffer.from(`${AUTH.user}:${AUTH.password}`).toString('base64')}`;
      if (req.headers.authorization === expected) return send(200, `welcome ${KEYWORD}`);
      return send(401, 'who are you', { 'www-authenticate': 'Basic realm="test"' });
    }
    case 'headers':
      return send(200, JSON.stringify(req.headers), { 'content-type': 'application/json' });
    case 'cut':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 100_000 });
      res.write('x'.repeat(1000), () => setTimeout(() => req.socket.destroy(), 20));
      return;
    case 'big':
      return streamBig(res, Number(url.searchParams.get('keywordAt')) || 0, state);
    default:
      return send(404, 'not here');
  }
}

/** Writes filler (with KEYWORD at one offset) as long as the client reads, up to BIG_LIMIT. */
function streamBig(res: ServerResponse, keywordAt: number, state: { bigBytesSent: number }): void {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < BIG_LIMIT && !res.destroyed) {
      let piece = chunk;
      if (keywordAt >= sent && keywordAt < sent + chunk.length) {
        piece = Buffer.from(chunk);
        piece.write(KEYWORD, keywordAt - sent);
      }
      sent += piece.length;
      state.bigBytesSent = sent;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('error', () => {});
  pump();
}

async function makeCertificate(days: number): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sysward-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const subject = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'];
    const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key];
    if (days > 0) {
      await run('openssl', ['req', '-x509', ...newKey, '-days', String(days), ...subject, '-out', cert]);
    } else {
      const csr = join(dir, 'req.csr');
      await run('openssl', ['req', '-new', ...newKey, ...subject, '-out', csr]);
      const config = join(dir, 'ca.cnf');
      await writeFile(join(dir, 'index.txt'), '');
      await writeFile(join(dir, 'serial'), '01\n');
      await writeFile(
        config,
        [
          '[ca]',
          'default_ca = test_ca',
          '[test_ca]',
          `database = ${join(dir, 'index.txt')}`,
          `new_certs_dir = ${dir}`,
          `serial = ${join(dir, 'serial')}`,
          'default_md = sha256',
          'policy = any_name',
          'copy_extensions = copy',
          'unique_subject = no',
          '[any_name]',
          'commonName = supplied',
          '',
        ].join('\n'),
      );
      const end = Date.now() + Math.min(days * 86_400_000, -3_600_000);
      const start = end - 30 * 86_400_000;
      await run('openssl', [
        'ca',
        '-batch',
        '-config',
        config,
        '-selfsign',
        '-keyfile',
        key,
        '-in',
        csr,
        '-out',
        cert,
        '-notext',
        '-startdate',
        asn1Time(start),
        '-enddate',
        asn1Time(end),
      ]);
    }
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** UTCTime as openssl ca takes it: YYMMDDHHMMSSZ. */
function asn1Time(ms: number): string {
  return `${new Date(ms).toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`;
}
