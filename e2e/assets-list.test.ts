/// <reference lib="dom" />
// The asset ledger's list, as an administrator uses it in a real Chromium against the real
// server: record a desktop through the drawer (its category's own fields included, a wrong IP
// refused beside the field), find it by two Chinese characters, filter by status, choose
// columns and keep them as a saved view, move two assets at once, and read the list on a phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import { apiCall, LIST_ROWS, opensPdf, pickTreeNode, setupViaApi, signInPage, waitForRowCount } from './helpers.js';

const PASSWORD = 'Assets-list-2026';

describe('asset ledger list', () => {
  let h: Harness;
  let page: Page;
  let errors: string[];
  const tid = (id: string) => page.getByTestId(id);
  const rows = () => page.locator(LIST_ROWS);
  const rowCount = (n: number) => waitForRowCount(page, n);
  const headers = async () => (await page.locator('.ant-layout-content .ant-table-thead').innerText()).replace(/\s+/g, ' ');

  before(async () => {
    h = await startHarness();
    const s = await setupViaApi(h, { name: '王建国', password: PASSWORD });
    await apiCall(h, s, 'POST', '/api/locations', { name: '信息中心机房', kind: 'machine_room' });
    await apiCall(h, s, 'POST', '/api/locations', { name: '图书馆三楼', kind: 'library' });
    const { items } = await apiCall<{ items: { id: number; name: string }[] }>(h, s, 'GET', '/api/assets/categories');
    const desktop = items.find((c) => c.name === '台式机')!;
    const printer = items.find((c) => c.name === '打印机')!;
    await apiCall(h, s, 'POST', '/api/assets', {
      name: '教务处电脑',
      categoryId: desktop.id,
      brand: '联想',
      model: 'M720',
      status: 'in_use',
    });
    await apiCall(h, s, 'POST', '/api/assets', { name: '图书馆打印机', categoryId: printer.id, brand: '惠普', model: 'M404' });
    ({ page, errors } = await h.newPage());
    await signInPage(h, page, { password: PASSWORD });
  });
  after(async () => {
    await h?.close();
  });

  it('opens the ledger from the navigation', async () => {
    await tid('nav-assets').click();
    await page.waitForURL('**/assets');
    await rowCount(2);
    assert.match(await headers(), /编号 名称 分类 品牌型号 状态 位置 部门 使用人 购置日期 价格/);
    await page.getByTestId('tree-panel').getByText('台式机').waitFor();
  });

  it('creates a desktop with its memory size; a wrong IP is refused beside the field and nothing typed is lost', async () => {
    await tid('create-button').click();
    await pickTreeNode(page, 'asset_categoryId', '台式机');
    // The category's own fields appear, with their unit.
    await page.locator('#asset_custom_memory_gb').fill('16');
    await page.fill('#asset_name', '财务室办公电脑');
    await page.fill('#asset_brand', '戴尔');
    await page.fill('#asset_model', 'OptiPlex 7090');
    await page.fill('#asset_price', '5600');
    await page.fill('#asset_ip', '192.168.1.300');
    await tid('form-submit').click();
    const ipItem = page.locator('.ant-form-item', { has: page.locator('#asset_ip') });
    await ipItem.getByText('IP 地址格式不正确').waitFor();
    assert.equal(await page.inputValue('#asset_name'), '财务室办公电脑');
    assert.equal(await page.inputValue('#asset_custom_memory_gb'), '16');
    await page.locator('#asset_ip').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await h.shot(page, 'assets-01-create-errors');

    // A value the server refuses (the request altered on its way) comes back beside its input too.
    await page.fill('#asset_ip', '192.168.1.30');
    await page.route('**/api/assets', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { custom: Record<string, unknown> };
      body.custom.memory_gb = 'sixteen';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await tid('form-submit').click();
    const memoryItem = page.locator('.ant-form-item', { has: page.locator('#asset_custom_memory_gb') });
    await memoryItem.getByText('应为数字').waitFor();
    assert.equal(await page.inputValue('#asset_name'), '财务室办公电脑');
    await page.unroute('**/api/assets');

    await tid('form-submit').click();
    await rows().filter({ hasText: '财务室办公电脑' }).waitFor();
    const row = await rows().filter({ hasText: '财务室办公电脑' }).innerText();
    assert.match(row, /¥5,600\.00/);
    assert.match(row, /IT-\d{4}-\d{5}/);
    assert.match(row, /库存/);
  });

  it('finds the asset by two Chinese characters of its name', async () => {
    await tid('search-input').fill('财务');
    await tid('search-input').press('Enter');
    await rowCount(1);
    assert.match(await rows().first().innerText(), /财务室办公电脑/);
    await tid('search-input').fill('');
    await tid('search-input').press('Enter');
    await rowCount(3);
  });

  it('filters by status', async () => {
    await tid('filter-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '在用' }).click();
    await page.keyboard.press('Escape');
    await rowCount(1);
    assert.match(await rows().first().innerText(), /教务处电脑/);
    assert.match(page.url(), /status=in_use/);
    await tid('clear-filters').click();
    await rowCount(3);
  });

  it('chooses columns, saves them as a view, and applies the view after a reload', async () => {
    await tid('columns-button').click();
    const header = (text: string, shown: boolean) =>
      page.waitForFunction(
        ([t, want]) =>
          (document.querySelector('.ant-layout-content .ant-table-thead')?.textContent?.includes(t as string) ?? false) === want,
        [text, shown] as const,
      );
    await tid('column-department').click();
    await header('部门', false);
    await tid('column-ip').click();
    await header('IP 地址', true);
    await page.keyboard.press('Escape');

    await tid('views-button').click();
    await page.getByRole('menuitem', { name: /保存为视图/ }).click();
    await page.fill('#view_name', '网络视图');
    await tid('form-submit').click();
    await tid('views-button').getByText('视图：网络视图').waitFor();

    // Back to the defaults, reload, then apply the saved view.
    await tid('views-button').click();
    await page.getByRole('menuitem', { name: '恢复默认列与筛选' }).click();
    await header('部门', true);
    await page.reload();
    await rowCount(3);
    assert.doesNotMatch(await headers(), /IP 地址/);
    await tid('views-button').click();
    await page.getByRole('menuitem', { name: '网络视图' }).click();
    await header('IP 地址', true);
    assert.doesNotMatch(await headers(), /部门/);
    assert.match(await rows().filter({ hasText: '财务室办公电脑' }).innerText(), /192\.168\.1\.30/);
  });

  it('moves two selected assets to a location at once', async () => {
    await rows().filter({ hasText: '财务室办公电脑' }).locator('.ant-checkbox-input').check();
    await rows().filter({ hasText: '教务处电脑' }).locator('.ant-checkbox-input').check();
    await tid('bulk-bar').getByText('已选择 2 项').waitFor();
    await h.shot(page, 'assets-02-desktop-list');
    // Their labels open as a PDF in a new tab, on the paper chosen.
    await tid('bulk-labels').click();
    await page.getByText('热敏标签打印机，50×30 mm').click();
    const url = await opensPdf(page, '/api/assets/labels.pdf', () => tid('labels-open').click());
    assert.equal(url.searchParams.get('layout'), 'thermal-50x30');
    assert.equal(url.searchParams.get('ids')?.split(',').length, 2);
    await tid('bulk-location').click();
    await pickTreeNode(page, 'bulk_locationId', '图书馆三楼');
    await tid('form-submit').click();
    await page.getByText('已修改 2 项资产').waitFor();
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].filter((r) => r.textContent?.includes('图书馆三楼')).length === 2,
      LIST_ROWS,
    );
    assert.doesNotMatch(await rows().filter({ hasText: '图书馆打印机' }).innerText(), /图书馆三楼/);
    assert.equal(await tid('bulk-bar').count(), 0);
  });

  it('opens an asset from its row', async () => {
    await rows().filter({ hasText: '财务室办公电脑' }).locator('td').nth(3).click();
    await page.waitForURL(/\/assets\/\d+$/);
    await page.goBack();
    await rowCount(3);
  });

  it('shows the category tree with its fields, and the number settings', async () => {
    await page.goto(h.baseUrl + '/assets/categories');
    await page.locator('.ant-table-row', { hasText: '台式机' }).waitFor();
    assert.match(await page.locator('.ant-table-row', { hasText: '台式机' }).innerText(), /内存（数字，GB）/);
    await h.shot(page, 'assets-03-categories');
    await page.locator('.ant-table-row', { hasText: '台式机' }).getByTestId('edit-button').click();
    await page.locator('#category_name').waitFor();
    assert.equal(await page.locator('.ant-drawer .ant-select-disabled').count(), 0);
    await h.shot(page, 'assets-04-category-form');
    await page.keyboard.press('Escape');
    // A category with assets is not deleted; the refusal says how many.
    await page.locator('.ant-table-row', { hasText: '台式机' }).getByTestId('delete-button').click();
    await tid('delete-confirm').click();
    await page.locator('.ant-modal-confirm').getByText('分类仍在使用：2 项资产。').waitFor();
    await page.locator('.ant-modal-confirm .ant-btn').click();

    await page.goto(h.baseUrl + '/assets/settings');
    await page.fill('#assetSettings_numberPattern', 'ZC-{CAT}-{seq:4}');
    await tid('number-example').getByText('ZC-PC-0001').waitFor();
    await h.shot(page, 'assets-05-settings');
    await tid('form-submit').click();
    await page.getByText('已保存').waitFor();
  });

  it('reads as cards on a phone', async () => {
    const phone = await h.newPage({ mobile: true });
    await signInPage(h, phone.page, { password: PASSWORD });
    await phone.page.goto(h.baseUrl + '/assets');
    await phone.page.getByTestId('asset-card').first().waitFor();
    assert.equal(await phone.page.getByTestId('asset-card').count(), 3);
    const card = await phone.page.getByTestId('asset-card').filter({ hasText: '财务室办公电脑' }).innerText();
    assert.match(card, /图书馆三楼/);
    assert.match(card, /库存/);
    await h.shot(phone.page, 'assets-06-phone-list');
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page scrolls sideways on a phone (${width}px)`);
    assert.deepEqual(phone.errors, []);
    await phone.context.close();
  });

  it('had no script errors or dialogs on the way', () => {
    assert.deepEqual(errors, []);
  });
});
