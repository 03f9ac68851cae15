// The spreadsheet round trip of people and departments: the columns of exports and templates,
// the header aliases people actually use, and how each row is validated and written.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { personInput, personListQuery, departmentListQuery, type personPatch } from '../../../shared/contracts/org.js';
import type { Actor } from '../../core/actor.js';
import { registerSpreadsheetRoutes } from '../../core/http/spreadsheet-routes.js';
import type { ModuleContext } from '../../core/module.js';
import type { Importer, RowIssue } from '../../core/registries.js';
import type { ColumnSpec, FieldSpec } from '../../core/tabular/index.js';
import type { Database } from '../../db/database.js';
import { createDepartmentsRepository } from './departments.repository.js';
import { createDepartmentsService } from './departments.service.js';
import { createPeopleRepository, type PersonRow } from './people.repository.js';
import { createPeopleService } from './people.service.js';
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

export const DEPARTMENT_FIELDS: FieldSpec[] = [
  { key: 'name', header: '部门名称', aliases: ['部门', '名称', '机构名称', 'department', 'name'], required: true },
  { key: 'code', header: '部门编码', aliases: ['编码', '代码', '部门代码', '机构编码', 'code'] },
  { key: 'parent', header: '上级部门', aliases: ['上级', '父部门', '所属上级', 'parent', 'parent department'] },
  { key: 'head', header: '负责人工号', aliases: ['负责人', '部门负责人', '负责人编号', 'head', 'manager'] },
  { key: 'sortOrder', header: '排序', aliases: ['顺序', '序号', 'sort', 'order'] },
  { key: 'notes', header: '备注', aliases: ['说明', 'notes', 'remark'] },
];

// A created row carries every field; an updated one only the columns the file has, so a sheet
// of numbers and phones updates phones and leaves everyone's email, department and notes alone.
/** `department` is the text as written in the file, shown in the preview instead of an id. */
type PersonValue = ({ id: null; input: z.output<typeof personInput> } | { id: number; input: z.output<typeof personPatch> }) & {
  department?: string;
};
type DepartmentValue = {
  id: number | null;
  name: string;
  code: string | null;
  /** undefined: an update whose file has no such column, so the department keeps its own. */
  parent: { id: number } | { row: number } | null | undefined;
  headPersonId: number | null | undefined;
  sortOrder: number | undefined;
  notes: string | undefined;
};

/** 'A / B\\C' → 'A/B/C', the form department paths are compared in. */
const normalisePath = (text: string) =>
  text
    .split(/\s*[/\\]\s*/)
    .filter(Boolean)
    .join('/');

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
          const s = fileStatus ?? (kind === 'student' ? 'studying' : 'active');
          const fits = kind === 'student' ? ['studying', 'graduated'] : ['active', 'left'];
          if ((fileStatus || !id) && !fits.includes(s))
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

