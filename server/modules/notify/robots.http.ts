// One JSON POST to a robot platform or webhook, bounded every way a peer could hold us: a total
// deadline, a cap on the answer's size, no redirects followed. Failures become a DeliveryError
// whose reason is safe to store; the address (it carries the access token) is in no error text.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryReason } from '../../../shared/contracts/notify.js';
import { DeliveryError } from './notify.types.js';

export const ROBOT_TIMEOUT_MS = 10_000;
/** A platform's answer is a few dozen bytes; anything this big is not one. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export interface HttpAnswer {
  status: number;
  /** The answer as text, at most MAX_ANSWER_BYTES. */
  text: string;
}

const NETWORK_REASONS: Record<string, DeliveryReason> = {
  ECONNREFUSED: 'connection_refused',
  ENOTFOUND: 'dns_failed',
  EAI_AGAIN: 'dns_failed',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
};

/** The safe reason of a socket, DNS or TLS failure. */
export function networkReason(err: unknown): DeliveryReason {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
  if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (/CERT|TLS|SSL/.test(code)) return 'tls_failed';
  return 'connection_failed';
}

export function postJson(url: URL, body: string, headers: Record<string, string> = {}, timeoutMs = ROBOT_TIMEOUT_MS): Promise<HttpAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = Buffer.from(body, 'utf8');
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    let req: ClientRequest | null = null;
    const finish = (err: DeliveryError | null, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req?.destroy();
        reject(err);
      } else resolve(answer!);
    };
    const timer = setTimeout(() => finish(new DeliveryError('timeout')), timeoutMs);
    req = send(
      url,
      {
        method: 'POST',
        // A fresh connection per message: deliveries are rare, and no socket outlives its answer.
        agent: false,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(payload.length),
          'user-agent': 'Sysward',
          ...headers,
        },
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) return finish(new DeliveryError('bad_response'));
          chunks.push(chunk);
        });
        res.on('end', () => finish(null, { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => finish(new DeliveryError(networkReason(err))));
      },
    );
    req.on('error', (err) => finish(new DeliveryError(networkReason(err))));
    req.end(payload);
  });
}
