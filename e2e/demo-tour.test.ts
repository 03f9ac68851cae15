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
