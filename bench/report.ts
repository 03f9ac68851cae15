// How the bench prints what it measured: one terminal table per database and data set, and the
// same figures as a markdown table for docs/performance.md. Figures and verdicts only; nothing
// here ever fails a run.
import os from 'node:os';
import type { LoadResult, Stats } from './load.js';

export const TARGET_P95_MS = 30;
export const TARGET_RPS = 3000;

export interface Row {
  label: string;
  s: Stats;
  note?: string;
  target?: 'p95' | 'rps';
  /** Throughput rows (many clients); the others are sequential and show latencies only. */
  concurrent?: boolean;
  /** The list's query string of a list or search row, for --explain. */
  query?: Record<string, string>;
}

export const loadAverage = () =>
  `load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
export const merge = (rs: LoadResult[]): LoadResult => ({
  count: rs.reduce((a, r) => a + r.count, 0),
  errors: rs.reduce((a, r) => a + r.errors, 0),
  firstError: rs.find((r) => r.firstError)?.firstError ?? null,
  elapsedMs: rs.reduce((a, r) => a + r.elapsedMs, 0),
  latencies: rs.flatMap((r) => r.latencies),
});

function verdict(r: Row): string {
  if (r.target === 'p95') return `p95 < ${TARGET_P95_MS} ms: ${r.s.p95 < TARGET_P95_MS ? 'met' : 'MISSED'}`;
  if (r.target === 'rps') return `>= ${TARGET_RPS} rps: ${r.s.rps >= TARGET_RPS ? 'met' : 'MISSED'}`;
  return '';
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const head = ['endpoint', 'reqs', 'errors', 'median ms', 'p95 ms', 'p99 ms', 'req/s', 'target'];
  const body = rows.map((r) => [
    r.label,
    String(r.s.count),
    String(r.s.errors),
    fmt(r.s.median, 2),
    fmt(r.s.p95, 2),
    fmt(r.s.p99, 2),
    r.concurrent ? fmt(r.s.rps, 0) : '-',
    verdict(r) + (r.note ? `  ${r.note}` : ''),
  ]);
  // Chinese characters take two columns in a terminal.
  const cols = (s: string) => s.length + (s.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0);
  const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - cols(s)) : ' '.repeat(w - cols(s)) + s);
  const width = head.map((h, i) => Math.max(cols(h), ...body.map((b) => cols(b[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, width[i]!, i === 0 || i === 7))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

/** The figures of every database side by side as markdown, rows matched by position. */
export function printMarkdown(all: [database: string, rows: Row[]][]): void {
  console.log('\n| endpoint | ' + all.map(([db]) => `${db} median / p95 / p99 ms | ${db} req/s`).join(' | ') + ' |');
  console.log('|---|' + all.map(() => '---:|---:|').join(''));
  for (let i = 0; i < (all[0]?.[1].length ?? 0); i++) {
    const cells = all.map(([, rows]) =>
      rows[i]
        ? `${fmt(rows[i]!.s.median, 1)} / ${fmt(rows[i]!.s.p95, 1)} / ${fmt(rows[i]!.s.p99, 1)} | ${rows[i]!.concurrent ? fmt(rows[i]!.s.rps, 0) : '-'}`
        : '- | -',
    );
    console.log(`| ${all[0]![1][i]!.label.trim()} | ${cells.join(' | ')} |`);
  }
}
