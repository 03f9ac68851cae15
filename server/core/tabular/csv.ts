// A small RFC 4180 CSV reader and writer, written here so its behaviour on real-world files is
// ours to define. Reading is lenient the way Excel is: a stray quote inside an unquoted field is
// kept as a character, text after a closing quote is kept, and an unterminated quote runs to the
// end of the file. Line ends may be CRLF, LF or a lone CR (old Mac Excel).

export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];

export interface ParseCsvOptions {
  /** Omit to detect among comma, tab and semicolon. */
  delimiter?: CsvDelimiter;
  /** Stop after this many records (used by the delimiter sniffing). */
  maxRecords?: number;
}

/**
 * Records as arrays of fields. A blank line is a record with one empty field, so record i is
 * row i + 1 when the same file is opened in Excel. A final line end does not add a record.
 */
export function parseCsv(text: string, opts: ParseCsvOptions = {}): string[][] {
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const max = opts.maxRecords ?? Infinity;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // True once the current record has any content or delimiter, so "a\n" ends cleanly.
  let recordStarted = false;
  const n = text.length;
  let i = 0;

  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    recordStarted = false;
  };

  while (i < n && records.length < max) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      // A quote opens a quoted field only at the start of a field; elsewhere it is literal.
      inQuotes = true;
      recordStarted = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      record.push(field);
      field = '';
      recordStarted = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    recordStarted = true;
    i++;
  }
  if ((recordStarted || field !== '' || record.length > 0) && records.length < max) endRecord();
  return records;
}

/**
 * Picks the delimiter that splits the first records most consistently: for each candidate we
 * parse up to 20 records, take the most common field count among records that split at all,
 * and count how many records have exactly that many fields. Most such records wins, then more
 * fields, then the order comma, tab, semicolon. A title line with no delimiter does not vote.
 * Why not just count characters: a semicolon file from a European Excel has commas inside its
 * decimal numbers, and a comma file can have a semicolon in a note.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  // Parsing a prefix is enough; a quoted newline in the cut-off record does not matter here.
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let best: { d: CsvDelimiter; agree: number; width: number } = { d: ',', agree: 0, width: 0 };
  for (const d of CANDIDATES) {
    const records = parseCsv(sample, { delimiter: d, maxRecords: 20 });
    const counts = new Map<number, number>();
    for (const r of records) {
      if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    let agree = 0;
    let width = 0;
    for (const [w, k] of counts) {
      if (k > agree || (k === agree && w > width)) {
        agree = k;
        width = w;
      }
    }
    if (agree > best.agree || (agree === best.agree && width > best.width)) best = { d, agree, width };
  }
  return best.d;
}

/** One CSV text, CRLF line ends (what Excel writes), fields quoted only when they must be. */
export function toCsv(rows: string[][], delimiter: CsvDelimiter = ','): string {
  let out = '';
  for (const row of rows) out += csvLine(row, delimiter);
  return out;
}

/** One record including its CRLF; used by the streaming writer. */
export function csvLine(row: readonly string[], delimiter: CsvDelimiter = ','): string {
  return row.map((f) => csvField(f, delimiter)).join(delimiter) + '\r\n';
}

function csvField(value: string, delimiter: CsvDelimiter): string {
  if (value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r')) {
    return '"' + value.replaceAll('"', '""') + '"';
  }
  return value;
}
