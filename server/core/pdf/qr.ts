// QR codes drawn as vector rectangles: sharp at any printer resolution, and small because each
// horizontal run of dark modules is one rectangle.
import QRCode from 'qrcode';
import type { PdfDoc } from './document.js';

export interface QrOptions {
  /** Quiet zone around the code, in modules (the standard asks for 4); default 4. */
  margin?: number;
}

export interface QrDrawn {
  /** Modules per side, quiet zone excluded (21 for version 1, +4 per version). */
  modules: number;
  /** Side of one module in points. */
  moduleSize: number;
}

/**
 * Draws the QR code of `text` (error correction level M) in the square with top-left corner
 * (x, y) and side `sizePt`, quiet zone included. The quiet zone is left unpainted.
 */
export function drawQr(doc: PdfDoc, text: string, x: number, y: number, sizePt: number, opts: QrOptions = {}): QrDrawn {
  const margin = opts.margin ?? 4;
  const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const n = matrix.size;
  const unit = sizePt / (n + 2 * margin);
  const x0 = x + margin * unit;
  const y0 = y + margin * unit;
  doc.save();
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!matrix.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && matrix.data[row * n + col]) col++;
      doc.rect(x0 + start * unit, y0 + row * unit, (col - start) * unit, unit);
    }
  }
  // One fill for the whole code; rectangles of adjacent rows touch, so no seams between them.
  doc.fillColor('black').fill();
  doc.restore();
  return { modules: n, moduleSize: unit };
}
