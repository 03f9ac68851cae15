// The spreadsheet round trip of people: the columns of exports and templates, the header
// aliases people actually use, and how each row is validated and written.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { personInput, personListQuery, type personPatch } from '../../../shared/contracts/org.js';
import type { Actor } from '../../core/actor.js';
import { registerSpreadsheetRoutes } from '../../core/http/spreadsheet-routes.js';
import type { ModuleContext } from '../../core/module.js';
import type { Importer, RowIssue } from '../../core/registries.js';
import type { ColumnSpec, FieldSpec } from '../../core/tabular/index.js';
import type { Database } from '../../db/database.js';
import { createPeopleRepository, type PersonRow } from './people.repository.js';
import { createPeopleService, DEFAULT_STATUS, statusFitsKind } from './people.service.js';
import { departmentPaths, departmentResolver, zodIssues } from './org.spreadsheet-helpers.js';

const KIND_LABEL = { employee: '员工', student: '学生' } as const;
const KIND_WORDS: Record<string, 'employee' | 'student'> = {
  员工: 'employee',
  职工: 'employee',
  教职工: 'employee',
  教师: 'employee',
  老师: 'employee',
  employee: 'employee',
  staff: 'employee',
  teacher: 'employee',
  学生: 'student',
  student: 'student',
};
const STATUS_LABEL = { active: '在职', left: '离职', studying: '在读', graduated: '毕业' } as const;
const STATUS_WORDS: Record<string, keyof typeof STATUS_LABEL> = {
  在职: 'active',
  在岗: 'active',
  active: 'active',
  离职: 'left',
  已离职: 'left',
  left: 'left',
  inactive: 'left',
  在读: 'studying',
  在校: 'studying',
  studying: 'studying',
  毕业: 'graduated',
  已毕业: 'graduated',
  graduated: 'graduated',
};

export const PEOPLE_FIELDS: FieldSpec[] = [
  { key: 'name', header: '姓名', aliases: ['名字', '人员姓名', '员工姓名', '学生姓名', 'name', 'full name'], required: true },
  {
    key: 'number',
    header: '工号/学号',
    aliases: ['工号', '学号', '编号', '人员编号', '员工编号', '职工号', 'number', 'employee number', 'employee id', 'student number', 'id'],
  },
  { key: 'kind', header: '类别', aliases: ['人员类别', '人员类型', '类型', 'kind', 'type'] },
  { key: 'department', header: '部门', aliases: ['所属部门', '部门名称', '单位', '科室', '班级', 'department', 'dept'] },
  { key: 'phone', header: '手机', aliases: ['电话', '手机号', '手机号码', '联系电话', '联系方式', 'phone', 'mobile', 'tel'] },
  { key: 'email', header: '邮箱', aliases: ['电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail'] },
  { key: 'position', header: '职务', aliases: ['岗位', '职位', '职称', 'position', 'title', 'job title'] },
  { key: 'status', header: '状态', aliases: ['在职状态', '人员状态', 'status'] },
  { key: 'notes', header: '备注', aliases: ['说明', '备注信息', 'notes', 'note', 'remark', 'remarks'] },
];

