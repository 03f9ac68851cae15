// The asset ledger through the real HTTP layer: numbers, custom fields, lifecycle, hand-out and
// return with signatures, maintenance reminders, history, search, bulk changes, permissions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDepartment, createPerson, fails, ok, TINY_PNG } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

const SIGNATURE = `data:image/png;base64,${TINY_PNG.toString('base64')}`;

for (const dialect of dialects()) {
  describe(`asset ledger (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const ids: Record<string, number> = {};
    let pc: { id: number; effectiveFields: { key: string }[] };
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      ids.it = (await createDepartment(admin, { name: '信息中心' })).id;
      ids.finance = (await createDepartment(admin, { name: '财务处' })).id;
      ids.zhang = (await createPerson(admin, { name: '张伟', number: 'T001', departmentId: ids.it })).id;
      ids.li = (await createPerson(admin, { name: '李娜', number: 'T002', departmentId: ids.finance })).id;
      ids.room = ok(await admin.post('/api/locations', { name: '行政楼301', kind: 'room' })).id;
      ids.store = ok(await admin.post('/api/locations', { name: '信息中心库房', kind: 'room' })).id;
    });
    after(() => t.close());

    it('starts with the usual categories and their custom fields', async () => {
      const cats = ok(await admin.get('/api/assets/categories')).items as {
        id: number;
        name: string;
        effectiveFields: { key: string }[];
      }[];
      const names = cats.map((c) => c.name);
      for (const n of ['服务器', '台式机', '笔记本', '打印机', '交换机', 'UPS', '网络硬盘录像机', '门禁设备', '其他'])
        assert.ok(names.includes(n), n);
      pc = cats.find((c) => c.name === '台式机')!;
      assert.ok(pc.effectiveFields.some((f) => f.key === 'memory_gb'));
      // A subcategory inherits its parent's fields.
      const sub = ok(
        await admin.post('/api/assets/categories', {
          name: '图形工作站',
          parentId: pc.id,
          fields: [{ key: 'gpu', label: '显卡', type: 'text' }],
        }),
      );
      assert.deepEqual(
        sub.effectiveFields.map((f: { key: string }) => f.key),
        ['cpu', 'memory_gb', 'disk', 'os', 'gpu'],
      );
      fails(await admin.patch(`/api/assets/categories/${pc.id}`, { parentId: sub.id }), 400, 'assets.category_cycle');
      const dupKey = fails(
        await admin.post('/api/assets/categories', {
          name: 'x',
          fields: [
            { key: 'a', label: 'A', type: 'text' },
            { key: 'a', label: 'B', type: 'select', options: [] },
          ],
        }),
        400,
        'validation.failed',
      );
      const reasons = dupKey.details.map((d) => d.reason);
      assert.ok(reasons.includes('duplicate_key') && reasons.includes('options_required'), reasons.join());
    });

    it('numbers new assets from the pattern and refuses duplicates', async () => {
      const year = new Date().getFullYear();
      const a = ok(
        await admin.post('/api/assets', {
          name: '联想启天台式机',
          categoryId: pc.id,
          priceFen: 560000,
          purchaseDate: '2024-03-15',
          lifeMonths: 60,
        }),
      );
      assert.match(a.number, new RegExp(`^IT-${year}-\\d{5}$`));
      const b = ok(await admin.post('/api/assets', { name: '联想启天台式机', categoryId: pc.id }));
      assert.equal(Number(b.number.slice(-5)), Number(a.number.slice(-5)) + 1);
      assert.equal(a.residualRate, 5, 'category default residual rate');
      assert.ok(a.netValueFen < 560000 && a.netValueFen > 0, String(a.netValueFen));
      fails(await admin.post('/api/assets', { number: a.number, name: '重复', categoryId: pc.id }), 409, 'assets.duplicate_number');
      // A hand-entered number that the sequence would produce next is skipped over, not duplicated.
      const next = `IT-${year}-${String(Number(b.number.slice(-5)) + 1).padStart(5, '0')}`;
      ok(await admin.post('/api/assets', { number: next, name: '手工编号', categoryId: pc.id }));
      const c = ok(await admin.post('/api/assets', { name: '自动编号', categoryId: pc.id }));
      assert.notEqual(c.number, next);
      // Pattern with category code.
      ok(await admin.put('/api/assets/settings', { numberPattern: 'XH-{CAT}-{seq:4}', labelBaseUrl: '' }));
      const d = ok(await admin.post('/api/assets', { name: '编号规则', categoryId: pc.id }));
      assert.equal(d.number, 'XH-PC-0001');
      fails(await admin.put('/api/assets/settings', { numberPattern: 'NOSEQ', labelBaseUrl: '' }), 400, 'validation.failed');
      ok(await admin.put('/api/assets/settings', { numberPattern: 'IT-{YYYY}-{seq:5}', labelBaseUrl: 'https://it.example.edu.cn' }));
    });

    it('validates custom field values on every write', async () => {
      const bad = fails(
        await admin.post('/api/assets', {
          name: '坏字段',
          categoryId: pc.id,
          custom: { memory_gb: 'sixteen', nosuch: 'x', os: ['a', 'b'] },
        }),
        400,
        'assets.invalid_custom_field',
      );
      const got = bad.details.map((d) => `${d.field}:${d.reason}`).sort();
      assert.deepEqual(got, ['custom.memory_gb:not_a_number', 'custom.nosuch:unknown_field', 'custom.os:not_a_single_value']);
      const printer = (ok(await admin.get('/api/assets/categories')).items as { id: number; name: string }[]).find(
        (c) => c.name === '打印机',
      )!;
      fails(
        await admin.post('/api/assets', { name: 'p', categoryId: printer.id, custom: { print_type: '喷墨激光' } }),
        400,
        'assets.invalid_custom_field',
      );
      const p = ok(
        await admin.post('/api/assets', {
          name: '惠普打印机',
          categoryId: printer.id,
          custom: { print_type: '激光', functions: ['双面', '网络'] },
        }),
      );
      assert.deepEqual(p.custom.functions, ['双面', '网络']);
      // Network identity is checked and MACs are stored in one spelling.
      const bad2 = fails(
        await admin.post('/api/assets', { name: 'n', categoryId: pc.id, ip: '300.1.1.1', mac: 'zz-zz' }),
        400,
        'validation.failed',
      );
      assert.deepEqual(bad2.details.map((d) => d.reason).sort(), ['invalid_ip', 'invalid_mac']);
      const n = ok(
        await admin.post('/api/assets', {
          name: '财务服务器',
          categoryId: pc.id,
          ip: '10.0.5.21',
          mac: '00-1a-2b-3c-4d-5e',
          custom: { memory_gb: 16 },
        }),
      );
      assert.equal(n.mac, '00:1A:2B:3C:4D:5E');
      ids.server = n.id;
      // Nothing was written by the refused requests.
      assert.equal(ok(await admin.get('/api/assets?q=坏字段')).total, 0);
    });

    it('allows only the lifecycle transitions that make sense', async () => {
      const a = ok(await admin.post('/api/assets', { name: '旧投影仪', categoryId: pc.id }));
      fails(await admin.post(`/api/assets/${a.id}/status`, { status: 'disposed', reason: '损坏' }), 409, 'assets.invalid_transition');
      fails(await admin.post(`/api/assets/${a.id}/status`, { status: 'retired' }), 400, 'assets.reason_required');
      ok(await admin.post(`/api/assets/${a.id}/status`, { status: 'retired', reason: '超过使用年限' }));
      const disposed = ok(await admin.post(`/api/assets/${a.id}/status`, { status: 'disposed', reason: '已交资产处拍卖' }));
      assert.equal(disposed.status, 'disposed');
      fails(await admin.post(`/api/assets/${a.id}/status`, { status: 'in_stock' }), 409, 'assets.disposed');
      fails(await admin.patch(`/api/assets/${a.id}`, { name: '改名' }), 409, 'assets.disposed');
      // Disposed assets leave the active list but stay searchable.
      const active = ok(await admin.get('/api/assets?pageSize=200')).items.map((x: { id: number }) => x.id);
      assert.ok(!active.includes(a.id));
      assert.equal(ok(await admin.get('/api/assets?q=旧投影')).items[0].id, a.id);
      fails(await admin.post(`/api/assets/${a.id}/status`, { status: 'lost' }), 400, 'validation.failed');
    });

    it('hands out with a signature and takes back, moving status, holder and place', async () => {
      const a = ok(await admin.post('/api/assets', { name: 'ThinkPad X1 笔记本', categoryId: pc.id, locationId: ids.store }));
      const out = ok(
        await admin.post(`/api/assets/${a.id}/handout`, {
          personId: ids.li,
          departmentId: ids.finance,
          locationId: ids.room,
          date: '2026-09-01',
          signerName: '李娜',
          signature: SIGNATURE,
        }),
      );
      assert.equal(out.hasSignature, true);
      assert.equal(out.personName, '李娜');
      const held = ok(await admin.get(`/api/assets/${a.id}`));
      assert.equal(held.status, 'in_use');
      assert.equal(held.holderName, '李娜');
      assert.equal(held.locationName, '行政楼301');
      fails(await admin.post(`/api/assets/${a.id}/handout`, { personId: ids.zhang, date: '2026-09-02' }), 409, 'assets.already_assigned');
      const timeline = ok(await admin.get(`/api/assets/${a.id}/history?limit=1`)).items[0];
      assert.deepEqual([timeline.kind, timeline.summary], ['handout', '李娜']);
      assert.equal(timeline.changes.holderName.to, '李娜');
      const png = await admin.raw({ method: 'GET', url: `/api/assets/assignments/${out.id}/signature` });
      assert.equal(png.statusCode, 200);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.deepEqual(png.rawPayload, TINY_PNG);
      // A forged signature (not a PNG) is refused and nothing changes.
      const b = ok(await admin.post('/api/assets', { name: '备用笔记本', categoryId: pc.id }));
      const forged = `data:image/png;base64,${Buffer.from('<svg onload=alert(1)></svg>'.repeat(4)).toString('base64')}`;
      fails(
        await admin.post(`/api/assets/${b.id}/handout`, { personId: ids.li, date: '2026-09-01', signature: forged }),
        400,
        'assets.signature_invalid',
      );
      assert.equal(ok(await admin.get(`/api/assets/${b.id}`)).status, 'in_stock');
      fails(await admin.post(`/api/assets/${b.id}/handout`, { date: '2026-09-01' }), 400, 'validation.failed');

      const back = ok(
        await admin.post(`/api/assets/${a.id}/return`, { date: '2026-10-08', locationId: ids.store, condition: '外壳有划痕' }),
      );
      assert.equal(back.kind, 'return');
      const returned = ok(await admin.get(`/api/assets/${a.id}`));
      assert.equal(returned.status, 'in_stock');
      assert.equal(returned.holderPersonId, null);
      assert.equal(returned.locationName, '信息中心库房');
      fails(await admin.post(`/api/assets/${a.id}/return`, { date: '2026-10-09' }), 409, 'assets.not_assigned');
      const records = ok(await admin.get(`/api/assets/${a.id}/assignments`)).items;
      assert.deepEqual(
        records.map((r: { kind: string }) => r.kind),
        ['return', 'handout'],
      );
      // The person who holds something cannot be deleted from the directory.
      ids.laptop = a.id;
      const li = fails(await admin.delete(`/api/people/${ids.li}`), 409);
      assert.ok(JSON.stringify(li.details).includes('assetHandouts'));
    });

    it('keeps maintenance records, upgrade history and due reminders', async () => {
      const first = ok(
        await admin.post(`/api/assets/${ids.server}/maintenance`, {
          date: '2026-06-01',
          kind: 'upgrade',
          description: '内存扩容',
          upgradeItem: '内存',
          upgradeFrom: '8G',
          upgradeTo: '16G',
          costFen: 35000,
          nextDue: '2026-07-01',
        }),
      );
      assert.equal(first.followedUp, false);
      let due = ok(await admin.get('/api/assets/maintenance/due?days=30')).items;
      assert.ok(
        due.some((d: { id: number }) => d.id === first.id),
        'overdue reminder listed',
      );
      const second = ok(
        await admin.post(`/api/assets/${ids.server}/maintenance`, {
          date: '2026-07-02',
          kind: 'routine',
          description: '除尘、检查风扇',
          nextDue: '2099-01-01',
        }),
      );
      due = ok(await admin.get('/api/assets/maintenance/due?days=30')).items;
      assert.ok(!due.some((d: { id: number }) => d.id === first.id), 'followed up');
      assert.ok(!due.some((d: { id: number }) => d.id === second.id), 'not due yet');
      const list = ok(await admin.get(`/api/assets/${ids.server}/maintenance`)).items;
      assert.equal(list[0].id, second.id);
      fails(
        await admin.post(`/api/assets/${ids.server}/maintenance`, { date: '2026-13-01', kind: 'repair', description: 'x' }),
        400,
        'validation.failed',
      );
      fails(await admin.patch(`/api/assets/${ids.laptop}/maintenance/${first.id}`, { description: 'x' }), 404, 'resource.not_found');
      ok(await admin.delete(`/api/assets/${ids.server}/maintenance/${second.id}`));
      due = ok(await admin.get('/api/assets/maintenance/due?days=30')).items;
      assert.ok(
        due.some((d: { id: number }) => d.id === first.id),
        'reminder open again',
      );
    });

    it('shows every change on the timeline, newest first, in pages', async () => {
      ok(await admin.patch(`/api/assets/${ids.server}`, { name: '财务数据库服务器', ip: '10.0.5.22' }));
      const page1 = ok(await admin.get(`/api/assets/${ids.server}/history?limit=2`));
      assert.equal(page1.items.length, 2);
      assert.equal(page1.items[0].kind, 'updated');
      assert.deepEqual(page1.items[0].changes.ip, { from: '10.0.5.21', to: '10.0.5.22' });
      const page2 = ok(await admin.get(`/api/assets/${ids.server}/history?limit=50&before=${page1.nextBefore}`));
      const kinds = [...page1.items, ...page2.items].map((h: { kind: string }) => h.kind);
      assert.equal(kinds[kinds.length - 1], 'created');
      assert.ok(kinds.includes('maintenance'));
      const audit = ok(await admin.get(`/api/audit?entityType=asset&entityId=${ids.server}`));
      assert.ok(audit.items.length >= 2);
    });

    it('finds assets by number, name, serial, IP, MAC, person, department and location', async () => {
      const a = ok(
        await admin.post('/api/assets', {
          name: '戴尔 OptiPlex 7090',
          categoryId: pc.id,
          serial: 'SN-7F3K9Q2',
          model: 'OptiPlex 7090',
          holderPersonId: ids.zhang,
          departmentId: ids.it,
          status: 'in_use',
          ip: '192.168.10.77',
          mac: 'AA:BB:CC:00:11:22',
          notes: '位于机房左侧第二排',
        }),
      );
      const finds = async (q: string) =>
        ok(await admin.get(`/api/assets?q=${encodeURIComponent(q)}&pageSize=200`)).items.map((x: { id: number }) => x.id);
      for (const q of [a.number, '7090', 'sn-7f3k', '192.168.10.77', 'aabbcc001122', 'aa:bb:cc', '张伟', '信息中心', '机房', '左侧']) {
        assert.ok((await finds(q)).includes(a.id), `search ${q}`);
      }
      // Filters combine; custom fields filter by value and range.
      const byPerson = ok(await admin.get(`/api/assets?holderPersonId=${ids.zhang}`)).items;
      assert.deepEqual(
        byPerson.map((x: { id: number }) => x.id),
        [a.id],
      );
      const ram = ok(await admin.get(`/api/assets?custom=${encodeURIComponent(JSON.stringify({ memory_gb: { min: 16 } }))}`)).items;
      assert.deepEqual(
        ram.map((x: { id: number }) => x.id),
        [ids.server],
      );
      const printers = ok(await admin.get(`/api/assets?custom=${encodeURIComponent(JSON.stringify({ functions: ['网络'] }))}`)).items;
      assert.equal(printers.length, 1);
      fails(await admin.get('/api/assets?custom=not-json'), 400, 'validation.failed');
      fails(await admin.get(`/api/assets?custom=${encodeURIComponent('{"x; drop table assets":"1"}')}`), 400, 'validation.failed');
      fails(await admin.get('/api/assets?sort=password'), 400);
      // SQL-looking and script text is only ever data.
      const evil = ok(await admin.post('/api/assets', { name: "'); drop table assets; -- <script>alert(1)</script>", categoryId: pc.id }));
      assert.equal(ok(await admin.get(`/api/assets/${evil.id}`)).name, "'); drop table assets; -- <script>alert(1)</script>");
      assert.ok((await finds("'); drop")).includes(evil.id));
      const sorted = ok(await admin.get('/api/assets?sort=name&order=desc&pageSize=5'));
      assert.equal(sorted.items.length, 5);
    });

    it('applies bulk changes all together or not at all', async () => {
      const created = [];
      for (let i = 0; i < 3; i++) created.push(ok(await admin.post('/api/assets', { name: `批量显示器${i}`, categoryId: pc.id })).id);
      const res = ok(await admin.post('/api/assets/bulk', { ids: created, set: { locationId: ids.room, departmentId: ids.finance } }));
      assert.equal(res.updated, 3);
      const moved = ok(await admin.get(`/api/assets?ids=${created.join(',')}`)).items;
      assert.ok(moved.every((m: { locationName: string }) => m.locationName === '行政楼301'));
      // One refusal (a disposed or missing asset) and nothing changes.
      fails(await admin.post('/api/assets/bulk', { ids: [...created, 99999999], set: { locationId: ids.store } }), 404);
      fails(
        await admin.post('/api/assets/bulk', { ids: created, set: { status: 'disposed', reason: 'x' } }),
        409,
        'assets.invalid_transition',
      );
      const still = ok(await admin.get(`/api/assets?ids=${created.join(',')}`)).items;
      assert.ok(still.every((m: { locationName: string; status: string }) => m.locationName === '行政楼301' && m.status === 'in_stock'));
      fails(await admin.post('/api/assets/bulk', { ids: created, set: {} }), 400, 'validation.failed');
    });

    it('lists warranties and service lives ending soon', async () => {
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const a = ok(await admin.post('/api/assets', { name: '保修将到期', categoryId: pc.id, warrantyEnd: soon }));
      const w = ok(await admin.get('/api/assets/expiring?kind=warranty&days=30')).items;
      const hit = w.find((x: { id: number }) => x.id === a.id);
      assert.ok(hit);
      assert.ok(hit.daysLeft >= 9 && hit.daysLeft <= 11);
      assert.equal(
        ok(await admin.get('/api/assets/expiring?kind=warranty&days=5')).items.filter((x: { id: number }) => x.id === a.id).length,
        0,
      );
      fails(await admin.get('/api/assets/expiring?kind=nope'), 400, 'validation.failed');
    });

    it('lets staff see only the assets they hold; labels open a card for anyone signed in', async () => {
      const staff = await userWithRoles(t.app, admin, ['staff'], ids.zhang);
      fails(await staff.get('/api/assets'), 403, 'auth.forbidden');
      const mine = ok(await staff.get('/api/assets/mine')).items;
      assert.ok(mine.length >= 1 && mine.every((m: { holderPersonId: number }) => m.holderPersonId === ids.zhang));
      ok(await staff.get(`/api/assets/${mine[0].id}`));
      fails(await staff.get(`/api/assets/${ids.server}`), 404, 'resource.not_found');
      const server = ok(await admin.get(`/api/assets/${ids.server}`));
      const card = ok(await staff.get(`/api/assets/by-number/${encodeURIComponent(server.number)}`));
      assert.equal(card.name, server.name);
      assert.equal(card.canReadFull, false);
      assert.equal('priceFen' in card, false);
      fails(await staff.post('/api/assets', { name: 'x', categoryId: pc.id }), 403);
      fails(await staff.post(`/api/assets/${mine[0].id}/status`, { status: 'idle' }), 403);
      const auditor = await userWithRoles(t.app, admin, ['auditor']);
      ok(await auditor.get('/api/assets'));
      fails(await auditor.patch(`/api/assets/${ids.server}`, { name: 'x' }), 403);
    });

    it('keeps saved views per user', async () => {
      const tech = await userWithRoles(t.app, admin, ['technician']);
      const v = ok(
        await admin.post('/api/assets/views', {
          name: '财务处电脑',
          config: { columns: ['number', 'name'], query: { departmentId: String(ids.finance) } },
        }),
      );
      fails(
        await admin.post('/api/assets/views', { name: '财务处电脑', config: { columns: [], query: {} } }),
        409,
        'assets.view_name_taken',
      );
      assert.equal(ok(await tech.get('/api/assets/views')).items.length, 0);
      fails(await tech.patch(`/api/assets/views/${v.id}`, { name: '偷改' }), 404);
      fails(await tech.delete(`/api/assets/views/${v.id}`), 404);
      assert.equal(ok(await admin.get('/api/assets/views')).items[0].name, '财务处电脑');
    });

    it('deletes only mistaken entries and guards the directory', async () => {
      const a = ok(await admin.post('/api/assets', { name: '录错了', categoryId: pc.id, locationId: ids.room }));
      const loc = fails(await admin.delete(`/api/locations/${ids.room}`), 409);
      assert.ok(JSON.stringify(loc.details).includes('assets'));
      ok(await admin.delete(`/api/assets/${a.id}`));
      fails(await admin.get(`/api/assets/${a.id}`), 404);
      fails(await admin.delete(`/api/assets/${ids.server}`), 409, 'assets.in_use');
      fails(await admin.delete(`/api/assets/categories/${pc.id}`), 409, 'assets.category_in_use');
    });
  });
}
