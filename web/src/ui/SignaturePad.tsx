// A handwritten signature drawn on screen with a finger, a pen or a mouse (pointer events cover
// all three), usable as a Form control: value is a PNG data URL, or null while nothing is drawn.
// Strokes are kept as points in CSS pixels, so the canvas can be redrawn sharply after a resize
// (a phone turned sideways) and exported as a small image: trimmed to the ink, at most maxWidth
// pixels wide, well under the server's 200 KB limit.
import { Button, Flex, theme } from 'antd';
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';

interface Point {
  x: number;
  y: number;
  /** Line width at this point (pens vary it with pressure). */
  w: number;
}
type Stroke = Point[];

interface SignaturePadProps {
  value?: string | null;
  onChange?: (dataUrl: string | null) => void;
  /** Shown faintly inside the empty pad, e.g. "请在此处签名". */
  placeholder?: ReactNode;
  clearText: ReactNode;
  /** Height of the pad in CSS pixels; its width follows the container. */
  height?: number;
  /** Export background; white prints the same everywhere. */
  background?: 'white' | 'transparent';
  /** Widest exported image in pixels. */
  maxWidth?: number;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

const INK = '#1a1a2e';
const BASE_WIDTH = 2.6;
const PADDING = 8;
/** Data URL length that still decodes to well under 200 KB. */
const MAX_DATA_URL = 250_000;

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, w: (a.w + b.w) / 2 });

/**
 * Segment i of a stroke: a quadratic curve from the middle of (i-2, i-1) to the middle of
 * (i-1, i) bent through point i-1, which joins the segments without corners.
 */
function drawSegment(ctx: CanvasRenderingContext2D, s: Stroke, i: number): void {
  const prev = s[i - 1]!;
  const cur = s[i]!;
  const start = i >= 2 ? mid(s[i - 2]!, prev) : prev;
  const end = mid(prev, cur);
  ctx.lineWidth = prev.w;
  ctx.beginPath();
  ctx.moveTo(start.x, start.y);
  ctx.quadraticCurveTo(prev.x, prev.y, end.x, end.y);
  ctx.stroke();
}

