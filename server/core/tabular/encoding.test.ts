import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.js';
import { decodeText } from './encoding.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.code}/${e.details[0]?.reason ?? ''}`;
    throw e;
  }
  return 'no error';
}

test('GBK bytes written by hand decode as GB18030', () => {
  // '姓名,工号' in GBK: 姓 D0D5, 名 C3FB, 工 B9A4, 号 BAC5.
  const buf = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb9, 0xa4, 0xba, 0xc5, 0x0d, 0x0a]);
  assert.deepEqual(decodeText(buf), { text: '姓名,工号\r\n', encoding: 'gb18030' });
});

test('UTF-8 without and with BOM; the BOM is not part of the text', () => {
  assert.deepEqual(decodeText(Buffer.from('姓名,工号', 'utf8')), { text: '姓名,工号', encoding: 'utf-8' });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名', 'utf8')]);
  assert.deepEqual(decodeText(withBom), { text: '姓名', encoding: 'utf-8-bom' });
});

test('UTF-16 LE and BE with BOMs', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t工号', 'utf16le')]);
  assert.deepEqual(decodeText(le), { text: '姓名\t工号', encoding: 'utf-16le' });
  const be = Buffer.from(le).swap16(); // FE FF + big-endian units
  assert.deepEqual(decodeText(be), { text: '姓名\t工号', encoding: 'utf-16be' });
});

test('pure ASCII is reported as UTF-8', () => {
  assert.equal(decodeText(Buffer.from('name,no\r\n')).encoding, 'utf-8');
});

test('binary with NUL bytes is unreadable, not mojibake', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.equal(
    codeOf(() => decodeText(png)),
    'file.unreadable/binary',
  );
});

test('a single NUL in otherwise plain text is enough to call it binary', () => {
  const buf = Buffer.concat([Buffer.from('姓名,工号\r\n'.repeat(200)), Buffer.from([0x00]), Buffer.from('张三,1\r\n')]);
  assert.equal(
    codeOf(() => decodeText(buf)),
    'file.unreadable/binary',
  );
});

test('control-byte soup without NUL is unreadable too', () => {
  const bytes = Buffer.alloc(400);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((i * 37) % 255); // never 0, many < 0x20
  assert.equal(
    codeOf(() => decodeText(bytes)),
    'file.unreadable/binary',
  );
});

test('bytes that are neither UTF-8 nor GB18030 give file.encoding', () => {
  // 0xFF is never valid in UTF-8 nor as a GB18030 lead byte.
  assert.equal(
    codeOf(() => decodeText(Buffer.from([0x41, 0xff, 0x42]))),
    'file.encoding/unknown_encoding',
  );
});

test('a UTF-8 BOM followed by invalid UTF-8 is an encoding error, not silently GBK', () => {
  assert.equal(
    codeOf(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xd0, 0xd5]))),
    'file.encoding/invalid_bytes',
  );
});
