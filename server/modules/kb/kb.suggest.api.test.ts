// Article suggestions for a fault being described: similar published articles the caller may
// read, best first, through GET /api/kb/suggest (and the same function the tickets module calls).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

interface Suggestion {
  id: number;
  title: string;
  score: number;
  visibility: string;
}

for (const dialect of dialects()) {
  describe(`knowledge-base suggestions (${dialect})`, () => {
    let t: TestApp;
    let tech: Client;
    let staff: Client;
    const ids: Record<string, number> = {};

    const suggest = async (c: Client, text: string) =>
      ok<{ items: Suggestion[] }>(await c.get(`/api/kb/suggest?text=${encodeURIComponent(text)}`)).items;

    before(async () => {
      t = await buildTestApp(dialect);
      const admin = await setupAdmin(t.app);
      tech = await userWithRoles(t.app, admin, ['technician']);
      staff = await userWithRoles(t.app, admin, ['staff']);
      const articles: [string, string, string, string, string][] = [
        ['jam', '打印机总是卡纸怎么办', '打开前盖，慢慢取出卡住的纸张，检查搓纸轮。', 'staff', 'published'],
        ['toner', '打印机打印出来的字很淡', '更换硒鼓或碳粉。', 'staff', 'published'],
        ['wifi', '无线网络连不上怎么办', '确认无线开关已打开，重新输入无线网络密码。', 'staff', 'published'],
        ['switch', '核心交换机端口故障处理', '网络中断时检查交换机端口指示灯。', 'technicians', 'published'],
        ['draft', '打印机卡纸的另一种处理', '草稿', 'staff', 'draft'],
        ['outlook', 'Outlook 收不到新邮件', '检查邮箱容量和收件规则。', 'staff', 'published'],
      ];
      for (const [key, title, bodyMarkdown, visibility, status] of articles)
        ids[key] = ok(await tech.post('/api/kb/articles', { title, bodyMarkdown, visibility, status })).id;
      // Filler so that the weights have a corpus to work with.
      for (let i = 0; i < 8; i++)
        ok(
          await tech.post('/api/kb/articles', {
            title: `办公软件使用说明 ${i}`,
            bodyMarkdown: '常用操作步骤。',
            status: 'published',
            visibility: 'staff',
          }),
        );
    });
    after(() => t.close());

    it('finds the paper-jam article for differently worded text, best first', async () => {
      const items = await suggest(staff, '三楼的打印机卡纸了');
      assert.equal(items[0]?.id, ids.jam);
      assert.ok(items[0]!.score > 0.3, JSON.stringify(items));
      assert.ok(items.length <= 5);
      for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.score >= items[i]!.score);
    });

    it('suggests nothing unrelated', async () => {
      const items = await suggest(staff, '网络断了');
      assert.ok(!items.some((s) => s.id === ids.jam || s.id === ids.toner), JSON.stringify(items));
    });

    it('never suggests drafts, and technician-only articles only to technicians', async () => {
      const forStaff = await suggest(staff, '交换机端口故障，网络中断');
      assert.ok(!forStaff.some((s) => s.id === ids.switch));
      const forTech = await suggest(tech, '交换机端口故障，网络中断');
      assert.equal(forTech[0]?.id, ids.switch);
      const jam = await suggest(tech, '打印机卡纸');
      assert.ok(!jam.some((s) => s.id === ids.draft));
    });

    it('uses Latin words too', async () => {
      const items = await suggest(staff, 'outlook 一直收不到邮件');
      assert.equal(items[0]?.id, ids.outlook);
    });

    it('validates the text and ignores hostile input', async () => {
      fails(await staff.get('/api/kb/suggest'), 400, 'validation.failed');
      fails(await staff.get('/api/kb/suggest?text=a'), 400, 'validation.failed');
      fails(await staff.get(`/api/kb/suggest?text=${'长'.repeat(2001)}`), 400, 'validation.failed');
      fails(await staff.get('/api/kb/suggest?text=打印机&extra=1'), 400, 'validation.failed');
      for (const text of ["' or 1=1 --", '%%__', "'; drop table kb_articles; --", '<script>alert(1)</script>'])
        assert.ok(Array.isArray(await suggest(staff, text)));
      assert.equal(ok(await tech.get('/api/kb/articles')).total, 14);
      const anon = await t.app.inject({ method: 'GET', url: '/api/kb/suggest?text=打印机' });
      assert.equal(anon.statusCode, 401);
    });
  });
}

for (const dialect of dialects()) {
  describe(`knowledge-base suggestions on a one-article knowledge base (${dialect})`, () => {
    let t: TestApp;
    let staff: Client;
    let jam = 0;

    before(async () => {
      t = await buildTestApp(dialect);
      const admin = await setupAdmin(t.app);
      const tech = await userWithRoles(t.app, admin, ['technician']);
      staff = await userWithRoles(t.app, admin, ['staff']);
      const bodyMarkdown = '## 问题描述\n\n打印时卡纸，纸拿不出来。\n\n## 解决办法\n\n关机后打开前盖，顺着进纸方向取出纸张。';
      jam = ok(await tech.post('/api/kb/articles', { title: '打印机卡纸', bodyMarkdown, visibility: 'staff', status: 'published' })).id;
    });
    after(() => t.close());

    it('a detailed report still finds the matching article; an unrelated one does not', async () => {
      const text = '打印机又卡纸了 早上打印合同的时候纸卡在里面拿不出来';
      const items = ok<{ items: Suggestion[] }>(await staff.get(`/api/kb/suggest?text=${encodeURIComponent(text)}`)).items;
      assert.equal(items[0]?.id, jam, JSON.stringify(items));
      const unrelated = ok<{ items: Suggestion[] }>(await staff.get(`/api/kb/suggest?text=${encodeURIComponent('投影仪没有信号')}`)).items;
      assert.deepEqual(unrelated, []);
    });
  });
}