/** The last half-segment, from the final midpoint to where the pointer was lifted. */
function drawTail(ctx: CanvasRenderingContext2D, s: Stroke): void {
  const n = s.length;
  if (n === 1) {
    const p = s[0]!;
    ctx.beginPath();
    ctx.arc(p.x, p.y, p.w / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const from = mid(s[n - 2]!, s[n - 1]!);
  const to = s[n - 1]!;
  ctx.lineWidth = to.w;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
}

function prepare(ctx: CanvasRenderingContext2D): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

function drawAll(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[]): void {
  prepare(ctx);
  for (const s of strokes) {
    for (let i = 1; i < s.length; i++) drawSegment(ctx, s, i);
    drawTail(ctx, s);
  }
}

/** The ink alone, redrawn at a scale that fits maxWidth, as a PNG data URL. */
function exportPng(strokes: readonly Stroke[], background: 'white' | 'transparent', maxWidth: number): string | null {
  const points = strokes.flat();
  if (points.length === 0) return null;
  const pad = PADDING + Math.max(...points.map((p) => p.w));
  const left = Math.min(...points.map((p) => p.x)) - pad;
  const top = Math.min(...points.map((p) => p.y)) - pad;
  const width = Math.max(...points.map((p) => p.x)) + pad - left;
  const height = Math.max(...points.map((p) => p.y)) + pad - top;
  // Twice the CSS size keeps thin lines crisp, unless that would exceed maxWidth.
  let scale = Math.min(2, maxWidth / width);
  for (let attempt = 0; attempt < 4; attempt++, scale /= 2) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(width * scale));
    canvas.height = Math.max(1, Math.ceil(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    if (background === 'white') {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    ctx.setTransform(scale, 0, 0, scale, -left * scale, -top * scale);
    drawAll(ctx, strokes);
    const url = canvas.toDataURL('image/png');
    if (url.length <= MAX_DATA_URL) return url;
  }
  return null;
}

export function SignaturePad({
  value,
  onChange,
  placeholder,
  clearText,
  height = 180,
  background = 'white',
  maxWidth = 600,
  id,
  ...rest
}: SignaturePadProps) {
  const { token } = theme.useToken();
  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const activePointer = useRef<number | null>(null);
  const [hasInk, setHasInk] = useState(false);

  const context = useCallback(() => canvas.current?.getContext('2d') ?? null, []);

  /** Sizes the backing store to the CSS size times the pixel ratio, then redraws the ink. */
  const resize = useCallback(() => {
    const c = canvas.current;
    const ctx = context();
    if (!c || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const rect = c.getBoundingClientRect();
    c.width = Math.round(rect.width * ratio);
    c.height = Math.round(rect.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawAll(ctx, strokes.current);
  }, [context]);

  useEffect(() => {
    resize();
    const el = wrapper.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => resize());
    observer.observe(el);
    return () => observer.disconnect();
  }, [resize]);

  const wipe = useCallback(() => {
    strokes.current = [];
    const c = canvas.current;
    const ctx = context();
    if (c && ctx) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      ctx.restore();
    }
    setHasInk(false);
  }, [context]);

  // The form was reset (value cleared from outside): clear the ink too.
  useEffect(() => {
    if (!value && activePointer.current === null && strokes.current.length > 0) wipe();
  }, [value, wipe]);

  const pointOf = (e: PointerEvent, rect: DOMRect): Point => {
    // Pens report pressure; mice and most fingers report a constant, so they get an even line.
    const w = e.pointerType === 'pen' && e.pressure > 0 ? BASE_WIDTH * (0.4 + e.pressure * 1.2) : BASE_WIDTH;
    return { x: e.clientX - rect.left, y: e.clientY - rect.top, w };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (activePointer.current !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    activePointer.current = e.pointerId;
    e.currentTarget.setPointerCapture(e.pointerId);
    strokes.current.push([pointOf(e.nativeEvent, e.currentTarget.getBoundingClientRect())]);
    setHasInk(true);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (activePointer.current !== e.pointerId) return;
    const ctx = context();
    const stroke = strokes.current[strokes.current.length - 1];
    if (!ctx || !stroke) return;
    const rect = e.currentTarget.getBoundingClientRect();
    // Coalesced events carry the points the browser merged between frames: rounder curves.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    prepare(ctx);
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const p = pointOf(ev, rect);
      const last = stroke[stroke.length - 1]!;
      if (Math.hypot(p.x - last.x, p.y - last.y) < 0.8) continue;
      stroke.push(p);
      drawSegment(ctx, stroke, stroke.length - 1);
    }
  };

  const onPointerEnd = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (activePointer.current !== e.pointerId) return;
    activePointer.current = null;
    const ctx = context();
    const stroke = strokes.current[strokes.current.length - 1];
    if (ctx && stroke) {
      prepare(ctx);
      drawTail(ctx, stroke);
    }
    onChange?.(exportPng(strokes.current, background, maxWidth));
  };

  const clear = () => {
    wipe();
    onChange?.(null);
  };

  return (
    <div id={id} data-testid={rest['data-testid']}>
      <div
        ref={wrapper}
        style={{
          position: 'relative',
          height,
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadius,
          background: '#fff',
          overflow: 'hidden',
        }}
      >
        {!hasInk && placeholder && (
          <Flex
            align="center"
            justify="center"
            style={{ position: 'absolute', inset: 0, pointerEvents: 'none', color: token.colorTextQuaternary, fontSize: 18 }}
          >
            {placeholder}
          </Flex>
        )}
        <canvas
          ref={canvas}
          role="img"
          aria-label={rest['aria-label']}
          data-testid="signature-canvas"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          // The page must not scroll or zoom while a finger signs.
          style={{ display: 'block', width: '100%', height: '100%', touchAction: 'none', userSelect: 'none', cursor: 'crosshair' }}
        />
      </div>
      <Flex justify="flex-end" style={{ marginTop: 4 }}>
        <Button size="small" onClick={clear} disabled={!hasInk} data-testid="signature-clear">
          {clearText}
        </Button>
      </Flex>
    </div>
  );
}
