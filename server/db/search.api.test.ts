// Chinese substring search gives the same answer whichever plan serves it: the id list of a
// sparse term, the row-by-row check of a dense one, or a plain scan, on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { normaliseSearch, planSearch } from './dialect.js';
import { buildTestApp, dialects, setupAdmin, type TestApp } from '../test/test-app.js';

const PEOPLE = ['张伟', '张伟明', '王伟', '网络管理员甲', '李网络', '赵敏', 'Zhang Wei', '网络中心王芳', '打印机维护员', "O'Brien_100%"];
const TERMS = ['张伟', '伟', '网络', '网络管理', '络中心', 'zhang', 'ng w', '100%', '_', "o'b", '打印机', '不存在的词'];

for (const dialect of dialects()) {
  describe(`search plans (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
      const admin = await setupAdmin(t.app);
      for (const name of PEOPLE) assert.equal((await admin.post('/api/people', { name })).statusCode, 200);
    });
    after(() => t.close());

    const matching = async (term: string, cap: number) => {
      const plan = await planSearch(t.connection.db, 'people', term, 'people', cap);
      const rows = await t.connection.db.selectFrom('people').select('name').where(plan.condition).orderBy('name').execute();
      return { names: rows.map((r) => r.name), matches: plan.matches };
    };

    it('sparse, dense and scanned plans agree with a plain substring test', async () => {
      for (const term of TERMS) {
        const expected = PEOPLE.filter((p) => normaliseSearch(p).includes(normaliseSearch(term))).sort();
        for (const cap of [2000, 1, 0]) {
          const got = await matching(term, cap);
          assert.deepEqual(got.names, expected, `${term} (cap ${cap})`);
          if (got.matches !== null) assert.equal(got.matches, expected.length, `${term} count (cap ${cap})`);
        }
      }
    });

    it('search index rows follow edits and deletes', async () => {
      const db = t.connection.db;
      const person = await db.selectFrom('people').select('id').where('name', '=', '赵敏').executeTakeFirstOrThrow();
      const grams = async () =>
        (await sql<{ n: number }>`select count(*) as n from people_grams where id = ${person.id}`.execute(db)).rows[0]!.n;
      assert.ok(Number(await grams()) > 0);
      const admin = await (await import('../test/test-app.js')).signIn(t.app, 'admin', 'Sysward-2026-pass');
      await admin.patch(`/api/people/${person.id}`, { name: '赵雪' });
      assert.deepEqual((await matching('赵敏', 2000)).names, []);
      assert.deepEqual((await matching('赵雪', 2000)).names, ['赵雪']);
      await admin.delete(`/api/people/${person.id}`);
      assert.equal(Number(await grams()), 0);
      assert.deepEqual((await matching('赵雪', 2000)).names, []);
    });
  });
}
