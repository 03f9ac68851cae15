// What each platform expects: the request (address, headers, JSON body, signature) and how to
// read its answer. Text only (msgtype text, never markdown or cards), so a ticket title someone
// typed never becomes a link, an image or a mention in the group chat.
import { createHmac } from 'node:crypto';
import type { RobotKind } from '../../../shared/contracts/notify-robots.js';
import { DeliveryError } from './notify.types.js';
import type { HttpAnswer } from './robots.http.js';

/** DingTalk and WeCom refuse text over 2048 bytes; Feishu gets the same so all chats read alike. */
export const CHAT_TEXT_MAX_BYTES = 2048;

/** One message to one robot, as the channel stored it. */
export interface RobotMessage {
  event: string;
  title: string;
  body: string;
  /** Absolute address of the page (notify.baseUrl + the app path). */
  link: string;
  entity: { type: string; id: string } | null;
}

export interface RobotRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, cut between characters. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * Title, body and link as one chat message within the byte limit. The body gives way first, so
 * the link that leads to the page survives a long description.
 */
export function chatText(m: Pick<RobotMessage, 'title' | 'body' | 'link'>, maxBytes = CHAT_TEXT_MAX_BYTES): string {
  const body = m.body.trim();
  const whole = [m.title, body, m.link].filter(Boolean).join('\n');
  if (Buffer.byteLength(whole, 'utf8') <= maxBytes) return whole;
  const frame = `${m.title}\n\n${m.link}`;
  const room = maxBytes - Buffer.byteLength(frame, 'utf8') - Buffer.byteLength('…', 'utf8');
  if (room > 0 && body) return `${m.title}\n${cutToBytes(body, room)}…\n${m.link}`;
  return cutToBytes(whole, maxBytes);
}

/** Feishu turns <at user_id="all"></at> in plain text into a mention of everyone: not from a typed title. */
function noFeishuMentions(text: string): string {
  return text.replace(/<(\s*\/?\s*at\b)/gi, '＜$1');
}

const hmacBase64 = (key: string, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('base64');

/** DingTalk 加签: base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)), timestamp in ms. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return hmacBase64(secret, `${timestampMs}\n${secret}`);
}

/** Feishu 签名校验: base64(HMAC-SHA256(key = timestamp + "\n" + secret, empty message)), timestamp in s. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return hmacBase64(`${timestampSeconds}\n${secret}`, '');
}

/** Our own webhooks: hex HMAC-SHA256(secret, timestamp + "." + raw body), timestamp in s. */
export function webhookSignature(secret: string, timestampSeconds: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`, 'utf8').digest('hex')}`;
}

export function buildRequest(robot: { kind: RobotKind; url: string; secret: string }, m: RobotMessage, now: number): RobotRequest {
  const url = new URL(robot.url);
  const seconds = Math.floor(now / 1000);
  switch (robot.kind) {
    case 'dingtalk': {
      if (robot.secret) {
        url.searchParams.set('timestamp', String(now));
        url.searchParams.set('sign', dingtalkSign(robot.secret, now));
      }
      return { url, headers: {}, body: JSON.stringify({ msgtype: 'text', text: { content: chatText(m) } }) };
    }
    case 'wecom':
      return { url, headers: {}, body: JSON.stringify({ msgtype: 'text', text: { content: chatText(m) } }) };
    case 'feishu': {
      const signing = robot.secret ? { timestamp: String(seconds), sign: feishuSign(robot.secret, seconds) } : {};
      const text = noFeishuMentions(chatText(m));
      return { url, headers: {}, body: JSON.stringify({ ...signing, msg_type: 'text', content: { text } }) };
    }
    case 'webhook': {
      const body = JSON.stringify({
        event: m.event,
        title: m.title,
        body: m.body,
        link: m.link,
        entity: m.entity,
        sentAt: new Date(now).toISOString(),
      });
      const headers: Record<string, string> = robot.secret
        ? { 'x-sysward-timestamp': String(seconds), 'x-sysward-signature': webhookSignature(robot.secret, seconds, body) }
        : {};
      return { url, headers, body };
    }
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Throws the DeliveryError the answer stands for; returns when the platform accepted the message. */
export function checkAnswer(kind: RobotKind, answer: HttpAnswer): void {
  const ok2xx = answer.status >= 200 && answer.status < 300;
  if (kind === 'webhook') {
    if (!ok2xx) throw new DeliveryError('http_error');
    return;
  }
  // DingTalk answers 200 with an errcode even for a wrong token; other statuses are not its answer.
  if (kind === 'dingtalk' ? answer.status !== 200 : !ok2xx) throw new DeliveryError('http_error');
  const json = parseJson(answer.text);
  if (!json) throw new DeliveryError('bad_response');
  const code = kind === 'feishu' ? (json.code ?? json.StatusCode) : json.errcode;
  if (typeof code !== 'number') throw new DeliveryError('bad_response');
  if (code !== 0) throw new DeliveryError('rejected');
}
