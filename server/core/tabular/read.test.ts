import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import type { FieldSpec } from './mapping.js';
import { readTable } from './read.js';

const PEOPLE: FieldSpec[] = [
  { key: 'name', header: '姓名', aliases: ['名字', 'Name'], required: true },
  { key: 'employeeNo', header: '工号', aliases: ['学号', 'Employee No'], required: true },
  { key: 'dept', header: '部门', aliases: ['Department'] },
  { key: 'phone', header: '手机', aliases: ['手机号', 'Phone'] },
  { key: 'email', header: '邮箱', aliases: ['Email'] },
  { key: 'joined', header: '入职日期', aliases: ['Joined'] },
];
const OPTS = { fields: PEOPLE, maxRows: 1000 };

// A tiny GBK encoder: the table is built by decoding every GBK double-byte code with the
// platform's decoder, and checked against bytes known by heart before anything relies on it.
const gbkTable = new Map<string, number[]>();
{
  const dec = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = dec.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
}
function gbk(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; reason: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, reason: e.details[0]?.reason ?? '', params: e.details[0]?.params ?? {} };
    throw e;
  }
  assert.fail('expected an AppError');
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the GBK test encoder agrees with known bytes', () => {
  assert.deepEqual([...gbk('姓名')], [0xd0, 0xd5, 0xc3, 0xfb]);
  assert.equal(new TextDecoder('gbk').decode(gbk('信息中心人员名单')), '信息中心人员名单');
});

test('GBK CSV as saved by Excel: title, blank row, header on row 3, Chinese rows', async () => {
  const text =
    '2026年信息中心人员名单,,,,\r\n' +
    ',,,,\r\n' +
    '姓名,工号,部门,手机,邮箱\r\n' +
    '张三,0012,信息中心,13800138000,zhangsan@example.com\r\n' +
    '李四,0013,"教务处,办公室",13900139000,lisi@example.com\r\n' +
    ',,,,\r\n' +
    '欧阳娜娜,0014,后勤处,,\r\n';
  const t = await readTable(gbk(text), '人员.csv', OPTS);
  assert.equal(t.format, 'csv');
  assert.equal(t.encoding, 'gb18030');
  assert.equal(t.sheetName, null);
  assert.equal(t.headerRow, 3);
  assert.deepEqual(t.headers, ['姓名', '工号', '部门', '手机', '邮箱']);
  assert.deepEqual(
    t.columns.map((c) => c.field),
    ['name', 'employeeNo', 'dept', 'phone', 'email'],
  );
  assert.deepEqual(t.rows, [
    { rowNumber: 4, values: { name: '张三', employeeNo: '0012', dept: '信息中心', phone: '13800138000', email: 'zhangsan@example.com' } },
    { rowNumber: 5, values: { name: '李四', employeeNo: '0013', dept: '教务处,办公室', phone: '13900139000', email: 'lisi@example.com' } },
    { rowNumber: 7, values: { name: '欧阳娜娜', employeeNo: '0014', dept: '后勤处', phone: '', email: '' } },
  ]);
});

test('UTF-8 with and without BOM, values trimmed, unknown columns ignored', async () => {
  const text = '序号,姓名 ,工号*,备注\n1, 张三 ,A01,x\n';
  for (const buf of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
    const t = await readTable(buf, 'a.csv', OPTS);
    assert.deepEqual(t.columns, [
      { header: '序号', field: null },
      { header: '姓名', field: 'name' },
      { header: '工号*', field: 'employeeNo' },
      { header: '备注', field: null },
    ]);
    assert.deepEqual(t.rows, [{ rowNumber: 2, values: { name: '张三', employeeNo: 'A01' } }]);
  }
});

test('UTF-16LE tab-separated ("Unicode text" from Excel)', async () => {
  const text = '姓名\t工号\t部门\r\n张三\t1\t信息中心\r\n';
  const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const t = await readTable(buf, 'a.txt', OPTS);
  assert.equal(t.encoding, 'utf-16le');
  assert.deepEqual(t.rows, [{ rowNumber: 2, values: { name: '张三', employeeNo: '1', dept: '信息中心' } }]);
});

