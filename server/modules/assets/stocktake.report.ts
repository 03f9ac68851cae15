// The stocktake report: its figures (computed once, when the stocktake closes, over the snapshot
// a chunk at a time), and the two downloads built from them: an XLSX workbook with the summary,
// breakdowns and full lists, and a printable A4 PDF. Headers are Chinese; money is in yuan.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { StocktakeReport, ReportGroup } from '../../../shared/contracts/stocktake.js';
import { netValueFen } from '../../../shared/lib/depreciation.js';
import type { AssetStatus } from '../../../shared/contracts/assets.js';
import { dateTimeIn } from '../../core/clock.js';
import { createPdf, drawTable, mm, pdfToBuffer, type PdfDoc, type TableColumn } from '../../core/pdf/document.js';
import { defaultWidth, neutraliseCell } from '../../core/tabular/write.js';
import { STATUS_LABEL } from './import-values.js';
import type { ExtraRow, ItemRow, StocktakeRepository, StocktakeRow } from './stocktake.repository.js';

// ---- figures ----

type Group = ReportGroup;
const emptyGroup = (id: number | null, name: string | null): Group => ({
  id,
  name,
  expected: 0,
  found: 0,
  missing: 0,
  misplaced: 0,
  valueFen: 0,
  netValueFen: 0,
  missingValueFen: 0,
});

/** Net book value on the closing date; without a service life (or price) it is the original value. */
export function itemNetValue(r: ItemRow, closeDate: string): number {
  const priceFen = r.price_fen === null ? null : Number(r.price_fen);
  const net = netValueFen(
    {
      priceFen,
      purchaseDate: r.purchase_date,
      lifeMonths: r.life_months,
      residualRate: r.residual_bp === null ? null : r.residual_bp / 100,
    },
    closeDate,
  );
  return net ?? priceFen ?? 0;
}

/** Every figure of the report, from one pass over the snapshot. */
export async function computeReport(repo: StocktakeRepository, st: StocktakeRow): Promise<StocktakeReport> {
  const closeDate = st.close_date!;
  const yearPrefix = `${st.year}-`;
  const book = { count: 0, valueFen: 0, netValueFen: 0, unpriced: 0 };
  const found = { count: 0, valueFen: 0, netValueFen: 0 };
  const missing = { count: 0, valueFen: 0, netValueFen: 0 };
  const bought = { count: 0, valueFen: 0, found: 0 };
  let misplaced = 0;
  const byCategory = new Map<number, Group>();
  const byLocation = new Map<number, Group>();
  for await (const r of repo.streamItems(st.id, 'all')) {
    const price = r.price_fen === null ? 0 : Number(r.price_fen);
    const net = itemNetValue(r, closeDate);
    const isFound = r.found_at !== null;
    const isMisplaced = Number(r.misplaced) === 1;
    book.count++;
    book.valueFen += price;
    book.netValueFen += net;
    if (r.price_fen === null) book.unpriced++;
    const side = isFound ? found : missing;
    side.count++;
    side.valueFen += price;
    side.netValueFen += net;
    if (isMisplaced) misplaced++;
    if (r.purchase_date?.startsWith(yearPrefix)) {
      bought.count++;
      bought.valueFen += price;
      if (isFound) bought.found++;
    }
    const groups: [Map<number, Group>, number, string | null][] = [
      [byCategory, r.category_id, r.category_name],
      [byLocation, r.location_id ?? 0, r.location_path],
    ];
    for (const [map, key, name] of groups) {
      let g = map.get(key);
      if (!g) map.set(key, (g = emptyGroup(key || null, name)));
      g.expected++;
      g.valueFen += price;
      g.netValueFen += net;
      if (isFound) g.found++;
      else {
        g.missing++;
        g.missingValueFen += price;
      }
      if (isMisplaced) g.misplaced++;
    }
  }
  const byName = (a: Group, b: Group) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'zh-CN'));
  return {
    closeDate,
    year: Number(st.year),
    book,
    found,
    missing,
    misplaced,
    unknown: Number(st.unknown_count),
    outside: Number(st.outside_count),
    boughtThisYear: bought,
    byCategory: [...byCategory.values()].sort((a, b) => b.valueFen - a.valueFen || byName(a, b)),
    byLocation: [...byLocation.values()].sort(byName),
  };
}

// ---- shared wording ----

