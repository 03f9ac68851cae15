// Exporting lists as XLSX or CSV. Two concerns shape this file: memory (an asset list can be
// 100k rows, so XLSX goes through exceljs's streaming writer and rows are pulled one at a time
// from an iterable or async iterable) and CSV/formula injection (an exported cell must never
// become a live formula when an administrator opens the file in Excel).
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine } from './csv.js';
import { formatNumber } from './values.js';

export type CellInput = string | number | null;

export interface ColumnSpec<T> {
  key: string;
  /** Header text written in row 1 (the Chinese canonical header for module exports). */
  header: string;
  /** Column width in Excel character units; defaults from the header length. */
  width?: number;
  value(row: T): CellInput;
}

export type RowSource<T> = Iterable<T> | AsyncIterable<T>;

/** Characters that make Excel (or LibreOffice, or Google Sheets) treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A string starting with = + - @, tab or carriage return gets a leading apostrophe, so Excel
 * shows it as text instead of evaluating it (OWASP "CSV injection"). Safety first: a harmless
 * number-like string such as "-12.5" or "+8613800000000" is neutralised too, because telling
 * harmless from harmful reliably is not possible ("-2+3" is a formula, "+1 (555)" nearly so).
 * The apostrophe is a visible character of the value; it is not stripped again on import.
 * Numbers and null are left alone: a real number cell cannot carry a formula.
 */
export function neutraliseCell(value: string): string;
export function neutraliseCell(value: CellInput): CellInput;
export function neutraliseCell(value: CellInput): CellInput {
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/**
 * One worksheet: bold, frozen header row with a filter, given column widths, then one row per
 * item. Strings are written as string cells (never re-typed as numbers or dates), numbers as
 * numbers. The finished file is still returned as one Buffer, but the sheet XML is produced
 * and compressed row by row, so only the zipped bytes are held, not 100k row objects.
 */
export async function writeXlsx<T>(sheetName: string, columns: readonly ColumnSpec<T>[], rows: RowSource<T>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // A Writable (not a PassThrough) so that "finish", which the workbook writer waits for,
  // means every byte has been collected.
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  // Headers are neutralised too: an error report repeats the uploaded file's own headers.
  ws.columns = columns.map((c) => ({ header: neutraliseCell(c.header), key: c.key, width: c.width ?? defaultWidth(c.header) }));
  if (columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();

  for await (const item of rows) {
    ws.addRow(columns.map((c) => neutraliseCell(c.value(item)))).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/**
 * CSV as Excel in China wants it: UTF-8 with a BOM (without it Excel assumes GBK and shows
 * mojibake), comma separated, CRLF line ends. Numbers are written in plain decimal.
 */
export async function writeCsv<T>(columns: readonly ColumnSpec<T>[], rows: RowSource<T>): Promise<Buffer> {
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  let pending = csvLine(columns.map((c) => neutraliseCell(c.header)));
  for await (const item of rows) {
    pending += csvLine(columns.map((c) => csvCell(c.value(item))));
    // Flush now and then so one giant string is never built.
    if (pending.length > 1 << 16) {
      parts.push(Buffer.from(pending, 'utf8'));
      pending = '';
    }
  }
  parts.push(Buffer.from(pending, 'utf8'));
  return Buffer.concat(parts);
}

function csvCell(value: CellInput): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  return neutraliseCell(value);
}

/**
 * Excel refuses sheet names over 31 characters or containing : \ / ? * [ ], and names that
 * start or end with an apostrophe.
 */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  return Array.from(cleaned).slice(0, 31).join('') || 'Sheet1';
}

/** Roughly fits the header: CJK characters are about two units wide. */
export function defaultWidth(header: string): number {
  let units = 0;
  for (const ch of header) units += /[\u1100-\uffff]/u.test(ch) ? 2 : 1;
  return Math.min(50, Math.max(10, units + 4));
}
