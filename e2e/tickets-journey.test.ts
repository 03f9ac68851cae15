/// <reference lib="dom" />
// A fault ticket end to end, in a real Chromium against the real server, in Chinese: a staff
// member reports a jammed printer on a phone (their own device, a photo); the technician takes it
// from the unassigned list, answers in public and notes in private with the time spent, sends the
// printer to the vendor (the asset shows 维修中), asks a leader, records the return and resolves
// with the five-part record; the reporter sees the answer but not the note and confirms; the
// technician turns the ticket into an FAQ article, which the report form then suggests to the
// next person with the same trouble; the printer's record holds the repair.
// Only the users, the printer and the vendor come from the API; the rest is clicks.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import { apiCall, LIST_ROWS, setupViaApi, signInPage } from './helpers.js';

const PASSWORD = 'Tickets-journey-2026';
const TITLE = '打印机卡纸，打不出来';
const DESCRIPTION = '办公室的惠普打印机一打印就卡纸，把卡住的纸拿出来以后再打还是卡。';
const COMMENT = '您好，我下午两点过去看一下，请先不要再往纸盒里加纸。';
const NOTE = '定影组件磨损，还在保修期内，准备送厂家更换。';
const VENDOR = '惠普授权维修站';
const RMA = 'RMA-2026-0815';
const DECISION = '同意送修，费用在保修内。';
const RECORD = {
  problem: DESCRIPTION,
  cause: '定影组件老化磨损，进纸时把纸卷住。',
  solution: '送惠普授权维修站更换定影组件，清理进纸通道。',
  result: '更换后连续打印 50 页没有再卡纸。',
  prevention: '不要使用受潮或过厚的纸，每半年清洁一次进纸轮。',
};