const NO_LOCATION = '（未登记位置）';
const yuan = (fen: number) => fen / 100;
const yuanText = (fen: number | null) =>
  fen === null ? '' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function scopeText(st: StocktakeRow): string {
  const parts = [st.location_path ?? '全部位置', st.category_name ? `分类：${st.category_name}` : '全部分类'];
  return parts.join('，');
}

interface ReportContext {
  repo: StocktakeRepository;
  stocktake: StocktakeRow;
  report: StocktakeReport;
  timeZone: string;
}

/** Summary rows: label, count, original value, net value (null: not a money line). */
function summaryRows(r: StocktakeReport): [string, number, number | null, number | null][] {
  return [
    ['账面资产（盘点范围内）', r.book.count, r.book.valueFen, r.book.netValueFen],
    ['实盘（已盘到）', r.found.count, r.found.valueFen, r.found.netValueFen],
    ['盘亏（未盘到）', r.missing.count, r.missing.valueFen, r.missing.netValueFen],
    [`${r.year}年新购`, r.boughtThisYear.count, r.boughtThisYear.valueFen, null],
    [`${r.year}年新购中已盘到`, r.boughtThisYear.found, null, null],
    ['位置不符', r.misplaced, null, null],
    ['未知标签', r.unknown, null, null],
    ['范围外资产', r.outside, null, null],
    ['未登记价格的资产', r.book.unpriced, null, null],
  ];
}

const groupTotal = (groups: Group[]): Group =>
  groups.reduce(
    (t, g) => ({
      ...t,
      expected: t.expected + g.expected,
      found: t.found + g.found,
      missing: t.missing + g.missing,
      misplaced: t.misplaced + g.misplaced,
      valueFen: t.valueFen + g.valueFen,
      netValueFen: t.netValueFen + g.netValueFen,
      missingValueFen: t.missingValueFen + g.missingValueFen,
    }),
    emptyGroup(null, '合计'),
  );

// ---- XLSX ----

type Cell = string | number | null;
interface XColumn {
  header: string;
  width?: number;
  money?: boolean;
}

const MONEY_FORMAT = '#,##0.00';

async function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: XColumn[], rows: AsyncIterable<Cell[]> | Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? defaultWidth(c.header) }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const values of rows) {
    // Text cells are neutralised: a name typed as "=HYPERLINK(…)" must stay text in Excel.
    const row = ws.addRow(values.map((v) => neutraliseCell(v)));
    columns.forEach((c, i) => {
      if (c.money && typeof values[i] === 'number') row.getCell(i + 1).numFmt = MONEY_FORMAT;
    });
    row.commit();
  }
  ws.commit();
}

const GROUP_COLUMNS = (first: string): XColumn[] => [
  { header: first, width: 36 },
  { header: '账面数量' },
  { header: '已盘到' },
  { header: '盘亏' },
  { header: '位置不符' },
  { header: '原值（元）', money: true, width: 16 },
  { header: '净值（元）', money: true, width: 16 },
  { header: '盘亏原值（元）', money: true, width: 18 },
];
const groupRow = (g: Group, fallback: string): Cell[] => [
  g.name ?? fallback,
  g.expected,
  g.found,
  g.missing,
  g.misplaced,
  yuan(g.valueFen),
  yuan(g.netValueFen),
  yuan(g.missingValueFen),
];

async function* mapRows<T>(source: AsyncIterable<T>, f: (v: T) => Cell[]): AsyncGenerator<Cell[]> {
  for await (const v of source) yield f(v);
}

const statusText = (s: string) => STATUS_LABEL[s as AssetStatus] ?? s;
const kindText = (k: string) => (k === 'outside' ? '范围外资产' : '未知标签');

