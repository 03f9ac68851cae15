import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortKey } from './sort-key.js';

const sorted = (names: string[]) => [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

test('Chinese names sort by pinyin, surnames read as surnames', () => {
  assert.deepEqual(sorted(['张伟', '于杰', '丁俊浩', '曾小贤', '单雄信', '安然']), ['安然', '丁俊浩', '单雄信', '于杰', '曾小贤', '张伟']);
});

test('numbers sort naturally and Latin text mixes in case-insensitively', () => {
  assert.deepEqual(sorted(['高一(10)班', '高一(2)班', '高一(1)班']), ['高一(1)班', '高一(2)班', '高一(10)班']);
  assert.deepEqual(sorted(['IT部', 'admin组', '财务部']), ['admin组', '财务部', 'IT部']);
  assert.equal(sortKey('机房101'), sortKey('机房0101'));
});
