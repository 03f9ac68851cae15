// A workbook is a ZIP; a "zip bomb" is a small one that inflates to gigabytes and would take
// the whole server's memory with it. Before any XLSX parser sees the file, every entry is
// inflated here against a shared budget: past it, the file is refused. Declared sizes are not
// trusted (a bomb can lie about them); the inflater itself stops at the budget.
import { inflateRawSync } from 'node:zlib';

/** What the entries of one workbook may inflate to, together. Real 100,000-row sheets stay far below. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

export type ZipVerdict = 'ok' | 'too_large' | 'corrupt';

export function checkZip(buf: Buffer, budget = MAX_INFLATED_BYTES): ZipVerdict {
  // End of central directory: the last record, at most 64 KB of comment from the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'corrupt';
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let left = budget;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return 'corrupt';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + extraLen + commentLen;
    // ZIP64 markers: no spreadsheet we accept needs them.
    if (compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff) return 'too_large';
    if (declared > left) return 'too_large';
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return 'corrupt';
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) {
      left -= data.length;
    } else if (method === 8) {
      try {
        left -= inflateRawSync(data, { maxOutputLength: Math.max(1, left) }).length;
      } catch (err) {
        return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'corrupt';
      }
    } else {
      return 'corrupt';
    }
    if (left < 0) return 'too_large';
  }
  return 'ok';
}
