// Yuan ↔ fen conversions: exact for every two-decimal amount, refusing anything else.
// Run: node --import tsx --test web/src/modules/assets/components/list/money.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fenToYuanText, formatYuan, yuanToFen } from './money.js';

test('yuan text becomes exact fen', () => {
  assert.equal(yuanToFen('5600'), 560000);
  assert.equal(yuanToFen('5600.5'), 560050);
  assert.equal(yuanToFen('0.29'), 29);
  assert.equal(yuanToFen('1.13'), 113);
  assert.equal(yuanToFen('¥5,600.07'), 560007);
  assert.equal(yuanToFen(' 12. '), 1200);
  assert.equal(yuanToFen('9999999999.99'), 999999999999);
});

test('numbers with binary noise still give the intended fen', () => {
  assert.equal(yuanToFen(0.1 + 0.2), 30);
  assert.equal(yuanToFen(4.35), 435);
  assert.ok(Number.isNaN(yuanToFen(1.005)));
});

test('empty is null, nonsense and a third decimal are NaN', () => {
  assert.equal(yuanToFen(''), null);
  assert.equal(yuanToFen(null), null);
  assert.ok(Number.isNaN(yuanToFen('1.234')));
  assert.ok(Number.isNaN(yuanToFen('-5')));
  assert.ok(Number.isNaN(yuanToFen('abc')));
});

test('fen reads back as yuan', () => {
  assert.equal(fenToYuanText(560050), '5600.50');
  assert.equal(fenToYuanText(7), '0.07');
  assert.equal(fenToYuanText(null), '');
  assert.equal(formatYuan(560000), '¥5,600.00');
  assert.equal(formatYuan(123456789), '¥1,234,567.89');
  assert.equal(formatYuan(null), '');
});
