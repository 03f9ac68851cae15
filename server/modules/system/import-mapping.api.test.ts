// The column-mapping step of an import: a file whose headers the importer does not recognise is
// kept as a job, the person says which column feeds which field (PUT /api/imports/:id/mapping),
// every row is checked again from the stored cells, and the commit writes what the mapping says.
// Importer options are tested through a small importer registered by this test only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor, type Actor } from '../../core/actor.js';
import { permissionsOf } from '../../core/permissions.js';
import type { Importer } from '../../core/registries.js';
import { createDepartment, createPerson, csvRows, fails, ok, peopleTotal, upload, utf8Csv, xlsxRows } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, signIn, type Client, type TestApp } from '../../test/test-app.js';

const importPeople = (client: Client, fileName: string, data: Buffer, fields: Record<string, string> = {}) =>
  upload(client, '/api/people/import', { fileName, data, contentType: 'text/csv' }, fields);
const remap = (client: Client, id: string, body: unknown) => client.put(`/api/imports/${id}/mapping`, body);
const commit = (client: Client, id: string) => client.post(`/api/imports/${id}/commit`);
type Column = { index: number; header: string; field: string | null };
/** The body that keeps a preview's mapping except for the given columns. */
const mappingOf = (columns: Column[], changes: Record<number, string | null> = {}) =>
  columns.map((c) => ({ index: c.index, field: c.index in changes ? changes[c.index]! : c.field }));

/** Records what the test importer was given; writes nothing to the database. */
interface Seen {
  options: Record<string, boolean | string>;
  values: Record<string, string>[];
}
function optionsImporter(seen: Seen[]): Importer<{ code: string; label: string; options: Record<string, boolean | string> }> {
  return {
    kind: 'test-options',
    permission: 'org:write',
    fields: [
      { key: 'code', header: '编号', aliases: ['code'], required: true },
      { key: 'label', header: '名称', aliases: ['label'] },
      { key: 'note', header: '说明', aliases: [] },
    ],
    example: { code: 'A1', label: '示例' },
    maxRows: 100,
    options: [
      { key: 'createMissing', kind: 'boolean', default: false },
      { key: 'matchBy', kind: 'choice', choices: ['number', 'serial'], default: 'number' },
    ],
    async prepare(_db, _actor, rows, options) {
      return {
        rows: rows.map((r) => ({
          rowNumber: r.rowNumber,
          value: { code: r.values.code!, label: r.values.label ?? '', options },
          action: 'create',
        })),
        issues: options.createMissing
          ? []
          : rows.filter((r) => r.values.label === '缺失').map((r) => ({ row: r.rowNumber, field: 'label', reason: 'not_found' })),
      };
    },
    async commit(_db, _actor, rows) {
      seen.push({ options: rows[0]!.value.options, values: rows.map((r) => ({ code: r.value.code, label: r.value.label })) });
      return { created: rows.length, updated: 0 };
    },
    sample: ({ code, label, options }) => ({ code, label, ...options }),
  };
}

