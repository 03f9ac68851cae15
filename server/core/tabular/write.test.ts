import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv.js';
import { decodeText } from './encoding.js';
import { ERROR_HEADER, ROW_NUMBER_HEADER, writeErrorReport } from './errors-report.js';
import type { FieldSpec } from './mapping.js';
import { readTable } from './read.js';
import { HELP_SHEET, TEMPLATE_SHEET, writeTemplate } from './template.js';
import { neutraliseCell, writeCsv, writeXlsx, type ColumnSpec } from './write.js';

interface Person {
  name: string;
  no: string;
  dept: string | null;
  score: number | null;
}

const FIELDS: FieldSpec[] = [
  { key: 'name', header: '姓名', aliases: ['名字', 'Name'], required: true },
  { key: 'no', header: '工号', aliases: ['学号'], required: true },
  { key: 'dept', header: '部门', aliases: ['Department'] },
  { key: 'score', header: '分数', aliases: [] },
];

const COLUMNS: ColumnSpec<Person>[] = [
  { key: 'name', header: '姓名', width: 12, value: (p) => p.name },
  { key: 'no', header: '工号', value: (p) => p.no },
  { key: 'dept', header: '部门', value: (p) => p.dept },
  { key: 'score', header: '分数', value: (p) => p.score },
];

const NASTY = ['=HYPERLINK("http://x","点我")', '+1', '@SUM(A1:A2)', '-2', '\tcmd', '\rx'];

async function loadXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

/** Cell values of one row from column A, without exceljs's empty slot 0. */
function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  const r = ws.getRow(row);
  return Array.from({ length: r.cellCount }, (_, i) => r.getCell(i + 1).value);
}

test('neutraliseCell: formula starters get an apostrophe, others untouched', () => {
  assert.deepEqual(
    NASTY.map((v) => neutraliseCell(v)),
    NASTY.map((v) => `'${v}`),
  );
  assert.equal(neutraliseCell('-12.5'), "'-12.5");
  assert.equal(neutraliseCell('+8613800000000'), "'+8613800000000");
  for (const safe of ['张三', 'a=b', '12', ' =x', '', "'=x"]) assert.equal(neutraliseCell(safe), safe);
  assert.equal(neutraliseCell(-2), -2);
  assert.equal(neutraliseCell(null), null);
});

test('CSV export: BOM, CRLF, neutralised cells, plain numbers, reads back through readTable', async () => {
  const people: Person[] = NASTY.map((v, i) => ({ name: `人${i}`, no: v, dept: null, score: i === 0 ? 13800138000 : 1e-7 }));
  const buf = await writeCsv(COLUMNS, people);
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = buf.subarray(3).toString('utf8');
  assert.ok(text.startsWith('姓名,工号,部门,分数\r\n'));
  assert.ok(!/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'every line end outside quotes is CRLF');
  assert.deepEqual(parseCsv(text)[1], ['人0', `'=HYPERLINK("http://x","点我")`, '', '13800138000']);
  assert.equal(parseCsv(text)[2]?.[3], '0.0000001');

  const t = await readTable(buf, 'out.csv', { fields: FIELDS, maxRows: 100 });
  assert.equal(t.encoding, 'utf-8-bom');
  // The file holds the apostrophes (above); reading our own export back restores the originals.
  assert.deepEqual(
    t.rows.map((r) => r.values.no),
    NASTY,
  );
});

test('XLSX export: bold frozen header, widths, strings stay strings, numbers stay numbers, neutralised', async () => {
  const people: Person[] = [
    { name: '张三', no: '00123', dept: '信息中心', score: 13800138000 },
    ...NASTY.map((v) => ({ name: v, no: '1', dept: null, score: null })),
  ];
  const buf = await writeXlsx('人员', COLUMNS, people);
  const wb = await loadXlsx(buf);
  const ws = wb.getWorksheet('人员')!;
  assert.ok(ws);
  assert.equal(ws.getCell('A1').value, '姓名');
  assert.equal(ws.getCell('A1').font?.bold, true);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
  assert.equal(ws.getColumn(1).width, 12);
  assert.equal(ws.getCell('B2').value, '00123'); // string, leading zeros kept
  assert.equal(ws.getCell('D2').value, 13800138000); // a real number cell
  assert.equal(ws.getCell('D3').value, null);
  assert.deepEqual(
    NASTY.map((_, i) => ws.getCell(3 + i, 1).value),
    // XML reading turns a lone CR into LF (XML line-end normalisation); the apostrophe stays.
    NASTY.map((v) => `'${v}`.replace('\r', '\n')),
  );
  for (let i = 0; i < NASTY.length; i++) assert.equal(ws.getCell(3 + i, 1).formula, undefined);
});

test('export → import round trip is lossless for Chinese text, in both formats', async () => {
  const people: Person[] = [
    { name: '欧阳娜娜', no: '20260001', dept: '教务处，办公室', score: 95.5 },
    { name: '𠮷野家', no: '20260002', dept: '后勤处 "一楼"\n东侧', score: 0 },
    { name: '张 三', no: '0007', dept: '信息中心,网络组', score: -3 },
  ];
  const expected = [
    { name: '欧阳娜娜', no: '20260001', dept: '教务处，办公室', score: '95.5' },
    { name: '𠮷野家', no: '20260002', dept: '后勤处 "一楼"\n东侧', score: '0' },
    // -3 is a number: not neutralised, read back as plain '-3'.
    { name: '张 三', no: '0007', dept: '信息中心,网络组', score: '-3' },
  ];
  for (const format of ['xlsx', 'csv'] as const) {
    const buf = format === 'xlsx' ? await writeXlsx('人员', COLUMNS, people) : await writeCsv(COLUMNS, people);
    const t = await readTable(buf, `out.${format}`, { fields: FIELDS, maxRows: 10 });
    assert.equal(t.format, format);
    assert.deepEqual(
      t.rows.map((r) => r.values),
      expected,
      format,
    );
    assert.deepEqual(
      t.rows.map((r) => r.rowNumber),
      [2, 3, 4],
    );
  }
});