test('semicolon CSV and quoted fields with newlines; row numbers count records', async () => {
  const text = 'Name;Employee No;Department\r\n"Zhang; San";"1";"IT\r\nDesk"\r\nLi Si;2;HR\r\n';
  const t = await readTable(Buffer.from(text), 'a.csv', OPTS);
  assert.deepEqual(t.rows, [
    { rowNumber: 2, values: { name: 'Zhang; San', employeeNo: '1', dept: 'IT\r\nDesk' } },
    { rowNumber: 3, values: { name: 'Li Si', employeeNo: '2', dept: 'HR' } },
  ]);
});

test('XLSX: title row, numbers stay plain, dates formatted, formulas/rich text/links/errors', async () => {
  const buf = await xlsx((wb) => {
    const hidden = wb.addWorksheet('旧数据');
    hidden.state = 'hidden';
    hidden.addRow(['姓名', '工号']);
    hidden.addRow(['不该读到', '999']);
    wb.addWorksheet('空表');
    const ws = wb.addWorksheet('人员');
    ws.getCell('A1').value = '2026年信息中心人员名单';
    ws.mergeCells('A1:F1');
    ws.getCell('A2').value = '注：手机号请填写 11 位';
    ws.addRow([]);
    ws.getRow(4).values = ['姓名', '工号', '部门', '手机', '邮箱', '入职日期'];
    ws.getRow(5).values = [
      '张三',
      20260001,
      { richText: [{ text: '信息' }, { text: '中心', font: { bold: true } }] },
      13800138000,
      { text: 'zs@example.com', hyperlink: 'mailto:zs@example.com' },
      new Date(Date.UTC(2026, 0, 5)),
    ];
    ws.getRow(6).values = [
      '李四',
      { formula: 'B5+1', result: 20260002 },
      { error: '#N/A' } as ExcelJS.CellErrorValue,
      0.1 + 0.2,
      true,
      new Date(Date.UTC(2026, 2, 1, 9, 30)),
    ];
    ws.getRow(7).values = ['王五', 1e21, '', -0.0000005, false, null];
  });
  const t = await readTable(buf, '人员.xlsx', OPTS);
  assert.equal(t.format, 'xlsx');
  assert.equal(t.encoding, null);
  assert.equal(t.sheetName, '人员');
  assert.equal(t.headerRow, 4);
  assert.deepEqual(t.rows, [
    {
      rowNumber: 5,
      values: {
        name: '张三',
        employeeNo: '20260001',
        dept: '信息中心',
        phone: '13800138000',
        email: 'zs@example.com',
        joined: '2026-01-05',
      },
    },
    { rowNumber: 6, values: { name: '李四', employeeNo: '20260002', dept: '', phone: '0.3', email: 'TRUE', joined: '2026-03-01 09:30' } },
    {
      rowNumber: 7,
      values: { name: '王五', employeeNo: '1000000000000000000000', dept: '', phone: '-0.0000005', email: 'FALSE', joined: '' },
    },
  ]);
});

test('XLSX: merged title does not repeat into other cells', async () => {
  const buf = await xlsx((wb) => {
    const ws = wb.addWorksheet('S');
    ws.addRow(['姓名', '工号', '部门']);
    ws.addRow(['张三', '1', '信息中心']);
    ws.mergeCells('C2:C3');
    ws.getCell('A3').value = '李四';
    ws.getCell('B3').value = '2';
  });
  const t = await readTable(buf, 's.xlsx', OPTS);
  assert.deepEqual(t.rows[1], { rowNumber: 3, values: { name: '李四', employeeNo: '2', dept: '' } });
});

