// Turning the bytes of an uploaded text file into a string. Excel in China saves "CSV" in the
// ANSI code page, which is GBK, while newer tools write UTF-8 (with or without a BOM) and
// Excel's "Unicode text" is UTF-16LE with a BOM. We never guess from the file name: BOMs
// first, then strict UTF-8 (GBK text is almost never valid UTF-8), then GB18030 (a superset
// of GBK, so every GBK file decodes).
import { AppError, CoreErrors } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(buf: Buffer): DecodedText {
  // BOMs are unambiguous; the BOM itself is not part of the text (ignoreBOM keeps the decoder
  // from eating a second one, so we slice it off ourselves and say what we did).
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    return { text: decodeStrict('utf-8', buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(buf, [0xff, 0xfe])) {
    return { text: decodeStrict('utf-16le', buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(buf, [0xfe, 0xff])) {
    return { text: decodeStrict('utf-16be', buf.subarray(2)), encoding: 'utf-16be' };
  }

  // Without a UTF-16 BOM, a text file has no business containing NUL or many control bytes.
  // Checking raw bytes is sound for both UTF-8 and GBK: neither uses bytes below 0x20 inside
  // a multi-byte character. This is what turns an image or a .zip renamed to .csv into a clear
  // "unreadable" instead of a page of mojibake (GB18030 decodes almost any byte soup).
  if (looksBinary(buf)) {
    throw new AppError(CoreErrors['file.unreadable'], [{ reason: 'binary' }], 'file is not text');
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to GBK
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030' };
  } catch {
    throw new AppError(CoreErrors['file.encoding'], [{ reason: 'unknown_encoding' }], 'file is neither UTF-8 nor GBK');
  }
}

function decodeStrict(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // A BOM promised this encoding and the bytes broke the promise.
    throw new AppError(CoreErrors['file.encoding'], [{ reason: 'invalid_bytes', params: { encoding: label } }]);
  }
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/**
 * NUL anywhere, or more than 1% control bytes other than tab, LF, VT, FF, CR and the old DOS
 * end-of-file mark 0x1A, means binary. Real CSVs have essentially none.
 */
function looksBinary(buf: Buffer): boolean {
  let controls = 0;
  for (const b of buf) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f) {
      controls++;
    }
  }
  return controls > 0 && controls > buf.length / 100;
}