test('XLSX export streams from an async iterable of 20k rows', async () => {
  async function* many(): AsyncGenerator<Person> {
    for (let i = 0; i < 20_000; i++) yield { name: `人员${i}`, no: String(i), dept: '部门', score: i };
  }
  const buf = await writeXlsx('人员', COLUMNS, many());
  const t = await readTable(buf, 'big.xlsx', { fields: FIELDS, maxRows: 20_000 });
  assert.equal(t.rows.length, 20_000);
  assert.deepEqual(t.rows[19_999], { rowNumber: 20_001, values: { name: '人员19999', no: '19999', dept: '部门', score: '19999' } });
});

test('XLSX template: required headers red with a note, text columns, 说明 sheet, readable as import', async () => {
  const buf = await writeTemplate('xlsx', FIELDS, { name: '张三', no: '0001', dept: '=cmd' });
  const wb = await loadXlsx(buf);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    [TEMPLATE_SHEET, HELP_SHEET],
  );
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
  assert.deepEqual(rowValues(ws, 1), ['姓名', '工号', '部门', '分数']);
  assert.equal(ws.getCell('A1').font?.color?.argb, 'FFFF0000');
  assert.notEqual(ws.getCell('C1').font?.color?.argb, 'FFFF0000');
  assert.match(JSON.stringify(ws.getCell('A1').note), /必填/);
  assert.equal(ws.getColumn(2).numFmt, '@');
  assert.equal(ws.getCell('C2').value, "'=cmd");

  const help = wb.getWorksheet(HELP_SHEET)!;
  assert.deepEqual(rowValues(help, 2), ['姓名', '必填', '名字、Name']);
  assert.deepEqual(rowValues(help, 4), ['部门', '选填', 'Department']);

  const t = await readTable(buf, 'template.xlsx', { fields: FIELDS, maxRows: 10 });
  assert.equal(t.sheetName, TEMPLATE_SHEET);
  assert.deepEqual(t.rows, [{ rowNumber: 2, values: { name: '张三', no: '0001', dept: '=cmd', score: '' } }]);
});

test('CSV template: BOM, header and example row', async () => {
  const buf = await writeTemplate('csv', FIELDS, { name: '张三', no: '0001' });
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(decodeText(buf).text, '姓名,工号,部门,分数\r\n张三,0001,,\r\n');
});

test('error report: only rows with errors, row number, every error described, both formats', async () => {
  const headers = ['姓名', '工号', '部门'];
  const rows = [
    { rowNumber: 4, cells: { 姓名: '张三', 工号: '1', 部门: '信息中心' } },
    { rowNumber: 5, cells: { 姓名: '', 工号: '2', 部门: '=不存在' } },
    { rowNumber: 6, cells: { 姓名: '王五', 工号: '1', 部门: '后勤处' } },
  ];
  const errors = [
    { row: 6, field: 'no', reason: 'duplicate', value: '1' },
    { row: 5, field: 'name', reason: 'required' },
    { row: 5, field: 'dept', reason: 'dept_not_found', value: '=不存在' },
    { row: 9, field: null, reason: 'row_broken' },
  ];
  const zh: Record<string, string> = {
    duplicate: '工号重复',
    required: '不能为空',
    dept_not_found: '部门不存在',
    row_broken: '整行无法识别',
  };
  const labels: Record<string, string> = { name: '姓名', no: '工号', dept: '部门' };
  const translate = (r: string): string => zh[r] ?? r;
  const fieldLabel = (f: string): string => labels[f] ?? f;

  const csv = await writeErrorReport('csv', headers, rows, errors, translate, { fieldLabel });
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const records = parseCsv(decodeText(csv).text);
  assert.deepEqual(records, [
    [ROW_NUMBER_HEADER, '姓名', '工号', '部门', ERROR_HEADER],
    ['5', '', '2', "'=不存在", '姓名：不能为空；部门：部门不存在（“=不存在”）'],
    ['6', '王五', '1', '后勤处', '工号：工号重复（“1”）'],
    ['9', '', '', '', '整行无法识别'],
  ]);

  const xbuf = await writeErrorReport('xlsx', headers, rows, errors, translate, { fieldLabel });
  const ws = (await loadXlsx(xbuf)).worksheets[0]!;
  assert.deepEqual(rowValues(ws, 1), [ROW_NUMBER_HEADER, '姓名', '工号', '部门', ERROR_HEADER]);
  assert.equal(ws.getCell('A2').value, 5); // row number is a number cell
  assert.equal(ws.getCell('E2').value, '姓名：不能为空；部门：部门不存在（“=不存在”）');
  assert.equal(ws.rowCount, 4);

  // The corrected report can be uploaded again: 行号 and 错误 are simply ignored.
  const again = await readTable(xbuf, 'errors.xlsx', { fields: FIELDS, maxRows: 10 });
  assert.deepEqual(
    again.columns.map((c) => c.field),
    [null, 'name', 'no', 'dept', null],
  );
  assert.equal(again.rows.length, 3);
});