export async function reportXlsx({ repo, stocktake: st, report: r, timeZone }: ReportContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const when = (ms: number | null) => (ms === null ? '' : dateTimeIn(ms, timeZone));

  await addSheet(
    wb,
    '汇总',
    [
      { header: '项目', width: 28 },
      { header: '数量' },
      { header: '原值（元）', money: true, width: 18 },
      { header: '净值（元）', money: true, width: 18 },
    ],
    [
      ['盘点名称', st.name, null, null],
      ['盘点范围', scopeText(st), null, null],
      ['开始时间', `${when(Number(st.started_at))}（${st.started_by}）`, null, null],
      ['结束日期', `${r.closeDate}（${st.closed_by ?? ''}）`, null, null],
      ...summaryRows(r).map(([label, n, v, net]): Cell[] => [label, n, v === null ? null : yuan(v), net === null ? null : yuan(net)]),
    ],
  );
  await addSheet(wb, '按分类', GROUP_COLUMNS('分类'), [
    ...r.byCategory.map((g) => groupRow(g, '')),
    groupRow(groupTotal(r.byCategory), ''),
  ]);
  await addSheet(wb, '按位置', GROUP_COLUMNS('位置'), [
    ...r.byLocation.map((g) => groupRow(g, NO_LOCATION)),
    groupRow(groupTotal(r.byLocation), ''),
  ]);
  await addSheet(
    wb,
    '盘亏',
    [
      { header: '资产编号', width: 20 },
      { header: '名称', width: 28 },
      { header: '分类' },
      { header: '账面位置', width: 32 },
      { header: '使用部门', width: 16 },
      { header: '使用人' },
      { header: '购置日期', width: 12 },
      { header: '原值（元）', money: true, width: 16 },
      { header: '状态' },
    ],
    mapRows(repo.streamItems(st.id, 'missing'), (i) => [
      i.number,
      i.name,
      i.category_name,
      i.location_path ?? NO_LOCATION,
      i.department_name ?? '',
      i.holder_name ?? '',
      i.purchase_date ?? '',
      i.price_fen === null ? null : yuan(Number(i.price_fen)),
      statusText(i.asset_status),
    ]),
  );
  await addSheet(
    wb,
    '位置不符',
    [
      { header: '资产编号', width: 20 },
      { header: '名称', width: 28 },
      { header: '分类' },
      { header: '账面位置', width: 32 },
      { header: '盘到位置', width: 32 },
      { header: '盘点人' },
      { header: '盘点时间', width: 18 },
      { header: '位置已调整' },
    ],
    mapRows(repo.streamItems(st.id, 'misplaced'), (i) => [
      i.number,
      i.name,
      i.category_name,
      i.location_path ?? NO_LOCATION,
      i.found_location_path ?? '',
      i.found_by ?? '',
      when(i.found_at === null ? null : Number(i.found_at)),
      i.applied_at === null ? '否' : '是',
    ]),
  );
  await addSheet(
    wb,
    '未知标签',
    [
      { header: '类型' },
      { header: '标签内容', width: 40 },
      { header: '资产编号', width: 20 },
      { header: '资产名称', width: 28 },
      { header: '扫描位置', width: 32 },
      { header: '扫描次数' },
      { header: '首次扫描时间', width: 18 },
      { header: '扫描人' },
    ],
    mapRows(repo.streamExtras(st.id), (x: ExtraRow) => [
      kindText(x.kind),
      x.code,
      x.asset_number ?? '',
      x.asset_name ?? '',
      x.location_path ?? '',
      Number(x.times),
      when(Number(x.first_at)),
      x.found_by,
    ]),
  );
  await wb.commit();
  return Buffer.concat(chunks);
}

// ---- PDF ----

/** Lists in the PDF stop here; the XLSX has every row. */
export const PDF_LIST_LIMIT = 2000;

async function takeRows<T>(source: AsyncIterable<T>, limit: number, f: (v: T) => string[]): Promise<{ rows: string[][]; more: boolean }> {
  const rows: string[][] = [];
  for await (const v of source) {
    if (rows.length === limit) return { rows, more: true };
    rows.push(f(v));
  }
  return { rows, more: false };
}

function heading(doc: PdfDoc, text: string): void {
  // A heading, its table's header and a few rows stay together.
  if (doc.y > doc.page.height - doc.page.margins.bottom - mm(45)) doc.addPage();
  doc.moveDown(0.8);
  doc.font('cjk-bold').fontSize(12).fillColor('black').text(text, doc.page.margins.left);
  doc.moveDown(0.3);
  doc.font('cjk');
}

function note(doc: PdfDoc, text: string): void {
  doc.font('cjk').fontSize(8.5).fillColor('#666666').text(text, doc.page.margins.left);
  doc.fillColor('black');
}

