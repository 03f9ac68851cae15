// The PDF toolkit checked with Debian's poppler-utils (scripts/ensure-pdf-tools.sh installs it):
// pdftotext proves the Chinese text is embedded and extractable, pdffonts that the bundled font is
// embedded, pdfinfo the page count and size, and pdftoppm + jsQR that the QR codes scan.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import jsQRModule from 'jsqr';
import { z } from 'zod';
import { createPdf, drawTable, fitText, mm, pdfToBuffer } from './document.js';
import { LABEL_LAYOUTS, labelLayout, labelLayoutIds, renderLabels, type LabelItem, type LabelLayout } from './labels.js';

// jsqr is CommonJS: Node's default import is module.exports, the function, which also carries
// itself as `default`, the property its types describe.
const jsQR = jsQRModule.default;

let dir: string;
let fileNo = 0;

before(() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext not found: run scripts/ensure-pdf-tools.sh (installs poppler-utils)');
  }
  dir = mkdtempSync(join(tmpdir(), 'sysward-pdf-test-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function save(pdf: Buffer): string {
  const file = join(dir, `t${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function tool(name: string, ...args: string[]): string {
  return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function pageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(tool('pdfinfo', file));
  assert.ok(m, 'pdfinfo printed no page count');
  return Number(m[1]);
}

/** Page sizes in points, as pdfinfo reports them for each page. */
function pageSizes(file: string): [number, number][] {
  const out = tool('pdfinfo', '-f', '1', '-l', String(pageCount(file)), file);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

function pageText(file: string, page: number): string {
  return tool('pdftotext', '-f', String(page), '-l', String(page), file, '-');
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of one page with its box in points (pdftotext -bbox). */
function pageWords(file: string, page: number): Word[] {
  const html = tool('pdftotext', '-bbox', '-f', String(page), '-l', String(page), file, '-');
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&(\w+);/g, (e, name: string) => entities[name] ?? e),
  }));
}

/** The rectangle (points) of label slot `slot` on a page of `layout`. */
function slotRect(layout: LabelLayout, slot: number) {
  const col = slot % layout.columns;
  const row = Math.floor(slot / layout.columns);
  const x = mm(layout.marginLeft + col * (layout.labelWidth + layout.gapX));
  const y = mm(layout.marginTop + row * (layout.labelHeight + layout.gapY));
  return { x, y, w: mm(layout.labelWidth), h: mm(layout.labelHeight) };
}

/** The words of one page grouped by the label slot holding their centre, in reading order. */
function wordsBySlot(layout: LabelLayout, words: Word[]): Map<number, Word[]> {
  const slots = new Map<number, Word[]>();
  for (const word of words) {
    const cx = (word.xMin + word.xMax) / 2;
    const cy = (word.yMin + word.yMax) / 2;
    for (let slot = 0; slot < layout.columns * layout.rows; slot++) {
      const r = slotRect(layout, slot);
      if (cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h) {
        slots.set(slot, [...(slots.get(slot) ?? []), word]);
        break;
      }
    }
  }
  return slots;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Rasterises one page with pdftoppm (PPM, P6) and returns it as RGBA. */
function rasterise(file: string, page: number, dpi: number): { width: number; height: number; rgba: Uint8ClampedArray } {
  const prefix = join(dir, `r${++fileNo}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // Header: "P6", width, height, maxval, separated by whitespace (and # comments), then one
  // whitespace byte, then the samples.
  const fields: string[] = [];
  let pos = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[pos]!))) pos++;
    if (ppm[pos] === 0x23) {
      while (ppm[pos] !== 0x0a) pos++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(ppm[pos]!))) token += String.fromCharCode(ppm[pos++]!);
    fields.push(token);
  }
  pos++;
  const [magic, w, h, max] = fields;
  assert.equal(magic, 'P6');
  assert.equal(max, '255');
  const width = Number(w);
  const height = Number(h);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = ppm[pos + i * 3]!;
    rgba[i * 4 + 1] = ppm[pos + i * 3 + 1]!;
    rgba[i * 4 + 2] = ppm[pos + i * 3 + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** Decodes the QR code in a rectangle (points) of a rasterised page; null when there is none. */
function decodeQr(image: ReturnType<typeof rasterise>, dpi: number, r: { x: number; y: number; w: number; h: number }): string | null {
  const scale = dpi / 72;
  const x0 = Math.round(r.x * scale);
  const y0 = Math.round(r.y * scale);
  const w = Math.min(Math.round(r.w * scale), image.width - x0);
  const h = Math.min(Math.round(r.h * scale), image.height - y0);
  const crop = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((y0 + row) * image.width + x0) * 4;
    crop.set(image.rgba.subarray(from, from + w * 4), row * w * 4);
  }
  return jsQR(crop, w, h)?.data ?? null;
}