for (const dialect of dialects()) {
  describe(`import column mapping and options (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let info: { id: number };

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      info = await createDepartment(admin, { name: '信息中心', code: 'XX' });
    });
    after(() => t.close());

    it('an unrecognised name column is flagged, mapped by hand, then committed from the mapped column', async () => {
      const before = await peopleTotal(admin);
      const file = utf8Csv(
        [
          ['职员名称', '工号', '部门', '手机', '内部代码'],
          ['马可', 'M001', '信息中心', '13800000001', 'x-1'],
          ['马丽', 'M002', '', '', 'x-2'],
          ['马云飞', 'M003', 'XX', '13800000003', ''],
        ],
        true,
      );
      const p = ok(await importPeople(admin, '职员.csv', file));
      assert.deepEqual(p.missingFields, ['name']);
      assert.deepEqual(
        p.columns.map((c: Column) => [c.index, c.header, c.field]),
        [
          [0, '职员名称', null],
          [1, '工号', 'number'],
          [2, '部门', 'department'],
          [3, '手机', 'phone'],
          [4, '内部代码', null],
        ],
      );
      assert.deepEqual(p.headers[0], { index: 0, header: '职员名称', samples: ['马可', '马丽'] });
      assert.deepEqual(p.headers[2].samples, ['信息中心', 'XX'], 'empty cells are skipped');
      assert.deepEqual(p.headers[4].samples, ['x-1', 'x-2']);
      assert.deepEqual(p.fields[0], { key: 'name', header: '姓名', required: true });
      assert.ok(p.fields.some((f: { key: string; required: boolean }) => f.key === 'notes' && !f.required));
      assert.deepEqual([p.options, p.optionValues], [[], {}]);
      assert.deepEqual([p.totalRows, p.validRows, p.creates, p.errorCount], [3, 0, 0, 0]);

      // Not importable as it is: nothing would fill the name.
      const refused = fails(await commit(admin, p.id), 400, 'import.bad_mapping');
      assert.deepEqual(refused.details, [{ field: 'columns', reason: 'required_unmapped', params: { field: 'name', header: '姓名' } }]);
      assert.equal(ok(await admin.get(`/api/imports/${p.id}`)).status, 'preview');

      const q = ok(await remap(admin, p.id, { columns: mappingOf(p.columns, { 0: 'name' }), options: {} }));
      assert.equal(q.id, p.id);
      assert.deepEqual(q.missingFields, []);
      assert.equal(q.columns[0].field, 'name');
      assert.equal(q.columns[4].field, null);
      assert.deepEqual([q.totalRows, q.validRows, q.creates, q.updates, q.errorCount], [3, 3, 3, 0, 0]);
      assert.equal(q.sample[0].name, '马可');
      // The mapping is stored: reading the job again shows it.
      assert.deepEqual(ok(await admin.get(`/api/imports/${p.id}`)).columns, q.columns);

      assert.deepEqual(ok(await commit(admin, p.id)), { created: 3, updated: 0 });
      assert.equal(await peopleTotal(admin), before + 3);
      const people = ok(await admin.get('/api/people?q=M00&sort=number')).items;
      assert.deepEqual(
        people.map((x: { name: string; number: string; departmentId: number | null; phone: string }) => [
          x.name,
          x.number,
          x.departmentId,
          x.phone,
        ]),
        [
          ['马可', 'M001', info.id, '13800000001'],
          ['马丽', 'M002', null, ''],
          ['马云飞', 'M003', info.id, '13800000003'],
        ],
      );
      // Done: the mapping can no longer change.
      fails(await remap(admin, p.id, { columns: mappingOf(q.columns), options: {} }), 409, 'import.already_done');
    });

    it('a remapped job commits the remapped values; a column taken off is not written; the error report follows the mapping', async () => {
      const existing = await createPerson(admin, { name: '钱七', number: 'R100', phone: '13100000000', notes: '原备注' });
      const file = utf8Csv(
        [
          ['姓名', '工号', '手机', '备用手机', '联络邮件', '备注'],
          ['钱七', 'R100', '13100000001', '13900000001', 'q7@example.com', '不要写入'],
          ['钱八', 'R101', '13100000002', '13900000002', 'not-an-email', ''],
        ],
        true,
      );
      const p = ok(await importPeople(admin, 'swap.csv', file));
      assert.deepEqual(
        p.columns.map((c: Column) => c.field),
        ['name', 'number', 'phone', null, null, 'notes'],
      );
      assert.deepEqual([p.creates, p.updates, p.errorCount], [1, 1, 0]);

      // 备用手机 becomes the phone, the old phone column goes nowhere, 联络邮件 is the email and
      // 备注 is not imported: an update must then keep the notes the person has.
      const q = ok(await remap(admin, p.id, { columns: mappingOf(p.columns, { 2: null, 3: 'phone', 4: 'email', 5: null }), options: {} }));
      assert.deepEqual(
        q.columns.map((c: Column) => c.field),
        ['name', 'number', null, 'phone', 'email', null],
      );
      assert.deepEqual([q.creates, q.updates, q.errorCount], [0, 1, 1], 'a row with an error is neither created nor updated');
      assert.deepEqual(q.errors, [{ row: 3, field: 'email', reason: 'invalid_email', value: 'not-an-email' }]);

      // The error report has every column of the file, names the field by its column's header.
      const x = await admin.get(`/api/imports/${q.id}/errors?format=xlsx`);
      assert.equal(x.statusCode, 200, x.body);
      const rows = await xlsxRows(x.rawPayload);
      assert.deepEqual(rows[0], ['行号', '姓名', '工号', '手机', '备用手机', '联络邮件', '备注', '错误']);
      assert.equal(rows.length, 2);
      assert.deepEqual(rows[1]!.slice(0, 6), ['3', '钱八', 'R101', '13100000002', '13900000002', 'not-an-email']);
      assert.match(rows[1]!.at(-1)!, /^联络邮件：邮箱格式不正确/);
      const c = csvRows((await admin.get(`/api/imports/${q.id}/errors?format=csv&lang=en`)).rawPayload);
      assert.match(c[1]!.at(-1)!, /^联络邮件：not a valid email address/);
      fails(await commit(admin, q.id), 409, 'import.has_errors');

      // Without the email column the file is clean; committed, it writes what the mapping says.
      const r = ok(await remap(admin, p.id, { columns: mappingOf(q.columns, { 4: null }), options: {} }));
      assert.deepEqual([r.creates, r.updates, r.errorCount], [1, 1, 0]);
      assert.deepEqual(ok(await commit(admin, p.id)), { created: 1, updated: 1 });
      const updated = ok(await admin.get(`/api/people/${existing.id}`));
      assert.deepEqual([updated.phone, updated.email, updated.notes], ['13900000001', '', '原备注']);
      const created = ok(await admin.get('/api/people?q=R101')).items[0];
      assert.deepEqual([created.name, created.phone, created.email, created.notes], ['钱八', '13900000002', '', '']);
    });

    it('a mapping that cannot be right is refused with every problem named, and the job keeps its mapping', async () => {
      const before = await peopleTotal(admin);
      const file = utf8Csv(
        [
          ['姓名', '工号', '手机'],
          ['孙一', 'S901', ''],
        ],
        true,
      );
      const p = ok(await importPeople(admin, 'bad-mapping.csv', file));
      const id = p.id as string;

      const twice = fails(await remap(admin, id, { columns: mappingOf(p.columns, { 1: 'name' }), options: {} }), 400, 'import.bad_mapping');
      assert.deepEqual(twice.details, [
        { field: 'columns.1.field', reason: 'field_twice', params: { field: 'name', header: '姓名', column: '工号' } },
      ]);
      const unknown = fails(
        await remap(admin, id, { columns: mappingOf(p.columns, { 2: 'salary' }), options: {} }),
        400,
        'import.bad_mapping',
      );
      assert.deepEqual(unknown.details, [
        { field: 'columns.2.field', reason: 'unknown_field', params: { field: 'salary', column: '手机' } },
      ]);
      const required = fails(
        await remap(admin, id, { columns: mappingOf(p.columns, { 0: null }), options: {} }),
        400,
        'import.bad_mapping',
      );
      assert.deepEqual(required.details, [{ field: 'columns', reason: 'required_unmapped', params: { field: 'name', header: '姓名' } }]);
      const missingColumn = fails(
        await remap(admin, id, { columns: [...mappingOf(p.columns), { index: 3, field: 'email' }], options: {} }),
        400,
        'import.bad_mapping',
      );
      assert.deepEqual(missingColumn.details, [{ field: 'columns.3.index', reason: 'no_such_column', params: { index: 3 } }]);
      const sameColumn = fails(
        await remap(admin, id, {
          columns: [
            { index: 0, field: 'name' },
            { index: 0, field: 'notes' },
          ],
          options: {},
        }),
        400,
        'import.bad_mapping',
      );
      assert.equal(sameColumn.details[0]!.reason, 'column_twice');
      // Several problems at once are all reported.
      const several = fails(
        await remap(admin, id, {
          columns: [
            { index: 0, field: 'phone' },
            { index: 1, field: 'phone' },
            { index: 2, field: 'nope' },
          ],
          options: {},
        }),
        400,
        'import.bad_mapping',
      );
      assert.deepEqual(
        several.details.map((d) => d.reason),
        ['field_twice', 'unknown_field'],
      );

      // The body is a strict schema; people have no options.
      fails(await remap(admin, id, { columns: mappingOf(p.columns), options: {}, extra: 1 }), 400, 'validation.failed');
      fails(await remap(admin, id, { columns: [{ index: -1, field: null }], options: {} }), 400, 'validation.failed');
      fails(await remap(admin, id, { columns: [{ index: 0, field: 'name', header: '姓名' }] }), 400, 'validation.failed');
      const option = fails(
        await remap(admin, id, { columns: mappingOf(p.columns), options: { matchBy: 'number' } }),
        400,
        'import.bad_options',
      );
      assert.deepEqual(option.details, [{ field: 'options.matchBy', reason: 'unknown_option', params: { option: 'matchBy' } }]);

      // Nothing changed: the job has its first mapping and still commits as it was.
      const again = ok(await admin.get(`/api/imports/${id}`));
      assert.deepEqual(again.columns, p.columns);
      assert.deepEqual(ok(await commit(admin, id)), { created: 1, updated: 0 });
      assert.equal(await peopleTotal(admin), before + 1);
    });

    it("another user's job is not found; the owner needs the importer's permission", async () => {
      const password = 'Column-2026-pass';
      const user = ok(await admin.post('/api/users', { login: 'mapper', name: '映射员', password, roles: ['technician'], personId: null }));
      let tech = await signIn(t.app, 'mapper', password);
      const p = ok(
        await importPeople(
          tech,
          'mine.csv',
          utf8Csv(
            [
              ['姓名', '工号'],
              ['周一', 'Z901'],
            ],
            true,
          ),
        ),
      );
      const body = { columns: mappingOf(p.columns), options: {} };
      fails(await remap(admin, p.id, body), 404, 'import.not_found');
      fails(await remap(admin, '01890000-0000-7000-8000-000000000000', body), 404, 'import.not_found');
      fails(await remap(admin, 'not-a-uuid', body), 400, 'validation.failed');
      ok(await remap(tech, p.id, body));
      // The technician loses org:write: their own job can no longer be remapped.
      ok(await admin.patch(`/api/users/${user.id}`, { roles: ['staff'] }));
      tech = await signIn(t.app, 'mapper', password);
      fails(await remap(tech, p.id, body), 403, 'auth.forbidden');
      // Discarded: gone.
      ok(await tech.delete(`/api/imports/${p.id}`));
      fails(await remap(tech, p.id, body), 404, 'import.not_found');
    });

    it('options in the upload: a JSON object of the importer’s options, refused when unknown or malformed', async () => {
      const before = await peopleTotal(admin);
      const file = utf8Csv(
        [
          ['姓名', '工号'],
          ['吴一', 'W901'],
        ],
        true,
      );
      const fine = ok(await importPeople(admin, 'o.csv', file, { options: '{}' }));
      assert.deepEqual(fine.optionValues, {});
      ok(await admin.delete(`/api/imports/${fine.id}`));
      const unknown = fails(await importPeople(admin, 'o.csv', file, { options: '{"createMissing":true}' }), 400, 'import.bad_options');
      assert.equal(unknown.details[0]!.reason, 'unknown_option');
      fails(await importPeople(admin, 'o.csv', file, { options: 'createMissing' }), 400, 'validation.failed');
      fails(await importPeople(admin, 'o.csv', file, { options: '{"createMissing":1}' }), 400, 'validation.failed');
      fails(await importPeople(admin, 'o.csv', file, { options: '[true]' }), 400, 'validation.failed');
      assert.equal(await peopleTotal(admin), before);
    });

    it('importer options: defaults, validated on change, given to prepare and to the commit', async () => {
      const seen: Seen[] = [];
      const importer = optionsImporter(seen);
      t.ctx.registries.importers.set(importer.kind, importer as Importer);
      try {
        const actor: Actor = {
          ...systemActor('admin'),
          kind: 'user',
          userId: admin.userId,
          roles: ['admin'],
          permissions: permissionsOf(['admin']),
        };
        const file = utf8Csv(
          [
            ['代码', '名称', '说明'],
            ['A1', '甲', ''],
            ['A2', '缺失', ''],
          ],
          true,
        );
        // The first column is not recognised; the options are the defaults.
        const p = await t.ctx.imports.preview(actor, importer as Importer, { buffer: file, fileName: 'o.csv' });
        assert.deepEqual(p.missingFields, ['code']);
        assert.deepEqual(p.options, [
          { key: 'createMissing', kind: 'boolean', default: false },
          { key: 'matchBy', kind: 'choice', choices: ['number', 'serial'], default: 'number' },
        ]);
        assert.deepEqual(p.optionValues, { createMissing: false, matchBy: 'number' });
        const got = ok(await admin.get(`/api/imports/${p.id}`));
        assert.deepEqual([got.kind, got.options, got.optionValues], ['test-options', p.options, p.optionValues]);

        const columns = [
          { index: 0, field: 'code' },
          { index: 1, field: 'label' },
          { index: 2, field: null },
        ];
        const q = ok(await remap(admin, p.id, { columns, options: {} }));
        assert.deepEqual([q.validRows, q.errorCount], [1, 1], 'without createMissing the missing one is an error');
        assert.equal(q.sample[0].matchBy, 'number');

        // Wrong values are refused, all of them named, and nothing changes.
        const wrong = fails(
          await remap(admin, p.id, { columns, options: { createMissing: 'yes', matchBy: 'colour', other: true } }),
          400,
          'import.bad_options',
        );
        assert.deepEqual(wrong.details, [
          { field: 'options.other', reason: 'unknown_option', params: { option: 'other' } },
          { field: 'options.createMissing', reason: 'invalid_option', params: { option: 'createMissing', expected: 'boolean' } },
          { field: 'options.matchBy', reason: 'invalid_option', params: { option: 'matchBy', choices: ['number', 'serial'] } },
        ]);
        fails(await remap(admin, p.id, { columns, options: { matchBy: true } }), 400, 'import.bad_options');
        fails(await remap(admin, p.id, { columns, options: { createMissing: 1 } }), 400, 'validation.failed');
        fails(await remap(admin, p.id, { columns, options: { createMissing: null } }), 400, 'validation.failed');
        assert.deepEqual(ok(await admin.get(`/api/imports/${p.id}`)).optionValues, { createMissing: false, matchBy: 'number' });
        fails(await commit(admin, p.id), 409, 'import.has_errors');
        assert.deepEqual(seen, [], 'nothing was written');

        const r = ok(await remap(admin, p.id, { columns, options: { createMissing: true, matchBy: 'serial' } }));
        assert.deepEqual(r.optionValues, { createMissing: true, matchBy: 'serial' });
        assert.deepEqual([r.validRows, r.errorCount], [2, 0]);
        assert.deepEqual(r.sample[1], { row: 3, action: 'create', code: 'A2', label: '缺失', createMissing: true, matchBy: 'serial' });
        // An option left out takes its default again.
        const s = ok(await remap(admin, p.id, { columns, options: { createMissing: true } }));
        assert.deepEqual(s.optionValues, { createMissing: true, matchBy: 'number' });

        assert.deepEqual(ok(await commit(admin, p.id)), { created: 2, updated: 0 });
        assert.deepEqual(seen, [
          {
            options: { createMissing: true, matchBy: 'number' },
            values: [
              { code: 'A1', label: '甲' },
              { code: 'A2', label: '缺失' },
            ],
          },
        ]);

        // Options given up front are in force from the first check.
        const u = await t.ctx.imports.preview(actor, importer as Importer, { buffer: file, fileName: 'o.csv' }, { matchBy: 'serial' });
        assert.deepEqual(u.optionValues, { createMissing: false, matchBy: 'serial' });
        await assert.rejects(
          t.ctx.imports.preview(actor, importer as Importer, { buffer: file, fileName: 'o.csv' }, { matchBy: 'colour' }),
          (e: { code?: string }) => e.code === 'import.bad_options',
        );
      } finally {
        t.ctx.registries.importers.delete(importer.kind);
      }
    });
  });
}
