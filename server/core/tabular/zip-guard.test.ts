// The zip-bomb guard on real ZIPs: a real workbook passes, a bomb (small file, huge inflated
// entry, honest or lying about its size) is refused, and garbage is "corrupt".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkZip } from './zip-guard.js';

/** A one-entry ZIP with a deflated entry and the uncompressed size it claims. */
function zipOf(content: Buffer, claimedSize = content.length): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const body = Buffer.concat([local, name, data]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, central, name, eocd]);
}

test('a real workbook passes', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('资产').addRows([
    ['资产编号', '名称'],
    ['IT-1', '台式机'],
  ]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  assert.equal(checkZip(buf), 'ok');
});

test('a bomb is refused whether it declares its size or lies about it', () => {
  const huge = Buffer.alloc(64 * 1024 * 1024, 0x41);
  assert.equal(checkZip(zipOf(huge), 16 * 1024 * 1024), 'too_large');
  const liar = zipOf(huge, 1000);
  assert.ok(liar.length < 200_000, `bomb is small: ${liar.length}`);
  assert.equal(checkZip(liar, 16 * 1024 * 1024), 'too_large');
  assert.equal(checkZip(zipOf(Buffer.from('<workbook/>'))), 'ok');
});

test('garbage is corrupt, not a crash', () => {
  assert.equal(checkZip(Buffer.from('PK\u0003\u0004 not really a zip')), 'corrupt');
  const z = zipOf(Buffer.from('<workbook/>'));
  z.writeUInt32LE(0xdeadbeef, z.length - 22 - 46 - 'xl/workbook.xml'.length);
  assert.equal(checkZip(z), 'corrupt');
});
