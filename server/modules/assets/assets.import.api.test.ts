// The ledger's spreadsheet round trip through the real HTTP layer: a GBK CSV with Chinese headers
// and a title row, Snipe-IT's English export, creating missing places and people on request,
// upsert by number or serial, export → edit → import without loss, and hostile files.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDepartment, createPerson, csvRows, fails, gbkCsv, ok, upload, xlsxOf, xlsxRows, zipOf } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, type Client, type TestApp } from '../../test/test-app.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  '资产编号',
  '名称',
  '分类',
  '品牌',
  '型号',
  '序列号',
  '状态',
  '位置',
  '部门',
  '使用人',
  '购置日期',
  '价格',
  '供应商',
  '保修截止',
  '备注',
];

function importAssets(client: Client, fileName: string, data: Buffer, options?: Record<string, unknown>) {
  return upload(
    client,
    '/api/assets/import',
    { fileName, data, contentType: fileName.endsWith('.xlsx') ? XLSX_MIME : 'text/csv' },
    options ? { options: JSON.stringify(options) } : {},
  );
}
async function commit(client: Client, id: string) {
  return ok<{ created: number; updated: number }>(await client.post(`/api/imports/${id}/commit`));
}
async function total(client: Client, q = '') {
  return ok(await client.get(`/api/assets?pageSize=1&includeDisposed=true${q}`)).total as number;
}

