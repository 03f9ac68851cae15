// The year-end stocktake through the real HTTP layer: snapshot of a location subtree, counting by
// label URL and by number, misplaced / duplicate / outside / unknown scans, parallel scans of one
// asset, undo and manual marks, closing with exact report figures, moving misplaced assets with
// their history, hostile input, and the XLSX and PDF downloads.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { netValueFen } from '../../../shared/lib/depreciation.js';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import { numberFromCode } from './stocktake.service.js';

interface Asset {
  id: number;
  number: string;
  name: string;
  priceFen: number | null;
  purchaseDate: string | null;
  lifeMonths: number | null;
  residualRate: number | null;
  locationId: number | null;
}
interface Item {
  id: number;
  assetId: number;
  number: string;
  found: boolean;
  misplaced: boolean;
  manual: boolean;
  foundLocationId: number | null;
  foundLocationPath: string | null;
  appliedAt: number | null;
}

const BASE = '/api/assets/stocktakes';
const FORMULA = '=HYPERLINK("http://evil.example","点我")';

function hasPdfToText(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('reading a scanned code', () => {
  it('takes the last path segment of a label URL, URL-decoded, or the bare number', () => {
    assert.equal(numberFromCode('https://it.example.edu.cn/a/IT-2026-00001'), 'IT-2026-00001');
    assert.equal(numberFromCode('http://10.0.0.5:8080/sysward/a/%E8%B5%84%E4%BA%A7-7?x=1#y'), '资产-7');
    assert.equal(numberFromCode('  IT-2026-00002 '), 'IT-2026-00002');
    assert.equal(numberFromCode('https://example.com/'), null);
    assert.equal(numberFromCode('https://example.com/a/%E0%A4%A'), null);
  });
});

for (const dialect of dialects()) {
  describe(`stocktake (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let counter: Client;
    const loc = {} as Record<'teaching' | 'r301' | 'r302' | 'admin' | 'r101', number>;
    const a: Record<string, Asset> = {};
    let stocktakeId: number;
    let items: Map<string, Item>;
    let pcId: number;
    let year: number;

    const item = async (id: number, number: string) => {
      const page = ok(await admin.get(`${BASE}/${id}/items?q=${encodeURIComponent(number)}`));
      return (page.items as Item[]).find((i) => i.number === number)!;
    };
    const progress = async (id = stocktakeId) => ok(await admin.get(`${BASE}/${id}`));
    const scan = (code: string, locationId: number | null, client = counter, id = stocktakeId) =>
      client.post(`${BASE}/${id}/scans`, { code, locationId });

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      counter = await userWithRoles(t.app, admin, ['lab_manager']);
      const newLocation = async (name: string, kind: string, parentId: number | null = null) =>
        ok(await admin.post('/api/locations', { name, kind, parentId })).id as number;
      loc.teaching = await newLocation('教学楼', 'building');
      loc.r301 = await newLocation('301', 'room', loc.teaching);
      loc.r302 = await newLocation('302', 'room', loc.teaching);
      loc.admin = await newLocation('行政楼', 'building');
      loc.r101 = await newLocation('101', 'room', loc.admin);
      const cats = ok(await admin.get('/api/assets/categories')).items as { id: number; name: string }[];
      pcId = cats.find((c) => c.name === '台式机')!.id;
      const laptopId = cats.find((c) => c.name === '笔记本')!.id;
      const thisYear = Number(ok(await admin.get('/api/assets/settings')).numberExample.match(/\d{4}/)?.[0] ?? new Date().getFullYear());
      const create = async (key: string, body: Record<string, unknown>) => {
        a[key] = ok(await admin.post('/api/assets', { categoryId: pcId, ...body }));
      };
      await create('pc1', { name: '联想台式机1', locationId: loc.r301, priceFen: 500_000, purchaseDate: '2024-03-15', lifeMonths: 60 });
      await create('pc2', { name: '联想台式机2', locationId: loc.r301, priceFen: 300_050, purchaseDate: `${thisYear}-02-01` });
      await create('nb1', {
        name: '笔记本1',
        categoryId: laptopId,
        locationId: loc.r302,
        priceFen: 800_000,
        purchaseDate: `${thisYear}-06-01`,
        lifeMonths: 36,
        residualRate: 0,
      });
      await create('pc7', { name: '丢失的台式机', locationId: loc.r301, priceFen: 120_000, purchaseDate: '2023-01-10' });
      await create('admin1', { name: '行政楼打印机', locationId: loc.r101, priceFen: 100_000 });
      await create('noPlace', { name: '未登记位置的台式机', priceFen: 200_000 });
      await create('gone', { name: '已处置的台式机', locationId: loc.r302, status: 'retired', statusReason: '损坏', priceFen: 99_900 });
      ok(await admin.post(`/api/assets/${a.gone!.id}/status`, { status: 'disposed', reason: '拍卖' }));
    });
    after(() => t.close());

    it('starts over a location subtree and snapshots only the assets there (not disposed)', async () => {
      const st = ok(await counter.post(BASE, { name: '教学楼年度盘点', locationId: loc.teaching }));
      stocktakeId = st.id;
      year = st.year;
      assert.equal(st.status, 'open');
      assert.equal(st.locationPath, '教学楼');
      assert.deepEqual(st.counts, { expected: 4, found: 0, missing: 4, misplaced: 0, unknown: 0, outside: 0, applied: 0 });
      const page = ok(await admin.get(`${BASE}/${stocktakeId}/items?pageSize=50`));
      items = new Map((page.items as Item[]).map((i) => [i.number, i]));
      assert.deepEqual([...items.keys()].sort(), [a.pc1!.number, a.pc2!.number, a.nb1!.number, a.pc7!.number].sort());
      const one = (page.items as (Item & { locationPath: string; priceFen: number })[]).find((i) => i.number === a.pc1!.number)!;
      assert.equal(one.locationPath, '教学楼 / 301');
      assert.equal(one.priceFen, 500_000);
      // Only one open stocktake at a time, with a clear error naming it.
      const err = fails(await admin.post(BASE, { name: '第二个' }), 409, 'stocktake.already_open');
      assert.equal(err.details[0]?.params?.name, '教学楼年度盘点');
      fails(await admin.post(BASE, { name: 'x', locationId: 999_999 }), 409, 'stocktake.already_open');
    });

    it('counts a label URL and a typed number; flags the misplaced one and writes its history', async () => {
      const url = `https://it.example.edu.cn/a/${encodeURIComponent(a.pc1!.number)}`;
      const r1 = ok(await scan(url, loc.r301));
      assert.equal(r1.result, 'found');
      assert.equal(r1.number, a.pc1!.number);
      assert.equal(r1.item.found, true);
      assert.equal(r1.item.foundLocationPath, '教学楼 / 301');
      const r2 = ok(await scan(a.pc2!.number, loc.r302));
      assert.equal(r2.result, 'misplaced');
      assert.equal(r2.item.misplaced, true);
      assert.equal(r2.item.locationPath, '教学楼 / 301');
      assert.deepEqual(r2.counts, { expected: 4, found: 2, missing: 2, misplaced: 1, unknown: 0, outside: 0, applied: 0 });
      const history = ok(await admin.get(`/api/assets/${a.pc2!.id}/history`)).items as { kind: string; summary: string }[];
      assert.equal(history[0]?.kind, 'stocktake');
      assert.match(history[0]!.summary, /位置不符.*302/);
      // A plain found scan keeps the timeline short.
      const h1 = ok(await admin.get(`/api/assets/${a.pc1!.id}/history`)).items as { kind: string }[];
      assert.ok(!h1.some((h) => h.kind === 'stocktake'));
    });

    it('reports a duplicate scan without counting it twice; outside-scope and unknown codes are listed', async () => {
      const before = await progress();
      const dup = ok(await scan(a.pc1!.number, loc.r302));
      assert.equal(dup.result, 'duplicate');
      assert.equal(dup.item.foundLocationPath, '教学楼 / 301', 'the first sighting stands');
      assert.equal(dup.counts.found, before.counts.found);
      const out = ok(await scan(a.admin1!.number, loc.r302));
      assert.equal(out.result, 'outside');
      assert.equal(out.extra.assetName, '行政楼打印机');
      assert.equal(out.extra.assetLocationPath, '行政楼 / 101');
      const unknown = ok(await scan('OLD-LABEL-0042', loc.r302));
      assert.equal(unknown.result, 'unknown');
      const again = ok(await scan('OLD-LABEL-0042', loc.r301));
      assert.equal(again.result, 'unknown');
      assert.equal(again.extra.times, 2);
      assert.equal(again.counts.unknown, 1);
      assert.equal(again.counts.outside, 1);
      const list = ok(await admin.get(`${BASE}/${stocktakeId}/extras?kind=unknown`));
      assert.equal(list.total, 1);
      assert.equal(list.items[0].code, 'OLD-LABEL-0042');
      const outside = ok(await admin.get(`${BASE}/${stocktakeId}/extras?kind=outside`));
      assert.equal(outside.items[0].assetNumber, a.admin1!.number);
      assert.ok(again.version > before.version);
    });

    it('counts one asset once when several people scan it at the same moment', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => scan(a.nb1!.number, loc.r302, i % 2 ? counter : admin)));
      const kinds = results.map((r) => ok(r).result as string);
      assert.equal(kinds.filter((k) => k === 'found').length, 1, kinds.join());
      assert.equal(kinds.filter((k) => k === 'duplicate').length, 7, kinds.join());
      const p = await progress();
      assert.deepEqual(p.counts, { expected: 4, found: 3, missing: 1, misplaced: 1, unknown: 1, outside: 1, applied: 0 });
      const foundRows = Number(
        (
          await t.ctx.db
            .selectFrom('stocktake_items')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('stocktake_id', '=', stocktakeId)
            .where('found_at', 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.equal(foundRows, 3);
    });

    it('lists items by state with search, and undoes or marks by hand', async () => {
      const missing = ok(await admin.get(`${BASE}/${stocktakeId}/items?state=missing`));
      assert.deepEqual(
        (missing.items as Item[]).map((i) => i.number),
        [a.pc7!.number],
      );
      assert.equal(missing.total, 1);
      const misplaced = ok(await admin.get(`${BASE}/${stocktakeId}/items?state=misplaced`));
      assert.deepEqual(
        (misplaced.items as Item[]).map((i) => i.number),
        [a.pc2!.number],
      );
      const search = ok(await admin.get(`${BASE}/${stocktakeId}/items?q=${encodeURIComponent('笔记本')}`));
      assert.deepEqual(
        (search.items as Item[]).map((i) => i.number),
        [a.nb1!.number],
      );
      const pc1 = items.get(a.pc1!.number)!;
      const undone = ok(await counter.post(`${BASE}/${stocktakeId}/items/${pc1.id}/undo`));
      assert.equal(undone.found, false);
      assert.equal((await progress()).counts.found, 2);
      // Undo again changes nothing.
      ok(await counter.post(`${BASE}/${stocktakeId}/items/${pc1.id}/undo`));
      assert.equal((await progress()).counts.found, 2);
      const marked = ok(await counter.post(`${BASE}/${stocktakeId}/items/${pc1.id}/found`, { locationId: loc.r301, note: '标签脱落' }));
      assert.equal(marked.result, 'found');
      assert.equal(marked.item.manual, true);
      assert.equal(marked.item.note, '标签脱落');
      const dup = ok(await counter.post(`${BASE}/${stocktakeId}/items/${pc1.id}/found`, {}));
      assert.equal(dup.result, 'duplicate');
      assert.equal((await progress()).counts.found, 3);
    });

    it('refuses hostile input with clear errors and changes nothing', async () => {
      const before = await progress();
      const longCode = 'A'.repeat(10_240);
      const big = fails(await scan(longCode, loc.r301), 400, 'validation.failed');
      assert.equal(big.details[0]?.field, 'code');
      fails(await scan('IT-1\u0000; drop', loc.r301), 400, 'validation.failed');
      fails(await scan('', loc.r301), 400, 'validation.failed');
      fails(await scan(a.pc7!.number, 999_999), 400, 'stocktake.invalid_reference');
      fails(await counter.post(`${BASE}/${stocktakeId}/scans`, { code: 'x', locationId: loc.r301, extra: 1 }), 400, 'validation.failed');
      fails(await counter.post(`${BASE}/${stocktakeId}/items/999999/found`, {}), 404, 'resource.not_found');
      fails(await counter.post(`${BASE}/999999/scans`, { code: 'x', locationId: null }), 404, 'resource.not_found');
      fails(await admin.get(`${BASE}/${stocktakeId}/items?state=lost`), 400, 'validation.failed');
      const staff = await userWithRoles(t.app, admin, ['staff']);
      fails(await scan(a.pc7!.number, loc.r301, staff), 403, 'auth.forbidden');
      fails(await staff.get(BASE), 403, 'auth.forbidden');
      fails(await staff.post(BASE, { name: 'x' }), 403, 'auth.forbidden');
      const librarian = await userWithRoles(t.app, admin, ['librarian']);
      assert.equal((await librarian.get(`${BASE}/${stocktakeId}`)).statusCode, 200);
      fails(await scan(a.pc7!.number, loc.r301, librarian), 403, 'auth.forbidden');
      const afterRefusals = await progress();
      assert.deepEqual(afterRefusals.counts, before.counts);
      assert.equal(afterRefusals.version, before.version);
      assert.equal((await item(stocktakeId, a.pc7!.number)).found, false);

      // Script and SQL text are just labels nobody knows: kept verbatim as text, nothing else moves.
      const script = '<script>alert(1)</script>';
      const sqlText = "'; drop table assets; --";
      for (const code of [script, sqlText, FORMULA]) assert.equal(ok(await scan(code, loc.r301)).result, 'unknown');
      const unknown = ok(await admin.get(`${BASE}/${stocktakeId}/extras?kind=unknown&pageSize=50`));
      const codes = (unknown.items as { code: string }[]).map((x) => x.code);
      assert.ok(codes.includes(script) && codes.includes(sqlText), codes.join(' | '));
      assert.equal(ok(await admin.get(`/api/assets/${a.pc7!.id}`)).name, '丢失的台式机');
      const counts = (await progress()).counts;
      assert.deepEqual({ ...counts, unknown: 0 }, { ...before.counts, unknown: 0 });
      assert.equal(counts.unknown, before.counts.unknown + 3);
    });

    let closeDate: string;
    it('closes with items missing and stores exact report figures', async () => {
      const closed = ok(await counter.post(`${BASE}/${stocktakeId}/close`, {}));
      assert.equal(closed.status, 'closed');
      closeDate = closed.closeDate;
      assert.match(closeDate, /^\d{4}-\d{2}-\d{2}$/);
      const r = ok(await admin.get(`${BASE}/${stocktakeId}/report`));
      const inScope = [a.pc1!, a.pc2!, a.nb1!, a.pc7!];
      const net = (x: Asset) => netValueFen(x, closeDate) ?? x.priceFen ?? 0;
      const sum = (list: Asset[], f: (x: Asset) => number) => list.reduce((s, x) => s + f(x), 0);
      assert.deepEqual(r.book, {
        count: 4,
        valueFen: 500_000 + 300_050 + 800_000 + 120_000,
        netValueFen: sum(inScope, net),
        unpriced: 0,
      });
      assert.ok(r.book.netValueFen < r.book.valueFen, 'depreciation is applied');
      const found = [a.pc1!, a.pc2!, a.nb1!];
      assert.deepEqual(r.found, { count: 3, valueFen: 500_000 + 300_050 + 800_000, netValueFen: sum(found, net) });
      assert.deepEqual(r.missing, { count: 1, valueFen: 120_000, netValueFen: net(a.pc7!) });
      const bought = inScope.filter((x) => x.purchaseDate?.startsWith(`${year}-`));
      assert.deepEqual(r.boughtThisYear, { count: bought.length, valueFen: sum(bought, (x) => x.priceFen ?? 0), found: bought.length });
      assert.equal(bought.length, 2);
      assert.equal(r.misplaced, 1);
      assert.equal(r.unknown, 4);
      assert.equal(r.outside, 1);
      const byCat = new Map(
        (r.byCategory as { name: string; expected: number; missing: number; valueFen: number }[]).map((g) => [g.name, g]),
      );
      assert.equal(byCat.get('台式机')?.expected, 3);
      assert.equal(byCat.get('台式机')?.missing, 1);
      assert.equal(byCat.get('笔记本')?.valueFen, 800_000);
      const byLoc = new Map(
        (r.byLocation as { name: string; expected: number; found: number; missingValueFen: number; misplaced: number }[]).map((g) => [
          g.name,
          g,
        ]),
      );
      assert.deepEqual(
        [byLoc.get('教学楼 / 301')?.expected, byLoc.get('教学楼 / 301')?.found, byLoc.get('教学楼 / 301')?.misplaced],
        [3, 2, 1],
      );
      assert.equal(byLoc.get('教学楼 / 301')?.missingValueFen, 120_000);
      assert.equal(byLoc.get('教学楼 / 302')?.expected, 1);
      // A closed stocktake refuses counting and a second close.
      fails(await scan(a.pc7!.number, loc.r301), 409, 'stocktake.closed');
      fails(await counter.post(`${BASE}/${stocktakeId}/items/${items.get(a.pc7!.number)!.id}/found`, {}), 409, 'stocktake.closed');
      fails(await counter.post(`${BASE}/${stocktakeId}/items/${items.get(a.pc1!.number)!.id}/undo`), 409, 'stocktake.closed');
      fails(await counter.post(`${BASE}/${stocktakeId}/close`, {}), 409, 'stocktake.closed');
      assert.equal((await item(stocktakeId, a.pc7!.number)).found, false);
    });

    it('moves misplaced assets to where they were seen, with history and audit, once', async () => {
      // Someone else's item ids change nothing.
      fails(await counter.post(`${BASE}/${stocktakeId}/apply-locations`, { itemIds: [999_999] }), 404, 'resource.not_found');
      assert.equal(ok(await admin.get(`/api/assets/${a.pc2!.id}`)).locationId, loc.r301);
      const res = ok(await counter.post(`${BASE}/${stocktakeId}/apply-locations`, {}));
      assert.deepEqual(res, { moved: 1, skipped: 0 });
      assert.equal((await progress()).counts.applied, 1);
      const moved = ok(await admin.get(`/api/assets/${a.pc2!.id}`));
      assert.equal(moved.locationId, loc.r302);
      const history = ok(await admin.get(`/api/assets/${a.pc2!.id}/history`)).items as {
        kind: string;
        changes: Record<string, { from: unknown; to: unknown }>;
      }[];
      assert.equal(history[0]?.kind, 'stocktake');
      assert.deepEqual(history[0]?.changes.locationName, { from: '教学楼 / 301', to: '教学楼 / 302' });
      const audit = ok(await admin.get(`/api/audit?entityType=asset&entityId=${a.pc2!.id}&action=update`));
      assert.ok(audit.items.length >= 1);
      assert.equal((await item(stocktakeId, a.pc2!.number)).appliedAt !== null, true);
      assert.deepEqual(ok(await counter.post(`${BASE}/${stocktakeId}/apply-locations`, {})), { moved: 0, skipped: 0 });
      // Every kind of change to the stocktake is in the audit trail.
      const trail = ok(await admin.get(`/api/audit?entityType=stocktake&entityId=${stocktakeId}&pageSize=100`));
      const actions = new Set((trail.items as { action: string }[]).map((e) => e.action));
      for (const action of ['create', 'scan', 'mark_found', 'undo', 'close', 'apply_locations']) assert.ok(actions.has(action), action);
    });

    it('downloads the report as XLSX with its sheets and as PDF', async () => {
      const xlsx = await admin.get(`${BASE}/${stocktakeId}/report.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-disposition']), /attachment/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        ['汇总', '按分类', '按位置', '盘亏', '位置不符', '未知标签'],
      );
      const text = (sheet: string) =>
        wb
          .getWorksheet(sheet)!
          .getSheetValues()
          .map((r) => JSON.stringify(r))
          .join('\n');
      assert.match(text('盘亏'), new RegExp(a.pc7!.number));
      assert.match(text('位置不符'), /教学楼 \/ 302/);
      assert.match(text('未知标签'), /OLD-LABEL-0042/);
      const summary = wb.getWorksheet('汇总')!;
      const bookRow = summary.getRow(6);
      assert.equal(bookRow.getCell(1).value, '账面资产（盘点范围内）');
      assert.equal(bookRow.getCell(2).value, 4);
      assert.equal(bookRow.getCell(3).value, (500_000 + 300_050 + 800_000 + 120_000) / 100);
      assert.equal(bookRow.getCell(3).numFmt, '#,##0.00');
      // A label that reads like a formula stays text in Excel.
      const cells = wb.getWorksheet('未知标签')!.getColumn(2).values;
      assert.ok(cells.includes(`'${FORMULA}`), JSON.stringify(cells));

      const pdf = await admin.get(`${BASE}/${stocktakeId}/report.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
      if (hasPdfToText()) {
        const dir = mkdtempSync(join(tmpdir(), 'stocktake-pdf-'));
        try {
          const file = join(dir, 'r.pdf');
          writeFileSync(file, pdf.rawPayload);
          const body = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
          assert.match(body, /盘点/);
          assert.match(body, new RegExp(a.pc7!.number));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    });

    it('starts the next one over everything; old item ids and closed stocktakes stay out of it', async () => {
      const next = ok(await admin.post(BASE, { name: '全校盘点' }));
      // Everything not disposed, including the one without a location.
      assert.equal(next.counts.expected, 6);
      const oldItem = items.get(a.pc7!.number)!;
      fails(await counter.post(`${BASE}/${next.id}/items/${oldItem.id}/found`, {}), 404, 'resource.not_found');
      fails(await counter.post(`${BASE}/${next.id}/items/${oldItem.id}/undo`), 404, 'resource.not_found');
      fails(await counter.post(`${BASE}/${next.id}/apply-locations`, { itemIds: [oldItem.id] }), 404, 'resource.not_found');
      fails(await admin.get(`${BASE}/${next.id}/report`), 409, 'stocktake.not_closed');
      fails(await admin.get(`${BASE}/${next.id}/report.pdf`), 409, 'stocktake.not_closed');
      const list = ok(await admin.get(BASE));
      assert.deepEqual(
        (list.items as { name: string }[]).map((s) => s.name),
        ['全校盘点', '教学楼年度盘点'],
      );
      ok(await admin.post(`${BASE}/${next.id}/close`, {}));
      // A scope with nothing in it is refused (and leaves no stocktake behind).
      const empty = ok(await admin.post('/api/assets/categories', { name: '空分类' })).id as number;
      fails(await admin.post(BASE, { name: '空', categoryId: empty }), 409, 'stocktake.empty_scope');
      fails(await admin.post(BASE, { name: '坏', locationId: 999_999 }), 400, 'stocktake.invalid_reference');
      assert.equal(ok(await admin.get(BASE)).total, 2);
      const byCategory = ok(await admin.post(BASE, { name: '台式机盘点', categoryId: pcId, year: 2024 }));
      assert.equal(byCategory.counts.expected, 5);
      assert.equal(byCategory.year, 2024);
    });
  });
}
