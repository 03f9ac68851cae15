// From a resolved ticket to an article, through real tickets: the draft carries the five-part
// record, a guessed category and the link back; an unresolved ticket is refused; the ticket page
// lists the article; and once published as FAQ, the article is suggested when a similar fault is
// reported (GET /api/tickets/suggest, through the tickets module's extension point).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

const RECORD = {
  problem: '三楼打印机打印时频繁卡纸',
  cause: '搓纸轮老化，纸张受潮',
  solution: '更换搓纸轮，换用干燥的纸张',
  result: '连续打印 200 页未再卡纸',
  prevention: '纸张放在干燥处，每半年检查搓纸轮 <script>alert(1)</script>',
};

for (const dialect of dialects()) {
  describe(`articles from tickets (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let tech: Client;
    let staff: Client;
    let ticketId: number;
    let ticketNumber: string;

    const countArticles = async () =>
      Number(
        (
          await t.connection.db
            .selectFrom('kb_articles')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const newTicket = async (title: string, category: string) =>
      ok(await tech.post('/api/tickets', { title, description: `${title}，请尽快处理`, category, priority: 'normal' })) as {
        id: number;
        number: string;
      };
    const resolve = async (id: number, resolution: Record<string, string> = RECORD) =>
      ok(await tech.post(`/api/tickets/${id}/transition`, { to: 'resolved', resolution }));

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      tech = await userWithRoles(t.app, admin, ['technician']);
      staff = await userWithRoles(t.app, admin, ['staff']);
      const ticket = await newTicket('三楼打印机卡纸', 'printing');
      ticketId = ticket.id;
      ticketNumber = ticket.number;
    });
    after(() => t.close());

    it('refuses an unresolved ticket with kb.ticket_unresolved, storing nothing', async () => {
      const before = await countArticles();
      const err = fails(await tech.post(`/api/kb/articles/from-ticket/${ticketId}`), 409, 'kb.ticket_unresolved');
      assert.equal(err.details[0]!.params!.state, 'new');
      assert.equal(await countArticles(), before);
      fails(await tech.post('/api/kb/articles/from-ticket/999999'), 404, 'resource.not_found');
      fails(await staff.post(`/api/kb/articles/from-ticket/${ticketId}`), 403, 'auth.forbidden');
    });

    it('drafts an article from a resolved ticket with the five sections and the link back', async () => {
      await resolve(ticketId);
      const a = ok(await tech.post(`/api/kb/articles/from-ticket/${ticketId}`));
      assert.equal(a.title, '三楼打印机卡纸');
      assert.equal(a.status, 'draft');
      assert.equal(a.visibility, 'technicians');
      assert.equal(a.category, 'printing');
      assert.equal(a.sourceTicketId, ticketId);
      assert.deepEqual(a.sourceTicket, { id: ticketId, number: ticketNumber, title: '三楼打印机卡纸' });
      const headings = [...(a.bodyMarkdown as string).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(headings, ['问题描述', '原因分析', '处理方案', '处理结果', '预防措施']);
      for (const text of Object.values(RECORD)) assert.ok((a.bodyMarkdown as string).includes(text), text);
      // The ticket page lists the article.
      assert.deepEqual(ok(await tech.get(`/api/tickets/${ticketId}`)).articleIds, [a.id]);
      const log = ok(await admin.get(`/api/audit?entityType=kb_article&entityId=${a.id}`)).items as {
        action: string;
        after: Record<string, unknown>;
      }[];
      assert.equal(log.find((e) => e.action === 'create')?.after.sourceTicketId, ticketId);
    });

    it('guesses the category from the ticket category and fills empty parts with a placeholder', async () => {
      const os = await newTicket('电脑开机蓝屏', 'os');
      await resolve(os.id, { problem: '', cause: '', solution: '重装显卡驱动', result: '', prevention: '' });
      const a = ok(await tech.post(`/api/kb/articles/from-ticket/${os.id}`));
      assert.equal(a.category, 'software');
      assert.match(a.bodyMarkdown, /## 问题描述\n\n电脑开机蓝屏，请尽快处理/);
      assert.match(a.bodyMarkdown, /## 原因分析\n\n（待补充）/);
      const hw = await newTicket('鼠标失灵', 'hardware');
      await resolve(hw.id);
      assert.equal(ok(await tech.post(`/api/kb/articles/from-ticket/${hw.id}`)).category, 'troubleshooting');
      const none = await newTicket('临时问题', '');
      await resolve(none.id);
      assert.equal(ok(await tech.post(`/api/kb/articles/from-ticket/${none.id}`)).category, 'troubleshooting');
    });

    it('once published as FAQ, the article is suggested when a similar fault is reported', async () => {
      const id = (ok(await tech.get(`/api/tickets/${ticketId}`)).articleIds as number[])[0]!;
      ok(await tech.patch(`/api/kb/articles/${id}`, { visibility: 'staff', status: 'published' }));
      const forStaff = ok(await staff.get(`/api/tickets/suggest?text=${encodeURIComponent('我的打印机又卡纸了')}`));
      assert.equal(forStaff.articles[0]?.id, id, JSON.stringify(forStaff));
      assert.deepEqual(forStaff.tickets, []);
      const direct = ok(await staff.get(`/api/kb/suggest?text=${encodeURIComponent('我的打印机又卡纸了')}`));
      assert.equal(direct.items[0]?.id, id);
      // Nothing for an unrelated fault.
      const unrelated = ok(await staff.get(`/api/tickets/suggest?text=${encodeURIComponent('网络断了')}`));
      assert.ok(!unrelated.articles.some((x: { id: number }) => x.id === id));
    });

    it('staff reading the FAQ entry do not learn which ticket it came from', async () => {
      const id = (ok(await tech.get(`/api/tickets/${ticketId}`)).articleIds as number[])[0]!;
      const forStaff = ok(await staff.get(`/api/kb/articles/${id}`));
      assert.equal(forStaff.sourceTicketId, null);
      assert.equal(forStaff.sourceTicket, null);
      const listed = (ok(await staff.get('/api/kb/articles')).items as { id: number; sourceTicketId: number | null }[]).find(
        (x) => x.id === id,
      )!;
      assert.equal(listed.sourceTicketId, null);
      assert.equal(ok(await tech.get(`/api/kb/articles/${id}`)).sourceTicketId, ticketId);
    });
  });
}
