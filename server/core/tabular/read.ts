// Reading an uploaded list into rows keyed by field (or by column, for a mapping still to change). The format comes from the bytes, never the
// file name: people rename files, and browsers report whatever the OS says. The header row is
// found, not assumed, because real sheets start with a title, a blank row and a note.
import ExcelJS from 'exceljs';
import { checkZip } from './zip-guard.js';
import { AppError, CoreErrors } from '../errors.js';
import { parseCsv } from './csv.js';
import { decodeText } from './encoding.js';
import { headerLookup, mapHeaders, normaliseHeader, type ColumnMatch, type FieldSpec } from './mapping.js';
import { cellText } from './values.js';

export interface ReadOptions {
  fields: FieldSpec[];
  /** Most data rows accepted; one more is an error (the caller's import limit). */
  maxRows: number;
}

export interface TableRow {
  /** 1-based row number as the person sees it in Excel, for error messages. */
  rowNumber: number;
  /** Trimmed text by field key; only fields that have a column are present. */
  values: Record<string, string>;
}

/** One data row as the file has it, for imports whose column mapping can still change. */
export interface RawTableRow {
  /** 1-based row number as the person sees it in Excel. */
  rowNumber: number;
  /**
   * Trimmed text by column index, one per header at most (cells right of the last header have
   * no name and cannot be mapped); trailing empty cells are left out to keep stored jobs small.
   */
  cells: string[];
}

export interface TableRead {
  format: 'xlsx' | 'csv';
  /** Text encoding for CSV, null for XLSX. */
  encoding: string | null;
  /** Worksheet read for XLSX, null for CSV. */
  sheetName: string | null;
  /** 1-based row number of the header row in the file. */
  headerRow: number;
  /** Header texts as written (trimmed), one per column up to the last non-empty one. */
  headers: string[];
  /** Same order as headers. */
  columns: ColumnMatch[];
  rows: TableRow[];
}

/** Header must be within this many rows: title, blank, notes, then the real thing. */
const HEADER_SCAN_ROWS = 30;

interface RawRow {
  rowNumber: number;
  /** Index 0 is column A. */
  cells: string[];
}

/** The table with each row's values keyed by the field its column was matched to. */
export async function readTable(buf: Buffer, fileName: string, opts: ReadOptions): Promise<TableRead> {
  const raw = await readRawTable(buf, fileName, opts);
  const mapping = raw.columns.map((c) => c.field);
  return { ...raw, rows: raw.rows.map((r) => ({ rowNumber: r.rowNumber, values: rowValues(r.cells, mapping) })) };
}

/** The table with each row's cells by column index, so the caller can map columns later. */
export async function readRawTable(buf: Buffer, fileName: string, opts: ReadOptions): Promise<RawTable> {
  const format = sniffFormat(buf, fileName);
  if (format === 'xlsx') {
    const sheet = await firstSheetWithData(buf, fileName);
    return tableFrom(sheetRows(sheet), opts, { format, encoding: null, sheetName: sheet.name }, fileName);
  }
  const { text, encoding } = decodeText(buf);
  const records = parseCsv(text);
  const rows = records.map((cells, i): RawRow => ({ rowNumber: i + 1, cells }));
  return tableFrom(rows, opts, { format, encoding, sheetName: null }, fileName);
}

export type RawTable = Omit<TableRead, 'rows'> & { rows: RawTableRow[] };

/**
 * A row's values keyed by field, from its cells and the field of each column (null: not
 * imported). Every mapped field is present, '' when the cell is empty: an importer can tell
 * "the file has this column" from "the file does not".
 */