/** A small PNG (a grey-blue gradient), as a phone's photo would be: real image bytes. */
function photoPng(width = 96, height = 72): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([120 + x, 140 + y, 200], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Yesterday as YYYY-MM-DD: never after today wherever the server counts its days. */
function yesterday(): string {
  return new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
}

describe('the ticket journey: report on a phone, work, repair, resolve, confirm, FAQ, suggestion', () => {
  let h: Harness;
  let photoDir = '';
  let staff: Page;
  let tech: Page;
  const errors: Record<string, string[]> = {};
  const ticket = { id: 0, number: '' };
  let articleId = 0;
  let assetId = 0;

  /** Opens a page in the phone's side menu (the layout hides it behind a button on narrow screens). */
  const phoneNav = async (p: Page, key: string) => {
    await p.getByTestId('nav-open').click();
    await p.getByTestId(`nav-${key}`).click();
    // The drawer slides away: a screenshot taken meanwhile would measure a stale page.
    await p.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
  };
  /**
   * Picks an option of a select in a form, typing `search` first when given; again when a busy
   * machine swallowed the click (the list re-renders as each search answers), as pickTreeNode does.
   */
  const pickOption = async (p: Page, fieldId: string, text: string, search?: string) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await p.locator(`#${fieldId}`).click();
      if (search) await p.locator(`#${fieldId}`).fill(search);
      await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
      try {
        await p.waitForFunction(
          ([id, n]) => !!document.getElementById(id!)?.closest('.ant-form-item')?.textContent?.includes(n!),
          [fieldId, text],
          { timeout: 3000 },
        );
        return;
      } catch {
        // the dropdown may still be open or closed: the next attempt clicks the field again
      }
    }
    throw new Error(`could not pick ${text} in #${fieldId}`);
  };
  /** An item of an open dropdown menu ("更多"). */
  const menuItem = (p: Page, text: string) => p.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: text });

  before(async () => {
    h = await startHarness();
    photoDir = await mkdtemp(join(tmpdir(), 'sysward-photo-'));
    const s = await setupViaApi(h, { name: '王建国', password: PASSWORD });
    const zhang = await apiCall<{ id: number }>(h, s, 'POST', '/api/people', { name: '张伟' });
    const user = (login: string, name: string, roles: string[], personId: number | null = null) =>
      apiCall(h, s, 'POST', '/api/users', { login, name, password: PASSWORD, roles, personId });
    await user('ligong', '李工', ['technician']);
    await user('zhangwei', '张伟', ['staff'], zhang.id);
    await user('zhaozhuren', '赵主任', ['staff']);
    const { items: categories } = await apiCall<{ items: { id: number; name: string }[] }>(h, s, 'GET', '/api/assets/categories');
    const printer = await apiCall<{ id: number }>(h, s, 'POST', '/api/assets', {
      name: '惠普 LaserJet 打印机',
      categoryId: categories.find((c) => c.name === '打印机')!.id,
      brand: '惠普',
      model: 'LaserJet Pro M404dn',
      holderPersonId: zhang.id,
      status: 'in_use',
    });
    assetId = printer.id;
    await apiCall(h, s, 'POST', '/api/vendors', { name: VENDOR, contact: '刘师傅', phone: '400-810-3888' });

    const phone = await h.newPage({ mobile: true });
    staff = phone.page;
    errors.staff = phone.errors;
    const desk = await h.newPage();
    tech = desk.page;
    errors.tech = desk.errors;
  });
  after(async () => {
    await h?.close();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  it('staff reports the jammed printer on a phone: own device, a photo, and gets the ticket number', async () => {
    const tid = (id: string) => staff.getByTestId(id);
    await signInPage(h, staff, { login: 'zhangwei', password: PASSWORD });
    await phoneNav(staff, 'ticket-report');
    await staff.waitForURL('**/tickets/report');
    await staff.fill('#report_title', TITLE);
    await staff.fill('#report_description', DESCRIPTION);
    await staff.fill('#report_place', '行政楼 302 办公室');
    const device = tid('device-option').filter({ hasText: '惠普 LaserJet 打印机' });
    await device.click();
    assert.equal(await device.getAttribute('aria-checked'), 'true');
    const photo = join(photoDir, '卡纸.png');
    await writeFile(photo, photoPng());
    await tid('photo-input').setInputFiles(photo);
    await tid('photo-item').locator('img').waitFor();
    // The send button waits for the upload; its own text comes back once the photo is stored.
    await tid('report-submit').getByText('提交报修').waitFor();
    assert.ok(await tid('report-submit').isEnabled());
    await h.shot(staff, 'tickets-01-report-phone');
    const width = await staff.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the report form scrolls sideways on a phone (${width}px)`);

    await tid('report-submit').click();
    await tid('report-done').waitFor();
    const number = /GZ-\d{8}-\d{4}/.exec(await tid('report-number').innerText());
    assert.ok(number, 'the ticket number is shown');
    ticket.number = number[0];
    const href = await staff.locator('a', { has: tid('report-open') }).getAttribute('href');
    ticket.id = Number(/^\/tickets\/(\d+)$/.exec(href ?? '')?.[1]);
    assert.ok(ticket.id > 0, `link to the ticket: ${href}`);
    await h.shot(staff, 'tickets-02-reported-phone');
  });

  it('the technician finds it unassigned, takes it, answers in public and notes in private with the time spent', async () => {
    const tid = (id: string) => tech.getByTestId(id);
    await signInPage(h, tech, { login: 'ligong', password: PASSWORD, path: '/tickets' });
    await tech.waitForFunction(() => /未指派\s*1/.test(document.querySelector('[data-testid="view-unassigned"]')?.textContent ?? ''));
    await tid('view-unassigned').click();
    const row = tech.locator(LIST_ROWS).filter({ hasText: ticket.number });
    await row.waitFor();
    const text = await row.innerText();
    for (const part of [TITLE, '新建', '张伟', '未指派', '行政楼 302 办公室'])
      assert.ok(text.includes(part), `${part} missing from ${text}`);
    await h.shot(tech, 'tickets-03-list-unassigned');

    await row.getByTestId('ticket-link').click();
    await tech.waitForURL(`**/tickets/${ticket.id}`);
    await tid('ticket-title').getByText(TITLE).waitFor();
    await tid('ticket-timeline').getByTestId('timeline-image').waitFor();
    await tid('action-take').click();
    await tid('ticket-details').getByText('李工').waitFor();
    await tid('action-start').click();
    await tid('ticket-header').getByText('处理中', { exact: true }).waitFor();

    await tid('comment-body').fill(COMMENT);
    await tid('comment-send').click();
    await tid('ticket-timeline').getByText(COMMENT).waitFor();
    await tid('comment-internal').getByText('内部备注').click();
    await tid('comment-body').fill(NOTE);
    await tid('comment-box').locator('.ant-input-number input').fill('30');
    await tid('comment-send').getByText('保存备注').click();
    const note = tid('timeline-note').filter({ hasText: NOTE });
    await note.waitFor();
    assert.match(await note.innerText(), /用时 30 分钟/);
    await tid('ticket-details').getByText('30 分钟').waitFor();
    await h.shot(tech, 'tickets-04-ticket-worked');
  });

  it('sends the printer to the vendor (it shows 维修中) and asks a leader, who decides', async () => {
    const tid = (id: string) => tech.getByTestId(id);
    await tid('action-more').click();
    await menuItem(tech, '送修').click();
    await pickOption(tech, 'repair_vendorId', VENDOR, '惠普');
    // Choosing the vendor hands over its contact and phone.
    await tech.waitForFunction(() => (document.querySelector('#repair_contact') as HTMLInputElement | null)?.value === '刘师傅');
    await tech.fill('#repair_rmaNumber', RMA);
    const sent = yesterday();
    await tech.locator('#repair_sentDate').click();
    await tech.keyboard.press('Control+A');
    await tech.keyboard.type(sent);
    // Tab, not Enter: Enter would send the whole form.
    await tech.keyboard.press('Tab');
    assert.equal(await tech.locator('#repair_sentDate').inputValue(), sent);
    // The device comes from the ticket: the staff member's printer is chosen already.
    await tech
      .locator('.ant-form-item', { has: tech.locator('#repair_assetId') })
      .getByText('惠普 LaserJet 打印机')
      .waitFor();
    await h.shot(tech, 'tickets-05-repair-form');
    await tid('form-submit').click();
    const repair = tid('repair-item').filter({ hasText: VENDOR });
    await repair.getByText(RMA).waitFor();
    await repair.getByText('维修中').waitFor();
    assert.match(await repair.innerText(), new RegExp(`${sent} → 未返回`));
    await tid('ticket-timeline').getByText(`送修到 ${VENDOR}（${sent}）`).waitFor();

    await tid('ticket-asset').click();
    await tech.waitForURL(`**/assets/${assetId}`);
    await tech.getByTestId('record-header').getByText('维修中').waitFor();
    await h.shot(tech, 'tickets-06-asset-in-repair');
    await tech.goBack();
    await tid('ticket-title').getByText(TITLE).waitFor();

    await tid('action-more').click();
    await menuItem(tech, '上报领导').click();
    await pickOption(tech, 'escalate_leaderUserId', '赵主任');
    await tid('escalate-reason').fill('定影组件需要厂家更换，维修期间办公室没有打印机，是否借用备用机？');
    await tid('escalate-ok').click();
    await tid('escalation-card').getByText('待领导决定').waitFor();

    const leader = await h.newPage();
    errors.leader = leader.errors;
    const l = leader.page;
    await signInPage(h, l, { login: 'zhaozhuren', password: PASSWORD, path: '/tickets/mine' });
    await l.getByTestId('mine-show').getByText('待我决定（1）').click();
    await l.locator(LIST_ROWS).filter({ hasText: ticket.number }).getByRole('link').click();
    await l.waitForURL(`**/tickets/${ticket.id}`);
    // A leader who does not work tickets reads the public side only.
    await l.getByTestId('ticket-timeline').getByText(COMMENT).waitFor();
    assert.ok(!(await l.locator('body').innerText()).includes(NOTE), 'the leader sees no internal note');
    await l.getByTestId('decision-text').fill(DECISION);
    await l.getByTestId('decision-submit').click();
    await l.getByTestId('escalation-card').getByText('已决定').waitFor();
    await h.shot(l, 'tickets-07-leader-decided');
    await leader.context.close();

    await tech.reload();
    await tid('escalation-card').getByText(DECISION).waitFor();
    assert.match(await tid('timeline-escalation').first().innerText(), /仅技术人员和领导可见/);
  });

  it('records the return and resolves with the five-part record', async () => {
    const tid = (id: string) => tech.getByTestId(id);
    await tid('repair-edit').click();
    await tech.locator('#repair_returnedDate').waitFor();
    assert.notEqual(await tech.locator('#repair_returnedDate').inputValue(), '', 'the return date starts as today');
    await tid('form-submit').click();
    await tid('repair-item').getByText('已返回').waitFor();
    await tid('ticket-timeline')
      .getByText(new RegExp(`送修设备已从 ${VENDOR} 返回`))
      .waitFor();

    await tid('action-resolve').click();
    for (const [field, value] of Object.entries(RECORD)) await tid(`record-${field}`).fill(value);
    await h.shot(tech, 'tickets-08-resolve-form');
    await tid('resolve-submit').click();
    await tid('ticket-header').getByText('已解决', { exact: true }).waitFor();
    const record = await tid('ticket-record').innerText();
    for (const [label, value] of [
      ['问题描述', RECORD.problem],
      ['分析原因', RECORD.cause],
      ['处理方案', RECORD.solution],
      ['处理结果', RECORD.result],
      ['预防措施', RECORD.prevention],
    ] as const)
      assert.ok(record.includes(label) && record.includes(value), `${label} missing from ${record}`);
    await h.shot(tech, 'tickets-09-resolved');
  });

  it('the reporter, on the phone, sees the answer but not the internal note, and confirms', async () => {
    const tid = (id: string) => staff.getByTestId(id);
    await phoneNav(staff, 'tickets-mine');
    await staff.waitForURL('**/tickets/mine');
    const card = tid('ticket-card').filter({ hasText: ticket.number });
    await card.getByText('已解决，请确认').waitFor();
    await card.click();
    await staff.waitForURL(`**/tickets/${ticket.id}`);
    await tid('ticket-timeline').getByText(COMMENT).waitFor();
    await tid('ticket-record').getByText(RECORD.solution).waitFor();
    await tid('ticket-timeline').getByTestId('timeline-image').waitFor();
    const page = await staff.locator('body').innerText();
    assert.ok(!page.includes(NOTE), 'the internal note stays with the technicians');
    assert.ok(!page.includes('内部备注'), 'no trace of internal notes for the reporter');
    assert.ok(!page.includes('上报给'), 'the escalation is not the reporter’s business');
    await h.shot(staff, 'tickets-10-reporter-sees-answer-phone');

    await tid('action-confirm').click();
    await staff.locator('.ant-popconfirm .ant-btn-primary').click();
    await tid('ticket-header').getByText('已关闭', { exact: true }).waitFor();
    await tid('action-confirm').waitFor({ state: 'detached' });
    const width = await staff.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the ticket page scrolls sideways on a phone (${width}px)`);
    await h.shot(staff, 'tickets-11-confirmed-phone');
  });

  it('the technician turns the ticket into an article and publishes it as FAQ for all staff', async () => {
    const tid = (id: string) => tech.getByTestId(id);
    await tech.reload();
    await tid('ticket-header').getByText('已关闭', { exact: true }).waitFor();
    // A closed ticket offers no work the server would refuse: reopening, or the article.
    assert.equal(await tid('action-assign').count(), 0);
    assert.equal(await tid('repair-add').count(), 0);
    await tid('action-more').click();
    assert.deepEqual(await tech.locator('.ant-dropdown:visible .ant-dropdown-menu-item').allInnerTexts(), ['生成知识库文章']);
    await menuItem(tech, '生成知识库文章').click();
    await tech.waitForURL(/\/kb\/articles\/\d+\/edit$/);
    await tid('kb-editor').waitFor();
    assert.equal(await tid('kb-title').inputValue(), TITLE);
    const body = await tid('kb-body').inputValue();
    for (const part of ['## 原因分析', RECORD.cause, '## 处理方案', RECORD.solution, '## 预防措施', RECORD.prevention])
      assert.ok(body.includes(part), `${part} missing from the draft`);
    await tid('kb-preview').getByRole('heading', { name: '处理方案' }).waitFor();
    await tech.getByText('全员可见（常见问题）').click();
    await h.shot(tech, 'tickets-12-article-draft');
    await tid('kb-publish').click();
    await tech.waitForURL(/\/kb\/articles\/\d+$/);
    articleId = Number(new URL(tech.url()).pathname.split('/').pop());
    await tid('kb-article-title').getByText(TITLE).waitFor();
    assert.equal(await tid('kb-visibility').innerText(), 'FAQ');
    assert.equal(await tid('kb-draft').count(), 0, 'published, no draft mark');
    await tid('kb-source-ticket').getByText(`来源工单：${ticket.number}`).waitFor();
    await h.shot(tech, 'tickets-13-article-published');

    // Staff find it in the FAQ.
    await phoneNav(staff, 'kb-faq');
    await staff.waitForURL('**/kb/faq');
    await staff.getByText(TITLE).first().waitFor();
    await h.shot(staff, 'tickets-14-faq-phone');
  });

  it('the next report of a similar jam suggests the article before it is sent', async () => {
    const tid = (id: string) => staff.getByTestId(id);
    await phoneNav(staff, 'ticket-report');
    await staff.waitForURL('**/tickets/report');
    await staff.fill('#report_title', '打印机老是卡纸');
    await staff.fill('#report_description', '一打印就卡纸，卡住的纸拿不出来');
    const suggestion = tid('suggestions').getByTestId('suggestion-article').filter({ hasText: TITLE });
    await suggestion.waitFor();
    assert.equal(await suggestion.getAttribute('href'), `/kb/articles/${articleId}`);
    assert.match(await tid('suggestions').innerText(), /可能对您有帮助/);
    // Staff see no past tickets among the suggestions, only articles.
    assert.equal(await tid('suggestion-ticket').count(), 0);
    await h.shot(staff, 'tickets-15-suggestion-phone');
  });

  it('the printer’s record holds the repair written at resolution, and is back in use', async () => {
    const tid = (id: string) => tech.getByTestId(id);
    await tech.goto(`${h.baseUrl}/tickets/${ticket.id}`);
    await tid('ticket-record').getByTestId('ticket-article').waitFor();
    await tid('ticket-asset').click();
    await tech.waitForURL(`**/assets/${assetId}`);
    await tid('record-header').getByText('在用').waitFor();
    await tech.getByRole('tab', { name: '维护记录' }).click();
    const row = tid('maintenance-table').locator('.ant-table-row').filter({ hasText: ticket.number });
    await row.waitFor();
    const text = await row.innerText();
    for (const part of ['维修', RECORD.solution, RECORD.result, VENDOR, '李工'])
      assert.ok(text.includes(part), `${part} missing from the maintenance row: ${text}`);
    await h.shot(tech, 'tickets-16-asset-maintenance');
  });

  it('had no script errors or dialogs on the way', () => {
    assert.deepEqual(errors, { staff: [], tech: [], leader: [] });
  });
});
