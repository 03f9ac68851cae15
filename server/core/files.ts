// Attachment storage: bytes under <data>/attachments, metadata in the attachments table.
// The type is decided from the content, never from the name or the browser's claim; kinds that
// a browser would run as a page (HTML, SVG, XML) are refused outright.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { uuidv7 } from '../../shared/lib/ids.js';

export interface DetectedType {
  mime: string;
  /** Safe to show inline (images, PDF); everything else downloads. */
  inline: boolean;
}

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

export function detectType(buf: Buffer, fileName: string): DetectedType | null {
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', inline: true };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', inline: true };
  if (
    buf
      .subarray(0, 6)
      .toString('latin1')
      .match(/^GIF8[79]a$/)
  )
    return { mime: 'image/gif', inline: true };
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP')
    return { mime: 'image/webp', inline: true };
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', inline: true };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = fileName.toLowerCase().split('.').pop();
    const office: Record<string, string> = {
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    };
    // A ZIP is a ZIP whatever its name says; the name only picks which Office type to label it.
    return { mime: (ext && office[ext]) || 'application/zip', inline: false };
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mime: 'application/x-ole-storage', inline: false };
  // Plain text (logs, configs, CSV): valid UTF-8 or GB18030, no NUL, and not markup.
  if (!buf.includes(0)) {
    let text: string | null = null;
    for (const enc of ['utf-8', 'gb18030']) {
      try {
        // Streaming mode: the 64 KiB cut may fall inside a multi-byte character, which is not
        // an encoding error (without it, a long Chinese log was refused as "not text").
        text = new TextDecoder(enc, { fatal: true }).decode(buf.subarray(0, 64 * 1024), { stream: true });
        break;
      } catch {
        // try the next encoding
      }
    }
    if (text !== null && !/^\s*</.test(text.replace(/^\uFEFF/, ''))) return { mime: 'text/plain; charset=utf-8', inline: false };
  }
  return null;
}

export interface FileStore {
  save(buf: Buffer): Promise<{ key: string; sha256: string }>;
  read(key: string): Promise<Buffer>;
  /** Writes bytes under a known key (restore). */
  writeKey(key: string, buf: Buffer): Promise<void>;
  remove(key: string): Promise<void>;
  root: string;
}

export function createFileStore(dataDir: string): FileStore {
  const root = join(dataDir, 'attachments');
  // Keys are generated here (date folder + UUIDv7), never derived from a user's file name.
  const pathOf = (key: string) => {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return join(root, key);
  };
  return {
    root,
    async save(buf) {
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${uuidv7(now.getTime())}`;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a crash never leaves a half file under a real key.
      await writeFile(`${path}.part`, buf);
      await rename(`${path}.part`, path);
      return { key, sha256: createHash('sha256').update(buf).digest('hex') };
    },
    read: (key) => readFile(pathOf(key)),
    async writeKey(key, buf) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.part`, buf);
      await rename(`${path}.part`, path);
    },
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
