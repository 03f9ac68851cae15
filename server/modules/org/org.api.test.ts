// The organisation directory through the real HTTP layer: CRUD, trees, search, delete rules, audit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dialects, setupAdmin, type Client, type TestApp } from '../../test/test-app.js';

for (const dialect of dialects()) {
  describe(`organisation directory (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const ids: Record<string, number> = {};
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
    });
    after(() => t.close());

    it('builds a department tree with a head person', async () => {
      for (const [key, body] of [
        ['school', { name: '星河实验中学', code: 'XH' }],
        ['it', { name: '网络中心', code: 'XH-IT' }],
        ['net', { name: '网络组' }],
        ['office', { name: '办公室' }],
      ] as const) {
        const parentId = key === 'it' || key === 'office' ? ids.school : key === 'net' ? ids.it : null;
        const res = await admin.post('/api/departments', { ...body, parentId: parentId ?? null });
        assert.equal(res.statusCode, 200, res.body);
        ids[key] = res.json().id;
      }
      const head = (await admin.post('/api/people', { name: '王强', number: 'E001', departmentId: ids.it })).json();
      const dep = await admin.patch(`/api/departments/${ids.it}`, { headPersonId: head.id });
      assert.equal(dep.json().headPersonName, '王强');
      assert.equal(dep.json().parentName, '星河实验中学');
      assert.equal(dep.json().peopleCount, 1);
      const tree = (await admin.get('/api/departments/tree')).json().items;
      assert.equal(tree.length, 4);
      assert.equal((await admin.post('/api/departments', { name: '重复编码', code: 'XH' })).json().error.code, 'org.duplicate_code');
    });

    it('refuses a parent cycle', async () => {
      const res = await admin.patch(`/api/departments/${ids.school}`, { parentId: ids.net });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'org.parent_cycle');
      assert.equal(res.json().error.details[0].field, 'parentId');
      assert.equal((await admin.patch(`/api/departments/${ids.it}`, { parentId: ids.it })).json().error.code, 'org.parent_cycle');
    });

    it('creates people with validation messages per field', async () => {
      const bad = await admin.post('/api/people', { name: '', email: 'not-an-email', phone: 'abc', departmentId: 999999 });
      assert.equal(bad.statusCode, 400);
      const fields = bad.json().error.details.map((d: { field: string; reason: string }) => `${d.field}:${d.reason}`);
      assert.ok(fields.includes('email:invalid_email'), fields.join());
      assert.ok(fields.includes('phone:invalid_phone'), fields.join());
      assert.ok(
        fields.some((f: string) => f.startsWith('name:')),
        fields.join(),
      );
      const noDept = await admin.post('/api/people', { name: '张三', departmentId: 999999 });
      assert.equal(noDept.json().error.details[0].field, 'departmentId');
      const mismatch = await admin.post('/api/people', { name: '学生甲', kind: 'student', status: 'active' });
      assert.equal(mismatch.json().error.code, 'org.status_kind_mismatch');
      const student = await admin.post('/api/people', { name: '学生乙', kind: 'student', number: 'S001' });
      assert.equal(student.json().status, 'studying');
      const dup = await admin.post('/api/people', { name: '重复', number: 'S001' });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'org.duplicate_number');
      for (const [name, number, departmentId] of [
        ['张伟', 'E002', ids.net],
        ['张伟明', 'E003', ids.net],
        ['李网络', 'E004', ids.office],
        ['赵敏', 'E005', ids.office],
      ] as const) {
        const r = await admin.post('/api/people', {
          name,
          number,
          departmentId,
          position: number === 'E002' ? '网络管理员' : '教师',
          email: `${number.toLowerCase()}@example.com`,
        });
        assert.equal(r.statusCode, 200, r.body);
      }
    });

    it('finds people and departments by Chinese substrings of 1, 2 and 3+ characters', async () => {
      const names = async (q: string, extra = '') =>
        (await admin.get(`/api/people?q=${encodeURIComponent(q)}&sort=number${extra}`)).json().items.map((p: { name: string }) => p.name);
      assert.deepEqual(await names('张伟'), ['张伟', '张伟明']);
      assert.deepEqual(await names('伟明'), ['张伟明']);
      assert.deepEqual(await names('网络'), ['张伟', '李网络']); // position 网络管理员 and name 李网络
      assert.deepEqual(await names('网络管理员'), ['张伟']);
      assert.deepEqual(await names('敏'), ['赵敏']);
      assert.deepEqual(await names('E00'), ['王强', '张伟', '张伟明', '李网络', '赵敏']);
      assert.deepEqual(await names('e004@EXAMPLE'), ['李网络']);
      const deps = (await admin.get(`/api/departments?q=${encodeURIComponent('网络')}&sort=name`))
        .json()
        .items.map((d: { name: string }) => d.name);
      assert.deepEqual(deps.sort(), ['网络中心', '网络组'].sort());
      assert.equal((await admin.get(`/api/departments?q=${encodeURIComponent('网络中心')}`)).json().total, 1);
    });

    it('filters by department subtree, status and kind; sorts and pages', async () => {
      const inIt = await admin.get(`/api/people?departmentId=${ids.it}`);
      assert.equal(inIt.json().total, 3); // 王强 in 网络中心, 张伟 and 张伟明 in 网络组 below it
      assert.equal((await admin.get(`/api/people?departmentId=${ids.it}&subtree=false`)).json().total, 1);
      assert.equal((await admin.get('/api/people?kind=student')).json().total, 1);
      assert.equal((await admin.get('/api/people?status=studying')).json().total, 1);
      const page = await admin.get('/api/people?sort=number&order=desc&page=2&pageSize=2');
      assert.deepEqual(
        page.json().items.map((p: { number: string }) => p.number),
        ['E004', 'E003'],
      );
      assert.equal(page.json().total, 6);
      const byDept = await admin.get('/api/people?sort=department&order=asc&pageSize=50');
      assert.equal(byDept.statusCode, 200);
      // Names sort by pinyin, as a Chinese reader expects (not by code point: 张 < 李 < 王 there).
      const byName = await admin.get('/api/people?sort=name&pageSize=50');
      assert.deepEqual(
        byName.json().items.map((p: { name: string }) => p.name),
        ['李网络', '王强', '学生乙', '张伟', '张伟明', '赵敏'],
      );
    });

    it('updates a person and records the change with before and after', async () => {
      const p = (await admin.get(`/api/people?q=${encodeURIComponent('赵敏')}`)).json().items[0];
      const res = await admin.patch(`/api/people/${p.id}`, { phone: '13900001111', status: 'left' });
      assert.equal(res.json().status, 'left');
      const audit = (await admin.get(`/api/audit?entityType=person&entityId=${p.id}`)).json().items;
      const update = audit.find((e: { action: string }) => e.action === 'update');
      assert.deepEqual(update.before, { phone: '', status: 'active' });
      assert.deepEqual(update.after, { phone: '13900001111', status: 'left' });
      assert.equal(update.actorName, '系统管理员');
      // Switching kind moves to that kind's default status.
      assert.equal((await admin.patch(`/api/people/${p.id}`, { kind: 'student' })).json().status, 'studying');
    });

    it('refuses to delete a department or location still in use, with counts', async () => {
      const res = await admin.delete(`/api/departments/${ids.it}`);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'org.department_in_use');
      assert.deepEqual(res.json().error.details[0].params, { people: 1, children: 1 });
      const campus = (await admin.post('/api/locations', { name: '本部校区', kind: 'campus' })).json();
      const building = (await admin.post('/api/locations', { name: '行政楼', kind: 'building', parentId: campus.id })).json();
      const room = (
        await admin.post('/api/locations', { name: '信息中心机房', kind: 'machine_room', parentId: building.id, code: 'JF-01' })
      ).json();
      assert.deepEqual(room.path, ['本部校区', '行政楼', '信息中心机房']);
      const loc = await admin.delete(`/api/locations/${campus.id}`);
      assert.equal(loc.json().error.code, 'org.location_in_use');
      assert.equal((await admin.get(`/api/locations?q=${encodeURIComponent('机房')}`)).json().items[0].id, room.id);
      assert.equal((await admin.get('/api/locations?kind=machine_room')).json().total, 1);
      assert.equal((await admin.patch(`/api/locations/${campus.id}`, { parentId: room.id })).json().error.code, 'org.parent_cycle');
      assert.equal((await admin.delete(`/api/locations/${room.id}`)).statusCode, 200);
      assert.equal((await admin.get(`/api/locations/${room.id}`)).statusCode, 404);
      // A department without people or children goes.
      assert.equal((await admin.delete(`/api/departments/${ids.office}`)).statusCode, 409);
      const empty = (await admin.post('/api/departments', { name: '临时小组' })).json();
      assert.equal((await admin.delete(`/api/departments/${empty.id}`)).statusCode, 200);
      const deleted = (await admin.get(`/api/audit?entityType=department&entityId=${empty.id}&action=delete`)).json().items[0];
      assert.equal(deleted.before.name, '临时小组');
    });

    it('a department head cannot be deleted while heading a department', async () => {
      const head = (await admin.get('/api/people?q=' + encodeURIComponent('王强'))).json().items[0];
      const res = await admin.delete(`/api/people/${head.id}`);
      assert.equal(res.json().error.code, 'org.person_in_use');
      assert.deepEqual(res.json().error.details[0].params, { departmentHeads: 1 });
    });

    it('dictionaries: create, items, system ones protected', async () => {
      const d = await admin.post('/api/dictionaries', { code: 'asset_brand', name: '资产品牌' });
      assert.equal(d.statusCode, 200, d.body);
      const id = d.json().id;
      const withItem = await admin.post(`/api/dictionaries/${id}/items`, { label: '联想' });
      assert.equal(withItem.json().items[0].value, '联想');
      assert.equal((await admin.post(`/api/dictionaries/${id}/items`, { label: '联想' })).json().error.code, 'org.dictionary_duplicate');
      const itemId = withItem.json().items[0].id;
      const renamed = await admin.patch(`/api/dictionaries/${id}/items/${itemId}`, { label: 'Lenovo 联想', enabled: false });
      assert.equal(renamed.json().items[0].enabled, false);
      assert.equal((await admin.post('/api/dictionaries', { code: 'Bad Code', name: 'x' })).statusCode, 400);
      assert.equal((await admin.delete(`/api/dictionaries/${id}/items/${itemId}`)).json().itemCount, 0);
      await t.connection.db.updateTable('dictionaries').set({ system: 1 }).where('id', '=', id).execute();
      assert.equal((await admin.delete(`/api/dictionaries/${id}`)).json().error.code, 'org.dictionary_system');
      const list = (await admin.get('/api/dictionaries')).json().items;
      assert.ok(list.some((x: { code: string }) => x.code === 'asset_brand'));
    });

    it('the audit trail cannot be changed, even from SQL', async () => {
      await assert.rejects(t.connection.db.deleteFrom('audit_log').execute());
      await assert.rejects(t.connection.db.updateTable('audit_log').set({ action: 'x' }).execute());
      const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/audit'));
      assert.deepEqual(
        routes.map((r) => r.method),
        ['GET'],
      );
    });
  });
}
