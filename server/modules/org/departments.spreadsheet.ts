// The spreadsheet round trip of departments: parents by code, path or name, heads by number.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { departmentListQuery } from '../../../shared/contracts/org.js';
import { registerSpreadsheetRoutes } from '../../core/http/spreadsheet-routes.js';
import type { ModuleContext } from '../../core/module.js';
import type { Importer, RowIssue } from '../../core/registries.js';
import type { FieldSpec } from '../../core/tabular/index.js';
import type { Database } from '../../db/database.js';
import { createDepartmentsRepository } from './departments.repository.js';
import { createDepartmentsService } from './departments.service.js';
import { createPeopleRepository } from './people.repository.js';
import { departmentPaths, departmentResolver } from './org.spreadsheet-helpers.js';

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

export function registerDepartmentsSpreadsheet(app: FastifyInstance, ctx: ModuleContext): void {
  const departments = departmentsImporter(ctx);
  ctx.registries.importers.set(departments.kind, departments);

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
