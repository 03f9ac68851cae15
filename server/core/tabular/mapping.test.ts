import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapHeaders, missingRequired, normaliseHeader, type FieldSpec } from './mapping.js';

const FIELDS: FieldSpec[] = [
  { key: 'name', header: '姓名', aliases: ['名字', 'Name'], required: true },
  { key: 'employeeNo', header: '工号', aliases: ['Employee No'], required: true },
  { key: 'phone', header: '手机', aliases: ['手机号', 'Mobile'] },
];

test('normaliseHeader removes spaces, markers, colons; NFKC and lower case', () => {
  for (const h of [
    '姓名',
    '姓 名',
    ' 姓名 ',
    '姓名*',
    '*姓名',
    '姓名（必填）',
    '姓名(必填)',
    '姓名：',
    '姓名:',
    '姓\u3000名',
    '姓名\n(必填)',
    '姓名【必填】',
  ]) {
    assert.equal(normaliseHeader(h), '姓名', h);
  }
  assert.equal(normaliseHeader('Ｎａｍｅ'), 'name');
  assert.equal(normaliseHeader('Employee  No'), 'employeeno');
  // Brackets that are not a marker are meaning, and stay.
  assert.equal(normaliseHeader('手机(11位)'), '手机(11位)');
});

test('mapHeaders: aliases in any language, first duplicate wins, unknown → null', () => {
  const cols = mapHeaders(['序号', 'NAME', '姓名', '手机号 *', 'employee no'], FIELDS);
  assert.deepEqual(cols, [
    { header: '序号', field: null },
    { header: 'NAME', field: 'name' },
    { header: '姓名', field: null },
    { header: '手机号 *', field: 'phone' },
    { header: 'employee no', field: 'employeeNo' },
  ]);
});

test('missingRequired lists required keys without a column', () => {
  assert.deepEqual(missingRequired(mapHeaders(['姓名', '手机'], FIELDS), FIELDS), ['employeeNo']);
  assert.deepEqual(missingRequired(mapHeaders(['工号', '名字'], FIELDS), FIELDS), []);
});
