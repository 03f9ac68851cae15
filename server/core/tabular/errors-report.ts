// The file an administrator gets back when an import has problems: only the rows that have
// errors, as they were uploaded, with their row number in the original file and one "错误"
// column saying everything wrong with that row. They fix it there and upload it again: the
// extra "行号" and "错误" columns match no field, so the reader ignores them.
import { writeCsv, writeXlsx, type ColumnSpec } from './write.js';

export interface ReportRow {
  /** 1-based row number in the uploaded file. */
  rowNumber: number;
  /** Cell text keyed by the same strings as `headers`, or by position (headers may repeat). */
  cells: Record<string, string> | readonly string[];
}

export interface RowError {
  /** Row number in the uploaded file. */
  row: number;
  /** Field key (or header) the error is about; null for the row as a whole. */
  field: string | null;
  /** Reason code, turned into Chinese by the caller's translate(). */
  reason: string;
  /** The offending value, quoted in the message when given. */
  value?: string;
}

export interface ErrorReportOptions {
  /** Display name for an error's field, e.g. key 'dept' → '部门'. Defaults to the field as is. */
  fieldLabel?: (field: string) => string;
}

export const ROW_NUMBER_HEADER = '行号';
export const ERROR_HEADER = '错误';

interface ReportLine {
  rowNumber: number;
  cells: ReportRow['cells'];
  message: string;
}

export async function writeErrorReport(
  format: 'xlsx' | 'csv',
  headers: readonly string[],
  rows: readonly ReportRow[],
  errors: readonly RowError[],
  translate: (reason: string) => string,
  opts: ErrorReportOptions = {},
): Promise<Buffer> {
  const label = opts.fieldLabel ?? ((f: string) => f);
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const parts: string[] = [];
    if (e.field !== null) parts.push(`${label(e.field)}：`);
    parts.push(translate(e.reason));
    if (e.value !== undefined && e.value !== '') parts.push(`（“${e.value}”）`);
    const list = byRow.get(e.row) ?? [];
    list.push(parts.join(''));
    byRow.set(e.row, list);
  }

  const cellsByRow = new Map(rows.map((r) => [r.rowNumber, r.cells]));
  // Every error gets a line, even one whose row the caller did not pass, so none is lost.
  const lines: ReportLine[] = [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rowNumber, messages]) => ({ rowNumber, cells: cellsByRow.get(rowNumber) ?? {}, message: messages.join('；') }));

  // Column keys are positional: an uploaded file can repeat a header.
  const columns: ColumnSpec<ReportLine>[] = [
    { key: 'row', header: ROW_NUMBER_HEADER, width: 8, value: (l) => l.rowNumber },
    ...headers.map((h, i): ColumnSpec<ReportLine> => ({
      key: `c${i}`,
      header: h,
      value: (l) => (isCellList(l.cells) ? l.cells[i] : l.cells[h]) ?? '',
    })),
    { key: 'error', header: ERROR_HEADER, width: 60, value: (l) => l.message },
  ];
  return format === 'xlsx' ? writeXlsx('错误报告', columns, lines) : writeCsv(columns, lines);
}

function isCellList(cells: ReportRow['cells']): cells is readonly string[] {
  return Array.isArray(cells);
}
