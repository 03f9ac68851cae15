/// <reference lib="dom" />
// An asset's record in a real Chromium, in Chinese: the administrator opens a PC's record, hands
// it out with a signature drawn on screen, records a memory upgrade, sends it for repair, scans
// its label on a phone, and finds what is due on the home page and the reminders page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import { apiCall, setupViaApi, signInPage } from './helpers.js';

const PASSWORD = 'Record-test-2026';
const ZONE = 'Asia/Shanghai';

/** YYYY-MM-DD `days` from today in the organisation's time zone. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    Date.now() + days * 86_400_000,
  );
}

describe('an asset record', () => {
  let h: Harness;
  let page: Page;
  let errors: string[];
  const pc = { id: 0, number: '' };
  const printer = { id: 0, number: '' };
  const monitor = { id: 0, number: '' };
  const tid = (id: string) => page.getByTestId(id);

  before(async () => {
    h = await startHarness();
    const s = await setupViaApi(h, { name: '王建国', password: PASSWORD });
    const dept = await apiCall<{ id: number }>(h, s, 'POST', '/api/departments', { name: '教务处' });
    const zhang = await apiCall<{ id: number }>(h, s, 'POST', '/api/people', { name: '张伟', departmentId: dept.id });
    // 张伟 signs in too, as staff: he may read only what he holds.
    await apiCall(h, s, 'POST', '/api/users', {
      login: 'zhangwei',
      name: '张伟',
      password: PASSWORD,
      roles: ['staff'],
      personId: zhang.id,
    });
    const room = await apiCall<{ id: number }>(h, s, 'POST', '/api/locations', { name: '行政楼 201', kind: 'office' });
    const { items: categories } = await apiCall<{ items: { id: number; name: string }[] }>(h, s, 'GET', '/api/assets/categories');
    const category = (name: string) => categories.find((c) => c.name === name)!.id;
    const a = await apiCall<{ id: number; number: string }>(h, s, 'POST', '/api/assets', {
      name: '教务处办公电脑',
      categoryId: category('台式机'),
      brand: '联想',
      model: 'M720t',
      locationId: room.id,
      purchaseDate: '2024-03-15',
      priceFen: 560000,
      residualRate: 5,
      warrantyEnd: dayFromToday(20),
      hostname: 'JWC-PC01',
      ip: '10.1.2.31',
      custom: { cpu: 'i5-8500', memory_gb: 8 },
    });
    Object.assign(pc, a);
    // Serviced last year; the next visit was due five days ago.
    await apiCall(h, s, 'POST', `/api/assets/${pc.id}/maintenance`, {
      date: '2025-01-10',
      kind: 'routine',
      description: '清灰保养',
      nextDue: dayFromToday(-5),
    });
    const p = await apiCall<{ id: number; number: string }>(h, s, 'POST', '/api/assets', {
      name: '三楼激光打印机',
      categoryId: category('打印机'),
      brand: 'HP',
      model: 'M405d',
    });
    Object.assign(printer, p);
    Object.assign(monitor, await apiCall(h, s, 'POST', '/api/assets', { name: '会议室显示器', categoryId: category('显示器') }));
    await apiCall(h, s, 'POST', `/api/assets/${printer.id}/maintenance`, {
      date: '2025-02-01',
      kind: 'inspection',
      description: '检查定影器',
      nextDue: dayFromToday(-2),
    });
    ({ page, errors } = await h.newPage());
    await signInPage(h, page, { password: PASSWORD });
  });
  after(async () => {
    await h?.close();
  });

  it('shows every field of the record, with the custom fields and the net value explained', async () => {
    await page.goto(`${h.baseUrl}/assets/${pc.id}`);
    await tid('record-header').getByText('教务处办公电脑').waitFor();
    assert.equal(await tid('record-number').innerText(), pc.number);
    const info = await tid('asset-info').innerText();
    for (const text of ['台式机', '联想', 'M720t', '行政楼 201', 'i5-8500', '8 GB', '¥5,600.00', 'JWC-PC01', '10.1.2.31'])
      assert.ok(info.includes(text), `${text} missing from ${info}`);
    assert.match(info, /按直线法折旧，残值率 5%，使用年限 60 个月/);
    assert.match(await tid('warranty-end').innerText(), /还剩 20 天/);
    await h.shot(page, 'assets-record-desktop');
  });

  it('shows the overdue maintenance reminder on the record', async () => {
    await page.getByRole('tab', { name: '维护记录' }).click();
    await tid('maintenance-table').getByText('清灰保养').waitFor();
    await tid('maintenance-table')
      .getByText(/已逾期 5 天/)
      .waitFor();
  });

  it('hands the asset out with a signature drawn on the pad', async () => {
    await tid('action-handout').click();
    await page.locator('#handout_personId').click();
    await page.keyboard.type('张伟');
    await page.locator('.ant-select-item-option', { hasText: '张伟' }).click();
    // The signer and the department follow the chosen person.
    await page.waitForFunction(() => (document.querySelector('#handout_signerName') as HTMLInputElement | null)?.value === '张伟');
    await page
      .locator('.ant-form-item', { has: page.locator('#handout_departmentId') })
      .getByText('教务处')
      .waitFor();
    const pad = tid('signature-canvas');
    const box = (await pad.boundingBox())!;
    const at = (fx: number, fy: number): [number, number] => [box.x + box.width * fx, box.y + box.height * fy];
    // 张 in two quick strokes: enough ink to check it reaches the server.
    await page.mouse.move(...at(0.2, 0.3));
    await page.mouse.down();
    for (const [fx, fy] of [
      [0.3, 0.32],
      [0.35, 0.5],
      [0.28, 0.7],
      [0.4, 0.72],
    ] as const)
      await page.mouse.move(...at(fx, fy), { steps: 6 });
    await page.mouse.up();
    await page.mouse.move(...at(0.5, 0.25));
    await page.mouse.down();
    for (const [fx, fy] of [
      [0.55, 0.5],
      [0.7, 0.45],
      [0.62, 0.8],
      [0.8, 0.75],
    ] as const)
      await page.mouse.move(...at(fx, fy), { steps: 6 });
    await page.mouse.up();
    await tid('signature-clear').waitFor({ state: 'visible' });
    assert.ok(await tid('signature-clear').isEnabled());
    await h.shot(page, 'assets-handout-signature');
    await page.locator('.ant-modal').getByTestId('form-submit').click();

    await tid('handout-done').getByText('已领用给张伟').waitFor();
    const slip = await tid('print-slip').getAttribute('href');
    assert.match(slip ?? '', /^\/api\/assets\/assignments\/\d+\/slip\.pdf$/);
    await tid('handout-done-close').click();
    await tid('record-header').getByText('在用').waitFor();
    await tid('action-return').waitFor();
  });

  it('shows the signature in the hand-out records', async () => {
    await page.getByRole('tab', { name: '领用记录' }).click();
    const img = tid('signature-image');
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="signature-image"]') as HTMLImageElement | null;
      return !!el && el.complete && el.naturalWidth > 0;
    });
    const width = await img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
    assert.ok(width > 50 && width <= 600, `signature width ${width}`);
    const row = await tid('assignments-table').innerText();
    assert.match(row, /领用/);
    assert.match(row, /张伟/);
  });

  it('records a memory upgrade and shows it in the upgrade history and the timeline', async () => {
    await tid('action-maintenance').click();
    await page.locator('#maintenance_kind').click();
    await page.locator('.ant-select-item-option', { hasText: /^升级$/ }).click();
    await page.fill('#maintenance_description', '加装一条 8G 内存');
    await page.fill('#maintenance_upgradeItem', '内存');
    await page.fill('#maintenance_upgradeFrom', '8G');
    await page.fill('#maintenance_upgradeTo', '16G');
    await page.fill('#maintenance_cost', '220');
    await page.locator('.ant-drawer').getByTestId('form-submit').click();
    await page.locator('.ant-drawer').waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '维护记录' }).click();
    await tid('maintenance-table').getByText('内存 8G → 16G').waitFor();
    // The visit answered the old reminder.
    assert.ok(!(await tid('maintenance-table').innerText()).includes('已逾期'));
    await tid('maintenance-view')
      .getByText(/升级记录/)
      .click();
    await tid('upgrade-history').getByText('内存 8G → 16G').waitFor();

    await page.getByRole('tab', { name: '变更历史' }).click();
    await tid('history-timeline').getByText('内存 8G → 16G').waitFor();
    const timeline = await tid('history-timeline').innerText();
    assert.ok(timeline.indexOf('内存 8G → 16G') < timeline.indexOf('张伟'), 'newest first');
    assert.match(timeline, /使用人：（空） → 张伟/);
    assert.match(timeline, /状态：库存 → 在用/);
  });

  it('changes the status to under repair', async () => {
    await tid('action-status').click();
    await page.locator('.ant-modal label', { hasText: '维修中' }).click();
    await page.fill('#asset_status_reason', '开机无显示，送修');
    await page.locator('.ant-modal').getByTestId('form-submit').click();
    await tid('record-header').getByText('维修中').waitFor();
    await page.getByRole('tab', { name: '变更历史' }).click();
    await tid('history-timeline')
      .getByText(/开机无显示，送修/)
      .first()
      .waitFor();
    await h.shot(page, 'assets-record-history');
    assert.deepEqual(errors, []);
  });

  it('opens the scanned label on a phone, after signing in', async () => {
    const phone = await h.newPage({ mobile: true });
    // The label's URL sends a signed-out phone to the login page, and back to the asset after it.
    await signInPage(h, phone.page, { password: PASSWORD, path: `/a/${pc.number}` });
    await phone.page.waitForURL(`**/a/${pc.number}`);
    const card = phone.page.getByTestId('scan-card');
    await card.getByText('教务处办公电脑').waitFor();
    const text = await card.innerText();
    for (const part of [pc.number, '台式机', '联想 M720t', '维修中']) assert.ok(text.includes(part), `${part} missing from ${text}`);
    await h.shot(phone.page, 'assets-scan-phone');
    await phone.page.getByTestId('scan-open-record').click();
    await phone.page.waitForURL(`**/assets/${pc.id}`);
    await phone.page.getByTestId('record-header').waitFor();

    await phone.page.goto(`${h.baseUrl}/a/NO-SUCH-1`);
    await phone.page.getByTestId('scan-not-found').getByText('没有找到编号为「NO-SUCH-1」的资产').waitFor();

    // On foot: lend the printer from the phone, signed with a finger on the touch screen.
    const p = phone.page;
    await p.goto(`${h.baseUrl}/assets/${printer.id}`);
    await p.getByTestId('action-handout').click();
    await p.getByTestId('handout-kind').getByText('借出').click();
    await p.locator('#handout_personId').click();
    await p.keyboard.type('张伟');
    await p.locator('.ant-select-item-option', { hasText: '张伟' }).click();
    const pad = p.getByTestId('signature-canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    assert.ok(box.width > 250 && box.width < 390, `pad width on a phone: ${box.width}`);
    const cdp = await phone.context.newCDPSession(p);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', fx: number, fy: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + box.width * fx, y: box.y + box.height * fy }],
      });
    const scrollBefore = await p.evaluate(() => window.scrollY + (document.querySelector('.ant-modal-wrap')?.scrollTop ?? 0));
    await touch('touchStart', 0.2, 0.6);
    for (let i = 1; i <= 12; i++) await touch('touchMove', 0.2 + i * 0.05, 0.6 - Math.sin(i / 2) * 0.3);
    await touch('touchEnd', 0.8, 0.5);
    const scrollAfter = await p.evaluate(() => window.scrollY + (document.querySelector('.ant-modal-wrap')?.scrollTop ?? 0));
    assert.equal(scrollAfter, scrollBefore, 'signing must not scroll the page');
    await p.getByTestId('signature-clear').waitFor();
    assert.ok(await p.getByTestId('signature-clear').isEnabled(), 'the finger left ink');
    await h.shot(p, 'assets-handout-phone');
    await p.locator('.ant-modal').getByTestId('form-submit').click();
    await p.getByTestId('handout-done').getByText('已借给张伟').waitFor();
    assert.deepEqual(phone.errors, []);
    await phone.context.close();
  });

  it('shows the holder, signed in as staff, a read-only view of their own asset', async () => {
    const staff = await h.newPage({ mobile: true });
    await signInPage(h, staff.page, { login: 'zhangwei', password: PASSWORD, path: `/a/${pc.number}` });
    const mine = staff.page.getByTestId('scan-mine');
    await mine.getByText('我领用的设备').waitFor();
    await mine.getByText('i5-8500').waitFor();
    const text = await mine.innerText();
    assert.ok(!text.includes('¥'), 'no prices in the holder view');
    assert.equal(await staff.page.getByTestId('scan-open-record').count(), 0);
    assert.equal(await staff.page.getByTestId('action-handout').count(), 0);
    await h.shot(staff.page, 'assets-scan-holder');
    // Someone else's asset: the card only.
    await staff.page.goto(`${h.baseUrl}/a/${monitor.number}`);
    await staff.page.getByTestId('scan-card').getByText('会议室显示器').waitFor();
    assert.equal(await staff.page.getByTestId('scan-mine').count(), 0);
    assert.deepEqual(staff.errors, []);
    await staff.context.close();
  });

  it('lists what is due on the home page', async () => {
    await page.goto(h.baseUrl + '/');
    const widget = tid('due-widget');
    // The printer's inspection is overdue; the PC's warranty ends in 20 days; the PC's old
    // maintenance reminder was answered by the upgrade. The two lists load apart: wait for both.
    await widget.getByText(printer.number).waitFor();
    await widget.getByText(pc.number).waitFor();
    const text = await widget.innerText();
    assert.match(text, /逾期 2 天/);
    assert.match(text, /保修到期/);
    await h.shot(page, 'assets-home-widget');
    await widget.getByText('查看全部提醒').click();
    await page.waitForURL('**/assets/reminders');
  });

  it('lists the reminders and leads to the asset', async () => {
    await tid('nav-asset-reminders').click();
    await page.waitForURL('**/assets/reminders');
    const maintenance = tid('reminders-maintenance');
    await maintenance.getByText(printer.number).waitFor();
    assert.ok(!(await maintenance.innerText()).includes(pc.number), 'the answered reminder is gone');
    await tid('reminders-warranty').getByText(pc.number).waitFor();
    assert.match(await tid('reminders-warranty').innerText(), /20 天后/);
    await h.shot(page, 'assets-reminders');
    await maintenance.getByText(printer.number).click();
    await page.waitForURL(`**/assets/${printer.id}`);
    await tid('record-header').getByText('三楼激光打印机').waitFor();
    assert.deepEqual(errors, []);
  });
});