export async function reportPdf({ repo, stocktake: st, report: r, timeZone }: ReportContext): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `${st.name} 盘点报告` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const cols = (spec: [string, number, ('left' | 'right')?][]): TableColumn[] => {
    const total = spec.reduce((s, [, w]) => s + w, 0);
    return spec.map(([header, w, align]) => ({ header, width: (w / total) * width, ...(align ? { align } : {}) }));
  };
  const when = (ms: number | null) => (ms === null ? '' : dateTimeIn(ms, timeZone));

  doc.font('cjk-bold').fontSize(18).text(`${st.name} 盘点报告`);
  doc.moveDown(0.3);
  note(doc, `盘点范围：${scopeText(st)}`);
  note(
    doc,
    `开始：${when(Number(st.started_at))}（${st.started_by}）    结束：${r.closeDate}（${st.closed_by ?? ''}）    净值计算日：${r.closeDate}`,
  );

  heading(doc, '汇总');
  drawTable(doc, {
    columns: cols([
      ['项目', 4],
      ['数量', 2, 'right'],
      ['原值（元）', 3, 'right'],
      ['净值（元）', 3, 'right'],
    ]),
    rows: summaryRows(r).map(([label, n, v, net]) => [label, String(n), yuanText(v), yuanText(net)]),
  });

  const groupColumns = (first: string) =>
    cols([
      [first, 6],
      ['账面', 1.6, 'right'],
      ['已盘', 1.6, 'right'],
      ['盘亏', 1.6, 'right'],
      ['不符', 1.6, 'right'],
      ['原值（元）', 3, 'right'],
      ['盘亏原值（元）', 3, 'right'],
    ]);
  const groupCells = (g: Group, fallback: string) => [
    g.name ?? fallback,
    String(g.expected),
    String(g.found),
    String(g.missing),
    String(g.misplaced),
    yuanText(g.valueFen),
    yuanText(g.missingValueFen),
  ];
  heading(doc, '按分类');
  drawTable(doc, {
    columns: groupColumns('分类'),
    rows: [...r.byCategory.map((g) => groupCells(g, '')), groupCells(groupTotal(r.byCategory), '')],
  });
  heading(doc, '按位置');
  drawTable(doc, {
    columns: groupColumns('位置'),
    rows: [...r.byLocation.map((g) => groupCells(g, NO_LOCATION)), groupCells(groupTotal(r.byLocation), '')],
  });

  const more = (shown: number) => note(doc, `仅列出前 ${shown} 项，完整清单见 XLSX 报告。`);
  heading(doc, `盘亏（${r.missing.count} 项）`);
  const missing = await takeRows(repo.streamItems(st.id, 'missing'), PDF_LIST_LIMIT, (i) => [
    i.number,
    i.name,
    i.location_path ?? NO_LOCATION,
    i.holder_name ?? i.department_name ?? '',
    yuanText(i.price_fen === null ? null : Number(i.price_fen)),
  ]);
  if (missing.rows.length)
    drawTable(doc, {
      columns: cols([
        ['资产编号', 3],
        ['名称', 4],
        ['账面位置', 4.5],
        ['使用人/部门', 2.5],
        ['原值（元）', 2.5, 'right'],
      ]),
      rows: missing.rows,
    });
  else note(doc, '无');
  if (missing.more) more(PDF_LIST_LIMIT);

  heading(doc, `位置不符（${r.misplaced} 项）`);
  const misplaced = await takeRows(repo.streamItems(st.id, 'misplaced'), PDF_LIST_LIMIT, (i) => [
    i.number,
    i.name,
    i.location_path ?? NO_LOCATION,
    i.found_location_path ?? '',
    i.applied_at === null ? '否' : '是',
  ]);
  if (misplaced.rows.length)
    drawTable(doc, {
      columns: cols([
        ['资产编号', 3],
        ['名称', 3.5],
        ['账面位置', 4],
        ['盘到位置', 4],
        ['已调整', 1.5],
      ]),
      rows: misplaced.rows,
    });
  else note(doc, '无');
  if (misplaced.more) more(PDF_LIST_LIMIT);

  heading(doc, `未知标签与范围外资产（${r.unknown + r.outside} 项）`);
  const extras = await takeRows(repo.streamExtras(st.id), PDF_LIST_LIMIT, (x) => [
    kindText(x.kind),
    x.code,
    x.asset_name ?? '',
    x.location_path ?? '',
    String(Number(x.times)),
  ]);
  if (extras.rows.length)
    drawTable(doc, {
      columns: cols([
        ['类型', 2.2],
        ['标签内容', 5],
        ['资产名称', 3],
        ['扫描位置', 4],
        ['次数', 1.2, 'right'],
      ]),
      rows: extras.rows,
    });
  else note(doc, '无');
  if (extras.more) more(PDF_LIST_LIMIT);

  return pdfToBuffer(doc);
}
