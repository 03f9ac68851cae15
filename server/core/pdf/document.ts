// The PDF toolkit's base: documents with the bundled Noto Sans SC (so Chinese text renders the same
// on every machine, see docs/decisions/0007-pdf-fonts.md), buffering, unit conversion, a table
// that repeats its header on every page, and text fitting with an ellipsis.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export type PdfDoc = PDFKit.PDFDocument;

export interface PdfOptions {
  /** 'A4' or [width, height] in points. */
  size: 'A4' | [number, number];
  /** Page margin in points on all sides; default 15 mm. */
  margin?: number;
  title?: string;
  landscape?: boolean;
  /** Written as the creation date and used for the file id; fix it to get byte-identical output. */
  creationDate?: Date;
}

const fontFiles = {
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'cjk-bold': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
type FontName = keyof typeof fontFiles;

const fontCache = new Map<FontName, Buffer>();

/** The font file's bytes, read once per process (each file is about 10 MB). */
function fontBytes(name: FontName): Buffer {
  let bytes = fontCache.get(name);
  if (!bytes) {
    // Resolved through the package, so it works from server/ (tsx) and from dist/server/ alike.
    bytes = readFileSync(createRequire(import.meta.url).resolve(fontFiles[name]));
    fontCache.set(name, bytes);
  }
  return bytes;
}

/** Millimetres to PDF points. */
export function mm(n: number): number {
  return (n * 72) / 25.4;
}

/** A document with the fonts 'cjk' (regular, the default) and 'cjk-bold' registered. */
export function createPdf(opts: PdfOptions): PdfDoc {
  const doc = new PDFDocument({
    size: opts.size,
    layout: opts.landscape ? 'landscape' : 'portrait',
    margin: opts.margin ?? mm(15),
    lang: 'zh-CN',
    displayTitle: opts.title !== undefined,
    info: {
      ...(opts.title !== undefined ? { Title: opts.title } : {}),
      Creator: 'Sysward',
      Producer: 'Sysward',
      CreationDate: opts.creationDate ?? new Date(),
    },
  });
  for (const name of Object.keys(fontFiles) as FontName[]) doc.registerFont(name, fontBytes(name));
  doc.font('cjk');
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfToBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Height of one line of text in the current font and size (pdfkit's line box, gap included). */
function lineHeight(doc: PdfDoc): number {
  return doc.currentLineHeight(true);
}

/**
 * `text` if it fits in `maxLines` lines of `width` points in the current font and size, otherwise
 * the longest beginning of it that fits with '…' appended. Whitespace runs (newlines included)
 * become one space.
 */
export function fitText(doc: PdfDoc, text: string, width: number, maxLines: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const limit = maxLines * lineHeight(doc) + 0.01;
  const fits = (s: string) => doc.heightOfString(s, { width, lineGap: 0 }) <= limit;
  if (maxLines < 1 || width <= 0) return '';
  if (fits(clean)) return clean;
  const chars = Array.from(clean);
  // Binary search on the number of characters kept: more characters never need fewer lines.
  const cut = (n: number) => chars.slice(0, n).join('').trimEnd() + '…';
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(cut(mid))) lo = mid;
    else hi = mid - 1;
  }
  // Almost: a word that no longer fits at a line's end moves to the next line, so a slightly longer
  // cut can fit where a shorter one did not. Look a word's length further.
  for (let n = Math.min(chars.length - 1, lo + 24); n > lo; n--) {
    if (fits(cut(n))) return cut(n);
  }
  return fits(cut(lo)) ? cut(lo) : '';
}

export interface TableColumn {
  header: string;
  /** Width in points. */
  width: number;
  align?: 'left' | 'right';
}

export interface TableOptions {
  columns: TableColumn[];
  rows: string[][];
  /** Font size in points; default 9. */
  fontSize?: number;
  /** Left edge; default the left page margin. */
  x?: number;
}

const cellPadX = 3;
const cellPadY = 2.5;
const ruleColor = '#b0b0b0';
const headerFill = '#eeeeee';

/**
 * Draws a table from the current y position: cell text wraps, a row never splits across pages, and
 * the header row is repeated at the top of every new page. A row taller than a whole page has its
 * cells cut to fit, ending in '…'. Leaves doc.y below the table and doc.x at the left margin.
 */
export function drawTable(doc: PdfDoc, table: TableOptions): void {
  const { columns, rows } = table;
  const fontSize = table.fontSize ?? 9;
  const left = table.x ?? doc.page.margins.left;
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.fontSize(fontSize);
  const oneLine = lineHeight(doc);

  // Paragraphs are measured and drawn one by one: pdfkit counts a '\n' as one em wide in this font.
  const paragraphs = (text: string) => text.split(/\r\n|\r|\n/);
  const paragraphHeight = (p: string, width: number) => (p === '' ? oneLine : doc.heightOfString(p, { width, lineGap: 0 }));
  const measure = (cells: string[], font: FontName) => {
    doc.font(font);
    return columns.map((c, i) => paragraphs(cells[i] ?? '').reduce((sum, p) => sum + paragraphHeight(p, c.width - 2 * cellPadX), 0));
  };

  const drawRow = (cells: string[], font: FontName, height: number, fill?: string) => {
    const top = doc.y;
    if (fill) doc.rect(left, top, totalWidth, height).fill(fill);
    doc.font(font).fillColor('black');
    let x = left;
    for (const [i, c] of columns.entries()) {
      let y = top + cellPadY;
      for (const p of paragraphs(cells[i] ?? '')) {
        const width = c.width - 2 * cellPadX;
        const h = paragraphHeight(p, width);
        // A little slack: pdfkit drops a line that ends a hair below the box.
        if (p !== '') doc.text(p, x + cellPadX, y, { width, height: h + 0.5, align: c.align ?? 'left', lineGap: 0 });
        y += h;
      }
      x += c.width;
    }
    doc
      .moveTo(left, top + height)
      .lineTo(left + totalWidth, top + height)
      .lineWidth(0.5)
      .strokeColor(ruleColor)
      .stroke();
    doc.x = doc.page.margins.left;
    doc.y = top + height;
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = Math.max(...measure(headers, 'cjk-bold')) + 2 * cellPadY;
  const drawHeader = () => {
    const top = doc.y;
    drawRow(headers, 'cjk-bold', headerHeight, headerFill);
    doc
      .moveTo(left, top)
      .lineTo(left + totalWidth, top)
      .lineWidth(0.5)
      .strokeColor(ruleColor)
      .stroke();
  };

  // The header needs at least one body row under it; otherwise start on a new page.
  if (doc.y + headerHeight + oneLine + 2 * cellPadY > bottom()) doc.addPage();
  drawHeader();

  for (const row of rows) {
    let cells = row;
    let height = Math.max(oneLine, ...measure(cells, 'cjk')) + 2 * cellPadY;
    const pageRoom = bottom() - doc.page.margins.top - headerHeight;
    if (height > pageRoom) {
      // Taller than a page: cut every cell to the lines a page can hold.
      doc.font('cjk');
      const maxLines = Math.max(1, Math.floor((pageRoom - 2 * cellPadY) / oneLine));
      cells = columns.map((c, i) => fitText(doc, row[i] ?? '', c.width - 2 * cellPadX, maxLines));
      height = Math.max(oneLine, ...measure(cells, 'cjk')) + 2 * cellPadY;
    }
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawHeader();
    }
    drawRow(cells, 'cjk', height);
  }
  doc.font('cjk');
}
