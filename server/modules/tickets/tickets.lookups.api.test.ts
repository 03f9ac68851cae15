// What the report form looks up: the places anyone signed in may pick (staff cannot read the
// organisation's locations), searched and capped, with no more than a picker needs; and ticket
// and article files through the generic attachments list for those who read every one of them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok, TINY_PNG, upload } from '../../test/fixtures.js';
import { dialects } from '../../test/test-app.js';
import { buildCast, ticketTableCounts, type Cast } from './tickets.fixtures.js';

const SQLISH = ["' or 1=1 --", "'; drop table locations; --", '" union select notes from locations --', '%', '_', '\\'];
const SCRIPT = '<script>alert(1)</script>';

interface Option {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  path: string[];
}

for (const dialect of dialects()) {
  describe(`ticket lookups (${dialect})`, () => {
    let c: Cast;
    let building: number;
    let office: number;
    const places = async (q?: string, client = c.staff) =>
      ok<{ items: Option[]; truncated: boolean }>(
        await client.get(`/api/tickets/locations${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`),
      );
    const locationCount = async () =>
      Number(
        (
          await c.t.connection.db
            .selectFrom('locations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      c = await buildCast(dialect);
      const add = async (body: Record<string, unknown>) => ok(await c.admin.post('/api/locations', body)).id as number;
      building = await add({ name: '行政楼', kind: 'building', code: 'XZL', sortOrder: -1 });
      const floor = await add({ name: '3楼', kind: 'floor', parentId: building });
      office = await add({ name: '302', kind: 'office', parentId: floor, notes: '机密：机房钥匙在抽屉' });
      const lab = await add({ name: '实验楼', kind: 'building', sortOrder: 5 });
      for (let i = 1; i <= 55; i++)
        await add({ name: `实验室${String(i).padStart(2, '0')}`, kind: 'computer_lab', parentId: lab, sortOrder: i });
    });
    after(() => c.close());

    it('staff get the places in tree order with their paths, and nothing a picker does not need', async () => {
      const res = await c.staff.get('/api/tickets/locations?q=' + encodeURIComponent('行政楼'));
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('机密'), 'notes never leave');
      const { items, truncated } = res.json() as { items: Option[]; truncated: boolean };
      assert.equal(truncated, false);
      assert.deepEqual(
        items.map((o) => o.path.join(' / ')),
        ['行政楼', '行政楼 / 3楼', '行政楼 / 3楼 / 302'],
      );
      assert.deepEqual(Object.keys(items[2]!).sort(), ['id', 'kind', 'name', 'parentId', 'path']);
      assert.equal(items[2]!.kind, 'office');
      assert.equal(items[0]!.parentId, null);
      assert.equal(items[2]!.parentId, items[1]!.id);
      // Staff cannot read the directory itself.
      fails(await c.staff.get('/api/locations'), 403, 'auth.forbidden');
    });

    it('every word must match the path or the code; case does not matter', async () => {
      assert.deepEqual(
        (await places('行政楼 302')).items.map((o) => o.id),
        [office],
      );
      assert.deepEqual(
        (await places('xzl')).items.map((o) => o.id),
        [building],
      );
      assert.deepEqual((await places('行政楼 实验')).items, []);
      assert.deepEqual(
        (await places('  教学楼301  ')).items.map((o) => o.id),
        [c.locationId],
      );
    });

    it('the list is capped and says when more matched', async () => {
      const all = await places();
      assert.equal(all.items.length, 50);
      assert.equal(all.truncated, true);
      assert.equal(all.items[0]!.name, '行政楼', 'tree order: sort order first');
      const labs = await places('实验室');
      assert.equal(labs.items.length, 50);
      assert.equal(labs.truncated, true);
      assert.equal(labs.items[0]!.name, '实验室01');
      const few = await places('实验室5');
      assert.deepEqual(
        few.items.map((o) => o.name),
        ['实验室50', '实验室51', '实验室52', '实验室53', '实验室54', '实验室55'],
      );
      assert.equal(few.truncated, false);
    });

    it('a staff report can carry the place picked', async () => {
      const t = ok(await c.staff.post('/api/tickets', { title: '办公室网络断了', locationId: office }));
      assert.equal(t.locationId, office);
      assert.equal(t.locationName, '302');
      // Technicians and everyone signed in get the same list.
      assert.deepEqual(
        (await places('302', c.tech)).items.map((o) => o.id),
        [office],
      );
      assert.deepEqual(
        (await places('302', c.labManager)).items.map((o) => o.id),
        [office],
      );
    });

    it('without a session: 401', async () => {
      const res = await c.app.inject({ method: 'GET', url: '/api/tickets/locations?q=302' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'auth.required');
    });

    it('hostile query strings: refused when malformed, plain text otherwise; nothing changes', async () => {
      const before = { tickets: await ticketTableCounts(c.t), locations: await locationCount() };
      for (const query of [`q=${'长'.repeat(101)}`, 'q=%07bell', 'q=line%0Abreak', 'q=a&q=b', 'q[]=a', 'limit=500', 'q=302&parentId=1'])
        fails(await c.staff.get(`/api/tickets/locations?${query}`), 400, 'validation.failed');
      for (const term of SQLISH) {
        const page = await places(term);
        assert.deepEqual(page.items, [], term);
      }
      const res = await c.staff.get(`/api/tickets/locations?q=${encodeURIComponent(SCRIPT)}`);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.deepEqual(res.json().items, []);
      assert.deepEqual({ tickets: await ticketTableCounts(c.t), locations: await locationCount() }, before);
    });

    it("a ticket's files are in the generic list for those who read every ticket, never for staff", async () => {
      const id = ok(await c.staff.post('/api/tickets', { title: '投影仪无信号' })).id as number;
      const file = ok(await upload(c.tech, `/api/tickets/${id}/attachments`, { fileName: '现场.png', data: TINY_PNG }));
      const list = ok(await c.tech.get(`/api/attachments?entityType=ticket&entityId=${id}`)).items as { id: number }[];
      assert.deepEqual(
        list.map((a) => a.id),
        [file.id],
      );
      fails(await c.staff.get(`/api/attachments?entityType=ticket&entityId=${id}`), 403, 'auth.forbidden');
      // Lab managers read attachments but not tickets.
      fails(await c.labManager.get(`/api/attachments?entityType=ticket&entityId=${id}`), 403, 'auth.forbidden');
      fails(await c.tech.get(`/api/attachments?entityType=tickets&entityId=${id}`), 400, 'validation.failed');
    });

    it("an article's files too: uploaded through the generic route, listed by it for kb:read", async () => {
      const article = ok(await c.tech.post('/api/kb/articles', { title: '打印机卡纸的处理' })).id as number;
      const file = ok(
        await upload(
          c.tech,
          '/api/attachments',
          { fileName: '步骤.png', data: TINY_PNG },
          { entityType: 'kb_article', entityId: String(article) },
        ),
      );
      const list = ok(await c.tech.get(`/api/attachments?entityType=kb_article&entityId=${article}`)).items as { id: number }[];
      assert.deepEqual(
        list.map((a) => a.id),
        [file.id],
      );
      fails(await c.staff.get(`/api/attachments?entityType=kb_article&entityId=${article}`), 403, 'auth.forbidden');
    });
  });
}