const names = ['联想ThinkCentre台式机 财务室', '惠普彩色激光打印机', '戴尔 OptiPlex 7010 教务处', '华为交换机 S5735', '投影仪'];

function items(count: number): LabelItem[] {
  return Array.from({ length: count }, (_, i) => {
    const number = `ZC-2024-${String(i + 1).padStart(4, '0')}`;
    return { number, name: names[i % names.length]!, url: `https://it.example.cn/a/${number}`, caption: '计算机设备' };
  });
}

describe('asset labels', () => {
  it('lays out 30 Chinese labels on two a4-3x8 sheets with the font embedded', async () => {
    const list = items(30);
    const file = save(await renderLabels(list, 'a4-3x8', { orgName: '示例市第一中学' }));
    assert.equal(pageCount(file), 2);
    assert.deepEqual(
      pageSizes(file).map(([w, h]) => [Math.round(w), Math.round(h)]),
      [
        [595, 842],
        [595, 842],
      ],
    );

    const layout = labelLayout('a4-3x8');
    for (const page of [1, 2]) {
      const slots = wordsBySlot(layout, pageWords(file, page));
      const onPage = list.slice((page - 1) * 24, page * 24);
      assert.equal(slots.size, onPage.length, `labels with text on page ${page}`);
      for (const [slot, item] of onPage.entries()) {
        const text = squash((slots.get(slot) ?? []).map((w) => w.text).join(''));
        assert.ok(text.includes(squash(item.name)), `page ${page} slot ${slot}: ${text} lacks ${item.name}`);
        assert.ok(text.includes(item.number), `page ${page} slot ${slot}: ${text} lacks ${item.number}`);
        assert.ok(text.includes('示例市第一中学') && text.includes('计算机设备'), text);
      }
    }
    const all = squash(pageText(file, 1) + pageText(file, 2));
    for (const name of names) assert.ok(all.includes(squash(name)), `pdftotext lacks ${name}`);

    const fonts = tool('pdffonts', file)
      .split('\n')
      .filter((l) => l.includes('NotoSansSC'));
    assert.ok(
      fonts.some((l) => /NotoSansSC-Regular\s.*\byes\s+yes\s+yes\b/.test(l)),
      `embedded subset of NotoSansSC-Regular: ${fonts.join('\n')}`,
    );
    assert.ok(
      fonts.some((l) => /NotoSansSC-Bold\s.*\byes\s+yes\s+yes\b/.test(l)),
      'the number is in the bold face',
    );
  });

  it('prints one thermal label per page at the label size', async () => {
    const file = save(await renderLabels(items(3), 'thermal-40x30'));
    assert.equal(pageCount(file), 3);
    for (const [w, h] of pageSizes(file)) {
      assert.ok(Math.abs(w - mm(40)) < 0.01 && Math.abs(h - mm(30)) < 0.01, `page ${w} x ${h} pt`);
    }
    // Words, not pdftotext's running text: it drops a hyphen that ends a line.
    const third = pageWords(file, 3)
      .map((w) => w.text)
      .join('');
    assert.ok(third.includes('ZC-2024-') && third.includes('0003'), `page 3: ${third}`);
  });

  it('prints QR codes that decode to the item url, from the first free position', async () => {
    const list = items(5);
    const dpi = 200;
    const layout = labelLayout('a4-3x8');

    const first = rasterise(save(await renderLabels(list, 'a4-3x8')), 1, dpi);
    assert.equal(decodeQr(first, dpi, slotRect(layout, 0)), list[0]!.url);
    assert.equal(decodeQr(first, dpi, slotRect(layout, 4)), list[4]!.url);

    // Four labels already used: the first item goes to the fifth position.
    const skipped = rasterise(save(await renderLabels(list, 'a4-3x8', { skip: 4 })), 1, dpi);
    assert.equal(decodeQr(skipped, dpi, slotRect(layout, 0)), null);
    assert.equal(decodeQr(skipped, dpi, slotRect(layout, 4)), list[0]!.url);
    assert.equal(decodeQr(skipped, dpi, slotRect(layout, 8)), list[4]!.url);

    // The smallest labels too.
    const small = rasterise(save(await renderLabels(list.slice(0, 1), 'thermal-40x30')), 1, dpi);
    assert.equal(decodeQr(small, dpi, slotRect(labelLayout('thermal-40x30'), 0)), list[0]!.url);
  });

  it('keeps every word inside its label on every layout, even with overlong texts', async () => {
    const long: LabelItem[] = [
      {
        number: 'IT-PC-2024-000000123',
        name: '华为 CloudEngine S6730-H48X6C 万兆核心交换机（主机房 A 区 3 号机柜，备用电源）',
        url: 'https://it.example.cn/assets/0192f5c2-7a1b-7c3d-8e4f-5a6b7c8d9e0f',
        caption: '网络设备 · 信息中心 · 2024 年度采购 · 合同 HT-2024-0098',
      },
      { number: 'ZC1234567890123456789', name: 'W'.repeat(80), url: 'https://it.example.cn/a/2', caption: '' },
      { number: '1', name: '', url: 'https://it.example.cn/a/3' },
    ];
    for (const layout of LABEL_LAYOUTS) {
      const file = save(await renderLabels(long, layout.id, { orgName: '示例市第一中学信息技术中心（网络与设备管理科）' }));
      const words = pageWords(file, 1);
      const slots = wordsBySlot(layout, words);
      const inSlots = [...slots.values()].flat();
      assert.equal(inSlots.length, words.length, `${layout.id}: words outside every label`);
      for (const [slot, slotWords] of slots) {
        const r = layout.kind === 'sheet' ? slotRect(layout, slot) : { x: 0, y: 0, w: mm(layout.labelWidth), h: mm(layout.labelHeight) };
        for (const w of slotWords) {
          const where = `${layout.id} slot ${slot} "${w.text}" ${JSON.stringify(w)} in ${JSON.stringify(r)}`;
          assert.ok(w.xMin >= r.x - 0.01 && w.xMax <= r.x + r.w + 0.01, where);
          assert.ok(w.yMin >= r.y - 0.01 && w.yMax <= r.y + r.h + 0.01, where);
          if (layout.kind === 'sheet') {
            // Clear of the unprinted border of office printers.
            assert.ok(w.xMin >= mm(4.2) && w.xMax <= mm(210 - 4.2) && w.yMin >= mm(4.2) && w.yMax <= mm(297 - 4.2), where);
          }
        }
      }
      const first = squash((slots.get(0) ?? []).map((w) => w.text).join(''));
      // The name and the organisation at least are cut with an ellipsis.
      assert.ok(first.split('…').length - 1 >= 2, `${layout.id}: long texts end in an ellipsis: ${first}`);
      assert.ok(first.includes('IT-PC-2024-') && first.includes('000000123'), `${layout.id}: the whole number is printed: ${first}`);
    }
  });

  it('describes its layouts consistently and refuses unknown ones', async () => {
    assert.deepEqual(
      LABEL_LAYOUTS.map((l) => l.id),
      [...labelLayoutIds],
    );
    const perSheet = Object.fromEntries(LABEL_LAYOUTS.map((l) => [l.id, l.columns * l.rows]));
    assert.deepEqual(perSheet, {
      'a4-3x8': 24,
      'a4-3x7': 21,
      'a4-2x7': 14,
      'a4-4x10': 40,
      'a4-2x5': 10,
      'thermal-40x30': 1,
      'thermal-50x30': 1,
    });
    for (const l of LABEL_LAYOUTS) {
      const right = l.marginLeft + l.columns * l.labelWidth + (l.columns - 1) * l.gapX;
      const bottom = l.marginTop + l.rows * l.labelHeight + (l.rows - 1) * l.gapY;
      assert.ok(right <= l.pageWidth + 0.01 && bottom <= l.pageHeight + 0.01, `${l.id} fits its page`);
    }
    assert.equal(z.enum(labelLayoutIds).safeParse('a4-2x7').success, true);
    assert.equal(z.enum(labelLayoutIds).safeParse('a4-9x9').success, false);
    await assert.rejects(renderLabels(items(1), 'a4-9x9'), /unknown label layout/);
    await assert.rejects(renderLabels(items(1), 'a4-3x8', { skip: 24 }), /skip/);
  });

  it('renders byte-identical files for the same input and date', async () => {
    const creationDate = new Date('2025-01-02T03:04:05Z');
    const a = await renderLabels(items(3), 'a4-2x7', { orgName: '示例', creationDate });
    const b = await renderLabels(items(3), 'a4-2x7', { orgName: '示例', creationDate });
    assert.ok(a.equals(b), 'same bytes');
  });
});

