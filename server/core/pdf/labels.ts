// Asset labels: a QR code of the asset's page on the left, organisation, name, number and an
// optional caption on the right. Either A4 sheets of pre-cut labels (no cut guides are printed)
// or single labels for thermal label printers (one label per page, page size = label size).
import { createPdf, fitText, mm, pdfToBuffer, type PdfDoc } from './document.js';
import { drawQr } from './qr.js';

export const labelLayoutIds = ['a4-3x8', 'a4-3x7', 'a4-2x7', 'a4-4x10', 'a4-2x5', 'thermal-40x30', 'thermal-50x30'] as const;
export type LabelLayoutId = (typeof labelLayoutIds)[number];

/** All lengths in millimetres. */
export interface LabelLayout {
  id: LabelLayoutId;
  kind: 'sheet' | 'thermal';
  pageWidth: number;
  pageHeight: number;
  labelWidth: number;
  labelHeight: number;
  columns: number;
  rows: number;
  /** Distance from the page's top / left edge to the first label. */
  marginTop: number;
  marginLeft: number;
  /** Space between neighbouring columns / rows. */
  gapX: number;
  gapY: number;
  /** Blank border inside each label: the printer's placement tolerance and rounded corners. */
  padding: number;
}

type LayoutSpec = Omit<LabelLayout, 'id' | 'pageWidth' | 'pageHeight'>;

// Sheet geometry of the common A4 label products of each size (Avery/Zweckform and the compatible
// sheets of other makers); margins are what remains of 210 × 297 mm, split evenly.
const sheet = (spec: Omit<LayoutSpec, 'kind' | 'padding'>): LayoutSpec => ({ kind: 'sheet', padding: 2.5, ...spec });
const thermal = (labelWidth: number, labelHeight: number): LayoutSpec => ({
  kind: 'thermal',
  labelWidth,
  labelHeight,
  columns: 1,
  rows: 1,
  marginTop: 0,
  marginLeft: 0,
  gapX: 0,
  gapY: 0,
  padding: 1.5,
});

const specs: Record<LabelLayoutId, LayoutSpec> = {
  // 70 × 37 mm, 24 per sheet, edge to edge across, 0.5 mm top and bottom.
  'a4-3x8': sheet({ labelWidth: 70, labelHeight: 37, columns: 3, rows: 8, marginTop: 0.5, marginLeft: 0, gapX: 0, gapY: 0 }),
  // 70 × 42.3 mm, 21 per sheet.
  'a4-3x7': sheet({ labelWidth: 70, labelHeight: 42.3, columns: 3, rows: 7, marginTop: 0.45, marginLeft: 0, gapX: 0, gapY: 0 }),
  // 99.1 × 38.1 mm, 14 per sheet (L7163 geometry).
  'a4-2x7': sheet({ labelWidth: 99.1, labelHeight: 38.1, columns: 2, rows: 7, marginTop: 15.15, marginLeft: 4.65, gapX: 2.5, gapY: 0 }),
  // 48.5 × 25.4 mm, 40 per sheet.
  'a4-4x10': sheet({ labelWidth: 48.5, labelHeight: 25.4, columns: 4, rows: 10, marginTop: 21.5, marginLeft: 8, gapX: 0, gapY: 0 }),
  // 99.1 × 57 mm, 10 per sheet (L7173 geometry).
  'a4-2x5': sheet({ labelWidth: 99.1, labelHeight: 57, columns: 2, rows: 5, marginTop: 6, marginLeft: 4.65, gapX: 2.5, gapY: 0 }),
  'thermal-40x30': thermal(40, 30),
  'thermal-50x30': thermal(50, 30),
};

export const LABEL_LAYOUTS: readonly LabelLayout[] = labelLayoutIds.map((id) => {
  const spec = specs[id];
  return Object.freeze({
    id,
    pageWidth: spec.kind === 'sheet' ? 210 : spec.labelWidth,
    pageHeight: spec.kind === 'sheet' ? 297 : spec.labelHeight,
    ...spec,
  });
});

export function labelLayout(id: string): LabelLayout {
  const layout = LABEL_LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new Error(`unknown label layout "${id}"`);
  return layout;
}

export interface LabelItem {
  /** Asset number, printed in bold. */
  number: string;
  name: string;
  /** Encoded in the QR code. */
  url: string;
  /** A short extra line, e.g. the category. */
  caption?: string;
}