/** `department` is the text as written in the file, shown in the preview instead of an id. */
type PersonValue = ({ id: null; input: z.output<typeof personInput> } | { id: number; input: z.output<typeof personPatch> }) & {
  department?: string;
};
function peopleImporter(ctx: ModuleContext): Importer<PersonValue> {
  const service = createPeopleService(ctx);
  return {
    kind: 'people',
    permission: 'org:write',
    fields: PEOPLE_FIELDS,
    maxRows: 50_000,
    example: {
      name: '张伟',
      number: 'T2026001',
      kind: '员工',
      department: '信息中心',
      phone: '13800138000',
      email: 'zhangwei@example.com',
      position: '网络管理员',
      status: '在职',
      notes: '',
    },
    async prepare(db, _actor, rows) {
      const issues: (RowIssue & { row: number })[] = [];
      const out: { rowNumber: number; value: PersonValue; action: 'create' | 'update' }[] = [];
      const repo = createPeopleRepository(db);
      const resolveDepartment = await departmentResolver(db);
      const numbers = rows.map((r) => r.values.number?.trim()).filter((n): n is string => !!n);
      const existing = new Map<string, number>();
      for (let i = 0; i < numbers.length; i += 500) {
        for (const p of await repo.byNumbers(numbers.slice(i, i + 500))) existing.set(p.number!, p.id);
      }
      const seen = new Map<string, number>();
      for (const { rowNumber, values } of rows) {
        const rowIssues: RowIssue[] = [];
        const number = values.number?.trim();
        const id = number ? (existing.get(number) ?? null) : null;
        // Kind and status cannot be empty: a blank cell means "as it is" (or the default).
        const kindText = values.kind?.toLowerCase();
        const fileKind = kindText ? KIND_WORDS[kindText] : undefined;
        if (kindText && !fileKind) rowIssues.push({ field: 'kind', reason: 'invalid_value', value: values.kind });
        const statusText = values.status?.toLowerCase();
        const fileStatus = statusText ? STATUS_WORDS[statusText] : undefined;
        if (statusText && !fileStatus) rowIssues.push({ field: 'status', reason: 'invalid_value', value: values.status });
        let departmentId: number | null = null;
        if (values.department) {
          const dep = resolveDepartment(values.department);
          if (typeof dep === 'number') departmentId = dep;
          else rowIssues.push({ field: 'department', reason: dep, value: values.department });
        }
        const parsed = personInput.safeParse({
          name: values.name ?? '',
          number: values.number || null,
          kind: fileKind ?? 'employee',
          departmentId,
          phone: values.phone ?? '',
          email: values.email ?? '',
          position: values.position ?? '',
          ...(fileStatus ? { status: fileStatus } : {}),
          notes: values.notes ?? '',
        });
        if (!parsed.success) rowIssues.push(...zodIssues(parsed.error, values));
        else if (!rowIssues.length) {
          // The status must fit the kind the person will have: for an update without a kind
          // column that is the kind they have now.
          let kind = parsed.data.kind;
          if (id && !fileKind && fileStatus) kind = ((await repo.byNumber(number!))?.kind as typeof kind | undefined) ?? kind;
          const s = fileStatus ?? DEFAULT_STATUS[kind];
          if ((fileStatus || !id) && !statusFitsKind(kind, s))
            rowIssues.push({ field: 'status', reason: 'status_kind_mismatch', value: values.status });
        }
        if (number) {
          if (seen.has(number)) rowIssues.push({ field: 'number', reason: 'duplicate_in_file', value: number });
          seen.set(number, rowNumber);
        }
        if (rowIssues.length || !parsed.success) {
          issues.push(...rowIssues.map((i) => ({ ...i, row: rowNumber })));
          continue;
        }
        if (id === null) {
          out.push({ rowNumber, value: { id, input: parsed.data, department: values.department }, action: 'create' });
          continue;
        }
        const has = (key: string) => key in values;
        const d = parsed.data;
        const patch: z.output<typeof personPatch> = {
          name: d.name,
          ...(fileKind ? { kind: d.kind } : {}),
          ...(fileStatus ? { status: d.status } : {}),
          ...(has('department') ? { departmentId: d.departmentId } : {}),
          ...(has('phone') ? { phone: d.phone } : {}),
          ...(has('email') ? { email: d.email } : {}),
          ...(has('position') ? { position: d.position } : {}),
          ...(has('notes') ? { notes: d.notes } : {}),
        };
        out.push({ rowNumber, value: { id, input: patch, department: values.department }, action: 'update' });
      }
      return { rows: out, issues };
    },
    async commit(db, actor, rows, progress) {
      let created = 0;
      let updated = 0;
      for (const [i, { value }] of rows.entries()) {
        if (value.id !== null) {
          await service.updateIn(db, actor, value.id, value.input);
          updated++;
        } else {
          await service.createIn(db, actor, value.input);
          created++;
        }
        await progress(i + 1);
      }
      return { created, updated };
    },
    sample: ({ input, department }) => {
      const { departmentId: _id, ...rest } = input;
      return {
        ...rest,
        ...(department ? { department } : {}),
        kind: input.kind ? KIND_LABEL[input.kind] : undefined,
        status: input.status ? STATUS_LABEL[input.status] : undefined,
      };
    },
  };
}

export function registerPeopleSpreadsheet(app: FastifyInstance, ctx: ModuleContext): void {
  const people = peopleImporter(ctx);
  ctx.registries.importers.set(people.kind, people);

  type Exported = PersonRow & { department_path: string };
  const personColumns: ColumnSpec<Exported>[] = [
    { key: 'name', header: '姓名', value: (p) => p.name },
    { key: 'number', header: '工号/学号', value: (p) => p.number },
    { key: 'kind', header: '类别', value: (p) => KIND_LABEL[p.kind as keyof typeof KIND_LABEL] ?? p.kind },
    { key: 'department', header: '部门', width: 28, value: (p) => p.department_path },
    { key: 'phone', header: '手机', value: (p) => p.phone },
    { key: 'email', header: '邮箱', width: 28, value: (p) => p.email },
    { key: 'position', header: '职务', value: (p) => p.position },
    { key: 'status', header: '状态', value: (p) => STATUS_LABEL[p.status as keyof typeof STATUS_LABEL] ?? p.status },
    { key: 'notes', header: '备注', width: 40, value: (p) => p.notes },
  ];
  registerSpreadsheetRoutes(app, ctx, {
    basePath: '/api/people',
    tag: 'people',
    fileStem: '人员',
    read: 'org:read',
    importer: people,
    columns: personColumns,
    filters: personListQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
    async *rows(db: Kysely<Database>, _actor: Actor, filter) {
      const paths = await departmentPaths(db);
      for await (const p of createPeopleRepository(db).stream(filter)) {
        yield { ...p, department_path: p.department_id ? (paths.get(p.department_id) ?? '') : '' };
      }
    },
  });
}
