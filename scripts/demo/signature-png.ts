// A handwritten-looking signature for demo hand-outs: a few pen strokes drawn into a small
// grayscale bitmap and encoded as a real PNG with node:zlib (no canvas, no image library).
import { crc32, deflateSync } from 'node:zlib';
import type { Random } from './random.js';

const WIDTH = 240;
const HEIGHT = 80;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** 8-bit grayscale pixels (row by row) as PNG bytes. */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  // Each scanline starts with its filter type (0: none).
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A signature as a data URL (what the hand-out form posts): one flowing stroke per character of
 * the signer's name, slanted, with a pen that is thicker where it moves slowly.
 */
export function drawSignature(random: Random, characters: number): string {
  const pixels = new Uint8Array(WIDTH * HEIGHT).fill(255);
  const dab = (cx: number, cy: number, r: number) => {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++)
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (d > r + 0.5) continue;
        const ink = d <= r - 0.5 ? 30 : 30 + Math.round(225 * (d - r + 0.5));
        pixels[y * WIDTH + x] = Math.min(pixels[y * WIDTH + x]!, ink);
      }
  };
  const slant = 0.25 + random.next() * 0.2;
  const glyph = (WIDTH - 40) / Math.max(2, characters);
  // Control points: each character is a loop (up, back to the left, down); the pen never lifts.
  const points: [number, number][] = [];
  const jitter = (n: number) => (random.next() - 0.5) * n;
  for (let c = 0; c < Math.max(2, characters); c++) {
    const left = 20 + c * glyph;
    const loop: [number, number][] = [
      [0.1, 45 + jitter(10)],
      [0.6, 14 + jitter(12)],
      [0.25, 48 + jitter(10)],
      [0.8, 62 + jitter(10)],
    ];
    for (const [dx, y] of loop) points.push([left + dx * glyph + jitter(glyph * 0.15) + (HEIGHT / 2 - y) * slant, y]);
  }
  points.push([WIDTH - 15, 45 + random.next() * 15]);
  // Catmull-Rom through the points, stamped densely enough to be continuous.
  for (let i = 0; i + 1 < points.length; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const [p1, p2] = [points[i]!, points[i + 1]!];
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const steps = Math.ceil(Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) * 2);
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const at = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (-a + 3 * b - 3 * c + d) * t * t * t);
      dab(at(p0[0], p1[0], p2[0], p3[0]), at(p0[1], p1[1], p2[1], p3[1]), 1.1 + 0.6 * Math.sin(t * Math.PI));
    }
  }
  return `data:image/png;base64,${encodePng(pixels, WIDTH, HEIGHT).toString('base64')}`;
}
