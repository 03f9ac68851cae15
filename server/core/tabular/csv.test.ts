import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectDelimiter, parseCsv, toCsv } from './csv.js';

test('quoted fields keep commas, doubled quotes and newlines', () => {
  const text = '姓名,备注\r\n张三,"住在北京,海淀区"\r\n李四,"他说""你好"""\r\n王五,"第一行\r\n第二行"\r\n';
  assert.deepEqual(parseCsv(text), [
    ['姓名', '备注'],
    ['张三', '住在北京,海淀区'],
    ['李四', '他说"你好"'],
    ['王五', '第一行\r\n第二行'],
  ]);
});

test('LF, CRLF and lone CR line ends; final newline adds no record; blank line is a record', () => {
  assert.deepEqual(parseCsv('a,b\nc,d\n'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(parseCsv('a,b\rc,d'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(parseCsv('a,b\r\n\r\nc,d\r\n'), [['a', 'b'], [''], ['c', 'd']]);
  assert.deepEqual(parseCsv('a,\n'), [['a', '']]);
});

test('lenient like Excel: stray quotes inside a field stay, unterminated quote runs to the end', () => {
  assert.deepEqual(parseCsv('a,5"屏,c'), [['a', '5"屏', 'c']]);
  assert.deepEqual(parseCsv('a,"b\nc'), [['a', 'b\nc']]);
});

test('delimiter detection: semicolon file with decimal commas', () => {
  const text = '名称;数量;单价\n苹果;1,5;2,25\n梨;3;4,5\n';
  assert.equal(detectDelimiter(text), ';');
  assert.deepEqual(parseCsv(text)[1], ['苹果', '1,5', '2,25']);
});

test('delimiter detection: tab file, comma file with a semicolon in a note, title row ignored', () => {
  assert.equal(detectDelimiter('名单\n姓名\t工号\t备注\n张三\t1\ta,b\n李四\t2\tc\n'), '\t');
  assert.equal(detectDelimiter('姓名,工号,备注\n张三,1,a;b\n李四,2,c\n'), ',');
  // Quoted delimiters do not count.
  assert.equal(detectDelimiter('"a;b;c;d",x\n"e;f;g",y\n'), ',');
});

test('toCsv quotes only when needed and writes CRLF; parse(toCsv(x)) is x', () => {
  const rows = [
    ['姓名', '备注'],
    ['张三', 'a,b'],
    ['李四', '说"好"'],
    ['王五', '两\n行'],
    ['', ' 空格 '],
  ];
  const text = toCsv(rows);
  assert.equal(text, '姓名,备注\r\n张三,"a,b"\r\n李四,"说""好"""\r\n王五,"两\n行"\r\n, 空格 \r\n');
  assert.deepEqual(parseCsv(text), rows);
});
