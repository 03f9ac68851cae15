/// <reference lib="dom" />
// The year-end stocktake in a real Chromium, in Chinese: the administrator starts a stocktake of
// one building at a desk; a counter walks its rooms with a phone, says where they stand, types
// numbers and a label's URL into the scan box, scans one label with the (fake) camera, and sees
// each answer; back at the desk the stocktake is closed, the report shows what is missing and
// misplaced, the misplaced asset is moved, and the XLSX and PDF reports download.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import { apiCall, assertPdf, download, setupViaApi, signInPage, type ApiSession } from './helpers.js';

const PASSWORD = 'Stocktake-test-2026';
/** The label the fake camera shows: a full label URL, as printed on the QR code. */
const CAMERA_NUMBER = 'ST-0004';
const CAMERA_CODE = `https://it.example.edu.cn/a/${CAMERA_NUMBER}`;

/**
 * A one-frame Y4M video (Chromium loops it as the fake camera) with the QR code of `text` drawn
 * into the luma plane: dark modules black, the rest white, chroma neutral.
 */
function qrVideo(text: string, width = 640, height = 480): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (qr.size + 2 * quiet));
  const side = scale * (qr.size + 2 * quiet);
  const left = Math.floor((width - side) / 2) + quiet * scale;
  const top = Math.floor((height - side) / 2) + quiet * scale;
  const luma = Buffer.alloc(width * height, 235);
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++) {
      if (!qr.get(r, c)) continue;
      for (let y = 0; y < scale; y++)
        luma.fill(16, (top + r * scale + y) * width + left + c * scale, (top + r * scale + y) * width + left + (c + 1) * scale);
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}

