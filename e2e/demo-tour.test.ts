/// <reference lib="dom" />
// A newcomer's first minute with the demo data: the directory pages are full and readable,
// on a desktop and on a phone, in Chinese and in English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../scripts/demo/seed.js';
import { startHarness, type Harness } from './harness.js';
import { LIST_ROWS, setupViaApi, signInPage, waitForRowCount } from './helpers.js';

const PASSWORD = 'Demo-tour-2026';

describe('demo data tour', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await seedDemo(h.db);
    await setupViaApi(h, { name: '演示管理员', password: PASSWORD });
  });
  after(async () => {
    await h?.close();
  });

  it('shows the department tree, people and locations of the demo organisation', async () => {
    const { page, errors } = await h.newPage();
    await signInPage(h, page, { password: PASSWORD });
    await page.getByTestId('nav-departments').click();
    await page.getByTestId('tree-panel').getByText('信息中心').first().waitFor();
    await h.shot(page, '10-demo-departments');
    await page.getByTestId('nav-people').click();
    await page.waitForURL('**/org/people**');
    await waitForRowCount(page, 20);
    assert.match(await page.locator('.ant-pagination').innerText(), /\d/);
    await h.shot(page, '11-demo-people');
    await page.getByTestId('search-input').fill('信息');
    await page.getByTestId('search-input').press('Enter');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length < 20, LIST_ROWS);
    await page.getByTestId('nav-locations').click();
    // The people page's own search box must be gone before typing into the locations one.
    await page.waitForURL('**/org/locations**');
    await page.getByTestId('tree-panel').getByText('位置结构', { exact: true }).waitFor();
    await page.getByTestId('search-input').fill('机房');
    await page.getByTestId('search-input').press('Enter');
    await page.locator(LIST_ROWS, { hasText: '信息中心机房' }).first().waitFor();
    await h.shot(page, '12-demo-locations');
    await page.getByTestId('nav-audit').click();
    await page.waitForURL('**/system/audit');
    await page.locator(LIST_ROWS, { hasText: '演示' }).first().waitFor();
    await h.shot(page, '13-demo-audit');
    await page.getByTestId('nav-settings').click();
    await page.waitForURL('**/system/settings');
    await page.getByTestId('form-submit').waitFor();
    await h.shot(page, '15-demo-settings');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-account').click();
    await page.waitForURL('**/account**');
    await page.waitForTimeout(500);
    await h.shot(page, '16-demo-account');
    assert.deepEqual(errors, []);
  });

  it('shows the demo ledger: list, an asset with its timeline, reminders, the closed stocktake, and in English', async () => {
    const { page, errors, context } = await h.newPage();
    await signInPage(h, page, { password: PASSWORD });
    // The home page lists what is due.
    await page.getByText('资产到期提醒').waitFor();
    await h.shot(page, '17-demo-home');
    await page.getByTestId('nav-assets').click();
    await page.waitForURL('**/assets**');
    await waitForRowCount(page, 20);
    await h.shot(page, '18-demo-assets');
    await page.getByTestId('search-input').fill('启天M428');
    await page.getByTestId('search-input').press('Enter');
    await page.locator(LIST_ROWS, { hasText: '计算机教室1' }).first().waitFor();
    await page.locator(LIST_ROWS).first().locator('a').first().click();
    await page.waitForURL(/\/assets\/\d+$/);
    await page.getByRole('tab', { name: '变更历史' }).click();
    // Every asset's story starts with its creation, the oldest entry.
    await page.locator('.ant-timeline-item', { hasText: '创建' }).first().waitFor();
    await page.waitForTimeout(300); // the tab's ink bar slides over
    await h.shot(page, '19-demo-asset-history');
    await page.getByTestId('nav-asset-reminders').click();
    await page.waitForURL('**/assets/reminders');
    await page.locator(LIST_ROWS).first().waitFor();
    await h.shot(page, '20-demo-reminders');
    await page.getByTestId('nav-stocktakes').click();
    await page.getByText('年度实验楼资产盘点').first().click();
    await page.getByText('盘亏').first().waitFor();
    await h.shot(page, '21-demo-stocktake-report');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await page.getByTestId('nav-assets').getByText('Asset').waitFor();
    await page.getByTestId('nav-assets').click();
    await waitForRowCount(page, 20);
    const text = await page.locator('.ant-layout-content').innerText();
    assert.ok(!/资产台账|新建资产|在用|库存/.test(text), `Chinese UI text left in English: ${text.slice(0, 300)}`);
    await h.shot(page, '22-demo-assets-english');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-zh-CN').click();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reads well on a phone', async () => {
    const { page, errors, context } = await h.newPage({ mobile: true });
    await signInPage(h, page, { password: PASSWORD });
    await page.goto(h.baseUrl + '/org/people');
    await page.locator(LIST_ROWS).first().waitFor();
    await h.shot(page, '14-demo-phone-people');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