describe('document helpers', () => {
  it('fitText keeps text that fits and cuts the rest with an ellipsis', () => {
    const doc = createPdf({ size: 'A4' });
    doc.font('cjk').fontSize(10);
    assert.equal(fitText(doc, '惠普打印机', 200, 1), '惠普打印机');
    const long = '联想ThinkCentre台式机 财务室 '.repeat(10);
    const chars = Array.from(long.trim());
    const lineHeight = doc.currentLineHeight(true);
    for (const lines of [1, 2, 3]) {
      const cut = fitText(doc, long, 100, lines);
      assert.ok(cut.endsWith('…'), cut);
      assert.ok(doc.heightOfString(cut, { width: 100 }) <= lines * lineHeight + 0.01, `${cut} in ${lines} lines`);
      const kept = Array.from(cut.slice(0, -1));
      assert.equal(chars.slice(0, kept.length).join(''), kept.join(''));
      // As much as fits: one more character would not.
      let n = kept.length + 1;
      while (chars[n - 1] === ' ') n++;
      const more = chars.slice(0, n).join('') + '…';
      assert.ok(doc.heightOfString(more, { width: 100 }) > lines * lineHeight + 0.01, `${more} would fit too`);
    }
    doc.end();
  });

  it('drawTable spreads 120 rows over pages, repeating the header on each', async () => {
    const doc = createPdf({ size: 'A4', title: '资产盘点表', creationDate: new Date('2025-01-02T00:00:00Z') });
    doc.font('cjk-bold').fontSize(14).text('资产盘点表');
    doc.moveDown(0.5);
    const rows = Array.from({ length: 120 }, (_, i) => [
      `ZC-${String(i + 1).padStart(4, '0')}`,
      i % 9 === 0 ? '联想ThinkCentre台式机（含显示器、键盘、鼠标），放置于财务室靠窗第二张办公桌' : names[i % names.length]!,
      ['信息中心', '财务处', '教务处'][i % 3]!,
      (1234.5 + i).toFixed(2),
    ]);
    drawTable(doc, {
      columns: [
        { header: '资产编号', width: 80 },
        { header: '资产名称', width: 250 },
        { header: '使用部门', width: 90 },
        { header: '原值（元）', width: 80, align: 'right' },
      ],
      rows,
    });
    const file = save(await pdfToBuffer(doc));
    const pages = pageCount(file);
    assert.ok(pages >= 3, `${pages} pages`);

    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const words = pageWords(file, page);
      const header = words.find((w) => w.text === '资产名称');
      assert.ok(header, `header on page ${page}`);
      const numbers = words.filter((w) => /^ZC-\d{4}$/.test(w.text));
      assert.ok(numbers.length > 0, `rows on page ${page}`);
      assert.ok(
        numbers.every((w) => w.yMin > header.yMax),
        `page ${page}: header above the rows`,
      );
      // Rows stay within the bottom margin (15 mm).
      assert.ok(
        words.every((w) => w.yMax <= 841.89 - mm(15) + 0.5),
        `page ${page} bottom margin`,
      );
      seen.push(...numbers.map((w) => w.text));
    }
    // Every row exactly once, in order: no row lost or split across pages.
    assert.deepEqual(
      seen,
      rows.map((r) => r[0]),
    );
    const text = squash(Array.from({ length: pages }, (_, i) => pageText(file, i + 1)).join(''));
    assert.ok(text.includes(squash(rows[0]![1]!)), 'long cell text wraps and is kept whole');
    assert.ok(text.includes('1353.50'));
  });
});
