// The spreadsheet round trip through the real HTTP layer: uploads as real browsers send them
// (multipart, GBK CSV from Excel in China, UTF-8 with and without BOM, XLSX), preview without
// writing, all-or-nothing commit, error reports, exports, and the ways an upload is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import {
  OLE_XLS,
  TINY_PNG,
  allPeople,
  createDepartment,
  createPerson,
  csvRows,
  fails,
  gbkCsv,
  ok,
  parseNdjson,
  peopleTotal,
  randomBinary,
  upload,
  utf8Csv,
  xlsxOf,
  xlsxRows,
} from '../../test/fixtures.js';

const HEADER = ['姓名', '工号', '部门', '手机', '邮箱', '职务', '状态'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows padded to the header's width, the way Excel writes a title row and a blank row. */
const pad = (cells: string[]) => [...cells, ...Array<string>(HEADER.length - cells.length).fill('')].slice(0, HEADER.length);
const sheet = (title: string, rows: string[][]) => [pad([title]), pad([]), HEADER, ...rows.map(pad)];

function importPeople(client: Client, fileName: string, data: Buffer) {
  return upload(client, '/api/people/import', { fileName, data, contentType: fileName.endsWith('.xlsx') ? XLSX_MIME : 'text/csv' });
}
function importDepartments(client: Client, fileName: string, data: Buffer) {
  return upload(client, '/api/departments/import', { fileName, data, contentType: 'text/csv' });
}
const commit = (client: Client, id: string, headers: Record<string, string> = {}) =>
  client.post(`/api/imports/${id}/commit`, undefined, headers);

async function auditCount(client: Client, query = ''): Promise<number> {
  return ok(await client.get(`/api/audit?pageSize=1${query}`)).total;
}

async function departmentsByName(client: Client): Promise<Map<string, { id: number; parentId: number | null; code: string | null }>> {
  const tree = ok(await client.get('/api/departments/tree')).items as {
    id: number;
    name: string;
    parentId: number | null;
    code: string | null;
  }[];
  return new Map(tree.map((d) => [d.name, d]));
}

for (const dialect of dialects()) {
  describe(`imports and exports (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let info: { id: number };
    let jw: { id: number };

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      info = await createDepartment(admin, { name: '信息中心', code: 'XX' });
      jw = await createDepartment(admin, { name: '教务处', code: 'JW' });
    });
    after(() => t.close());

    it('GBK CSV from Excel: preview finds the header, maps columns, reports every bad row, writes nothing', async () => {
      const before = await peopleTotal(admin);
      const auditBefore = await auditCount(admin);
      const file = gbkCsv(
        sheet('信息中心人员名单（2026年）', [
          ['张伟', 'G001', '信息中心', '13800138000', 'zw@example.com', '网络管理员', '在职'],
          ['李娜', 'G002', '教务处', '13800138001', 'bad-email', '教师', '在职'],
          ['王芳', 'G003', '不存在的部门', '', '', '', ''],
          ['赵磊', 'G001', '教务处', '', '', '', '在职'],
          ['', 'G004', '信息中心', '', '', '', ''],
          ['刘洋', 'G005', '教务处', '', '', '会计', '离职'],
        ]),
      );
      // The bytes really are GBK: as UTF-8 they are not even valid.
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(file));

      const p = ok(await importPeople(admin, '人员名单.csv', file));
      assert.equal(p.kind, 'people');
      assert.equal(p.fileName, '人员名单.csv');
      assert.equal(p.status, 'preview');
      assert.equal(p.encoding, 'gb18030');
      assert.equal(p.headerRow, 3);
      assert.deepEqual(p.columns, [
        { index: 0, header: '姓名', field: 'name' },
        { index: 1, header: '工号', field: 'number' },
        { index: 2, header: '部门', field: 'department' },
        { index: 3, header: '手机', field: 'phone' },
        { index: 4, header: '邮箱', field: 'email' },
        { index: 5, header: '职务', field: 'position' },
        { index: 6, header: '状态', field: 'status' },
      ]);
      assert.equal(p.totalRows, 6);
      assert.equal(p.validRows, 2);
      assert.equal(p.creates, 2);
      assert.equal(p.updates, 0);
      assert.equal(p.errorCount, 4);
      const byRow = new Map<number, { field: string | null; reason: string; value?: string }>(
        p.errors.map((e: { row: number }) => [e.row, e]),
      );
      assert.deepEqual([...byRow.keys()].sort(), [5, 6, 7, 8]);
      assert.deepEqual(byRow.get(5), { row: 5, field: 'email', reason: 'invalid_email', value: 'bad-email' });
      assert.deepEqual(byRow.get(6), { row: 6, field: 'department', reason: 'not_found', value: '不存在的部门' });
      assert.deepEqual(byRow.get(7), { row: 7, field: 'number', reason: 'duplicate_in_file', value: 'G001' });
      assert.equal(byRow.get(8)?.field, 'name');
      assert.equal(byRow.get(8)?.reason, 'required');
      // The sample shows the rows as they will be written, Chinese intact.
      assert.equal(p.sample[0].name, '张伟');
      assert.equal(p.sample[0].department, '信息中心', 'the department as written, not an id');
      assert.equal(p.sample[0].status, '在职');
      assert.equal(p.sample[0].action, 'create');

      // Nothing is written before commit: no people, no audit entries.
      assert.equal(await peopleTotal(admin), before);
      assert.equal(await auditCount(admin), auditBefore);
      const again = ok(await admin.get(`/api/imports/${p.id}`));
      assert.equal(again.status, 'preview');
      assert.equal(again.errorCount, 4);

      // A commit with errors is refused, and still writes nothing.
      const refused = fails(await commit(admin, p.id), 409, 'import.has_errors');
      assert.ok(refused.details.length >= 4, JSON.stringify(refused.details));
      assert.equal(await peopleTotal(admin), before);
      assert.equal(ok(await admin.get(`/api/imports/${p.id}`)).status, 'preview');

      // The error report, XLSX: only the bad rows, their row number, the file's columns and 错误.
      const x = await admin.get(`/api/imports/${p.id}/errors?format=xlsx`);
      assert.equal(x.statusCode, 200, x.body);
      assert.equal(x.headers['content-type'], XLSX_MIME);
      assert.match(String(x.headers['content-disposition']), /^attachment;/);
      const rows = await xlsxRows(x.rawPayload);
      assert.deepEqual(rows[0], ['行号', ...HEADER, '错误']);
      assert.deepEqual(
        rows.slice(1).map((r) => r[0]),
        ['5', '6', '7', '8'],
      );
      const errorOf = (row: string) => rows.find((r) => r[0] === row)!.at(-1)!;
      assert.match(errorOf('5'), /邮箱.*邮箱格式不正确.*bad-email/);
      assert.match(errorOf('6'), /部门.*找不到/);
      assert.match(errorOf('7'), /工号.*重复/);
      assert.match(errorOf('8'), /姓名.*必填/);
      assert.equal(rows.find((r) => r[0] === '6')![1], '王芳');

      // CSV and English: UTF-8 with BOM, same rows.
      const c = await admin.get(`/api/imports/${p.id}/errors?format=csv&lang=en`);
      assert.equal(c.statusCode, 200, c.body);
      assert.match(String(c.headers['content-type']), /^text\/csv/);
      assert.deepEqual([...c.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const crows = csvRows(c.rawPayload);
      assert.equal(crows[0]!.at(-1), '错误');
      assert.equal(crows.length, 5);
      assert.match(c.rawPayload.toString('utf8'), /not a valid email address/);

      // Discarding it: gone for good.
      ok(await admin.delete(`/api/imports/${p.id}`));
      fails(await admin.get(`/api/imports/${p.id}`), 404, 'import.not_found');
      fails(await commit(admin, p.id), 404, 'import.not_found');
    });

    it('UTF-8 with BOM: a clean file commits every row (JSON answer); a second commit is refused', async () => {
      const before = await peopleTotal(admin);
      const file = utf8Csv(
        [
          HEADER,
          ['陈静', 'B001', '信息中心', '13900000001', 'cj@example.com', '网络管理员', '在职'],
          ['孙丽', 'B002', 'JW', '13900000002', '', '教师', '离职'],
          ['周杰', 'B003', '', '', 'zj@example.com', '', ''],
        ],
        true,
      );
      const p = ok(await importPeople(admin, 'people.csv', file));
      assert.equal(p.encoding, 'utf-8-bom');
      assert.equal(p.headerRow, 1);
      assert.deepEqual([p.totalRows, p.validRows, p.creates, p.updates, p.errorCount], [3, 3, 3, 0, 0]);
      assert.equal(await peopleTotal(admin), before);

      assert.deepEqual(ok(await commit(admin, p.id)), { created: 3, updated: 0 });
      assert.equal(await peopleTotal(admin), before + 3);
      assert.equal(ok(await admin.get(`/api/imports/${p.id}`)).status, 'committed');
      const people = ok(await admin.get('/api/people?q=B00&pageSize=50&sort=number')).items;
      const byNumber = new Map(people.map((x: { number: string }) => [x.number, x]));
      assert.deepEqual(
        (({ name, departmentId, phone, email, position, status, kind }) => ({ name, departmentId, phone, email, position, status, kind }))(
          byNumber.get('B001') as never,
        ),
        {
          name: '陈静',
          departmentId: info.id,
          phone: '13900000001',
          email: 'cj@example.com',
          position: '网络管理员',
          status: 'active',
          kind: 'employee',
        },
      );
      assert.equal((byNumber.get('B002') as { departmentId: number }).departmentId, jw.id, 'a department given by its code');
      assert.equal((byNumber.get('B002') as { status: string }).status, 'left');
      assert.equal((byNumber.get('B003') as { departmentId: number | null }).departmentId, null);

      // Replay: the job is done, nothing is imported twice.
      fails(await commit(admin, p.id), 409, 'import.already_done');
      assert.equal(await peopleTotal(admin), before + 3);
      // The import itself is in the audit trail, with the counts.
      const audit = ok(await admin.get(`/api/audit?action=import&entityId=${p.id}`));
      assert.equal(audit.total, 1);
      assert.equal(audit.items[0].after.created, 3);
      // A committed import can no longer be discarded.
      ok(await admin.delete(`/api/imports/${p.id}`));
      assert.equal(ok(await admin.get(`/api/imports/${p.id}`)).status, 'committed');
    });

    it('UTF-8 without BOM: the streamed commit sends progress lines, then one done line', async () => {
      const before = await peopleTotal(admin);
      const rows = Array.from({ length: 250 }, (_, i) => [`学生${i}`, `S${String(i).padStart(4, '0')}`, '教务处', '', '', '', '']);
      const p = ok(await importPeople(admin, 'students.csv', utf8Csv([HEADER, ...rows], false)));
      assert.equal(p.encoding, 'utf-8');
      assert.deepEqual([p.totalRows, p.creates, p.errorCount], [250, 250, 0]);
      assert.equal(p.sample.length, 20);

      const res = await commit(admin, p.id, { accept: 'application/x-ndjson' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/x-ndjson/);
      const lines = parseNdjson(res.body);
      const progress = lines.filter((l) => l.type === 'progress');
      assert.ok(progress.length >= 2, res.body);
      assert.deepEqual(lines.at(-1), { type: 'done', created: 250, updated: 0 });
      assert.equal(lines.filter((l) => l.type === 'done').length, 1);
      assert.ok(
        lines.slice(0, -1).every((l) => l.type === 'progress'),
        res.body,
      );
      for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.done > progress[i - 1]!.done);
      assert.deepEqual(progress.at(-1), { type: 'progress', done: 250, total: 250 });
      assert.equal(await peopleTotal(admin), before + 250);

      // A streamed replay reports the error in-band.
      const replay = parseNdjson((await commit(admin, p.id, { accept: 'application/x-ndjson' })).body);
      assert.equal(replay.length, 1);
      assert.equal(replay[0]!.type, 'error');
      assert.equal(replay[0]!.error.code, 'import.already_done');
      assert.equal(await peopleTotal(admin), before + 250);
    });

    it('XLSX with a title row: upsert by number updates existing people and creates new ones', async () => {
      const existing = await createPerson(admin, { name: '吴敏', number: 'X001', phone: '13000000000', departmentId: jw.id });
      const before = await peopleTotal(admin);
      const file = await xlsxOf([
        ['人员花名册'],
        [],
        HEADER,
        ['吴敏', 'X001', '信息中心', 13811112222, 'wm@example.com', '主任', '在职'],
        ['郑强', 'X002', '信息中心', '', '', '', ''],
      ]);
      const p = ok(await importPeople(admin, '花名册.xlsx', file));
      assert.equal(p.encoding, null);
      assert.equal(p.headerRow, 3);
      assert.deepEqual([p.totalRows, p.creates, p.updates, p.errorCount], [2, 1, 1, 0]);
      assert.equal(p.sample[0].action, 'update');
      assert.deepEqual(ok(await commit(admin, p.id)), { created: 1, updated: 1 });
      assert.equal(await peopleTotal(admin), before + 1);
      const updated = ok(await admin.get(`/api/people/${existing.id}`));
      assert.equal(updated.phone, '13811112222', 'a phone typed as a number comes back as digits');
      assert.equal(updated.departmentId, info.id);
      assert.equal(updated.email, 'wm@example.com');
      assert.equal(updated.position, '主任');
      // The update is audited as a diff of the person.
      const audit = ok(await admin.get(`/api/audit?entityType=person&entityId=${existing.id}&action=update`));
      assert.equal(audit.total, 1);
      assert.equal(audit.items[0].after.phone, '13811112222');
    });

    it('an update touches only the columns the file has; kind and status left blank keep theirs', async () => {
      const dep = await createDepartment(admin, { name: '科室一', code: 'KS1' });
      const a = await createPerson(admin, {
        name: '六六',
        number: 'U001',
        email: 'u1@example.com',
        departmentId: dep.id,
        position: '主任',
        notes: '老员工',
        phone: '1' + '3'.repeat(10),
      });
      const b = await createPerson(admin, { name: '九九', number: 'U002', kind: 'student', departmentId: dep.id });
      const file = utf8Csv(
        [
          ['工号', '姓名', '手机', '状态'],
          ['U001', '六六', '13912345678', ''],
          ['U002', '九九', '', '毕业'],
        ],
        true,
      );
      const p = ok(await importPeople(admin, 'phones.csv', file));
      assert.deepEqual(p.errors, [], 'a student may graduate without the file naming the kind');
      assert.deepEqual([p.creates, p.updates], [0, 2]);
      assert.deepEqual(ok(await commit(admin, p.id)), { created: 0, updated: 2 });
      const pa = ok(await admin.get(`/api/people/${a.id}`));
      assert.deepEqual(
        [pa.phone, pa.email, pa.departmentId, pa.position, pa.notes, pa.kind, pa.status],
        ['13912345678', 'u1@example.com', dep.id, '主任', '老员工', 'employee', 'active'],
      );
      const pb = ok(await admin.get(`/api/people/${b.id}`));
      assert.deepEqual([pb.kind, pb.status, pb.departmentId, pb.phone], ['student', 'graduated', dep.id, '']);
      // A status that does not fit the person's kind is still a row error, named at its row.
      const bad = ok(
        await importPeople(
          admin,
          'bad.csv',
          utf8Csv(
            [
              ['工号', '姓名', '状态'],
              ['U002', '九九', '离职'],
            ],
            true,
          ),
        ),
      );
      assert.deepEqual(
        bad.errors.map((e: { row: number; field: string; reason: string }) => [e.row, e.field, e.reason]),
        [[2, 'status', 'status_kind_mismatch']],
      );

      // Departments: renaming by code keeps the parent, head and order when those columns are absent.
      const parent = await createDepartment(admin, { name: '上级一', code: 'SJ1' });
      const child = ok(
        await admin.post('/api/departments', {
          name: '下级一',
          code: 'XJ1',
          parentId: parent.id,
          headPersonId: a.id,
          sortOrder: 7,
          notes: '备注',
        }),
      );
      const d = ok(
        await importDepartments(
          admin,
          'rename.csv',
          utf8Csv(
            [
              ['部门编码', '部门名称'],
              ['XJ1', '下级一（改名）'],
            ],
            true,
          ),
        ),
      );
      assert.deepEqual([d.creates, d.updates, d.errorCount], [0, 1, 0]);
      ok(await commit(admin, d.id));
      const after = ok(await admin.get(`/api/departments/${child.id}`));
      assert.deepEqual(
        [after.name, after.parentId, after.headPersonId, after.sortOrder, after.notes],
        ['下级一（改名）', parent.id, a.id, 7, '备注'],
      );
    });

    it('two commits of the same import at once: one writes, the other is told it is done', async () => {
      const before = await peopleTotal(admin);
      const rows = Array.from({ length: 40 }, (_, i) => [`并发${i}`, `C${i}`, '', '', '', '', '']);
      const p = ok(await importPeople(admin, 'twice.csv', utf8Csv([HEADER, ...rows], true)));
      const [r1, r2] = await Promise.all([commit(admin, p.id), commit(admin, p.id)]);
      const codes = [r1, r2].map((r) => (r.statusCode === 200 ? 'ok' : r.json().error.code)).sort();
      assert.deepEqual(codes, ['import.already_done', 'ok'], `${r1.body} ${r2.body}`);
      assert.equal(await peopleTotal(admin), before + 40);
    });

    it("another user's import is not found; a user without org:write cannot import", async () => {
      const tech = await userWithRoles(t.app, admin, ['technician']);
      const p = ok(await importPeople(tech, 'mine.csv', utf8Csv([HEADER, ['七七', 'Q001', '', '', '', '', '']], true)));
      ok(await tech.get(`/api/imports/${p.id}`));
      fails(await admin.get(`/api/imports/${p.id}`), 404, 'import.not_found');
      fails(await commit(admin, p.id), 404, 'import.not_found');
      fails(await admin.get(`/api/imports/${p.id}/errors`), 404, 'import.not_found');
      fails(await admin.delete(`/api/imports/${p.id}`), 404, 'import.not_found');
      // Still there for its owner.
      assert.equal(ok(await tech.get(`/api/imports/${p.id}`)).status, 'preview');
      fails(await admin.get('/api/imports/not-a-uuid'), 400, 'validation.failed');

      const staff = await userWithRoles(t.app, admin, ['staff']);
      const before = await peopleTotal(admin);
      fails(await importPeople(staff, 'x.csv', utf8Csv([HEADER, ['八八', 'Q002', '', '', '', '', '']], true)), 403, 'auth.forbidden');
      fails(await importDepartments(staff, 'x.csv', utf8Csv([['部门名称'], ['某部门']], true)), 403, 'auth.forbidden');
      fails(await staff.get('/api/people/export?format=csv'), 403, 'auth.forbidden');
      // The job id of someone else is no key to a commit either.
      fails(await commit(staff, p.id), 404, 'import.not_found');
      assert.equal(await peopleTotal(admin), before);
    });

    it('departments: parents defined earlier in the same file, or already in the database', async () => {
      const file = utf8Csv(
        [
          ['部门名称', '部门编码', '上级部门', '排序'],
          ['总务处', 'ZW', '', '1'],
          ['后勤科', 'ZW-HQ', '总务处', '2'],
          ['财务组', 'ZW-HQ-CW', '后勤科', '3'],
          ['网络组', 'XX-WL', '信息中心', '4'],
          ['办公室', 'BGS', '校长室', ''],
          ['校长室', 'XZS', '', ''],
        ],
        true,
      );
      const p = ok(await importDepartments(admin, 'departments.csv', file));
      assert.equal(p.kind, 'departments');
      // A parent that only comes later in the file is not known yet.
      assert.deepEqual(
        p.errors.map((e: { row: number; field: string; reason: string }) => [e.row, e.field, e.reason]),
        [[6, 'parent', 'not_found']],
      );
      ok(await admin.delete(`/api/imports/${p.id}`));

      const clean = utf8Csv(
        [
          ['部门名称', '部门编码', '上级部门', '排序'],
          ['总务处', 'ZW', '', '1'],
          ['后勤科', 'ZW-HQ', '总务处', '2'],
          ['财务组', 'ZW-HQ-CW', '后勤科', '3'],
          ['网络组', 'XX-WL', '信息中心', '4'],
        ],
        true,
      );
      const q = ok(await importDepartments(admin, 'departments.csv', clean));
      assert.deepEqual([q.creates, q.updates, q.errorCount], [4, 0, 0]);
      assert.deepEqual(ok(await commit(admin, q.id)), { created: 4, updated: 0 });
      const deps = await departmentsByName(admin);
      assert.equal(deps.get('总务处')!.parentId, null);
      assert.equal(deps.get('后勤科')!.parentId, deps.get('总务处')!.id);
      assert.equal(deps.get('财务组')!.parentId, deps.get('后勤科')!.id);
      assert.equal(deps.get('网络组')!.parentId, info.id);
      // A person can now be imported into the new department by its full path.
      const r = ok(await importPeople(admin, 'p.csv', utf8Csv([HEADER, ['一一', 'D001', '总务处/后勤科/财务组', '', '', '', '']], true)));
      assert.equal(r.errorCount, 0);
      assert.equal(r.sample[0].department, '总务处/后勤科/财务组');
      ok(await commit(admin, r.id));
      const person = ok(await admin.get('/api/people?q=D001')).items[0];
      assert.equal(person.departmentId, deps.get('财务组')!.id);
    });

    it('all or nothing: a department removed between preview and commit fails the whole file', async () => {
      const temp = await createDepartment(admin, { name: '临时组', code: 'TMP' });
      const before = await peopleTotal(admin);
      const p = ok(
        await importPeople(
          admin,
          'p.csv',
          utf8Csv(
            [
              HEADER,
              ['甲一', 'A901', '信息中心', '', '', '', ''],
              ['甲二', 'A902', '临时组', '', '', '', ''],
              ['甲三', 'A903', '教务处', '', '', '', ''],
            ],
            true,
          ),
        ),
      );
      assert.equal(p.errorCount, 0);
      ok(await admin.delete(`/api/departments/${temp.id}`));
      const err = fails(await commit(admin, p.id), 409, 'import.has_errors');
      assert.deepEqual(err.details[0], { field: 'department', reason: 'not_found', params: { row: 3 } });
      assert.equal(await peopleTotal(admin), before);
      assert.equal(ok(await admin.get('/api/people?q=A90')).total, 0);
    });

    it('all or nothing: a row failing while rows before it were already written leaves no trace', async () => {
      // 信息中心/网络组 exists as the child of 信息中心: making 信息中心 a child of 网络组 is a cycle,
      // which only the write of that row discovers, after the rows above it were inserted.
      const auditBefore = await auditCount(admin);
      const deps = await departmentsByName(admin);
      assert.equal(deps.get('网络组')!.parentId, info.id);
      const file = utf8Csv(
        [
          ['部门名称', '部门编码', '上级部门'],
          ['新部门一', 'NEW-1', ''],
          ['新部门二', 'NEW-2', '新部门一'],
          ['信息中心', 'XX', 'XX-WL'],
        ],
        true,
      );
      const p = ok(await importDepartments(admin, 'cycle.csv', file));
      assert.deepEqual([p.creates, p.updates, p.errorCount], [2, 1, 0]);
      const res = await commit(admin, p.id);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
      assert.equal(res.json().error.code, 'org.parent_cycle');
      const afterDeps = await departmentsByName(admin);
      assert.equal(afterDeps.has('新部门一'), false);
      assert.equal(afterDeps.has('新部门二'), false);
      assert.equal(afterDeps.get('信息中心')!.parentId, null);
      assert.equal(await auditCount(admin), auditBefore, 'not even an audit entry survives');
      assert.equal(ok(await admin.get(`/api/imports/${p.id}`)).status, 'preview');
      // The streamed commit fails the same way, in-band.
      const lines = parseNdjson((await commit(admin, p.id, { accept: 'application/x-ndjson' })).body);
      assert.equal(lines.at(-1)!.type, 'error');
      assert.equal(lines.at(-1)!.error.code, 'org.parent_cycle');
      assert.equal((await departmentsByName(admin)).has('新部门一'), false);
    });

    if (dialect === 'postgres') {
      it('all or nothing: a number another user creates during the commit rolls the whole file back', async () => {
        const before = await peopleTotal(admin);
        const p = ok(
          await importPeople(
            admin,
            'race.csv',
            utf8Csv(
              [HEADER, ['乙一', 'R001', '', '', '', '', ''], ['乙二', 'R002', '', '', '', '', ''], ['乙三', 'R003', '', '', '', '', '']],
              true,
            ),
          ),
        );
        assert.equal(p.creates, 3);
        // Someone else inserts R003 and has not committed yet when our commit reaches that row.
        const url = (t.config.database as { url: string }).url;
        const other = new pg.Client({ connectionString: url });
        await other.connect();
        try {
          await other.query('begin');
          await other.query(
            `insert into people (name, number, kind, status, created_at, updated_at) values ('别人', 'R003', 'employee', 'active', 0, 0)`,
          );
          const pending = commit(admin, p.id);
          // Wait until the import is blocked on our uncommitted row.
          for (let i = 0; i < 100; i++) {
            const w = await other.query(
              `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
            );
            if (w.rows[0].n > 0) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          await other.query('commit');
          const res = await pending;
          assert.equal(res.statusCode, 409, res.body);
          assert.equal(res.json().error.code, 'org.duplicate_number');
        } finally {
          await other.end();
        }
        assert.equal(await peopleTotal(admin), before + 1, 'only the other user’s row');
        const left = await t.connection.db.selectFrom('people').select(['name', 'number']).where('number', 'like', 'R00%').execute();
        assert.deepEqual(left, [{ name: '别人', number: 'R003' }]);
      });
    }

    it('CSV export: UTF-8 BOM, Chinese intact, formulas neutralised', async () => {
      await createPerson(admin, { name: '=cmd|calc', number: 'E001', notes: '+SUM(1,2)' });
      const res = await admin.get('/api/people/export?format=csv');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="[^"]*\.csv"; filename\*=UTF-8''%E4%BA%BA%E5%91%98-\d{8}-\d{4}\.csv$/,
      );
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const buf = res.rawPayload;
      assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = buf.subarray(3).toString('utf8');
      assert.ok(text.startsWith('姓名,工号/学号,类别,部门,手机,邮箱,职务,状态,备注\r\n'), text.slice(0, 80));
      assert.match(text, /\r\n陈静,B001,员工,信息中心,13900000001,cj@example\.com,网络管理员,在职,\r\n/);
      const evil = text.split('\r\n').find((l) => l.includes('cmd|calc'))!;
      assert.ok(evil.startsWith("'=cmd|calc,E001,"), evil);
      assert.match(evil, /,"'\+SUM\(1,2\)"$/);
      // No line and no field starts with a formula character.
      for (const line of text.split('\r\n')) assert.doesNotMatch(line, /(^|,)[=+@]/, line);
      // Filters apply to exports: only the people of 教务处's search.
      const filtered = (await admin.get(`/api/people/export?format=csv&q=${encodeURIComponent('孙丽')}`)).rawPayload
        .subarray(3)
        .toString('utf8');
      assert.equal(filtered.trim().split('\r\n').length, 2, filtered);
    });

    it('XLSX export imports back as updates only, with nothing changed', async () => {
      await createPerson(admin, {
        name: '国际号码',
        number: 'E002',
        phone: '+86 138 0000 0000',
        notes: '-备注\n第二行',
        departmentId: info.id,
        kind: 'student',
      });
      const peopleBefore = await allPeople(admin);
      const total = peopleBefore.length;
      const res = await admin.get('/api/people/export?format=xlsx');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], XLSX_MIME);
      const rows = await xlsxRows(res.rawPayload);
      assert.equal(rows.length, total + 1);
      assert.deepEqual(rows[0], ['姓名', '工号/学号', '类别', '部门', '手机', '邮箱', '职务', '状态', '备注']);

      const p = ok(await importPeople(admin, '人员-导出.xlsx', res.rawPayload));
      assert.deepEqual(p.errors, []);
      assert.deepEqual([p.totalRows, p.creates, p.updates], [total, 0, total]);
      assert.deepEqual(ok(await commit(admin, p.id)), { created: 0, updated: total });
      const strip = (list: Record<string, unknown>[]) => list.map(({ updatedAt: _u, ...rest }) => rest);
      assert.deepEqual(strip(await allPeople(admin)), strip(peopleBefore));
    });

    it('a department export imports into an empty system in one pass, tree intact', async () => {
      const res = await admin.get('/api/departments/export?format=xlsx');
      assert.equal(res.statusCode, 200, res.body);
      const source = ok(await admin.get('/api/departments/tree')).items as {
        id: number;
        name: string;
        parentId: number | null;
        code: string | null;
      }[];
      const pathOf = (list: typeof source) => {
        const byId = new Map(list.map((d) => [d.id, d]));
        const path = (d: (typeof list)[number]): string => (d.parentId ? `${path(byId.get(d.parentId)!)}/${d.name}` : d.name);
        return list.map((d) => `${path(d)}|${d.code ?? ''}`).sort();
      };
      assert.ok(
        pathOf(source).some((p) => p.split('/').length >= 3),
        'the tree has a third level',
      );
      const fresh = await buildTestApp(dialect);
      try {
        const other = await setupAdmin(fresh.app);
        // Heads are people, named by number: they must exist first.
        const rows = await xlsxRows(res.rawPayload);
        const headCol = rows[0]!.indexOf('负责人工号');
        const heads = [
          ...new Set(
            rows
              .slice(1)
              .map((r) => r[headCol] ?? '')
              .filter(Boolean),
          ),
        ];
        assert.ok(heads.length >= 1);
        for (const number of heads) await createPerson(other, { name: `负责人${number}`, number });
        const p = ok(await upload(other, '/api/departments/import', { fileName: '部门.xlsx', data: res.rawPayload }));
        assert.deepEqual(p.errors, []);
        assert.deepEqual([p.creates, p.updates], [source.length, 0]);
        ok(await commit(other, p.id));
        assert.deepEqual(pathOf(ok(await other.get('/api/departments/tree')).items), pathOf(source));
      } finally {
        await fresh.close();
      }
    });

    it('uploads that are refused: non-multipart, no file, empty, old .xls, binary noise, wrong header', async () => {
      const before = await peopleTotal(admin);
      fails(await admin.post('/api/people/import', { file: 'x' }), 400, 'file.missing');
      const onlyField = await admin.raw({
        method: 'POST',
        url: '/api/people/import',
        payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--b--\r\n'),
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      fails(onlyField, 400, 'file.missing');
      fails(await importPeople(admin, 'empty.csv', Buffer.alloc(0)), 400, 'file.missing');
      const xls = fails(await importPeople(admin, '人员.xls', OLE_XLS), 415, 'file.type_not_allowed');
      assert.equal(xls.details[0]!.reason, 'xls_not_supported');
      // An .xls renamed to .xlsx is still an .xls.
      fails(await importPeople(admin, '人员.xlsx', OLE_XLS), 415, 'file.type_not_allowed');
      const noise = await importPeople(admin, 'noise.csv', randomBinary(4096));
      assert.ok(noise.statusCode >= 400 && noise.statusCode < 500, noise.body);
      assert.equal(noise.json().error.code, 'file.unreadable');
      fails(await importPeople(admin, 'image.csv', TINY_PNG), 400, 'file.unreadable');
      const header = fails(
        await importPeople(
          admin,
          'x.csv',
          utf8Csv(
            [
              ['甲', '乙'],
              ['1', '2'],
            ],
            true,
          ),
        ),
        400,
        'file.no_header',
      );
      assert.equal(header.details[0]!.reason, 'no_header');
      assert.equal(await peopleTotal(admin), before);
    });

    it('an upload larger than SYSWARD_MAX_UPLOAD_MB is refused with 413 file.too_large', async () => {
      const small = await buildTestApp(dialect, { SYSWARD_MAX_UPLOAD_MB: '1' });
      try {
        const a = await setupAdmin(small.app);
        const line = '张伟,T0001,信息中心,13800138000,zhangwei@example.com,网络管理员,在职\r\n';
        const big = Buffer.from(HEADER.join(',') + '\r\n' + line.repeat(Math.ceil((1.2 * 1024 * 1024) / Buffer.byteLength(line))));
        assert.ok(big.length > 1024 * 1024);
        fails(await importPeople(a, 'big.csv', big), 413, 'file.too_large');
        fails(
          await upload(a, '/api/attachments', { fileName: 'big.txt', data: big }, { entityType: 'person', entityId: '1' }),
          413,
          'file.too_large',
        );
        assert.equal(await peopleTotal(a), 0);
      } finally {
        await small.close();
      }
    });

    it('an upload above 1 MB but within the configured limit is accepted', async () => {
      const rows = Array.from({ length: 15_000 }, (_, i) => [
        `大表${i}`,
        `L${i}`,
        '信息中心',
        '13800138000',
        `l${i}@example.com`,
        '网络管理员',
        '在职',
      ]);
      const file = utf8Csv([HEADER, ...rows], true);
      assert.ok(file.length > 1024 * 1024, String(file.length));
      const p = ok(await importPeople(admin, 'large.csv', file));
      assert.deepEqual([p.totalRows, p.creates, p.errorCount], [15_000, 15_000, 0]);
      ok(await admin.delete(`/api/imports/${p.id}`));
    });
  });
}
