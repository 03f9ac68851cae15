import type { FastifyReply } from 'fastify';
import { wallClock } from '../clock.js';

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** Sends bytes as a download: never rendered inline, never sniffed, name safe in any browser. */
export function sendDownload(reply: FastifyReply, body: Buffer, fileName: string, mime: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(body);
}

/** A timestamp for file names in the organisation's time zone: 20261129-1530. */
export function fileStamp(now: number, timeZone: string): string {
  const w = wallClock(now, timeZone);
  return `${w.year}${w.month}${w.day}-${w.hour}${w.minute}`;
}

/**
 * Sends a PDF we generated to be shown in the browser's viewer (labels, slips, reports). Not
 * sandboxed like other downloads: the viewer will not run in a sandboxed document, and the bytes
 * are ours, never a user's upload.
 */
export function sendPdf(reply: FastifyReply, body: Buffer, fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', MIME.pdf)
    .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);
}
