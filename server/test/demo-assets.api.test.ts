// The demo ledger as the API shows it on each dialect: both organisations' equipment, the lab of
// identical desktops, signed hand-outs, upgrades in the timeline, reminders that are due, and
// retired and disposed units with their reasons; the same ledger on every database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../../scripts/demo/seed.js';
import { ok } from './fixtures.js';
import { buildTestApp, dialects, setupAdmin, type Client, type TestApp } from './test-app.js';

const q = (s: string) => encodeURIComponent(s);
const fingerprints: string[] = [];

interface AssetItem {
  id: number;
  number: string;
  name: string;
  model: string;
  serial: string | null;
  status: string;
  statusReason: string;
  holderName: string | null;
  locationName: string | null;
  custom: Record<string, unknown>;
}

for (const dialect of dialects()) {
  describe(`demo ledger (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const list = async (query: string) => ok<{ items: AssetItem[]; total: number }>(await admin.get(`/api/assets?${query}`));
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      await seedDemo(t.connection.db);
    });
    after(() => t.close());

    it('has a few hundred assets across the school and the company', async () => {
      const all = await list('pageSize=1&includeDisposed=true');
      assert.ok(all.total >= 300 && all.total <= 400, `assets: ${all.total}`);
      assert.ok((await list(`pageSize=1&q=${q('PowerEdge')}`)).total >= 2);
      assert.ok((await list(`pageSize=1&q=${q('MacBook')}`)).total >= 10);
    });

    it('fills 计算机教室1 with 50 identical 联想启天M428 desktops, upgraded over the years', async () => {
      const tree = ok<{ items: { id: number; name: string }[] }>(await admin.get('/api/locations/tree')).items;
      const lab = tree.find((l) => l.name === '计算机教室1')!;
      const desktops = await list(`locationId=${lab.id}&model=${q('启天M428')}&pageSize=100&includeDisposed=true`);
      assert.equal(desktops.total, 50);
      assert.ok(desktops.items.every((a) => a.name === '联想启天M428台式机'));
      assert.equal(new Set(desktops.items.map((a) => a.serial)).size, 50, 'every unit has its own serial');
      assert.ok(desktops.items.every((a) => a.custom.memory_gb === 16));
      assert.ok(desktops.items.filter((a) => a.custom.os === 'Windows 11 专业版').length >= 45);
      const history = ok<{ items: { summary: string }[] }>(await admin.get(`/api/assets/${desktops.items[0]!.id}/history`)).items;
      assert.ok(
        history.some((h) => h.summary === '内存 8G → 16G'),
        JSON.stringify(history),
      );
    });

    it('hands laptops out to staff with a signature, and takes them back from people who left', async () => {
      const laptops = await list(`q=${q('ThinkPad')}&status=in_use&pageSize=5`);
      assert.ok(laptops.total >= 30, `laptops in use: ${laptops.total}`);
      const held = laptops.items[0]!;
      assert.ok(held.holderName, JSON.stringify(held));
      const records = ok<{ items: { id: number; kind: string; signerName: string; hasSignature: boolean }[] }>(
        await admin.get(`/api/assets/${held.id}/assignments`),
      ).items;
      const handout = records.find((r) => r.kind === 'handout')!;
      assert.equal(handout.signerName, held.holderName);
      assert.ok(handout.hasSignature);
      const png = await admin.get(`/api/assets/assignments/${handout.id}/signature`);
      assert.equal(png.statusCode, 200);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.deepEqual([...png.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      const returned = await list(`q=${q('笔记本')}&status=in_stock&pageSize=50`);
      assert.ok(returned.total >= 3, `laptops back in stock: ${returned.total}`);
      assert.ok((await list('status=on_loan&pageSize=1')).total >= 1);
    });

    it('shows warranties and service lives ending soon, and maintenance that is due', async () => {
      const warranty = ok<{ total: number }>(await admin.get('/api/assets/expiring?kind=warranty&days=30'));
      assert.ok(warranty.total >= 45, `warranties ending: ${warranty.total}`);
      const lives = ok<{ total: number }>(await admin.get('/api/assets/expiring?kind=end_of_life&days=30'));
      assert.ok(lives.total >= 20, `lives ending: ${lives.total}`);
      const due = ok<{ items: { nextDue: string; assetName: string }[] }>(await admin.get('/api/assets/maintenance/due?days=30')).items;
      const today = new Date().toISOString().slice(0, 10);
      assert.ok(
        due.some((d) => d.nextDue < today),
        'something is overdue',
      );
      assert.ok(due.length >= 5, JSON.stringify(due));
    });

    it('keeps retired and disposed units with their reasons', async () => {
      const gone = await list('status=retired,disposed&pageSize=50');
      assert.ok(gone.items.filter((a) => a.status === 'disposed').length >= 2);
      assert.ok(gone.items.filter((a) => a.status === 'retired').length >= 2);
      assert.ok(gone.items.every((a) => a.statusReason.length > 4 && a.holderName === null));
    });

    it('has one closed stocktake of the laboratory building, with what a real count turns up', async () => {
      const list = ok<{ items: { id: number; name: string; status: string }[] }>(await admin.get('/api/assets/stocktakes')).items;
      assert.equal(list.length, 1);
      assert.equal(list[0]!.status, 'closed');
      assert.match(list[0]!.name, /年度实验楼资产盘点$/);
      const report = ok<{ book: { count: number }; missing: { count: number }; misplaced: number; unknown: number }>(
        await admin.get(`/api/assets/stocktakes/${list[0]!.id}/report`),
      );
      assert.ok(report.book.count >= 90, `counted ${report.book.count}`);
      assert.ok(report.missing.count >= 1 && report.missing.count < report.book.count / 10, `missing ${report.missing.count}`);
      assert.ok(report.misplaced >= 1 && report.misplaced <= 3, `misplaced ${report.misplaced}`);
      assert.equal(report.unknown, 1);
    });

    it('produces the same ledger on every database', async () => {
      const rows: string[] = [];
      for (let page = 1; ; page++) {
        const res = await list(`pageSize=200&page=${page}&includeDisposed=true&sort=number`);
        rows.push(...res.items.map((a) => [a.number, a.name, a.serial, a.status, a.holderName, a.locationName].join('|')));
        if (res.items.length < 200) break;
      }
      fingerprints.push(rows.join('\n'));
      if (fingerprints.length > 1) assert.equal(fingerprints.at(-1), fingerprints[0]);
    });
  });
}
