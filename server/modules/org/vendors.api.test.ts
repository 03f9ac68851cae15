// The vendor directory through the real HTTP layer: CRUD, Chinese search, kind tags, names unique
// among active vendors, deactivation, the delete guard, the audit trail, and hostile input on
// every route (nothing changes when a request is refused).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import { vendorLookups } from './index.js';

const SQLISH = ["' or 1=1 --", "'; drop table vendors; --", '" union select * from users --', '%', '_', '\\'];

for (const dialect of dialects()) {
  describe(`vendor directory (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const ids: Record<string, number> = {};

    /** Row counts and the newest change: the proof that a refused request changed nothing. */
    const snapshot = async () => {
      const db = t.connection.db;
      const count = async (table: 'vendors' | 'vendor_kinds' | 'vendors_grams' | 'audit_log') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const latest = await db.selectFrom('vendors').select(['id', 'updated_at', 'name', 'active']).orderBy('id').execute();
      return {
        vendors: await count('vendors'),
        kinds: await count('vendor_kinds'),
        grams: await count('vendors_grams'),
        latest: latest.map((r) => ({ ...r, updated_at: Number(r.updated_at) })),
      };
    };

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
    });
    after(() => t.close());

    it('adds vendors with kinds and contact details', async () => {
      const lenovo = ok(
        await admin.post('/api/vendors', {
          name: '联想售后服务中心',
          kinds: ['硬件维修', '耗材', '硬件维修'],
          contact: '王工',
          phone: '400-990-8888 转 2',
          email: 'service@lenovo.example.com',
          address: '北京市海淀区上地西路 6 号',
          website: 'https://support.lenovo.com.cn',
          serviceNotes: '保修热线 400-990-8888，客户编号 LX-2026-0018',
        }),
      );
      assert.deepEqual(lenovo.kinds, ['硬件维修', '耗材']);
      assert.equal(lenovo.active, true);
      ids.lenovo = lenovo.id;
      for (const [key, body] of [
        ['telecom', { name: '中国电信城区分公司', kinds: ['电信运营商', '网络'], contact: '李经理', phone: '10000' }],
        ['h3c', { name: '新华三网络技术', kinds: ['网络'], phone: '+86 (571) 8676 0000' }],
        ['soft', { name: '金山办公软件', kinds: ['软件'] }],
        ['ink', { name: 'Canon 耗材专营', kinds: ['耗材'] }],
      ] as const) {
        ids[key] = ok(await admin.post('/api/vendors', body)).id;
      }
      const one = ok(await admin.get(`/api/vendors/${ids.lenovo}`));
      assert.equal(one.serviceNotes, '保修热线 400-990-8888，客户编号 LX-2026-0018');
      const created = ok(await admin.get(`/api/audit?entityType=vendor&entityId=${ids.lenovo}`)).items;
      assert.equal(created[0].action, 'create');
      assert.equal(created[0].after.name, '联想售后服务中心');
    });

    it('finds vendors by Chinese substrings of 1, 2 and 3+ characters and by kind', async () => {
      const names = async (query: string) =>
        ok(await admin.get(`/api/vendors?${query}`)).items.map((v: { name: string }) => v.name) as string[];
      assert.deepEqual(await names(`q=${encodeURIComponent('电信')}`), ['中国电信城区分公司']);
      assert.deepEqual(await names(`q=${encodeURIComponent('售后服务')}`), ['联想售后服务中心']);
      assert.deepEqual(await names(`q=${encodeURIComponent('想')}`), ['联想售后服务中心']);
      assert.deepEqual(await names(`q=${encodeURIComponent('LX-2026')}`), ['联想售后服务中心']); // service notes
      assert.deepEqual(await names(`q=${encodeURIComponent('李经理')}`), ['中国电信城区分公司']); // contact
      assert.deepEqual(await names(`q=canon`), ['Canon 耗材专营']);
      assert.deepEqual((await names(`kind=${encodeURIComponent('网络')}`)).sort(), ['中国电信城区分公司', '新华三网络技术'].sort());
      assert.deepEqual(await names(`kind=${encodeURIComponent('网络')}&q=${encodeURIComponent('新华')}`), ['新华三网络技术']);
      // Names sort by pinyin.
      assert.deepEqual(await names('sort=name'), [
        'Canon 耗材专营',
        '金山办公软件',
        '联想售后服务中心',
        '新华三网络技术',
        '中国电信城区分公司',
      ]);
      const paged = ok(await admin.get('/api/vendors?sort=name&order=desc&page=2&pageSize=2'));
      assert.equal(paged.total, 5);
      assert.deepEqual(
        paged.items.map((v: { name: string }) => v.name),
        ['联想售后服务中心', '金山办公软件'],
      );
      const kinds = ok(await admin.get('/api/vendors/kinds')).items;
      assert.deepEqual(
        kinds.find((k: { kind: string }) => k.kind === '网络'),
        { kind: '网络', count: 2 },
      );
    });

    it('keeps names unique among active vendors; a deactivated one frees its name', async () => {
      const dup = fails(await admin.post('/api/vendors', { name: '  联想售后服务中心 ' }), 409, 'org.vendor_name_taken');
      assert.equal(dup.details[0]!.field, 'name');
      assert.equal(dup.details[0]!.reason, 'active_name_taken');
      fails(await admin.patch(`/api/vendors/${ids.soft}`, { name: '新华三网络技术' }), 409, 'org.vendor_name_taken');
      // Full-width letters are the same name to a reader.
      fails(await admin.post('/api/vendors', { name: 'ＣＡＮＯＮ 耗材专营' }), 409, 'org.vendor_name_taken');

      const off = ok(await admin.patch(`/api/vendors/${ids.ink}`, { active: false }));
      assert.equal(off.active, false);
      const again = ok(await admin.post('/api/vendors', { name: 'Canon 耗材专营', kinds: ['耗材'] }));
      ids.ink2 = again.id;
      // Reactivating the old one would make two active vendors of one name.
      fails(await admin.patch(`/api/vendors/${ids.ink}`, { active: true }), 409, 'org.vendor_name_taken');
      assert.equal(ok(await admin.get('/api/vendors?active=true')).total, 5);
      assert.equal(ok(await admin.get('/api/vendors?active=false')).total, 1);
      assert.equal(ok(await admin.get('/api/vendors')).total, 6);
    });

    it('edits only the fields a PATCH names and audits the difference', async () => {
      const v = ok(await admin.patch(`/api/vendors/${ids.telecom}`, { contact: '赵经理', kinds: ['电信运营商'] }));
      assert.equal(v.contact, '赵经理');
      assert.equal(v.phone, '10000');
      assert.deepEqual(v.kinds, ['电信运营商']);
      const entry = ok(await admin.get(`/api/audit?entityType=vendor&entityId=${ids.telecom}&action=update`)).items[0];
      assert.deepEqual(entry.before, { contact: '李经理', kinds: ['电信运营商', '网络'] });
      assert.deepEqual(entry.after, { contact: '赵经理', kinds: ['电信运营商'] });
      assert.equal(ok(await admin.get(`/api/vendors?kind=${encodeURIComponent('网络')}`)).total, 1);
      // The search follows the edit.
      assert.equal(ok(await admin.get(`/api/vendors?q=${encodeURIComponent('李经理')}`)).total, 0);
      assert.equal(ok(await admin.get(`/api/vendors?q=${encodeURIComponent('赵经理')}`)).total, 1);
    });

    it('refuses to delete a vendor other records refer to; deletes one nobody uses', async () => {
      // A module that refers to vendors (tickets) declares it; a stand-in table plays that part here.
      await t.connection.db.schema.createTable('vendor_refs_probe').addColumn('vendor_id', 'integer').execute();
      t.ctx.references.declare({ entity: 'vendor', table: 'vendor_refs_probe', column: 'vendor_id', as: 'tickets' });
      const anyDb = t.connection.db as unknown as Kysely<Record<string, { vendor_id: number }>>;
      await anyDb.insertInto('vendor_refs_probe').values({ vendor_id: ids.lenovo! }).execute();
      const before = await snapshot();
      const refused = fails(await admin.delete(`/api/vendors/${ids.lenovo}`), 409, 'org.vendor_in_use');
      assert.deepEqual(refused.details[0]!.params, { tickets: 1 });
      assert.deepEqual(await snapshot(), before);

      ok(await admin.delete(`/api/vendors/${ids.soft}`));
      fails(await admin.get(`/api/vendors/${ids.soft}`), 404, 'resource.not_found');
      assert.equal(ok(await admin.get(`/api/vendors?q=${encodeURIComponent('金山')}`)).total, 0);
      const deleted = ok(await admin.get(`/api/audit?entityType=vendor&entityId=${ids.soft}&action=delete`)).items[0];
      assert.equal(deleted.before.name, '金山办公软件');
      fails(await admin.delete(`/api/vendors/${ids.soft}`), 404, 'resource.not_found');
    });

    it('gives other modules a small summary by id', async () => {
      assert.deepEqual(await vendorLookups.byId(t.connection.db, ids.telecom!), {
        id: ids.telecom,
        name: '中国电信城区分公司',
        contact: '赵经理',
        phone: '10000',
        active: true,
      });
      assert.equal(await vendorLookups.byId(t.connection.db, 999999), null);
      assert.equal((await vendorLookups.names(t.connection.db, [ids.h3c!, ids.h3c!])).get(ids.h3c!), '新华三网络技术');
    });

    it('wrong types, missing fields, unknown fields and bad values → 400 with the field, nothing changes', async () => {
      const before = await snapshot();
      const cases: [string, string, unknown, string, string][] = [
        ['POST', '/api/vendors', {}, 'name', 'invalid_type'],
        ['POST', '/api/vendors', { name: '' }, 'name', 'too_small'],
        ['POST', '/api/vendors', { name: 123 }, 'name', 'invalid_type'],
        ['POST', '/api/vendors', { name: '长'.repeat(101) }, 'name', 'too_big'],
        ['POST', '/api/vendors', { name: '换行\n名称' }, 'name', 'control_characters'],
        ['POST', '/api/vendors', { name: 'x', kinds: '网络' }, 'kinds', 'invalid_type'],
        ['POST', '/api/vendors', { name: 'x', kinds: [''] }, 'kinds.0', 'too_small'],
        ['POST', '/api/vendors', { name: 'x', kinds: Array.from({ length: 11 }, (_, i) => `类${i}`) }, 'kinds', 'too_big'],
        ['POST', '/api/vendors', { name: 'x', phone: 'call me' }, 'phone', 'invalid_vendor_phone'],
        ['POST', '/api/vendors', { name: 'x', email: 'not-an-email' }, 'email', 'invalid_email'],
        ['POST', '/api/vendors', { name: 'x', website: 'javascript:alert(1)' }, 'website', 'invalid_url'],
        ['POST', '/api/vendors', { name: 'x', website: 'ftp://files.example.com' }, 'website', 'invalid_url'],
        ['POST', '/api/vendors', { name: 'x', active: 'yes' }, 'active', 'invalid_type'],
        ['POST', '/api/vendors', { name: 'x', id: 5 }, 'id', 'unrecognized_keys'],
        ['POST', '/api/vendors', { name: 'x', serviceNotes: 'x'.repeat(2001) }, 'serviceNotes', 'too_big'],
        ['PATCH', `/api/vendors/${ids.h3c}`, { name: null }, 'name', 'invalid_type'],
        ['PATCH', `/api/vendors/${ids.h3c}`, { createdAt: 1 }, 'createdAt', 'unrecognized_keys'],
        ['PATCH', `/api/vendors/${ids.h3c}`, { active: 0 }, 'active', 'invalid_type'],
        ['PATCH', '/api/vendors/abc', { name: 'x' }, 'params:id', 'invalid_type'],
        ['DELETE', '/api/vendors/-1', undefined, 'params:id', 'too_small'],
        ['GET', '/api/vendors?active=maybe', undefined, 'querystring:active', 'invalid_value'],
        ['GET', '/api/vendors?pageSize=1000', undefined, 'querystring:pageSize', 'too_big'],
        ['GET', '/api/vendors?sort=password', undefined, 'querystring:sort', 'invalid_value'],
        ['GET', '/api/vendors?q=' + 'x'.repeat(101), undefined, 'querystring:q', 'too_big'],
      ];
      for (const [method, url, body, field, reason] of cases) {
        const res = await admin.raw({ method: method as 'POST', url, ...(body !== undefined ? { payload: body as object } : {}) });
        const err = fails(res, 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.field === field && d.reason === reason),
          `${method} ${url} ${JSON.stringify(body)} → ${JSON.stringify(err.details)}`,
        );
      }
      for (const [method, url] of [
        ['POST', '/api/vendors'],
        ['PATCH', `/api/vendors/${ids.h3c}`],
      ]) {
        const res = await admin.raw({
          method: method as 'POST',
          url,
          payload: '{"name": "半截',
          headers: { 'content-type': 'application/json' },
        });
        fails(res, 400, 'request.malformed_json');
      }
      fails(await admin.patch('/api/vendors/999999', { name: '不存在' }), 404, 'resource.not_found');
      assert.deepEqual(await snapshot(), before);
    });

    it('stores script and SQL-looking text as plain text and searches it safely', async () => {
      const names = ['<script>alert(1)</script>', ...SQLISH.map((s) => `供应商${s}`)];
      for (const name of names) {
        const v = ok(await admin.post('/api/vendors', { name, contact: name, serviceNotes: name, kinds: [name.slice(0, 20)] }));
        assert.equal(v.name, name);
        assert.equal(ok(await admin.get(`/api/vendors/${v.id}`)).serviceNotes, name);
      }
      for (const q of SQLISH) {
        const found = ok(await admin.get(`/api/vendors?q=${encodeURIComponent(q)}`)).items.map((v: { name: string }) => v.name);
        assert.ok(found.includes(`供应商${q}`), `${q} → ${JSON.stringify(found)}`);
        assert.ok(
          found.every((n: string) => n.includes(q)),
          `${q} matched more than it should: ${JSON.stringify(found)}`,
        );
        const byKind = ok(await admin.get(`/api/vendors?kind=${encodeURIComponent(`供应商${q}`.slice(0, 20))}`)).total;
        assert.equal(byKind, 1, q);
      }
      assert.ok(ok(await admin.get('/api/vendors?pageSize=200')).total > 5);
    });

    it('read needs org:read, write needs org:write; unauthenticated and forged requests change nothing', async () => {
      const before = await snapshot();
      const staff = await userWithRoles(t.app, admin, ['staff']);
      const librarian = await userWithRoles(t.app, admin, ['librarian']);
      const auditor = await userWithRoles(t.app, admin, ['auditor']);
      const technician = await userWithRoles(t.app, admin, ['technician']);
      fails(await staff.get('/api/vendors'), 403, 'auth.forbidden');
      fails(await staff.get(`/api/vendors/${ids.h3c}`), 403, 'auth.forbidden');
      for (const reader of [librarian, auditor]) {
        assert.ok(ok(await reader.get('/api/vendors')).total > 0);
        fails(await reader.post('/api/vendors', { name: '越权新增' }), 403, 'auth.forbidden');
        fails(await reader.patch(`/api/vendors/${ids.h3c}`, { name: '越权修改' }), 403, 'auth.forbidden');
        fails(await reader.delete(`/api/vendors/${ids.h3c}`), 403, 'auth.forbidden');
      }
      fails(await t.app.inject({ method: 'GET', url: '/api/vendors' }), 401, 'auth.required');
      fails(await t.app.inject({ method: 'POST', url: '/api/vendors', payload: { name: '匿名' } }), 401, 'auth.required');
      fails(await t.app.inject({ method: 'DELETE', url: `/api/vendors/${ids.h3c}` }), 401, 'auth.required');
      fails(
        await admin.raw({ method: 'POST', url: '/api/vendors', payload: { name: '伪造' }, headers: { 'x-csrf-token': 'forged' } }),
        403,
        'auth.csrf',
      );
      assert.deepEqual(await snapshot(), before);
      // A technician keeps the directory.
      const v = ok(await technician.post('/api/vendors', { name: '技术员添加的厂家' }));
      ok(await technician.patch(`/api/vendors/${v.id}`, { active: false }));
      ok(await technician.delete(`/api/vendors/${v.id}`));
    });
  });
}