function departmentsImporter(ctx: ModuleContext): Importer<DepartmentValue> {
  const service = createDepartmentsService(ctx);
  return {
    kind: 'departments',
    permission: 'org:write',
    fields: DEPARTMENT_FIELDS,
    maxRows: 10_000,
    example: { name: '网络组', code: 'XX-WL', parent: '信息中心', head: 'T2026001', sortOrder: '10', notes: '' },
    async prepare(db, _actor, rows) {
      const issues: (RowIssue & { row: number })[] = [];
      const out: { rowNumber: number; value: DepartmentValue; action: 'create' | 'update' }[] = [];
      const resolveExisting = await departmentResolver(db);
      const dbPaths = await departmentPaths(db);
      const all = await createDepartmentsRepository(db).all();
      const byCode = new Map(all.filter((d) => d.code).map((d) => [d.code!, d.id]));
      // Departments defined by earlier rows, by code, by full path (what an export writes in
      // 上级部门, so an exported tree imports into an empty system in one pass) and by name.
      const fileCodes = new Map<string, number>();
      const filePaths = new Map<string, number | 'ambiguous'>();
      const fileNames = new Map<string, number | 'ambiguous'>();
      const pathOfRow = new Map<number, string>();
      const remember = (map: Map<string, number | 'ambiguous'>, key: string, row: number) => map.set(key, map.has(key) ? 'ambiguous' : row);
      for (const { rowNumber, values } of rows) {
        const rowIssues: RowIssue[] = [];
        const has = (key: string) => key in values;
        const name = (values.name ?? '').trim();
        const code = (values.code ?? '').trim() || null;
        const id = code ? (byCode.get(code) ?? null) : null;
        if (!name) rowIssues.push({ field: 'name', reason: 'required' });
        if (name.length > 100) rowIssues.push({ field: 'name', reason: 'too_long', value: name });
        if (code && code.length > 50) rowIssues.push({ field: 'code', reason: 'too_long', value: code });
        if (code && fileCodes.has(code)) rowIssues.push({ field: 'code', reason: 'duplicate_in_file', value: code });
        let parent: DepartmentValue['parent'] = id && !has('parent') ? undefined : null;
        const parentText = (values.parent ?? '').trim();
        if (parentText) {
          const inFile = fileCodes.get(parentText) ?? filePaths.get(normalisePath(parentText)) ?? fileNames.get(parentText);
          if (typeof inFile === 'number') parent = { row: inFile };
          else {
            const found = resolveExisting(parentText);
            if (typeof found === 'number') parent = { id: found };
            else rowIssues.push({ field: 'parent', reason: inFile === 'ambiguous' ? 'ambiguous' : found, value: values.parent });
          }
        }
        let headPersonId: number | null | undefined = id && !has('head') ? undefined : null;
        if (values.head) {
          const [p] = await createPeopleRepository(db).byNumbers([values.head.trim()]);
          if (p) headPersonId = p.id;
          else rowIssues.push({ field: 'head', reason: 'not_found', value: values.head });
        }
        const sortOrder = values.sortOrder ? Number(values.sortOrder) : 0;
        if (!Number.isInteger(sortOrder) || Math.abs(sortOrder) > 100000)
          rowIssues.push({ field: 'sortOrder', reason: 'invalid_type', value: values.sortOrder });
        const notes = values.notes ?? '';
        if (notes.length > 2000) rowIssues.push({ field: 'notes', reason: 'too_long' });

        const parentPath =
          parent === null || parent === undefined ? null : 'row' in parent ? pathOfRow.get(parent.row) : dbPaths.get(parent.id);
        const ownPath = parent === undefined && id ? (dbPaths.get(id) ?? name) : parentPath ? `${parentPath}/${name}` : name;
        if (code) fileCodes.set(code, rowNumber);
        remember(filePaths, ownPath, rowNumber);
        remember(fileNames, name, rowNumber);
        pathOfRow.set(rowNumber, ownPath);
        if (rowIssues.length) {
          issues.push(...rowIssues.map((i) => ({ ...i, row: rowNumber })));
          continue;
        }
        const keep = <T>(key: string, v: T): T | undefined => (id && !has(key) ? undefined : v);
        out.push({
          rowNumber,
          value: { id, name, code, parent, headPersonId, sortOrder: keep('sortOrder', sortOrder), notes: keep('notes', notes) },
          action: id ? 'update' : 'create',
        });
      }
      return { rows: out, issues };
    },
    async commit(db, actor, rows, progress) {
      const idOfRow = new Map<number, number>();
      let created = 0;
      let updated = 0;
      for (const [i, { rowNumber, value }] of rows.entries()) {
        const parentId =
          value.parent == null ? value.parent : 'id' in value.parent ? value.parent.id : (idOfRow.get(value.parent.row) ?? null);
        const input = {
          name: value.name,
          code: value.code,
          ...(parentId !== undefined ? { parentId } : {}),
          ...(value.headPersonId !== undefined ? { headPersonId: value.headPersonId } : {}),
          ...(value.sortOrder !== undefined ? { sortOrder: value.sortOrder } : {}),
          ...(value.notes !== undefined ? { notes: value.notes } : {}),
        };
        const dep = value.id
          ? await service.updateIn(db, actor, value.id, input)
          : await service.createIn(db, actor, { parentId: null, headPersonId: null, sortOrder: 0, notes: '', ...input });
        if (value.id) updated++;
        else created++;
        idOfRow.set(rowNumber, dep.id);
        await progress(i + 1);
      }
      return { created, updated };
    },
    sample: (v) => ({ name: v.name, code: v.code, sortOrder: v.sortOrder, notes: v.notes }),
  };
}

export function registerOrgSpreadsheets(app: FastifyInstance, ctx: ModuleContext): void {
  const people = peopleImporter(ctx);
  const departments = departmentsImporter(ctx);
  ctx.registries.importers.set(people.kind, people);
  ctx.registries.importers.set(departments.kind, departments);

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

  type DepRow = {
    id: number;
    name: string;
    code: string | null;
    parent_id: number | null;
    head_number: string | null;
    sort_order: number;
    notes: string;
  };
  registerSpreadsheetRoutes(app, ctx, {
    basePath: '/api/departments',
    tag: 'departments',
    fileStem: '部门',
    read: 'org:read',
    importer: departments,
    columns: [
      { key: 'name', header: '部门名称', value: (d: DepRow & { parent_path: string }) => d.name },
      { key: 'code', header: '部门编码', value: (d) => d.code },
      { key: 'parent', header: '上级部门', width: 28, value: (d) => d.parent_path },
      { key: 'head', header: '负责人工号', value: (d) => d.head_number },
      { key: 'sortOrder', header: '排序', value: (d) => d.sort_order },
      { key: 'notes', header: '备注', width: 40, value: (d) => d.notes },
    ],
    filters: departmentListQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
    async *rows(db: Kysely<Database>) {
      const paths = await departmentPaths(db);
      // Parents before children, so the exported file imports back in one pass.
      const rows = await createDepartmentsRepository(db).forExport();
      const depth = (id: number) => (paths.get(id) ?? '').split('/').length;
      rows.sort((a, b) => depth(a.id) - depth(b.id) || a.sort_order - b.sort_order || a.id - b.id);
      for (const d of rows) yield { ...d, parent_path: d.parent_id ? (paths.get(d.parent_id) ?? '') : '' };
    },
  });
}
