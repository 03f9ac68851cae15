// A real HTTP receiver on loopback standing in for the DingTalk, WeCom and Feishu group robot
// endpoints and for a generic webhook (never a mock of the client). Each path checks what the
// platform checks, with its own signature code written here from the platforms' documentation
// (not imported from the code under test), and answers the way the platform answers:
//   DingTalk  POST /robot/send?access_token=T[&timestamp=ms&sign=…]   {"errcode":0,"errmsg":"ok"}
//   WeCom     POST /cgi-bin/webhook/send?key=K                       {"errcode":0,"errmsg":"ok"}
//   Feishu    POST /open-apis/bot/v2/hook/<id>  (timestamp, sign in the body)   {"code":0,...}
//   webhook   POST /hook/<id>  (X-Sysward-Timestamp, X-Sysward-Signature)       200
// It can be told to fail the next N requests (the platform's error, or 503 for the webhook) or
// to take requests and never answer.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type PeerKind = 'dingtalk' | 'wecom' | 'feishu' | 'webhook';

export interface ReceivedRobotMessage {
  kind: PeerKind;
  /** The access token, key, hook id or webhook id the request was addressed to. */
  id: string;
  /** DingTalk/WeCom text.content, Feishu content.text, the webhook's JSON as sent. */
  text: string;
  json: Record<string, any>;
  headers: IncomingMessage['headers'];
  /** The signature was present and checked (an endpoint without a secret checks none). */
  signed: boolean;
  raw: string;
}

export interface RefusedRequest {
  kind: PeerKind;
  id: string;
  /** What the peer answered: an errcode / code, or the HTTP status for the webhook. */
  answer: number;
}

export interface RobotPeer {
  origin: string;
  /** Registers an endpoint and returns the address a robot of that kind would be given. */
  add(kind: PeerKind, id: string, secret?: string): string;
  received: ReceivedRobotMessage[];
  refused: RefusedRequest[];
  /** The next `n` well-formed requests get the platform's error answer (rate limit). */
  failNext(n: number): void;
  /** While on, requests are read and never answered. */
  hang(on: boolean): void;
  /** Requests received while hanging. */
  readonly hung: number;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRobotMessage[]>;
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60_000;
const TEXT_MAX_BYTES = 2048;

const hmac = (key: string, msg: string, enc: 'base64' | 'hex') => createHmac('sha256', key).update(msg, 'utf8').digest(enc);
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function parse(raw: string): Record<string, any> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : null;
  } catch {
    return null;
  }
}