describe('the year-end stocktake', () => {
  let h: Harness;
  let s: ApiSession;
  let videoDir: string;
  let desk: Page;
  let phone: Page;
  let deskErrors: string[];
  let phoneErrors: string[];
  let stocktakeId = 0;
  const rooms = { building: 0, r301: 0, r302: 0 };
  const assetIds: Record<string, number> = {};

  before(async () => {
    videoDir = await mkdtemp(join(tmpdir(), 'sysward-camera-'));
    const video = join(videoDir, 'label.y4m');
    await writeFile(video, qrVideo(CAMERA_CODE));
    h = await startHarness({
      chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    s = await setupViaApi(h, { name: '王建国', password: PASSWORD });
    const location = (name: string, kind: string, parentId: number | null) =>
      apiCall<{ id: number }>(h, s, 'POST', '/api/locations', { name, kind, parentId }).then((l) => l.id);
    rooms.building = await location('实验楼', 'building', null);
    rooms.r301 = await location('301', 'room', rooms.building);
    rooms.r302 = await location('302', 'room', rooms.building);
    const { items } = await apiCall<{ items: { id: number; name: string }[] }>(h, s, 'GET', '/api/assets/categories');
    const pc = items.find((c) => c.name === '台式机')!.id;
    // One bought this year, for the report's "bought this year".
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(Date.now());
    const assets: [string, string, number, string?][] = [
      ['ST-0001', '学生机 1', rooms.r301, `${year}-03-01`],
      ['ST-0002', '学生机 2', rooms.r301],
      ['ST-0003', '教师机', rooms.r302],
      [CAMERA_NUMBER, '投影电脑', rooms.r302],
      ['ST-0005', '丢失的学生机', rooms.r301],
    ];
    for (const [number, name, locationId, purchaseDate = '2025-09-01'] of assets)
      assetIds[number] = (
        await apiCall<{ id: number }>(h, s, 'POST', '/api/assets', {
          number,
          name,
          categoryId: pc,
          locationId,
          priceFen: 450_000,
          purchaseDate,
        })
      ).id;
    ({ page: desk, errors: deskErrors } = await h.newPage());
    ({ page: phone, errors: phoneErrors } = await h.newPage({ mobile: true }));
  });
  after(async () => {
    await h?.close();
    if (videoDir) await rm(videoDir, { recursive: true, force: true });
  });

  it('starts a stocktake of one building from the list page', async () => {
    await signInPage(h, desk, { password: PASSWORD, path: '/assets/stocktakes' });
    await desk.getByTestId('empty-state').getByText('还没有盘点').waitFor();
    await desk.getByTestId('create-button').click();
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(Date.now());
    assert.equal(await desk.inputValue('#stocktake_name'), `${year}年度资产盘点`);
    await desk.locator('#stocktake_locationId').click();
    await desk.locator('.ant-select-tree-node-content-wrapper', { hasText: '实验楼' }).click();
    await desk.getByTestId('form-submit').click();
    await desk.waitForURL(/\/assets\/stocktakes\/\d+$/);
    stocktakeId = Number(new URL(desk.url()).pathname.split('/').pop());
    await desk.getByTestId('count-found').getByText('0').waitFor();
    assert.match(await desk.getByTestId('stocktake-progress').innerText(), /0 \/ 5/);
    assert.match(await desk.locator('body').innerText(), /范围：实验楼/);
  });

  it('counts on a phone: typed numbers, a label URL, a misplaced asset and an unknown code', async () => {
    await signInPage(h, phone, { password: PASSWORD, path: `/assets/stocktakes/${stocktakeId}/count` });
    await phone.getByTestId('where-first').waitFor();
    assert.equal(await phone.getByTestId('scan-input').isDisabled(), true, 'no scanning before saying where');
    await phone.getByTestId('location-picker').click();
    await phone.locator('.ant-select-tree-node-content-wrapper', { hasText: /^301$/ }).click();
    await phone.getByTestId('where-first').waitFor({ state: 'detached' });

    const banner = phone.getByTestId('scan-banner');
    const type = async (code: string, result: string) => {
      await phone.getByTestId('scan-input').fill(code);
      await phone.getByTestId('scan-input').press('Enter');
      await phone.locator(`[data-testid="scan-banner"][data-result="${result}"]`).waitFor();
      assert.equal(await phone.getByTestId('scan-input').inputValue(), '', 'the box is emptied for the next code');
    };
    await type('ST-0001', 'found');
    assert.match(await banner.innerText(), /✓ 已盘到[\s\S]*学生机 1/);
    await type(`${h.baseUrl}/a/ST-0002`, 'found');
    assert.match(await banner.innerText(), /学生机 2/);
    await type('ST-0003', 'misplaced');
    assert.match(await banner.innerText(), /⚠ 位置不符[\s\S]*教师机[\s\S]*账面位置：实验楼 \/ 302/);
    await type('ST-0001', 'duplicate');
    assert.match(await banner.innerText(), /↺ 重复扫描/);
    await type('NO-SUCH-LABEL', 'unknown');
    assert.match(await banner.innerText(), /\? 未知标签[\s\S]*NO-SUCH-LABEL/);
    await phone.getByTestId('count-found').getByText('3').waitFor();
    await phone.getByTestId('count-misplaced').getByText('1').waitFor();
    await phone.getByTestId('count-unknown').getByText('1').waitFor();
    assert.equal(await phone.getByTestId('session-scan').count(), 5);
    await h.shot(phone, 'stocktake-01-counting-phone');
  });

  it('reads a label with the camera', async () => {
    await phone.getByTestId('location-picker').click();
    await phone.locator('.ant-select-tree-node-content-wrapper', { hasText: /^302$/ }).click();
    await phone.getByTestId('location-picker').getByText('302').waitFor();
    await phone.getByTestId('code-scanner-start').click();
    await phone.getByTestId('code-scanner-video').waitFor();
    await phone.locator('[data-testid="scan-banner"][data-result="found"]', { hasText: '投影电脑' }).waitFor({ timeout: 20_000 });
    await phone.getByTestId('count-found').getByText('4').waitFor();
    await h.shot(phone, 'stocktake-02-camera-phone');
    await phone.getByTestId('code-scanner-stop').click();
    // The camera saw the label once, however long it stayed in view.
    assert.equal(await phone.getByTestId('session-scan').filter({ hasText: '投影电脑' }).count(), 1);
  });

  it('closes at the desk; the report shows the missing and the misplaced asset, which is then moved', async () => {
    await desk.reload();
    await desk.getByTestId('count-found').getByText('4').waitFor();
    await desk.getByTestId('close-stocktake').click();
    await desk.getByText('还有 1 项资产未盘到').waitFor();
    await desk.getByTestId('close-confirm').click();
    await desk.getByTestId('stocktake-report').waitFor();
    assert.match(await desk.getByTestId('report-book').innerText(), /5 项[\s\S]*¥22,500\.00/);
    assert.match(await desk.getByTestId('report-missing').innerText(), /1 项[\s\S]*¥4,500\.00/);
    assert.match(await desk.getByTestId('report-bought').innerText(), /1 项[\s\S]*¥4,500\.00[\s\S]*已盘到 1 项/);
    await desk.getByTestId('tab-missing').click();
    await desk.getByTestId('items-missing').getByText('ST-0005').waitFor();
    await h.shot(desk, 'stocktake-03-report');
    await desk.getByTestId('tab-misplaced').click();
    await desk.getByTestId('items-misplaced').getByText('ST-0003').waitFor();
    await desk.getByTestId('apply-locations').click();
    await desk.getByTestId('apply-confirm').click();
    await desk.getByText('已调整 1 项资产的位置').waitFor();
    await desk.getByTestId('items-misplaced').getByText('位置已调整').waitFor();
    const moved = await apiCall<{ locationId: number }>(h, s, 'GET', `/api/assets/${assetIds['ST-0003']}`);
    assert.equal(moved.locationId, rooms.r301);
    await desk.getByTestId('tab-unknown').click();
    await desk.getByTestId('extras-unknown').getByText('NO-SUCH-LABEL').waitFor();
  });

  it('downloads the report as a real XLSX workbook and a PDF', async () => {
    const { name: xlsxName, body: book } = await download(desk, () => desk.getByTestId('download-xlsx').click());
    assert.equal(book.subarray(0, 2).toString(), 'PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['汇总', '按分类', '按位置', '盘亏', '位置不符', '未知标签'],
    );
    assert.match(xlsxName, /盘点报告\.xlsx$/);
    assertPdf((await download(desk, () => desk.getByTestId('download-pdf').click())).body);
    await desk.getByTestId('nav-stocktakes').click();
    await desk.getByTestId('stocktake-link').waitFor();
    await h.shot(desk, 'stocktake-04-list');
    assert.deepEqual(deskErrors, []);
    assert.deepEqual(phoneErrors, []);
  });
});