export interface RenderLabelsOptions {
  /** Printed small above the asset name. */
  orgName?: string;
  /** Labels already used on the first sheet (sheets only): printing starts at that position. */
  skip?: number;
  /** PDF title; default 'Asset labels'. */
  title?: string;
  /** Fix it to get byte-identical output. */
  creationDate?: Date;
}

/** Renders the labels, filling each sheet row by row. */
export async function renderLabels(items: readonly LabelItem[], layoutId: string, opts: RenderLabelsOptions = {}): Promise<Buffer> {
  const layout = labelLayout(layoutId);
  const perPage = layout.columns * layout.rows;
  const skip = layout.kind === 'sheet' ? (opts.skip ?? 0) : 0;
  if (!Number.isInteger(skip) || skip < 0 || skip >= perPage) throw new Error(`skip must be an integer from 0 to ${perPage - 1}`);
  if (items.length === 0) throw new Error('no labels to render');

  const doc = createPdf({
    size: [mm(layout.pageWidth), mm(layout.pageHeight)],
    margin: 0,
    title: opts.title ?? 'Asset labels',
    ...(opts.creationDate ? { creationDate: opts.creationDate } : {}),
  });
  let page = 0;
  for (const [i, item] of items.entries()) {
    const position = skip + i;
    const pageOf = Math.floor(position / perPage);
    if (pageOf > page) {
      doc.addPage();
      page = pageOf;
    }
    const slot = position % perPage;
    const col = slot % layout.columns;
    const row = Math.floor(slot / layout.columns);
    const x = layout.marginLeft + col * (layout.labelWidth + layout.gapX);
    const y = layout.marginTop + row * (layout.labelHeight + layout.gapY);
    drawLabel(doc, item, layout, mm(x), mm(y), opts.orgName);
  }
  return pdfToBuffer(doc);
}

interface TextPart {
  role: 'org' | 'name' | 'number' | 'caption';
  /** Lines separated by '\n', already fitted to the column. */
  text: string;
  font: 'cjk' | 'cjk-bold';
  size: number;
  lines: number;
}

const colors: Record<TextPart['role'], string> = { org: '#444444', name: 'black', number: 'black', caption: '#444444' };

/**
 * Office laser printers leave about 4.2 mm at each page edge unprinted, and the edge-to-edge
 * sheets (70 mm wide) have labels right at the edge: what is printed there keeps this distance.
 */
const sheetSafeMargin = 4.5;

/** One label with its top-left corner at (x, y) points. */
function drawLabel(doc: PdfDoc, item: LabelItem, layout: LabelLayout, x: number, y: number, orgName: string | undefined): void {
  const w = mm(layout.labelWidth);
  const h = mm(layout.labelHeight);
  const pad = mm(layout.padding);
  const safe = layout.kind === 'sheet' ? mm(sheetSafeMargin) : 0;
  const left = Math.max(x + pad, safe);
  const top = Math.max(y + pad, safe);
  const right = Math.min(x + w - pad, mm(layout.pageWidth) - safe);
  const bottom = Math.min(y + h - pad, mm(layout.pageHeight) - safe);

  doc.save();
  // Nothing may reach the neighbouring label, whatever the text.
  doc.rect(x, y, w, h).clip();

  // The code fills the height (up to 40 mm, plenty to scan: the rest goes to larger text); its
  // quiet zone is the padding around it and the gap to the text.
  const qr = Math.min(bottom - top, (right - left) * 0.5, mm(40));
  drawQr(doc, item.url, left, (top + bottom - qr) / 2, qr, { margin: 0 });

  const textX = left + qr + qr * 0.08;
  const textW = right - textX;
  const textH = bottom - top;
  const parts = layoutText(doc, item, orgName, textW, textH, h);

  let ty = top + Math.max(0, (textH - blockHeight(doc, parts)) / 2);
  for (const part of parts) {
    doc.font(part.font).fontSize(part.size).fillColor(colors[part.role]);
    const lineHeight = doc.currentLineHeight(true);
    // Explicit lines are drawn one by one: pdfkit counts a '\n' as one em wide in this font.
    const segments = part.text.split('\n');
    for (const segment of segments) {
      const lines = segments.length === 1 ? part.lines : 1;
      doc.text(segment, textX, ty, { width: textW, height: lines * lineHeight + 0.5, lineGap: 0 });
      ty += lines * lineHeight;
    }
    ty += gapAfter(part);
  }
  doc.restore();
  doc.font('cjk').fillColor('black');
}