export function rowValues(cells: readonly string[], mapping: readonly (string | null)[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < mapping.length; i++) {
    const field = mapping[i];
    if (field != null) values[field] = cells[i] ?? '';
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Format

function sniffFormat(buf: Buffer, fileName: string): 'xlsx' | 'csv' {
  if (buf.length === 0) {
    throw new AppError(CoreErrors['file.unreadable'], [{ reason: 'empty', params: { fileName } }], 'file is empty');
  }
  if (hasPrefix(buf, [0x50, 0x4b, 0x03, 0x04]) || hasPrefix(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed in a ZIP, so the workbook part shows up as plain
    // bytes. A .docx or a plain .zip has none and is refused rather than parsed as text.
    if (buf.includes('xl/workbook.xml')) return 'xlsx';
    throw new AppError(CoreErrors['file.type_not_allowed'], [{ reason: 'zip_not_xlsx', params: { fileName } }]);
  }
  if (hasPrefix(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: either an old .xls / WPS .et, or an .xlsx with a password
    // (Office wraps encrypted OOXML in OLE with an "EncryptionInfo" stream). Different advice.
    if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new AppError(CoreErrors['file.unreadable'], [{ reason: 'encrypted', params: { fileName } }]);
    }
    throw new AppError(
      CoreErrors['file.type_not_allowed'],
      [{ reason: 'xls_not_supported', params: { fileName } }],
      'old .xls workbooks are not supported: save as .xlsx or CSV',
    );
  }
  return 'csv';
}

function hasPrefix(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

// ---------------------------------------------------------------------------------------------
// XLSX

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

async function firstSheetWithData(buf: Buffer, fileName: string): Promise<ExcelJS.Worksheet> {
  const zip = checkZip(buf);
  if (zip === 'too_large') throw new AppError(CoreErrors['file.too_large'], [{ reason: 'zip_bomb', params: { fileName } }]);
  if (zip === 'corrupt') throw new AppError(CoreErrors['file.unreadable'], [{ reason: 'corrupt_xlsx', params: { fileName } }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as XlsxInput);
  } catch {
    throw new AppError(CoreErrors['file.unreadable'], [{ reason: 'corrupt_xlsx', params: { fileName } }]);
  }
  // Hidden sheets hold lookup lists and old data; people mean the sheet they can see.
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    for (const row of sheetRows(ws)) {
      if (row.cells.some((c) => c.trim() !== '')) return ws;
    }
  }
  throw new AppError(CoreErrors['file.no_header'], [{ reason: 'empty_workbook', params: { fileName } }]);
}

function* sheetRows(ws: ExcelJS.Worksheet): Generator<RawRow> {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs reports the master's value in every cell of a merged range; only the top-left
      // cell really holds it (a title merged over A1:E1 must not look like five cells).
      if (cell.isMerged && cell.master !== cell) return;
      cells[col - 1] = cellText(cell.value);
    });
    yield { rowNumber: r, cells: Array.from(cells, (c) => c ?? '') };
  }
}

// ---------------------------------------------------------------------------------------------
// Header and rows, common to both formats

function tableFrom(
  source: Iterable<RawRow>,
  opts: ReadOptions,
  meta: Pick<TableRead, 'format' | 'encoding' | 'sheetName'>,
  fileName: string,
): RawTable {
  const it = source[Symbol.iterator]();
  const head: RawRow[] = [];
  let pending = it.next();
  while (!pending.done && pending.value.rowNumber <= HEADER_SCAN_ROWS) {
    head.push(pending.value);
    pending = it.next();
  }

  const h = findHeader(head, opts.fields);
  if (h < 0) {
    const required = opts.fields.filter((f) => f.required);
    const expected = (required.length > 0 ? required : opts.fields).map((f) => f.header);
    throw new AppError(CoreErrors['file.no_header'], [{ reason: 'no_header', params: { expected, fileName } }]);
  }
  const headerRaw = head[h]!;
  const headers = trimTrailingEmpty(headerRaw.cells.map((c) => c.trim()));
  const columns = mapHeaders(headers, opts.fields);

  const rows: RawTableRow[] = [];
  const dataRows = function* (): Generator<RawRow> {
    yield* head.slice(h + 1);
    if (!pending.done) {
      yield pending.value;
      for (let n = it.next(); !n.done; n = it.next()) yield n.value;
    }
  };
  for (const raw of dataRows()) {
    // Blank means no text in any cell, including columns we do not import: a row holding only
    // a note is kept so the module can report it rather than have it vanish.
    if (raw.cells.every((c) => c.trim() === '')) continue;
    if (rows.length >= opts.maxRows) {
      throw new AppError(CoreErrors['file.too_many_rows'], [{ reason: 'too_many_rows', params: { max: opts.maxRows, fileName } }]);
    }
    const cells = trimTrailingEmpty(raw.cells.slice(0, headers.length).map((c) => unneutralise(c.trim())));
    rows.push({ rowNumber: raw.rowNumber, cells });
  }

  return { ...meta, headerRow: headerRaw.rowNumber, headers, columns, rows };
}

/**
 * Index in `head` of the row with the most cells naming a distinct known field; the earliest
 * wins a tie (a data row repeating a header word should not beat the real header). It needs two
 * matches, so a title like "姓名册" or a note cannot pass for a header, except that a single
 * match is enough when it is the one and only required field (or the only field at all).
 */
function findHeader(head: readonly RawRow[], fields: readonly FieldSpec[]): number {
  const lookup = headerLookup(fields);
  const required = fields.filter((f) => f.required);
  let best = -1;
  let bestScore = 0;
  head.forEach((row, idx) => {
    const matched = new Set<string>();
    for (const cell of row.cells) {
      const key = lookup.get(normaliseHeader(cell));
      if (key !== undefined) matched.add(key);
    }
    const score = matched.size;
    const enough = score >= 2 || (score === 1 && (fields.length === 1 || (required.length === 1 && matched.has(required[0]!.key))));
    if (enough && score > bestScore) {
      best = idx;
      bestScore = score;
    }
  });
  return best;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/**
 * Undoes our own export's formula neutralisation ("'=x" back to "=x"), so an exported file
 * imports back without an apostrophe creeping into every such value. Stored text is never
 * evaluated by us, so the original value is safe to keep.
 */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
