// A small client of upsd's network protocol (Network UPS Tools, TCP 3493): one line per command,
// one line per answer, except LIST which brackets its lines with BEGIN and END. A server decides
// how much it sends, so lines and the number of variables are bounded; ERR codes are matched against
// the protocol's own list and nothing else the server says is kept as a reason.
import { connect, type Socket } from 'node:net';
import type { ProbeReason } from './probe.types.js';
import { netFailure } from './net-errors.js';

export const MAX_LINE_BYTES = 4096;
export const MAX_VARS = 500;

export class NutFailure extends Error {
  constructor(
    readonly reason: ProbeReason,
    readonly detail?: Record<string, string | number>,
  ) {
    super(reason);
  }
}

// The ERR codes of the protocol (docs/net-protocol.txt) and what each means for a check.
const STALE = new Set(['DATA-STALE', 'DRIVER-NOT-CONNECTED']);
const ACCESS = new Set([
  'ACCESS-DENIED',
  'USERNAME-REQUIRED',
  'PASSWORD-REQUIRED',
  'INVALID-USERNAME',
  'INVALID-PASSWORD',
  'ALREADY-SET-USERNAME',
  'ALREADY-SET-PASSWORD',
]);
const KNOWN = new Set([
  ...STALE,
  ...ACCESS,
  'UNKNOWN-UPS',
  'VAR-NOT-SUPPORTED',
  'CMD-NOT-SUPPORTED',
  'INVALID-ARGUMENT',
  'INVALID-VALUE',
  'UNKNOWN-COMMAND',
  'READONLY',
  'TOO-LONG',
  'FEATURE-NOT-SUPPORTED',
  'FEATURE-NOT-CONFIGURED',
  'ALREADY-LOGGED-IN',
  'ALREADY-SSL-MODE',
  'INSTCMD-FAILED',
  'SET-FAILED',
]);

export function errFailure(line: string): NutFailure {
  const code = line.split(' ')[1] ?? '';
  if (STALE.has(code)) return new NutFailure('ups_stale', { code });
  if (code === 'UNKNOWN-UPS') return new NutFailure('ups_unknown');
  if (ACCESS.has(code)) return new NutFailure('ups_access', { code });
  return new NutFailure('protocol_error', { code: KNOWN.has(code) ? code : 'unknown_err' });
}

/** A command argument as upsd's parser reads it: quoted, with backslash escapes. */
export function quoteArg(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** Splits a line into words the way upsd writes them: "quoted \"strings\"" are one word. */
export function splitWords(line: string): string[] | null {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    let word = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        const c = line[i++]!;
        if (c === '"') break;
        if (c === '\\') {
          if (i >= line.length) return null;
          word += line[i++];
        } else word += c;
      }
      if (i < line.length && line[i] !== ' ') return null;
    } else {
      while (i < line.length && line[i] !== ' ') word += line[i++];
    }
    words.push(word);
  }
  return words;
}

const VAR_NAME = /^[A-Za-z0-9._-]{1,128}$/;

export interface NutRead {
  vars: Map<string, string>;
  latencyMs: number;
}

export interface NutRequest {
  host: string;
  port: number;
  upsName: string;
  username: string;
  password: string | undefined;
  signal: AbortSignal;
}

/**
 * Logs in when a username is set, reads every variable of one UPS with LIST VAR, and says
 * LOGOUT. Rejects with a NutFailure only.
 */
export function readUpsVars(req: NutRequest): Promise<NutRead> {
  return new Promise<NutRead>((resolve, reject) => {
    const started = performance.now();
    if (req.signal.aborted) return reject(new NutFailure('timeout'));
    const socket: Socket = connect({ host: req.host, port: req.port });
    let settled = false;
    let pendingBytes = '';
    const lines: string[] = [];
    let waiter: ((line: string) => void) | null = null;

    const finish = (err: NutFailure | null, value?: NutRead) => {
      if (settled) return;
      settled = true;
      req.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolve(value!);
    };
    const onAbort = () => finish(new NutFailure('timeout'));
    req.signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (err) => {
      const f = netFailure(err);
      // Reset mid-conversation: the server was there and hung up on us.
      finish(
        f.reason === 'error' && socket.bytesRead > 0 ? new NutFailure('protocol_error', f.detail) : new NutFailure(f.reason, f.detail),
      );
    });
    socket.on('close', () => finish(new NutFailure('protocol_error', { code: 'connection_closed' })));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      pendingBytes += chunk;
      let nl: number;
      while ((nl = pendingBytes.indexOf('\n')) >= 0) {
        const raw = pendingBytes.slice(0, nl);
        pendingBytes = pendingBytes.slice(nl + 1);
        if (raw.length > MAX_LINE_BYTES) return finish(new NutFailure('protocol_error', { code: 'line_too_long' }));
        lines.push(Buffer.from(raw.replace(/\r$/, ''), 'latin1').toString('utf8'));
      }
      if (pendingBytes.length > MAX_LINE_BYTES) return finish(new NutFailure('protocol_error', { code: 'line_too_long' }));
      // Answers are read one at a time; a server sending far ahead of us is not speaking the protocol.
      if (lines.length > MAX_VARS + 4) return finish(new NutFailure('protocol_error', { code: 'too_many_lines' }));
      deliver();
    });
    const deliver = () => {
      while (waiter && lines.length > 0) {
        const w = waiter;
        waiter = null;
        w(lines.shift()!);
      }
    };
    const nextLine = () =>
      new Promise<string>((res) => {
        waiter = res;
        deliver();
      });
    const send = (line: string) => socket.write(`${line}\n`);

    const expectOk = async () => {
      const line = await nextLine();
      if (line.startsWith('ERR ')) throw errFailure(line);
      if (line !== 'OK' && !line.startsWith('OK ')) throw new NutFailure('protocol_error', { code: 'unexpected_answer' });
    };

    const converse = async (): Promise<NutRead> => {
      if (req.username) {
        send(`USERNAME ${quoteArg(req.username)}`);
        await expectOk();
        if (req.password) {
          send(`PASSWORD ${quoteArg(req.password)}`);
          await expectOk();
        }
      }
      send(`LIST VAR ${req.upsName}`);
      const first = await nextLine();
      if (first.startsWith('ERR ')) throw errFailure(first);
      if (first !== `BEGIN LIST VAR ${req.upsName}`) throw new NutFailure('protocol_error', { code: 'unexpected_answer' });
      const vars = new Map<string, string>();
      for (;;) {
        const line = await nextLine();
        if (line === `END LIST VAR ${req.upsName}`) break;
        if (line.startsWith('ERR ')) throw errFailure(line);
        const words = splitWords(line);
        if (!words || words.length !== 4 || words[0] !== 'VAR' || words[1] !== req.upsName || !VAR_NAME.test(words[2]!)) {
          throw new NutFailure('protocol_error', { code: 'bad_var_line' });
        }
        vars.set(words[2]!, words[3]!);
        if (vars.size > MAX_VARS) throw new NutFailure('protocol_error', { code: 'too_many_vars' });
      }
      const latencyMs = performance.now() - started;
      // Polite, but the answer is not waited for: the data is already in hand.
      send('LOGOUT');
      return { vars, latencyMs };
    };

    socket.once('connect', () => {
      converse().then(
        (value) => finish(null, value),
        (err: unknown) => finish(err instanceof NutFailure ? err : new NutFailure('error', { code: 'unknown' })),
      );
    });
  });
}
