// Hostile input on every knowledge-base route: markup in articles is stored as the text it is
// and only ever returned as JSON; wrong types, unknown fields, oversized bodies, SQL-looking
// searches, other people's drafts and callers without a session or the permission each get a
// clear 4xx with a stable code, and nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

const TABLES = ['kb_articles', 'kb_revisions', 'kb_feedback', 'kb_article_tags'] as const;
const SQLISH = ["' or 1=1 --", "'; drop table kb_articles; --", '" union select * from users --', '%', '_', '\\', '%_\\%'];
const XSS_BODY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<a href="#" onclick="alert(1)">点我</a>',
  '<iframe src="https://evil.example"></iframe>',
].join('\n\n');

for (const dialect of dialects()) {
  describe(`knowledge base under hostile input (${dialect})`, () => {
    let t: TestApp;
    let tech: Client;
    let tech2: Client;
    let staff: Client;
    let articleId: number;
    let draftId: number;
    let routes: [string, string, unknown][];

    const snapshot = async () => {
      const out: Record<string, number> = {};
      for (const table of TABLES)
        out[table] = Number(
          (
            await t.connection.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return out;
    };

    before(async () => {
      t = await buildTestApp(dialect);
      const admin = await setupAdmin(t.app);
      tech = await userWithRoles(t.app, admin, ['technician']);
      tech2 = await userWithRoles(t.app, admin, ['technician']);
      staff = await userWithRoles(t.app, admin, ['staff']);
      articleId = ok(
        await tech.post('/api/kb/articles', { title: '正常文章', bodyMarkdown: '正文', visibility: 'staff', status: 'published' }),
      ).id;
      draftId = ok(await tech.post('/api/kb/articles', { title: '我的草稿', bodyMarkdown: '还没写完', visibility: 'staff' })).id;
      routes = [
        ['POST', '/api/kb/articles', { title: 'x' }],
        ['PATCH', `/api/kb/articles/${articleId}`, { title: 'x' }],
        ['DELETE', `/api/kb/articles/${articleId}`, undefined],
        ['POST', `/api/kb/articles/${articleId}/revisions/1/restore`, undefined],
        ['POST', `/api/kb/articles/from-ticket/1`, undefined],
        ['POST', `/api/kb/articles/${articleId}/feedback`, { helpful: true }],
      ];
    });
    after(() => t.close());

    it('stores script, event handlers and javascript: links verbatim, and returns them only as JSON text', async () => {
      const res = await tech.post('/api/kb/articles', { title: '<script>alert("t")</script>', bodyMarkdown: XSS_BODY, tags: ['<b>x</b>'] });
      const a = ok(res);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.equal(a.title, '<script>alert("t")</script>');
      assert.equal(a.bodyMarkdown, XSS_BODY);
      assert.deepEqual(a.tags, ['<b>x</b>']);
      const read = await tech.get(`/api/kb/articles/${a.id}`);
      assert.match(String(read.headers['content-type']), /^application\/json/);
      assert.equal(read.json().bodyMarkdown, XSS_BODY);
      // The list's excerpt is plain text: the markup is gone, not rendered.
      const item = (ok(await tech.get('/api/kb/articles?pageSize=50')).items as { id: number; excerpt: string }[]).find(
        (x) => x.id === a.id,
      )!;
      assert.doesNotMatch(item.excerpt, /<script|onerror|javascript:|onclick/);
      ok(await tech.delete(`/api/kb/articles/${a.id}`));
    });

    it('refuses wrong types, missing fields and unknown fields, storing nothing', async () => {
      const before = await snapshot();
      const bad: unknown[] = [
        {},
        { title: '' },
        { title: '   ' },
        { title: 42 },
        { title: ['x'] },
        { title: 'ok', bodyMarkdown: 7 },
        { title: 'ok', tags: 'a,b' },
        { title: 'ok', tags: [1] },
        { title: 'ok', tags: ['a,b'] },
        { title: 'ok', tags: [''] },
        { title: 'ok', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        { title: 'ok', tags: ['长'.repeat(31)] },
        { title: 'ok', visibility: 'public' },
        { title: 'ok', status: 'archived' },
        { title: 'ok', category: { $ne: null } },
        { title: 'ok', authorUserId: 1 },
        { title: 'ok', views: 1000 },
        { title: 'ok', sourceTicketId: 1 },
        { title: 'a\u0000b' },
        { title: 'line\nbreak' },
        { title: '长'.repeat(201) },
        { title: 'ok', bodyMarkdown: 'bell\u0007' },
      ];
      for (const body of bad) {
        const err = fails(await tech.post('/api/kb/articles', body), 400, 'validation.failed');
        assert.ok(err.details.length > 0, JSON.stringify(body));
      }
      fails(await tech.patch(`/api/kb/articles/${articleId}`, { helpful_yes: 99 }), 400, 'validation.failed');
      fails(await tech.patch(`/api/kb/articles/${articleId}`, { baseUpdatedAt: 'yesterday' }), 400, 'validation.failed');
      fails(await staff.post(`/api/kb/articles/${articleId}/feedback`, { helpful: 'yes' }), 400, 'validation.failed');
      fails(await staff.post(`/api/kb/articles/${articleId}/feedback`, {}), 400, 'validation.failed');
      fails(await staff.post(`/api/kb/articles/${articleId}/feedback`, { helpful: true, count: 100 }), 400, 'validation.failed');
      const unknown = fails(await tech.post('/api/kb/articles', { title: 'x', isAdmin: true }), 400, 'validation.failed');
      assert.deepEqual(unknown.details, [{ field: 'isAdmin', reason: 'unrecognized_keys' }]);
      assert.deepEqual(await snapshot(), before);
    });

    it('refuses a huge body with a validation error and a body over the request limit with 413', async () => {
      const before = await snapshot();
      const err = fails(
        await tech.post('/api/kb/articles', { title: '很长', bodyMarkdown: 'a'.repeat(100_001) }),
        400,
        'validation.failed',
      );
      assert.equal(err.details[0]!.field, 'bodyMarkdown');
      assert.equal(err.details[0]!.reason, 'too_big');
      fails(await tech.patch(`/api/kb/articles/${articleId}`, { bodyMarkdown: 'a'.repeat(100_001) }), 400, 'validation.failed');
      fails(await tech.post('/api/kb/articles', { title: '更长', bodyMarkdown: '长'.repeat(400_000) }), 413, 'request.too_large');
      ok(
        await tech.post('/api/kb/articles', { title: '刚好', bodyMarkdown: 'a'.repeat(100_000) }).then(async (r) => {
          await tech.delete(`/api/kb/articles/${r.json().id}`);
          return r;
        }),
      );
      const after = await snapshot();
      assert.equal(after.kb_articles, before.kb_articles);
    });

    it('refuses malformed JSON and bad ids in the path', async () => {
      const res = await tech.raw({
        method: 'POST',
        url: '/api/kb/articles',
        payload: '{"title": "半截',
        headers: { 'content-type': 'application/json' },
      });
      fails(res, 400, 'request.malformed_json');
      for (const id of ['abc', '0', '-1', '1.5', '99999999999', "1' or '1'='1"]) {
        const r = await tech.get(`/api/kb/articles/${encodeURIComponent(id)}`);
        assert.equal(r.statusCode, 400, `${id}: ${r.body}`);
      }
      fails(await tech.post('/api/kb/articles/from-ticket/abc'), 400, 'validation.failed');
      fails(await tech.get(`/api/kb/articles/${articleId}/revisions/x`), 400, 'validation.failed');
      fails(await tech.get(`/api/kb/articles/${articleId}/attachments/x`), 400, 'validation.failed');
      fails(await tech.get('/api/kb/articles?sort=password_hash'), 400, 'validation.failed');
      fails(await tech.get('/api/kb/articles?pageSize=100000'), 400, 'validation.failed');
      fails(await tech.get('/api/kb/articles?status=secret'), 400, 'validation.failed');
      fails(await tech.get('/api/kb/articles?countView=2'), 400, 'validation.failed');
      fails(await tech.get('/api/kb/articles/1?countView=0&x=1'), 400, 'validation.failed');
    });

    it('treats SQL-looking search terms and tags as text', async () => {
      const before = await snapshot();
      for (const q of SQLISH) {
        const list = ok(await tech.get(`/api/kb/articles?q=${encodeURIComponent(q)}`));
        assert.equal(list.total, 0, q);
        assert.equal(ok(await tech.get(`/api/kb/articles?tag=${encodeURIComponent(q)}`)).total, 0, q);
        assert.equal(ok(await staff.get(`/api/kb/articles?q=${encodeURIComponent(q)}`)).total, 0, q);
        assert.equal(ok(await tech.get(`/api/kb/articles?category=${encodeURIComponent(q)}`)).total, 0, q);
      }
      // Stored as written, found as written.
      const a = ok(await tech.post('/api/kb/articles', { title: "O'Brien 的 100% 方案_1", bodyMarkdown: "'; drop table kb_articles; --" }));
      assert.equal(ok(await tech.get(`/api/kb/articles?q=${encodeURIComponent('100%')}`)).items[0].id, a.id);
      assert.equal(ok(await tech.get(`/api/kb/articles?q=${encodeURIComponent('drop table')}`)).items[0].id, a.id);
      ok(await tech.delete(`/api/kb/articles/${a.id}`));
      assert.deepEqual(await snapshot(), before);
    });

    it("another person's draft: staff never see it; other technicians may work on it", async () => {
      fails(await staff.get(`/api/kb/articles/${draftId}`), 404, 'resource.not_found');
      fails(await staff.get(`/api/kb/articles/${draftId}/attachments`), 404, 'resource.not_found');
      fails(await staff.post(`/api/kb/articles/${draftId}/feedback`, { helpful: true }), 404, 'resource.not_found');
      assert.ok(!(ok(await staff.get('/api/kb/articles?pageSize=200')).items as { id: number }[]).some((x) => x.id === draftId));
      // The team shares drafts (one drafts from a ticket, another finishes it).
      ok(await tech2.get(`/api/kb/articles/${draftId}`));
      ok(await tech2.patch(`/api/kb/articles/${draftId}`, { bodyMarkdown: '同事补充' }));
    });

    it('without a session every route answers 401; staff get 403 on writes; a missing CSRF token is refused', async () => {
      const before = await snapshot();
      for (const [method, url, payload] of [...routes, ['GET', '/api/kb/articles', undefined], ['GET', '/api/kb/tags', undefined]] as [
        string,
        string,
        unknown,
      ][]) {
        const res = await t.app.inject({ method: method as 'GET', url, ...(payload !== undefined ? { payload: payload as object } : {}) });
        assert.equal(res.statusCode, 401, `${method} ${url}`);
      }
      for (const [method, url, payload] of routes.filter(([, url]) => !url.endsWith('/feedback'))) {
        const res = await staff.raw({ method: method as 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) });
        assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      }
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: '/api/kb/articles',
        headers: { cookie: tech.cookie },
        payload: { title: '伪造' },
      });
      assert.equal(noCsrf.statusCode, 403);
      assert.deepEqual(await snapshot(), before);
    });

    it('answers 404 for unknown articles and tickets on every route, writing nothing', async () => {
      const before = await snapshot();
      fails(await tech.patch('/api/kb/articles/999999', { title: 'x' }), 404);
      fails(await tech.delete('/api/kb/articles/999999'), 404);
      fails(await tech.get('/api/kb/articles/999999/revisions'), 404);
      fails(await tech.post('/api/kb/articles/999999/revisions/1/restore'), 404);
      fails(await staff.post('/api/kb/articles/999999/feedback', { helpful: true }), 404);
      fails(await tech.post('/api/kb/articles/from-ticket/999999'), 404);
      fails(await staff.get('/api/kb/articles/999999/attachments/1'), 404);
      assert.deepEqual(await snapshot(), before);
    });
  });
}
