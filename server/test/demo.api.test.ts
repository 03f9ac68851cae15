// `npm run demo` on each dialect: the seeded organisation is what the API shows, the same on
// every run, and a second run is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoSteps, NOT_EMPTY, seedDemo } from '../../scripts/demo/seed.js';
import { buildTestApp, dialects, setupAdmin, type Client, type TestApp } from './test-app.js';

const q = (s: string) => encodeURIComponent(s);
/** Every person as the API lists them, to compare the dialects (the data must not depend on the database). */
const fingerprints: string[] = [];

for (const dialect of dialects()) {
  describe(`demo data (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let summary: string;
    let failedRun: unknown;
    let afterFailedRun: { people: number; departments: number; locations: number; dictionaries: number };
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      // First a run whose last step fails: nothing of the earlier steps may remain.
      const failing = { name: 'failing', run: async () => Promise.reject(new Error('boom')) };
      failedRun = await seedDemo(t.connection.db, [...demoSteps, failing]).catch((err: unknown) => err);
      const count = async (url: string) => (await admin.get(url)).json().total as number;
      afterFailedRun = {
        people: await count('/api/people?pageSize=1'),
        departments: await count('/api/departments?pageSize=1'),
        locations: await count('/api/locations?pageSize=1'),
        // Modules declare their own dictionaries at start; only the demo's own ones count here.
        dictionaries: ((await admin.get('/api/dictionaries')).json().items as { system: boolean }[]).filter((d) => !d.system).length,
      };
      const started = performance.now();
      summary = await seedDemo(t.connection.db);
      console.log(`${dialect}: ${summary} in ${Math.round(performance.now() - started)} ms`);
    });

    it('writes everything in one transaction: a failing step leaves nothing behind', () => {
      assert.ok(failedRun instanceof Error && /demo step "failing" failed: boom/.test(failedRun.message), String(failedRun));
      assert.deepEqual(afterFailedRun, { people: 0, departments: 0, locations: 0, dictionaries: 0 });
    });
    after(() => t.close());

    it('summarises what it wrote', () => {
      assert.match(summary, /^demo data: 2 organisations, \d+ departments, \d+ people .*\d+ locations/);
    });

    it('has a believable number of employees and students, a few of whom left or graduated', async () => {
      const total = async (query: string) => {
        const res = await admin.get(`/api/people?pageSize=1&${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().total as number;
      };
      const employees = await total('kind=employee');
      const students = await total('kind=student');
      assert.ok(employees >= 60 && employees <= 120, `employees: ${employees}`);
      assert.ok(students >= 100 && students <= 200, `students: ${students}`);
      assert.equal(await total(''), employees + students);
      assert.ok((await total('status=left')) >= 2);
      assert.ok((await total('status=graduated')) >= 2);
    });

    it('finds departments and people with two-character Chinese searches', async () => {
      const deps = await admin.get(`/api/departments?q=${q('信息')}`);
      assert.equal(deps.statusCode, 200, deps.body);
      const centre = deps.json().items.find((d: { name: string }) => d.name === '信息中心');
      assert.ok(centre, deps.body);
      assert.ok(centre.headPersonName, 'the 信息中心 has a head');
      const network = await admin.get(`/api/people?q=${q('网络')}&departmentId=${centre.id}`);
      assert.ok(network.json().total >= 3, network.body);
      assert.ok(network.json().items.every((p: { email: string }) => p.email.endsWith('@example.edu.cn')));
    });

    it('sets department heads, including each class teacher', async () => {
      const res = await admin.get(`/api/departments?q=${q('高一')}&pageSize=50`);
      const classes = res.json().items.filter((d: { name: string }) => /^高一\(\d\)班$/.test(d.name));
      assert.ok(classes.length >= 2, res.body);
      for (const c of classes) assert.ok(c.headPersonId, `${c.name} has a 班主任`);
    });

    it('has a location tree with a machine room and computer labs under buildings', async () => {
      const res = await admin.get('/api/locations/tree');
      assert.equal(res.statusCode, 200, res.body);
      const items: { id: number; name: string; parentId: number | null; kind: string }[] = res.json().items;
      const machineRoom = items.find((l) => l.kind === 'machine_room' && l.name === '信息中心机房');
      assert.ok(machineRoom);
      assert.equal(items.filter((l) => l.kind === 'computer_lab' && l.name.startsWith('计算机教室')).length, 2);
      const detail = (await admin.get(`/api/locations/${machineRoom.id}`)).json();
      assert.deepEqual(detail.path, ['星河实验中学本部校区', '行政楼', '3楼', '信息中心机房']);
    });

    it('adds user-defined dictionaries with items', async () => {
      const res = await admin.get('/api/dictionaries');
      const brands = res.json().items.find((d: { code: string }) => d.code === 'hardware_brand');
      assert.ok(brands, res.body);
      assert.equal(brands.system, false);
      assert.ok(brands.items.some((i: { label: string }) => i.label === '联想'));
    });

    it('produces the same people on every run', async () => {
      const res = await admin.get('/api/people?pageSize=200&sort=number');
      const res2 = await admin.get('/api/people?pageSize=200&sort=number&page=2');
      const rows = [...res.json().items, ...res2.json().items].map((p) =>
        [p.number, p.name, p.phone, p.email, p.departmentName, p.position, p.status].join('|'),
      );
      fingerprints.push(rows.join('\n'));
      if (fingerprints.length > 1) assert.equal(fingerprints.at(-1), fingerprints[0]);
    });

    it('refuses a second run and leaves the data as it was', async () => {
      const before = (await admin.get('/api/people?pageSize=1')).json().total;
      await assert.rejects(seedDemo(t.connection.db), (err: Error) => err.message === NOT_EMPTY);
      assert.equal((await admin.get('/api/people?pageSize=1')).json().total, before);
    });
  });
}