test('no header in the first 30 rows → file.no_header listing the required headers', async () => {
  const f = await failure(readTable(Buffer.from('名单\n甲,乙,丙\n1,2,3\n'), 'x.csv', OPTS));
  assert.deepEqual(f, { code: 'file.no_header', reason: 'no_header', params: { expected: ['姓名', '工号'], fileName: 'x.csv' } });
  // A header on row 31 is too late.
  const late = '\n'.repeat(30) + '姓名,工号\n张三,1\n';
  assert.equal((await failure(readTable(Buffer.from(late), 'x.csv', OPTS))).code, 'file.no_header');
  // ...while on row 30 it is found.
  const ok = await readTable(Buffer.from('\n'.repeat(29) + '姓名,工号\n张三,1\n'), 'x.csv', OPTS);
  assert.equal(ok.headerRow, 30);
});

test('one matching header is not enough, unless it is the only required field', async () => {
  const text = '人员名单（姓名）\n姓名,其他\n张三,x\n';
  assert.equal((await failure(readTable(Buffer.from(text), 'x.csv', OPTS))).code, 'file.no_header');
  const single: FieldSpec[] = [
    { key: 'name', header: '姓名', aliases: [], required: true },
    { key: 'note', header: '备注', aliases: [] },
  ];
  const t = await readTable(Buffer.from(text), 'x.csv', { fields: single, maxRows: 10 });
  assert.equal(t.headerRow, 2);
  assert.deepEqual(t.rows, [{ rowNumber: 3, values: { name: '张三' } }]);
});

test('the row with the most matching headers wins over an earlier weaker one', async () => {
  const text = '姓名,工号\n说明,只是说明\n姓名,工号,部门,手机\n张三,1,IT,138\n';
  const t = await readTable(Buffer.from(text), 'x.csv', OPTS);
  assert.equal(t.headerRow, 3);
  assert.equal(t.rows.length, 1);
});

test('too many rows: maxRows data rows pass, one more fails; blank rows do not count', async () => {
  const body = (n: number): string => '姓名,工号\n' + Array.from({ length: n }, (_, i) => `人${i},${i}\n,\n`).join('');
  const t = await readTable(Buffer.from(body(3)), 'x.csv', { fields: PEOPLE, maxRows: 3 });
  assert.equal(t.rows.length, 3);
  const f = await failure(readTable(Buffer.from(body(4)), 'x.csv', { fields: PEOPLE, maxRows: 3 }));
  assert.deepEqual(f, { code: 'file.too_many_rows', reason: 'too_many_rows', params: { max: 3, fileName: 'x.csv' } });
});

test('format by content: .xls magic rejected, .xlsx renamed .csv still read, zip without workbook refused', async () => {
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  assert.deepEqual(await failure(readTable(ole, '人员.xls', OPTS)), {
    code: 'file.type_not_allowed',
    reason: 'xls_not_supported',
    params: { fileName: '人员.xls' },
  });

  const real = await xlsx((wb) => {
    const ws = wb.addWorksheet('S');
    ws.addRow(['姓名', '工号']);
    ws.addRow(['张三', 7]);
  });
  const t = await readTable(real, 'renamed.csv', OPTS);
  assert.equal(t.format, 'xlsx');
  assert.deepEqual(t.rows, [{ rowNumber: 2, values: { name: '张三', employeeNo: '7' } }]);

  // A truncated workbook: ZIP magic and the part name are there, the archive is not.
  const truncated = real.subarray(0, Math.floor(real.length / 2));
  const cut = Buffer.concat([truncated, Buffer.from('xl/workbook.xml')]);
  assert.equal((await failure(readTable(cut, 'a.xlsx', OPTS))).reason, 'corrupt_xlsx');

  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);
  assert.equal((await failure(readTable(zip, 'a.xlsx', OPTS))).code, 'file.type_not_allowed');
});

test('random binary and empty files are rejected as unreadable', async () => {
  let seed = 42;
  const random = Buffer.alloc(4096);
  for (let i = 0; i < random.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    random[i] = seed >> 16;
  }
  assert.equal((await failure(readTable(random, 'a.csv', OPTS))).code, 'file.unreadable');
  assert.equal((await failure(readTable(Buffer.alloc(0), 'a.csv', OPTS))).reason, 'empty');
});
