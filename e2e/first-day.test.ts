/// <reference lib="dom" />
// What a new administrator does on the first day, in a real Chromium against the real server:
// first-run setup, sign in, switch language, create a department and a person, search for the
// person in Chinese, import a GBK CSV of people as Excel in China saves it, and sign out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { gbkCsv } from '../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';
import { LIST_ROWS, signInPage, waitForRowCount } from './helpers.js';

const PASSWORD = 'Sysward-2026-ok';

describe('first day of a new administrator', () => {
  let h: Harness;
  let page: Page;
  let errors: string[];
  const tid = (id: string) => page.getByTestId(id);
  // Rows of the page's own list (not of a preview table in a dialog).
  const rows = () => page.locator(LIST_ROWS);

  before(async () => {
    h = await startHarness();
    ({ page, errors } = await h.newPage());
  });
  after(async () => {
    await h?.close();
  });

  it('first visit goes to the one-time setup page and creates the administrator', async () => {
    await page.goto(h.baseUrl + '/');
    await page.waitForURL('**/setup');
    await page.fill('#setup_name', '王建国');
    await page.fill('#setup_login', 'admin');
    await page.fill('#setup_password', 'weak');
    await page.fill('#setup_confirm', 'weak');
    await tid('setup-submit').click();
    await page.getByText('密码至少需要 10 个字符').waitFor();
    await page.fill('#setup_password', PASSWORD);
    await page.fill('#setup_confirm', PASSWORD);
    await h.shot(page, '01-setup');
    await tid('setup-submit').click();
    await tid('nav-departments').waitFor();
    const nav = await page.locator('.ant-layout-sider').innerText();
    assert.ok(nav.indexOf('基础资料') >= 0 && nav.indexOf('基础资料') < nav.indexOf('系统设置'), nav);
    // Modules that do not exist yet are not in the navigation.
    for (const absent of ['监控']) assert.ok(!nav.includes(absent), `${absent} should not be in ${nav}`);
    // Setup is gone for good.
    await page.goto(h.baseUrl + '/setup');
    await page.waitForURL((u) => !u.pathname.startsWith('/setup'));
  });

  it('switches to English and back, and the choice is kept', async () => {
    await tid('lang-switch').click();
    await tid('lang-option-en').click();
    await tid('nav-people').getByText('People').waitFor();
    await page.reload();
    await tid('nav-people').getByText('People').waitFor();
    const text = await page.locator('body').innerText();
    assert.ok(!/[部门人员位置字典]{2}/.test(text.replace(/王建国|网管台/g, '')), `Chinese UI text left in English: ${text.slice(0, 300)}`);
    await h.shot(page, '02-english');
    await tid('lang-switch').click();
    await tid('lang-option-zh-CN').click();
    await tid('nav-people').getByText('人员').waitFor();
  });

  it('creates a department and a person in it', async () => {
    await tid('nav-departments').click();
    await tid('create-button').click();
    await page.fill('#department_name', '信息中心');
    await page.fill('#department_code', 'XX');
    await tid('form-submit').click();
    await rows().filter({ hasText: '信息中心' }).waitFor();

    await tid('nav-people').click();
    await page.getByText('还没有人员').waitFor();
    await h.shot(page, '03-people-empty');
    await tid('create-button').click();
    await page.fill('#person_name', '张伟');
    await page.fill('#person_number', 'T001');
    await page.fill('#person_email', 'not-an-email');
    await tid('form-submit').click();
    await page.getByText('邮箱格式不正确').waitFor();
    // What was typed is kept after the error.
    assert.equal(await page.inputValue('#person_name'), '张伟');
    await page.fill('#person_email', 'zhangwei@example.com');
    await page.locator('#person_departmentId').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '信息中心' }).click();
    await tid('form-submit').click();
    await rows().filter({ hasText: '张伟' }).waitFor();
  });

  it('finds the person by a two-character Chinese search', async () => {
    await tid('create-button').click();
    await page.fill('#person_name', '赵敏');
    await tid('form-submit').click();
    await rows().filter({ hasText: '赵敏' }).waitFor();
    await tid('search-input').fill('张伟');
    await tid('search-input').press('Enter');
    await waitForRowCount(page, 1);
    assert.match(await rows().first().innerText(), /张伟/);
    await h.shot(page, '04-search');
    await tid('search-input').fill('');
    await tid('search-input').press('Enter');
    await waitForRowCount(page, 2);
  });

  it('imports a GBK-encoded CSV of people with a title row, after a preview', async () => {
    const file = gbkCsv([
      ['信息中心人员名单'],
      [],
      ['姓名', '工号', '部门', '手机', '职务', '状态'],
      ['李娜', 'T002', '信息中心', '13800000001', '网络管理员', '在职'],
      ['王芳', 'T003', '信息中心', '13800000002', '会计', '在职'],
      ['刘洋', 'T004', '信息中心', '', '教师', '离职'],
    ]);
    await tid('import-button').click();
    await tid('import-file-input').setInputFiles({ name: '人员名单.csv', mimeType: 'text/csv', buffer: file });
    await tid('import-preview').waitFor();
    const preview = await tid('import-preview').innerText();
    assert.match(preview, /gb18030/i);
    assert.match(preview, /李娜/);
    await h.shot(page, '05-import-preview');
    // Nothing is written before the confirmation.
    assert.equal(await rows().count(), 2);
    await tid('import-confirm').click();
    await tid('import-done').waitFor();
    await tid('import-close').click();
    await waitForRowCount(page, 5);
    assert.match(await rows().filter({ hasText: '刘洋' }).innerText(), /离职/);
  });

  it('shows script typed into a name as text and never runs it', async () => {
    const name = '<img src=x onerror=alert(1)>';
    await tid('create-button').click();
    await page.fill('#person_name', name);
    await tid('form-submit').click();
    await rows().filter({ hasText: name }).waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0);
  });

  it('signs out; the pages then ask to sign in again', async () => {
    await tid('user-menu').click();
    await tid('logout').click();
    await page.waitForURL('**/login**');
    await page.goto(h.baseUrl + '/org/people');
    await page.waitForURL('**/login**');
    await page.fill('#login_login', 'admin');
    await page.fill('#login_password', 'wrong-password-1');
    await tid('login-submit').click();
    await tid('login-error').waitFor();
    await h.shot(page, '06-login-error');
    await page.fill('#login_password', PASSWORD);
    await tid('login-submit').click();
    await tid('nav-people').waitFor();
  });

  it('works on a phone: the navigation opens as a drawer', async () => {
    const phone = await h.newPage({ mobile: true });
    await signInPage(h, phone.page, { password: PASSWORD });
    await phone.page.getByTestId('nav-open').click();
    await phone.page.getByTestId('nav-people').click();
    await phone.page.locator('.ant-table-row').first().waitFor();
    await h.shot(phone.page, '07-phone-people');
    assert.deepEqual(phone.errors, []);
    await phone.context.close();
  });

  it('had no script errors or dialogs on the way', () => {
    assert.deepEqual(errors, []);
  });
});
