// Shared import/export machinery for lists kept in Excel (people, departments, assets...).
// Pure: bytes in, rows out; rows in, bytes out. No database, no HTTP.
export { decodeText, type DecodedText, type TextEncodingName } from './encoding.js';
export { parseCsv, detectDelimiter, toCsv, type CsvDelimiter, type ParseCsvOptions } from './csv.js';
export { normaliseHeader, mapHeaders, missingRequired, type FieldSpec, type ColumnMatch } from './mapping.js';
export {
  readTable,
  readRawTable,
  rowValues,
  type RawTable,
  type RawTableRow,
  type ReadOptions,
  type TableRead,
  type TableRow,
} from './read.js';
export { formatNumber, formatDate, cellText } from './values.js';
export { writeXlsx, writeCsv, neutraliseCell, type ColumnSpec, type CellInput, type RowSource } from './write.js';
export { writeTemplate, TEMPLATE_SHEET, HELP_SHEET } from './template.js';
export {
  writeErrorReport,
  ROW_NUMBER_HEADER,
  ERROR_HEADER,
  type ReportRow,
  type RowError,
  type ErrorReportOptions,
} from './errors-report.js';
