// The knowledge base through the real HTTP layer: writing and reading articles, who sees what,
// revisions and restore, feedback once per person, search with two-character Chinese terms,
// tags, attachments and the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok, TINY_PNG, upload } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

interface Article {
  id: number;
  title: string;
  bodyMarkdown: string;
  status: string;
  visibility: string;
  tags: string[];
  category: string;
  views: number;
  updatedAt: number;
  publishedAt: number | null;
  revisionCount: number;
  myFeedback: boolean | null;
  helpfulYes: number;
  helpfulNo: number;
}

for (const dialect of dialects()) {
  describe(`knowledge base (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let tech: Client;
    let tech2: Client;
    let staff: Client;
    let staff2: Client;
    let faqId: number;
    let internalId: number;
    let draftFaqId: number;

    const create = async (c: Client, body: Record<string, unknown>) => ok<Article>(await c.post('/api/kb/articles', body));

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      tech = await userWithRoles(t.app, admin, ['technician']);
      tech2 = await userWithRoles(t.app, admin, ['technician']);
      staff = await userWithRoles(t.app, admin, ['staff']);
      staff2 = await userWithRoles(t.app, admin, ['staff']);
      faqId = (
        await create(tech, {
          title: '打印机总是卡纸怎么办',
          bodyMarkdown: '## 处理方案\n\n1. 打开前盖\n2. 取出卡住的纸张\n\n| 型号 | 位置 |\n| --- | --- |\n| HP 1020 | 三楼 |',
          category: 'printing',
          tags: ['打印机', 'HP'],
          visibility: 'staff',
          status: 'published',
        })
      ).id;
      internalId = (
        await create(tech, {
          title: '核心交换机端口镜像配置',
          bodyMarkdown: '只给技术员看的网络配置步骤。',
          category: 'network',
          tags: ['交换机', '网络'],
          visibility: 'technicians',
          status: 'published',
        })
      ).id;
      draftFaqId = (
        await create(tech, { title: '无线网络连不上', bodyMarkdown: '草稿：检查无线网络开关', visibility: 'staff', tags: ['网络'] })
      ).id;
    });
    after(() => t.close());

    it('creates with defaults, keeps the Markdown verbatim and records the author', async () => {
      const a = ok<Article & { authorName: string; can: { edit: boolean } }>(await tech.get(`/api/kb/articles/${faqId}`));
      assert.equal(a.status, 'published');
      assert.ok(a.publishedAt);
      assert.match(a.bodyMarkdown, /\| HP 1020 \| 三楼 \|/);
      assert.deepEqual(a.tags, ['打印机', 'HP']);
      assert.equal(a.can.edit, true);
      const d = ok<Article>(await tech.get(`/api/kb/articles/${draftFaqId}`));
      assert.equal(d.status, 'draft');
      assert.equal(d.publishedAt, null);
      assert.equal(d.category, '');
    });

    it('staff list only published FAQ; technicians list everything with filters', async () => {
      const mine = ok(await staff.get('/api/kb/articles')).items as Article[];
      assert.deepEqual(
        mine.map((a) => a.id),
        [faqId],
      );
      // Asking for more does not widen what staff see.
      assert.equal(ok(await staff.get('/api/kb/articles?status=draft')).total, 0);
      assert.equal(ok(await staff.get('/api/kb/articles?visibility=technicians')).total, 0);
      const all = ok(await tech.get('/api/kb/articles?pageSize=50'));
      assert.equal(all.total, 3);
      assert.equal(ok(await tech.get('/api/kb/articles?status=draft')).total, 1);
      assert.equal(ok(await tech.get('/api/kb/articles?visibility=technicians')).total, 1);
      assert.equal(ok(await tech.get('/api/kb/articles?category=network')).items[0].id, internalId);
      assert.equal(ok(await tech.get(`/api/kb/articles?tag=${encodeURIComponent('网络')}`)).total, 2);
      const sorted = ok(await tech.get('/api/kb/articles?sort=title&order=asc')).items as Article[];
      assert.equal(sorted.length, 3);
    });

    it('staff cannot read an internal article or a draft by id (404, as if it did not exist)', async () => {
      fails(await staff.get(`/api/kb/articles/${internalId}`), 404, 'resource.not_found');
      fails(await staff.get(`/api/kb/articles/${draftFaqId}`), 404, 'resource.not_found');
      fails(await staff.get(`/api/kb/articles/${internalId}/attachments`), 404, 'resource.not_found');
      fails(await staff.post(`/api/kb/articles/${draftFaqId}/feedback`, { helpful: true }), 404, 'resource.not_found');
      fails(await staff.get('/api/kb/articles/999999'), 404);
      ok(await staff.get(`/api/kb/articles/${faqId}`));
    });

    it('counts views, except for the editor reading without counting', async () => {
      const before = ok<Article>(await tech.get(`/api/kb/articles/${internalId}?countView=0`)).views;
      const seen = ok<Article>(await tech.get(`/api/kb/articles/${internalId}`)).views;
      assert.equal(seen, before + 1);
      assert.equal(ok<Article>(await tech.get(`/api/kb/articles/${internalId}?countView=0`)).views, before + 1);
    });

    it('staff and other roles without kb:write cannot write', async () => {
      fails(await staff.post('/api/kb/articles', { title: '员工不能写' }), 403, 'auth.forbidden');
      fails(await staff.patch(`/api/kb/articles/${faqId}`, { title: '改' }), 403, 'auth.forbidden');
      fails(await staff.delete(`/api/kb/articles/${faqId}`), 403, 'auth.forbidden');
      fails(await staff.get(`/api/kb/articles/${faqId}/revisions`), 403, 'auth.forbidden');
      const auditor = await userWithRoles(t.app, admin, ['auditor']);
      ok(await auditor.get(`/api/kb/articles/${draftFaqId}`));
      fails(await auditor.post('/api/kb/articles', { title: '审计员不能写' }), 403, 'auth.forbidden');
      const anon = await t.app.inject({ method: 'GET', url: '/api/kb/articles' });
      assert.equal(anon.statusCode, 401);
    });

    it('publishing a draft makes it visible to staff and sets publishedAt', async () => {
      const p = ok<Article>(await tech2.patch(`/api/kb/articles/${draftFaqId}`, { status: 'published' }));
      assert.equal(p.status, 'published');
      assert.ok(p.publishedAt);
      ok(await staff.get(`/api/kb/articles/${draftFaqId}`));
      const back = ok<Article>(await tech2.patch(`/api/kb/articles/${draftFaqId}`, { status: 'draft' }));
      assert.equal(back.publishedAt, null);
      fails(await staff.get(`/api/kb/articles/${draftFaqId}`), 404);
      const log = ok(await admin.get(`/api/audit?entityType=kb_article&entityId=${draftFaqId}`)).items as { action: string }[];
      assert.ok(log.some((e) => e.action === 'publish'));
      assert.ok(log.some((e) => e.action === 'create'));
    });

    it('every save of title or body keeps a revision, which can be read and restored', async () => {
      const id = (await create(tech, { title: '版本一', bodyMarkdown: '第一版正文' })).id;
      const v2 = ok<Article>(await tech2.patch(`/api/kb/articles/${id}`, { bodyMarkdown: '第二版正文' }));
      assert.equal(v2.revisionCount, 1);
      const v3 = ok<Article>(await tech.patch(`/api/kb/articles/${id}`, { title: '版本三', bodyMarkdown: '第三版正文' }));
      assert.equal(v3.revisionCount, 2);
      // Tags alone do not touch the text: no revision.
      assert.equal(ok<Article>(await tech.patch(`/api/kb/articles/${id}`, { tags: ['版本'] })).revisionCount, 2);
      const revs = ok(await tech.get(`/api/kb/articles/${id}/revisions`)).items as { rev: number; title: string; editorName: string }[];
      assert.deepEqual(
        revs.map((r) => [r.rev, r.title]),
        [
          [2, '版本一'],
          [1, '版本一'],
        ],
      );
      const first = ok(await tech.get(`/api/kb/articles/${id}/revisions/1`));
      assert.equal(first.bodyMarkdown, '第一版正文');
      const restored = ok<Article>(await tech2.post(`/api/kb/articles/${id}/revisions/1/restore`));
      assert.equal(restored.title, '版本一');
      assert.equal(restored.bodyMarkdown, '第一版正文');
      assert.deepEqual(restored.tags, ['版本']);
      assert.equal(restored.revisionCount, 3);
      assert.equal(ok(await tech.get(`/api/kb/articles/${id}/revisions/3`)).title, '版本三');
      fails(await tech.get(`/api/kb/articles/${id}/revisions/99`), 404);
      fails(await tech.post(`/api/kb/articles/${id}/revisions/99/restore`), 404);
      fails(await tech.get(`/api/kb/articles/${faqId}/revisions/1`), 404);
      const log = ok(await admin.get(`/api/audit?entityType=kb_article&entityId=${id}`)).items as { after: Record<string, unknown> }[];
      assert.ok(log.some((e) => e.after?.restoredFromRevision === 1));
    });

    it('refuses a save based on an outdated version (kb.edit_conflict), changing nothing', async () => {
      const a = await create(tech, { title: '并发编辑', bodyMarkdown: '原文' });
      ok(await tech2.patch(`/api/kb/articles/${a.id}`, { bodyMarkdown: '同事先保存', baseUpdatedAt: a.updatedAt }));
      const err = fails(
        await tech.patch(`/api/kb/articles/${a.id}`, { bodyMarkdown: '我的修改', baseUpdatedAt: a.updatedAt }),
        409,
        'kb.edit_conflict',
      );
      assert.equal(err.details[0]!.reason, 'edit_conflict');
      assert.equal(ok<Article>(await tech.get(`/api/kb/articles/${a.id}?countView=0`)).bodyMarkdown, '同事先保存');
    });

    it('feedback counts once per person and article', async () => {
      const r1 = ok(await staff.post(`/api/kb/articles/${faqId}/feedback`, { helpful: true }));
      assert.deepEqual(r1, { helpfulYes: 1, helpfulNo: 0, myFeedback: true });
      fails(await staff.post(`/api/kb/articles/${faqId}/feedback`, { helpful: false }), 409, 'kb.feedback_given');
      const r2 = ok(await staff2.post(`/api/kb/articles/${faqId}/feedback`, { helpful: false }));
      assert.deepEqual(r2, { helpfulYes: 1, helpfulNo: 1, myFeedback: false });
      assert.equal(ok<Article>(await staff.get(`/api/kb/articles/${faqId}`)).myFeedback, true);
      assert.equal(ok<Article>(await tech.get(`/api/kb/articles/${faqId}`)).myFeedback, null);
      // Two answers at the same moment still count once.
      const both = await Promise.all([
        tech.post(`/api/kb/articles/${faqId}/feedback`, { helpful: true }),
        tech.post(`/api/kb/articles/${faqId}/feedback`, { helpful: true }),
      ]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
      assert.equal(ok<Article>(await tech.get(`/api/kb/articles/${faqId}`)).helpfulYes, 2);
    });

    it('searches by two-character Chinese terms, longer terms and Latin words', async () => {
      const ids = async (c: Client, q: string) =>
        (ok(await c.get(`/api/kb/articles?q=${encodeURIComponent(q)}&pageSize=50`)).items as Article[]).map((a) => a.id);
      assert.deepEqual(await ids(tech, '卡纸'), [faqId]);
      assert.deepEqual(await ids(tech, '交换'), [internalId]);
      assert.deepEqual(await ids(tech, '端口镜像'), [internalId]);
      assert.deepEqual(await ids(tech, '1020'), [faqId]);
      assert.deepEqual(await ids(tech, 'hp'), [faqId]);
      // Body text is searched, but not link targets.
      assert.deepEqual(await ids(tech, '前盖'), [faqId]);
      // Staff never find what they may not read.
      assert.deepEqual(await ids(staff, '交换'), []);
      assert.deepEqual(await ids(staff, '卡纸'), [faqId]);
    });

    it('lists tags with counts, narrowed to what the caller may read', async () => {
      const techTags = ok(await tech.get('/api/kb/tags')).items as { tag: string; count: number }[];
      assert.ok(techTags.some((x) => x.tag === '交换机'));
      const staffTags = ok(await staff.get('/api/kb/tags')).items as { tag: string; count: number }[];
      assert.deepEqual(staffTags.map((x) => x.tag).sort(), ['HP', '打印机']);
    });

    it('attachments: technicians upload through /api/attachments; FAQ readers download through the article', async () => {
      const up = await upload(
        tech,
        '/api/attachments',
        { fileName: '卡纸位置.png', data: TINY_PNG },
        { entityType: 'kb_article', entityId: String(faqId) },
      );
      const att = ok(up);
      fails(
        await upload(
          staff,
          '/api/attachments',
          { fileName: 'x.png', data: TINY_PNG },
          { entityType: 'kb_article', entityId: String(faqId) },
        ),
        403,
      );
      const list = ok(await staff.get(`/api/kb/articles/${faqId}/attachments`)).items as { id: number; fileName: string }[];
      assert.deepEqual(
        list.map((a) => a.fileName),
        ['卡纸位置.png'],
      );
      const dl = await staff.get(`/api/kb/articles/${faqId}/attachments/${att.id}`);
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers['content-type'], 'image/png');
      assert.equal(dl.headers['x-content-type-options'], 'nosniff');
      assert.ok(dl.rawPayload.equals(TINY_PNG));
      // The id alone is not enough: it must belong to the article named in the path.
      fails(await staff.get(`/api/kb/articles/${draftFaqId}/attachments/${att.id}`), 404);
      fails(await tech.get(`/api/kb/articles/${internalId}/attachments/${att.id}`), 404);
    });

    it('deletes an article with its revisions, feedback, tags and files', async () => {
      const a = await create(tech, { title: '要删除的文章', bodyMarkdown: '一', tags: ['临时'], visibility: 'staff', status: 'published' });
      ok(await tech.patch(`/api/kb/articles/${a.id}`, { bodyMarkdown: '二' }));
      ok(await staff.post(`/api/kb/articles/${a.id}/feedback`, { helpful: true }));
      const att = ok(
        await upload(tech, '/api/attachments', { fileName: 'a.png', data: TINY_PNG }, { entityType: 'kb_article', entityId: String(a.id) }),
      );
      ok(await tech.delete(`/api/kb/articles/${a.id}`));
      fails(await tech.get(`/api/kb/articles/${a.id}`), 404);
      fails(await tech.delete(`/api/kb/articles/${a.id}`), 404);
      await t.ctx.events.idle();
      const db = t.connection.db;
      assert.equal((await db.selectFrom('kb_revisions').selectAll().where('article_id', '=', a.id).execute()).length, 0);
      assert.equal((await db.selectFrom('kb_article_tags').selectAll().where('article_id', '=', a.id).execute()).length, 0);
      assert.equal((await db.selectFrom('attachments').selectAll().where('id', '=', att.id).execute()).length, 0);
      assert.equal(ok(await tech.get(`/api/kb/articles?q=${encodeURIComponent('删除')}`)).total, 0);
      const log = ok(await admin.get(`/api/audit?entityType=kb_article&entityId=${a.id}`)).items as { action: string }[];
      assert.ok(log.some((e) => e.action === 'delete'));
    });

    it('emits created, updated and published events after commit', async () => {
      const seen: string[] = [];
      const offs = (['kb.article.created', 'kb.article.updated', 'kb.article.published'] as const).map((e) =>
        t.ctx.events.on(e, () => void seen.push(e)),
      );
      const a = await create(tech, { title: '事件', bodyMarkdown: '' });
      ok(await tech.patch(`/api/kb/articles/${a.id}`, { status: 'published' }));
      await t.ctx.events.idle();
      offs.forEach((off) => off());
      assert.deepEqual(seen, ['kb.article.created', 'kb.article.updated', 'kb.article.published']);
    });

    it('accepts only active categories of the kb_category dictionary', async () => {
      fails(await tech.post('/api/kb/articles', { title: '未知分类', category: 'nope' }), 400, 'kb.invalid_category');
      const dict = (
        ok(await admin.get('/api/dictionaries')).items as { id: number; code: string; items: { id: number; value: string }[] }[]
      ).find((d) => d.code === 'kb_category')!;
      assert.deepEqual(
        dict.items.map((i) => i.value),
        ['faq', 'howto', 'troubleshooting', 'network', 'printing', 'software', 'account', 'policy'],
      );
      const policy = dict.items.find((i) => i.value === 'policy')!;
      ok(await admin.patch(`/api/dictionaries/${dict.id}/items/${policy.id}`, { enabled: false }));
      fails(await tech.post('/api/kb/articles', { title: '停用的分类', category: 'policy' }), 400, 'kb.invalid_category');
      // An article already in a category that was switched off can still be edited otherwise.
      ok(await tech.patch(`/api/kb/articles/${faqId}`, { tags: ['打印机', 'HP'] }));
    });
  });
}
