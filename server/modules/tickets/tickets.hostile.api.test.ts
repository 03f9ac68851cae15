// Hostile input on every ticket route: malformed JSON, wrong types, unknown fields, oversized
// text, control characters, SQL-looking search terms, script in comments (kept as plain text),
// bad ids and queries, missing CSRF tokens and no session: each gets a clear 4xx with a stable
// code, and no ticket table changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok, TINY_PNG, upload } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

const SQLISH = ["' or 1=1 --", "'; drop table tickets; --", '" union select * from users --', '%', '_', '\\', "打印%' or '1'='1"];
const SCRIPT = '<script>alert(1)</script><img src=x onerror="alert(2)">';

for (const dialect of dialects()) {
  describe(`ticket routes under hostile input (${dialect})`, () => {
    let c: Cast;
    let id: number;
    let repairId: number;
    let writes: [string, string][];

    before(async () => {
      c = await buildCast(dialect);
      id = ok(await c.staff.post('/api/tickets', { title: '正常的报修' })).id;
      repairId = ok(await c.tech.post(`/api/tickets/${id}/repairs`, { sentDate: '2026-12-02' })).repairs[0].id;
      writes = [
        ['POST', '/api/tickets'],
        ['PATCH', `/api/tickets/${id}`],
        ['POST', `/api/tickets/${id}/transition`],
        ['POST', `/api/tickets/${id}/assign`],
        ['POST', `/api/tickets/${id}/comments`],
        ['PUT', `/api/tickets/${id}/assets`],
        ['POST', `/api/tickets/${id}/links`],
        ['POST', `/api/tickets/${id}/repairs`],
        ['PATCH', `/api/tickets/${id}/repairs/${repairId}`],
        ['POST', `/api/tickets/${id}/escalate`],
        ['POST', `/api/tickets/${id}/decision`],
        ['POST', '/api/tickets/bulk/assign'],
        ['POST', '/api/tickets/bulk/close'],
        ['PUT', '/api/tickets/settings'],
      ];
    });
    after(() => c.close());

    it('malformed JSON → 400 request.malformed_json, nothing changes', async () => {
      const before = await ticketTableCounts(c.t);
      for (const [method, url] of writes) {
        const res = await c.admin.raw({
          method: method as 'POST',
          url,
          payload: '{"title": "半截',
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'request.malformed_json');
      }
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });

    it('wrong types and unknown fields → 400 validation.failed naming the field, nothing changes', async () => {
      const before = await ticketTableCounts(c.t);
      for (const [method, url] of writes) {
        const res = await c.admin.raw({ method: method as 'POST', url, payload: { title: 123, ids: 'all', to: 42, hacker: true } });
        assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'validation.failed');
        assert.ok(res.json().error.details.length > 0);
      }
      const cases: [string, string, unknown, string][] = [
        ['POST', '/api/tickets', { title: '' }, 'title'],
        ['POST', '/api/tickets', { title: 'x', priority: 'critical' }, 'priority'],
        ['POST', '/api/tickets', { title: 'x', assetIds: ['1; drop'] }, 'assetIds.0'],
        ['POST', '/api/tickets', { title: 'x', attachmentIds: ['../../etc/passwd'] }, 'attachmentIds.0'],
        ['POST', '/api/tickets', { title: 'x', locationId: -1 }, 'locationId'],
        ['POST', '/api/tickets', { title: '换行\n标题' }, 'title'],
        ['POST', '/api/tickets', { title: 'bell\u0007' }, 'title'],
        ['POST', `/api/tickets/${id}/transition`, { to: 'deleted' }, 'to'],
        ['POST', `/api/tickets/${id}/comments`, { body: '' }, 'body'],
        ['POST', `/api/tickets/${id}/comments`, { body: 'x', minutes: -5 }, 'minutes'],
        ['POST', `/api/tickets/${id}/repairs`, { sentDate: '2026-02-30x' }, 'sentDate'],
        ['POST', `/api/tickets/${id}/repairs`, { sentDate: '2026-12-01', costFen: 1.5 }, 'costFen'],
        ['POST', '/api/tickets/bulk/close', { ids: [] }, 'ids'],
        ['POST', '/api/tickets/bulk/close', { ids: Array.from({ length: 501 }, (_, i) => i + 1) }, 'ids'],
        ['PUT', '/api/tickets/settings', { targets: {}, nearPercent: 10, autoCloseDays: 7, numberPrefix: 'gz1' }, 'numberPrefix'],
      ];
      for (const [method, url, payload, field] of cases) {
        const err = fails(await c.admin.raw({ method: method as 'POST', url, payload: payload as object }), 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.field === field),
          `${method} ${url} ${JSON.stringify(payload).slice(0, 60)} → ${JSON.stringify(err.details)}`,
        );
      }
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });

    it('oversized text is refused, not cut', async () => {
      const before = await ticketTableCounts(c.t);
      fails(await c.staff.post('/api/tickets', { title: '长'.repeat(121) }), 400, 'validation.failed');
      fails(await c.staff.post('/api/tickets', { title: 'x', description: '长'.repeat(10_001) }), 400, 'validation.failed');
      fails(await c.staff.post(`/api/tickets/${id}/comments`, { body: 'x'.repeat(10_001) }), 400, 'validation.failed');
      fails(
        await c.tech.post(`/api/tickets/${id}/transition`, { to: 'resolved', resolution: { solution: 'x'.repeat(5001) } }),
        400,
        'validation.failed',
      );
      const huge = await c.staff.raw({
        method: 'POST',
        url: '/api/tickets',
        payload: { title: 'x', description: 'y'.repeat(2 * 1024 * 1024) },
      });
      assert.equal(huge.statusCode, 413);
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });

    it('script in titles and comments is stored and returned as plain text', async () => {
      const t = ok(await c.staff.post('/api/tickets', { title: SCRIPT, description: SCRIPT }));
      assert.equal(t.title, SCRIPT);
      ok(await c.staff.post(`/api/tickets/${t.id}/comments`, { body: SCRIPT }));
      const res = await c.tech.get(`/api/tickets/${t.id}/timeline`);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.ok(res.json().items.some((e: { body: string }) => e.body === SCRIPT));
      // Notifications carry it as text too (the web and the mail never render it as HTML).
      const inbox = ok(await c.tech.get('/api/notifications')).items as { title: string }[];
      assert.ok(inbox.some((n) => n.title.includes(SCRIPT)));
    });

    it('SQL-looking search terms and filters are only text', async () => {
      const before = await ticketTableCounts(c.t);
      for (const term of SQLISH) {
        const page = ok(await c.tech.get(`/api/tickets?q=${encodeURIComponent(term)}`));
        assert.ok(page.total <= 2, term);
        ok(await c.tech.get(`/api/tickets?category=${encodeURIComponent(term)}`));
        ok(await c.staff.get(`/api/tickets?q=${encodeURIComponent(term)}`));
        ok(await c.tech.get(`/api/tickets/suggest?text=${encodeURIComponent(`${term} 打印机`)}`));
      }
      assert.equal(ok(await c.tech.get(`/api/tickets?q=${encodeURIComponent("' or 1=1 --")}`)).total, 0);
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });

    it('bad ids and queries are 400, unknown ids 404', async () => {
      for (const url of [
        '/api/tickets/abc',
        '/api/tickets/-1',
        '/api/tickets/1.5',
        '/api/tickets/99999999999',
        `/api/tickets/${id}/timeline?before=x`,
      ])
        fails(await c.tech.get(url), 400, 'validation.failed');
      for (const query of [
        'sort=password',
        'view=everything',
        'page=0',
        'pageSize=1000',
        'state=new,deleted',
        'important=yes',
        'createdFrom=yesterday',
        'extra=1',
      ])
        fails(await c.tech.get(`/api/tickets?${query}`), 400, 'validation.failed');
      fails(await c.tech.get('/api/tickets/999999'), 404, 'resource.not_found');
      fails(await c.tech.get(`/api/tickets/suggest?text=${'长'.repeat(2001)}`), 400, 'validation.failed');
      fails(await c.tech.delete(`/api/tickets/${id}/links?ticketId=abc&kind=related`), 400, 'validation.failed');
      fails(await c.tech.get(`/api/tickets/${id}/attachments/abc`), 400, 'validation.failed');
      fails(await c.tech.get(`/api/tickets/${id}/attachments/999999`), 404, 'resource.not_found');
    });

    it('uploads need a multipart file of an allowed kind', async () => {
      fails(await c.staff.post('/api/tickets/uploads', { file: 'not a file' }), 400, 'file.missing');
      fails(await upload(c.staff, '/api/tickets/uploads', { fileName: 'empty.png', data: Buffer.alloc(0) }), 400, 'file.missing');
      fails(
        await upload(c.staff, '/api/tickets/uploads', { fileName: 'page.html', data: Buffer.from('<html><script>alert(1)</script>') }),
        415,
        'file.type_not_allowed',
      );
      const odd = ok(await upload(c.staff, '/api/tickets/uploads', { fileName: '../../../etc/passwd\u0000.png', data: TINY_PNG }));
      assert.equal(odd.fileName, 'passwd_.png');
    });

    it('no session → 401, no CSRF token → 403, nothing changes', async () => {
      const before = await ticketTableCounts(c.t);
      for (const [method, url] of [
        ...writes,
        ['GET', '/api/tickets'],
        ['GET', `/api/tickets/${id}`],
        ['POST', '/api/tickets/uploads'],
      ] as const) {
        const res = await c.app.inject({ method: method as 'POST', url, ...(method === 'GET' ? {} : { payload: {} }) });
        assert.equal(res.statusCode, 401, `${method} ${url}`);
      }
      const noCsrf = await c.app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers: { cookie: c.staff.cookie },
        payload: { title: '伪造请求' },
      });
      fails(noCsrf, 403, 'auth.csrf');
      const crossSite = await c.staff.raw({
        method: 'POST',
        url: '/api/tickets',
        payload: { title: '跨站' },
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      fails(crossSite, 403, 'auth.cross_site');
      assert.deepEqual(await ticketTableCounts(c.t), before);
    });
  });
}