function gapAfter(part: TextPart): number {
  return part.size * 0.15;
}

function blockHeight(doc: PdfDoc, parts: TextPart[]): number {
  let total = 0;
  for (const [i, part] of parts.entries()) {
    doc.font(part.font).fontSize(part.size);
    total += part.lines * doc.currentLineHeight(true) + (i < parts.length - 1 ? gapAfter(part) : 0);
  }
  return total;
}

/**
 * Chooses the texts and sizes for the text column: sizes follow the label height, and shrink
 * (then the caption and organisation lines go) until the block fits the column's height.
 */
function layoutText(doc: PdfDoc, item: LabelItem, orgName: string | undefined, width: number, height: number, labelH: number): TextPart[] {
  // Sizes are for a 37 mm high label with a 29 mm wide text column (70 × 37 mm) and follow the
  // height and the width, up to a third larger.
  const base = Math.min(4 / 3, labelH / mm(37), width / mm(29));
  const org = orgName?.trim();
  const caption = item.caption?.trim();
  let parts: TextPart[] = [];
  for (const scale of [1, 0.92, 0.84, 0.76, 0.68, 0.6]) {
    const small = Math.max(4.5, 6.5 * base * scale);
    const nameSize = Math.max(6, 9 * base * scale);
    parts = [];
    if (org) parts.push(single(doc, 'org', org, small, width));
    if (item.name.trim()) {
      doc.font('cjk').fontSize(nameSize);
      const name = fitText(doc, item.name, width, 2);
      const lines = doc.heightOfString(name, { width, lineGap: 0 }) > doc.currentLineHeight(true) * 1.01 ? 2 : 1;
      parts.push({ role: 'name', text: name, font: 'cjk', size: nameSize, lines });
    }
    parts.push(numberPart(doc, item.number, width, Math.max(6, 15 * base * scale), nameSize));
    if (caption) parts.push(single(doc, 'caption', caption, small, width));
    if (blockHeight(doc, parts) <= height) return parts;
  }
  // Still too tall (a very short label): keep what matters most, the number first, then the name.
  const essential = parts.filter((p) => p.role === 'name' || p.role === 'number');
  return blockHeight(doc, essential) <= height ? essential : parts.filter((p) => p.role === 'number');
}

function single(doc: PdfDoc, role: TextPart['role'], text: string, size: number, width: number): TextPart {
  doc.font('cjk').fontSize(size);
  return { role, text: fitText(doc, text, width, 1), font: 'cjk', size, lines: 1 };
}

/**
 * The number at the largest size (up to `max`) that fits on one line. Below `min`, it goes on two
 * lines, broken after a separator ('-', '/', '_', '.', ' ') when it has one, so that both halves
 * are as large as possible; a number without separators is broken where the line is full.
 */
function numberPart(doc: PdfDoc, number: string, width: number, max: number, min: number): TextPart {
  const text = number.replace(/\s+/g, ' ').trim();
  doc.font('cjk-bold');
  const sizeFor = (lines: string[]) => {
    doc.fontSize(max);
    const widest = Math.max(...lines.map((l) => doc.widthOfString(l)));
    return widest <= width ? max : Math.floor(((max * width) / widest) * 4) / 4;
  };
  const oneLine = sizeFor([text]);
  if (oneLine >= min) return { role: 'number', text, font: 'cjk-bold', size: oneLine, lines: 1 };
  let best: { lines: string[]; size: number } | undefined;
  const chars = Array.from(text);
  for (const [i, ch] of chars.entries()) {
    if (i === 0 || i === chars.length - 1 || !/[-/_. ]/.test(ch)) continue;
    const lines = [
      chars
        .slice(0, i + 1)
        .join('')
        .trimEnd(),
      chars
        .slice(i + 1)
        .join('')
        .trimStart(),
    ];
    const size = sizeFor(lines);
    if (!best || size > best.size) best = { lines, size };
  }
  if (best && best.size >= min * 0.85) {
    return { role: 'number', text: best.lines.join('\n'), font: 'cjk-bold', size: Math.min(best.size, max), lines: 2 };
  }
  doc.fontSize(min);
  return { role: 'number', text: fitText(doc, text, width, 2), font: 'cjk-bold', size: min, lines: 2 };
}
