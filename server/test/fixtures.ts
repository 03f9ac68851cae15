// Files the API tests upload, built byte by byte so every test knows exactly what it sends:
// GBK text as Excel in China saves "CSV", UTF-8 with and without a BOM, XLSX, tiny images,
// and the multipart bodies a browser would post.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './test-app.js';

// ---- GBK ------------------------------------------------------------------------------------
// Node has a GBK decoder but no encoder: decoding every two-byte GBK code once gives the reverse
// table, so tests can write any Chinese text as Excel in China saves "CSV".
let gbkCodes: Map<string, number> | null = null;

function gbkTable(): Map<string, number> {
  if (gbkCodes) return gbkCodes;
  const table = new Map<string, number>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, (lead << 8) | trail);
      } catch {
        // unassigned code
      }
    }
  }
  gbkCodes = table;
  return table;
}

/** Text as GBK bytes (ASCII as itself). Throws on a character the table lacks. */
export function gbk(text: string): Buffer {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      bytes.push(cp);
      continue;
    }
    const code = table.get(ch);
    if (code === undefined) throw new Error(`no GBK code for "${ch}"`);
    bytes.push(code >> 8, code & 0xff);
  }
  const buf = Buffer.from(bytes);
  // The bytes must be GBK and must not pass for UTF-8, or the test would prove nothing.
  assert.equal(new TextDecoder('gbk').decode(buf), text);
  return buf;
}

// ---- CSV and XLSX ---------------------------------------------------------------------------

/** Rows as CSV text with CRLF line ends, quoting only where needed. */
export function csvText(rows: readonly (readonly string[])[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function utf8Csv(rows: readonly (readonly string[])[], bom: boolean): Buffer {
  const body = Buffer.from(csvText(rows), 'utf8');
  return bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

export function gbkCsv(rows: readonly (readonly string[])[]): Buffer {
  return gbk(csvText(rows));
}

/** An ordinary workbook as a person would save it from Excel: one sheet, rows as given. */
export async function xlsxOf(rows: readonly (readonly (string | number | null)[])[], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every row of the first worksheet as text cells (column A first), empty rows kept as []. */
export async function xlsxRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    out.push(cells);
  }
  return out;
}

/** Decodes an exported CSV (UTF-8 with BOM) into rows; a naive split is enough for test data. */
export function csvRows(buf: Buffer): string[][] {
  const text = buf.subarray(buf[0] === 0xef ? 3 : 0).toString('utf8');
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

// ---- binary files ---------------------------------------------------------------------------

/** A valid 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The first bytes of an old Excel .xls (an OLE compound file) followed by padding. */
export const OLE_XLS = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0x00)]);

/** Deterministic noise with NUL and control bytes: neither text nor any known format. */
export function randomBinary(size: number, seed = 7): Buffer {
  const buf = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    buf[i] = x >> 16;
  }
  buf[0] = 0x00;
  buf[1] = 0x01;
  return buf;
}

// ---- multipart ------------------------------------------------------------------------------

export type Part = { name: string; value: string } | { name: string; fileName: string; contentType?: string; data: Buffer };

/** A multipart/form-data body exactly as a browser builds it. */
export function multipart(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----SyswardTestBoundary${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`, 'utf8'));
    } else {
      // Browsers send the UTF-8 file name raw inside the quotes (WHATWG HTML), escaping only '"'.
      const name = p.fileName.replaceAll('"', '%22');
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${name}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`,
          'utf8',
        ),
        p.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts one file (field "file"), after any form fields, as the web page does. */
export function upload(
  client: Client,
  url: string,
  file: { fileName: string; data: Buffer; contentType?: string },
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart([...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'file', ...file }]);
  return client.raw({ method: 'POST', url, payload: body.payload, headers: { 'content-type': body.contentType, ...headers } });
}

// ---- API helpers ----------------------------------------------------------------------------

/** Asserts a 200 and returns the JSON body. */
export function ok<T = any>(res: LightMyRequestResponse): T {
  assert.equal(res.statusCode, 200, `${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

/** Asserts an error status and code, returns the error object. */
export function fails(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
): { code: string; details: { field?: string; reason: string; params?: Record<string, unknown> }[] } {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json() as { error: { code: string; details: [] } };
  if (code) assert.equal(body.error.code, code, res.body);
  return body.error;
}

export async function createDepartment(
  client: Client,
  body: { name: string; code?: string | null; parentId?: number | null },
): Promise<{ id: number; name: string }> {
  return ok(await client.post('/api/departments', body));
}

export async function createPerson(
  client: Client,
  body: Record<string, unknown>,
): Promise<{ id: number; name: string; number: string | null }> {
  return ok(await client.post('/api/people', body));
}

export async function peopleTotal(client: Client): Promise<number> {
  return ok(await client.get('/api/people?pageSize=1')).total;
}

/** Every person, by number (or name when there is none), for before/after comparisons. */
export async function allPeople(client: Client): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const body = ok(await client.get(`/api/people?pageSize=200&page=${page}&sort=createdAt`));
    out.push(...body.items);
    if (out.length >= body.total || body.items.length === 0) return out.sort((a, b) => (a.id as number) - (b.id as number));
  }
}

export function parseNdjson(body: string): Record<string, any>[] {
  return body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);
}

// ---- ZIP ------------------------------------------------------------------------------------

/**
 * A one-entry ZIP (named xl/workbook.xml, so it passes for a workbook) whose deflated entry
 * claims `claimedSize` bytes: the honest size, or a lie, as zip bombs tell.
 */
export function zipOf(content: Buffer, claimedSize = content.length): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const data = deflateRawSync(content, { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(name.length, 28);
  const body = Buffer.concat([local, name, data]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, central, name, eocd]);
}