for (const dialect of dialects()) {
  describe(`asset import and export (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      const finance = await createDepartment(admin, { name: '财务处' });
      await createPerson(admin, { name: '张伟', number: 'T001', departmentId: finance.id });
      const building = ok(await admin.post('/api/locations', { name: '行政楼', kind: 'building' }));
      ok(await admin.post('/api/locations', { name: '301', kind: 'room', parentId: building.id }));
    });
    after(() => t.close());

    it('GBK CSV with a title row: previews with per-row errors, writes nothing until confirmed', async () => {
      const rows = [
        ['2026年资产台账'],
        [],
        HEADER,
        [
          '',
          '联想启天台式机',
          '台式机',
          '联想',
          '启天M428',
          'PF001',
          '在用',
          '行政楼/301',
          '财务处',
          '张伟',
          '2024/3/15',
          '￥5,600.00',
          '星河科技',
          '2027年3月14日',
          '=1+2',
        ],
        ['XH-0002', '惠普打印机', '打印机', '惠普', 'M404dn', 'CN002', '库存', '行政楼 / 301', '', '', '2023-09-01', '2199', '', '', ''],
        ['XH-0003', '坏日期', '台式机', '', '', '', '在用', '', '', '', '2024-02-30', 'abc', '', '', ''],
        ['XH-0004', '没有的位置', '台式机', '', '', '', '报废状态?', '科技楼/机房', '', '李四', '', '', '', '', ''],
      ].map((r) => [...r, ...Array<string>(HEADER.length - r.length).fill('')]);
      const before = await total(admin);
      const preview = ok(await importAssets(admin, '台账.csv', gbkCsv(rows)));
      assert.equal(preview.encoding, 'gb18030');
      assert.equal(preview.totalRows, 4);
      assert.equal(preview.validRows, 2);
      const reasons = preview.errors.map((e: { row: number; field: string; reason: string }) => `${e.field}:${e.reason}`).sort();
      assert.deepEqual(reasons, [
        'holder:not_found',
        'location:not_found',
        'price:invalid_value',
        'purchaseDate:invalid_date',
        'status:invalid_value',
      ]);
      assert.equal(await total(admin), before, 'preview writes nothing');
      fails(await admin.post(`/api/imports/${preview.id}/commit`), 409, 'import.has_errors');
      assert.equal(await total(admin), before, 'a refused commit writes nothing');
    });

    it('imports valid rows, creating missing places and people only when allowed', async () => {
      const rows = [
        HEADER,
        [
          '',
          '联想启天台式机',
          '台式机',
          '联想',
          '启天M428',
          'PF001',
          '在用',
          '行政楼/301',
          '财务处',
          '张伟',
          '2024/3/15',
          '￥5,600.00',
          '星河科技',
          '2027年3月14日',
          '=1+2',
        ],
        [
          'XH-0004',
          '刀片服务器',
          '服务器/刀片服务器',
          '华为',
          'E9000',
          'HW9',
          '在用',
          '科技楼/二楼/机房',
          '网络中心',
          '李四',
          '',
          '',
          '',
          '',
          '',
        ],
      ];
      const strict = ok(await importAssets(admin, 'a.csv', gbkCsv(rows)));
      assert.ok(strict.errors.length >= 3, JSON.stringify(strict.errors));
      const preview = ok(await importAssets(admin, 'a.csv', gbkCsv(rows), { createMissing: true }));
      assert.equal(preview.errors.length, 0, JSON.stringify(preview.errors));
      assert.equal(preview.creates, 2);
      const result = await commit(admin, preview.id);
      assert.deepEqual(result, { created: 2, updated: 0 });
      const pc = ok(await admin.get('/api/assets?q=PF001')).items[0];
      assert.match(pc.number, /^IT-\d{4}-\d{5}$/, 'number generated');
      assert.equal(pc.priceFen, 560000);
      assert.equal(pc.purchaseDate, '2024-03-15');
      assert.equal(pc.warrantyEnd, '2027-03-14');
      assert.equal(pc.holderName, '张伟');
      assert.equal(pc.locationName, '301');
      assert.equal(pc.status, 'in_use');
      assert.equal(pc.notes, '=1+2', 'a formula-looking note is stored as text');
      const blade = ok(await admin.get('/api/assets?q=XH-0004')).items[0];
      assert.equal(blade.categoryName, '刀片服务器');
      assert.equal(blade.holderName, '李四');
      assert.equal(blade.locationName, '机房');
      const cats = ok(await admin.get('/api/assets/categories')).items as { name: string; parentId: number | null; id: number }[];
      const blades = cats.find((c) => c.name === '刀片服务器')!;
      assert.equal(cats.find((c) => c.id === blades.parentId)?.name, '服务器', 'placed under the existing category');
      const history = ok(await admin.get(`/api/assets/${blade.id}/history`)).items;
      assert.equal(history[0].kind, 'imported');
      const audit = ok(await admin.get('/api/audit?action=import&entityType=assets')).items;
      assert.ok(audit.length >= 1);
      const created = ok(await admin.get(`/api/audit?entityType=asset&entityId=${blade.id}`)).items;
      assert.equal(created[0].action, 'create', 'each imported asset is in the audit trail');
    });

    it("reads Snipe-IT's English export and upserts by serial", async () => {
      const snipe = [
        [
          'Asset Tag',
          'Name',
          'Serial',
          'Model',
          'Category',
          'Manufacturer',
          'Status',
          'Location',
          'Checked Out To',
          'Purchase Date',
          'Purchase Cost',
          'Supplier',
          'Order Number',
          'Warranty Expires',
          'Notes',
        ],
        [
          'SN-TAG-1',
          'MacBook Pro 14',
          'C02XYZ',
          'MacBook Pro',
          '笔记本',
          'Apple',
          'Ready to Deploy',
          '',
          '',
          '2025-01-10',
          '15999.00',
          'Apple Store',
          'PO-77',
          '2026-01-10',
          'design team',
        ],
        [
          'SN-TAG-2',
          'Dell Latitude',
          'PF001',
          'Latitude 5440',
          '笔记本',
          'Dell',
          'Deployed',
          '',
          '张伟',
          '2025-02-01',
          '8999',
          '',
          '',
          '',
          '',
        ],
      ];
      const preview = ok(await importAssets(admin, 'snipeit.xlsx', await xlsxOf(snipe), { matchBy: 'serial' }));
      assert.equal(preview.errors.length, 0, JSON.stringify(preview.errors));
      assert.deepEqual([preview.creates, preview.updates], [1, 1]);
      const mapped = Object.fromEntries(preview.columns.map((c: { header: string; field: string | null }) => [c.header, c.field]));
      assert.equal(mapped['Asset Tag'], 'number');
      assert.equal(mapped['Checked Out To'], 'holder');
      assert.equal(mapped['Purchase Cost'], 'price');
      await commit(admin, preview.id);
      const mac = ok(await admin.get('/api/assets?q=C02XYZ')).items[0];
      assert.equal(mac.number, 'SN-TAG-1');
      assert.equal(mac.status, 'in_stock');
      assert.equal(mac.priceFen, 1599900);
      // PF001 already existed: updated in place (number and name from the file), not duplicated.
      const updated = ok(await admin.get('/api/assets?q=PF001')).items;
      assert.equal(updated.length, 1);
      assert.equal(updated[0].name, 'Dell Latitude');
      assert.equal(updated[0].number, 'SN-TAG-2');
      fails(await importAssets(admin, 'x.csv', gbkCsv([HEADER]), { matchBy: 'barcode' }), 400);
      fails(await importAssets(admin, 'x.csv', gbkCsv([HEADER]), { createMissing: 'yes' }), 400);
    });

    it('exports any list view with the import headers; the export imports back without loss', async () => {
      ok(
        await admin.post('/api/assets', {
          name: '带=号的备注',
          categoryId: ok(await admin.get('/api/assets?q=PF001')).items[0].categoryId,
          notes: '=SUM(A1:A2) @x -1 +1',
          custom: { memory_gb: 16, cpu: 'i5-12400' },
        }),
      );
      const res = await admin.raw({ method: 'GET', url: '/api/assets/export?format=xlsx' });
      assert.equal(res.statusCode, 200);
      const sheet = await xlsxRows(res.rawPayload);
      assert.deepEqual(sheet[0]!.slice(0, 3), ['资产编号', '名称', '分类']);
      const before = ok(await admin.get('/api/assets?pageSize=200&sort=number')).items;
      const again = ok(await importAssets(admin, 'export.xlsx', res.rawPayload));
      assert.equal(again.errors.length, 0, JSON.stringify(again.errors.slice(0, 5)));
      assert.equal(again.creates, 0);
      assert.equal(again.updates, before.length);
      await commit(admin, again.id);
      const afterRows = ok(await admin.get('/api/assets?pageSize=200&sort=number')).items;
      const strip = (a: Record<string, unknown>) => {
        const { updatedAt: _u, netValueFen: _n, ...rest } = a;
        return rest;
      };
      assert.deepEqual(afterRows.map(strip), before.map(strip));
      // CSV export too, filtered like the list.
      const csv = await admin.raw({ method: 'GET', url: '/api/assets/export?format=csv&status=in_use' });
      const lines = csvRows(csv.rawPayload);
      assert.ok(lines.length >= 2 && lines.slice(1).every((l) => l[6] === '在用'), JSON.stringify(lines.slice(0, 3)));
      // A selection (bulk export) is exported by ids.
      const chosen = before.slice(0, 2).map((a: { id: number }) => a.id);
      const picked = csvRows((await admin.raw({ method: 'GET', url: `/api/assets/export?format=csv&ids=${chosen.join(',')}` })).rawPayload);
      assert.equal(picked.length, 3);
      const template = await admin.raw({ method: 'GET', url: '/api/assets/import-template?format=xlsx' });
      assert.equal((await xlsxRows(template.rawPayload))[0]![0], '资产编号');
    });

    it('refuses hostile files with a clear reason and writes nothing', async () => {
      const before = await total(admin);
      fails(await importAssets(admin, 'bad.xlsx', Buffer.from('PK\u0003\u0004xl/workbook.xml garbage')), 400);
      // A zip bomb: a few hundred KB that inflates to far more than any workbook.
      const bomb = zipOf(Buffer.alloc(300 * 1024 * 1024), 1000);
      const refused = fails(await importAssets(admin, 'bomb.xlsx', bomb), 413);
      assert.equal(refused.details[0]?.reason, 'zip_bomb');
      fails(await importAssets(admin, 'binary.csv', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7])), 400);
      fails(await importAssets(admin, 'empty.csv', Buffer.alloc(0)), 400);
      // Over the row limit (100,000 rows): refused whole, with the limit named.
      const many = Buffer.from(['名称,分类', ...Array.from({ length: 100_001 }, (_, i) => `设备${i},台式机`)].join('\r\n'));
      const tooMany = fails(await importAssets(admin, 'many.csv', many), 413, 'file.too_many_rows');
      assert.equal(tooMany.details[0]?.reason, 'too_many_rows');
      // Over the upload size limit (20 MB by default).
      const huge = Buffer.concat([Buffer.from('名称,分类,备注\r\n'), Buffer.alloc(21 * 1024 * 1024, 0x41)]);
      fails(await importAssets(admin, 'huge.csv', huge), 413);
      assert.equal(await total(admin), before);
    });
  });
}
