// The zip-bomb guard on real ZIPs: a real workbook passes, a bomb (small file, huge inflated
// entry, honest or lying about its size) is refused, and garbage is "corrupt".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { zipOf } from '../../test/fixtures.js';
import { checkZip } from './zip-guard.js';

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