export async function startRobotPeer(): Promise<RobotPeer> {
  const endpoints = new Map<string, string>(); // `${kind} ${id}` → secret
  const received: ReceivedRobotMessage[] = [];
  const refused: RefusedRequest[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  let failing = 0;
  let hanging = false;
  let hung = 0;

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  /** The platform's own error answers. */
  const errors = {
    dingtalk: (code: number, msg: string) => ({ status: 200, body: { errcode: code, errmsg: msg } }),
    wecom: (code: number, msg: string) => ({ status: 200, body: { errcode: code, errmsg: msg } }),
    feishu: (code: number, msg: string) => ({ status: 200, body: { code, data: {}, msg } }),
  };

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const now = Date.now();
    const json = parse(raw);
    let kind: PeerKind;
    let id: string;
    if (url.pathname === '/robot/send') [kind, id] = ['dingtalk', url.searchParams.get('access_token') ?? ''];
    else if (url.pathname === '/cgi-bin/webhook/send') [kind, id] = ['wecom', url.searchParams.get('key') ?? ''];
    else if (url.pathname.startsWith('/open-apis/bot/v2/hook/'))
      [kind, id] = ['feishu', url.pathname.slice('/open-apis/bot/v2/hook/'.length)];
    else if (url.pathname.startsWith('/hook/')) [kind, id] = ['webhook', url.pathname.slice('/hook/'.length)];
    else return answer(res, 404, { error: 'not found' });

    const refuse = (code: number, msg: string) => {
      refused.push({ kind, id, answer: code });
      if (kind === 'webhook') return answer(res, code, { error: msg });
      const e = errors[kind](code, msg);
      return answer(res, e.status, e.body);
    };
    if (req.method !== 'POST') return refuse(kind === 'webhook' ? 405 : 40035, 'method not allowed');
    const secret = endpoints.get(`${kind} ${id}`);
    if (secret === undefined) {
      if (kind === 'dingtalk') return refuse(300001, 'token is not exist');
      if (kind === 'wecom') return refuse(93000, 'invalid webhook url');
      if (kind === 'feishu') return refuse(19001, 'param invalid: incoming webhook access token invalid');
      return refuse(404, 'no such hook');
    }
    if (!json) return refuse(kind === 'webhook' ? 400 : kind === 'feishu' ? 9499 : 40035, 'invalid json');

    // Signatures, as each platform checks them.
    if (secret && kind === 'dingtalk') {
      const ts = Number(url.searchParams.get('timestamp'));
      const sign = url.searchParams.get('sign') ?? '';
      if (!Number.isFinite(ts) || Math.abs(now - ts) > HOUR_MS || !same(sign, hmac(secret, `${ts}\n${secret}`, 'base64')))
        return refuse(310000, 'sign not match');
    }
    if (secret && kind === 'feishu') {
      const ts = Number(json.timestamp);
      const sign = typeof json.sign === 'string' ? json.sign : '';
      if (!Number.isFinite(ts) || Math.abs(now - ts * 1000) > HOUR_MS || !same(sign, hmac(`${ts}\n${secret}`, '', 'base64')))
        return refuse(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
    if (secret && kind === 'webhook') {
      const ts = String(req.headers['x-sysward-timestamp'] ?? '');
      const sig = String(req.headers['x-sysward-signature'] ?? '');
      if (
        !/^\d+$/.test(ts) ||
        Math.abs(now - Number(ts) * 1000) > 5 * 60_000 ||
        !same(sig, `sha256=${hmac(secret, `${ts}.${raw}`, 'hex')}`)
      )
        return refuse(401, 'bad signature');
    }

    // The message shape.
    let text: string;
    if (kind === 'dingtalk' || kind === 'wecom') {
      if (json.msgtype !== 'text' || typeof json.text?.content !== 'string' || !json.text.content)
        return refuse(kind === 'dingtalk' ? 40035 : 40008, 'invalid message type');
      text = json.text.content;
      if (Buffer.byteLength(text, 'utf8') > TEXT_MAX_BYTES)
        return refuse(kind === 'dingtalk' ? 460101 : 45002, 'content size out of limit');
    } else if (kind === 'feishu') {
      if (json.msg_type !== 'text' || typeof json.content?.text !== 'string' || !json.content.text) return refuse(9499, 'Bad Request');
      text = json.content.text;
    } else {
      if (['event', 'title', 'body', 'link', 'sentAt'].some((k) => typeof json[k] !== 'string')) return refuse(400, 'bad payload');
      text = raw;
    }

    if (failing > 0) {
      failing--;
      if (kind === 'dingtalk') return refuse(130101, 'send too fast, exceed 20 times per minute');
      if (kind === 'wecom') return refuse(45009, 'api freq out of limit');
      if (kind === 'feishu') return refuse(11232, 'frequency limited');
      return refuse(503, 'unavailable');
    }

    received.push({ kind, id, text, json, headers: req.headers, signed: secret !== '', raw });
    for (const w of waiters) w();
    if (kind === 'feishu') return answer(res, 200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
    if (kind === 'webhook') return answer(res, 200, { received: true });
    return answer(res, 200, { errcode: 0, errmsg: 'ok' });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (hanging) {
        hung++;
        return;
      }
      handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    add(kind, id, secret = '') {
      endpoints.set(`${kind} ${id}`, secret);
      const enc = encodeURIComponent(id);
      if (kind === 'dingtalk') return `${origin}/robot/send?access_token=${enc}`;
      if (kind === 'wecom') return `${origin}/cgi-bin/webhook/send?key=${enc}`;
      if (kind === 'feishu') return `${origin}/open-apis/bot/v2/hook/${enc}`;
      return `${origin}/hook/${enc}`;
    },
    received,
    refused,
    failNext(n) {
      failing = n;
    },
    hang(on) {
      hanging = on;
    },
    get hung() {
      return hung;
    },
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          cleanup();
          resolve(received.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`expected ${count} robot message(s) within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
