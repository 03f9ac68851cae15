// Organisation directory: departments, people, locations, dictionaries.
import { z } from 'zod';
import { epochMs, line, multiline, optionalId, pageOf, pageQuery, requiredLine } from './common.js';

// ---- departments ----
export const department = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  headPersonId: z.number().int().nullable(),
  headPersonName: z.string().nullable(),
  sortOrder: z.number().int(),
  notes: z.string(),
  peopleCount: z.number().int(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Department = z.infer<typeof department>;

// Patches list the same fields without defaults: zod 4 applies a default inside .partial(),
// which would silently reset every field a PATCH leaves out.
const code = () =>
  line(50)
    .nullable()
    .transform((v) => v || null);
const sortOrder = () => z.number().int().min(-100000).max(100000);
const departmentFields = {
  name: requiredLine(100),
  code: code(),
  parentId: optionalId,
  headPersonId: optionalId,
  sortOrder: sortOrder(),
  notes: multiline(2000),
};
export const departmentInput = z.strictObject({
  ...departmentFields,
  code: departmentFields.code.default(null),
  parentId: optionalId.default(null),
  headPersonId: optionalId.default(null),
  sortOrder: sortOrder().default(0),
  notes: multiline(2000).default(''),
});
export type DepartmentInput = z.input<typeof departmentInput>;
export const departmentPatch = z.strictObject(departmentFields).partial();

export const departmentSort = z.enum(['name', 'code', 'sortOrder', 'createdAt', 'updatedAt']);
export const departmentListQuery = z.strictObject({
  ...pageQuery,
  sort: departmentSort.default('sortOrder'),
  parentId: z.coerce.number().int().positive().optional(),
});
export const departmentPage = pageOf(department);

/** The whole tree in one flat list: cheap enough for thousands of nodes, and what pickers need. */
export const treeNode = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  code: z.string().nullable(),
  kind: z.string().optional(),
});
export type TreeNode = z.infer<typeof treeNode>;
export const treeResponse = z.object({ items: z.array(treeNode) });

// ---- people ----
export const PERSON_KINDS = ['employee', 'student'] as const;
export const PERSON_STATUSES = ['active', 'left', 'studying', 'graduated'] as const;
export const personKind = z.enum(PERSON_KINDS);
export const personStatus = z.enum(PERSON_STATUSES);
/** Employees are 在职/离职; students are 在读/毕业. */
export const STATUSES_BY_KIND = {
  employee: ['active', 'left'],
  student: ['studying', 'graduated'],
} as const satisfies Record<z.infer<typeof personKind>, readonly z.infer<typeof personStatus>[]>;

export const person = z.object({
  id: z.number().int(),
  name: z.string(),
  number: z.string().nullable(),
  kind: personKind,
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  position: z.string(),
  status: personStatus,
  notes: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Person = z.infer<typeof person>;

const phone = line(40).refine((s) => s === '' || /^[0-9+\-() ]{3,40}$/.test(s), { message: 'invalid_phone' });
const email = line(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'invalid_email' });

const personFields = {
  name: requiredLine(100),
  number: code(),
  kind: personKind,
  departmentId: optionalId,
  phone,
  email,
  position: line(100),
  status: personStatus,
  notes: multiline(2000),
};
export const personInput = z.strictObject({
  ...personFields,
  number: code().default(null),
  kind: personKind.default('employee'),
  departmentId: optionalId.default(null),
  phone: phone.default(''),
  email: email.default(''),
  position: line(100).default(''),
  status: personStatus.optional(),
  notes: multiline(2000).default(''),
});
export type PersonInput = z.input<typeof personInput>;
export const personPatch = z.strictObject(personFields).partial();

export const personSort = z.enum(['name', 'number', 'department', 'status', 'position', 'createdAt', 'updatedAt']);
export const personListQuery = z.strictObject({
  ...pageQuery,
  sort: personSort.default('name'),
  departmentId: z.coerce.number().int().positive().optional(),
  /** Include people of sub-departments of departmentId (default true). */
  subtree: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  status: personStatus.optional(),
  kind: personKind.optional(),
});
export const personPage = pageOf(person);

// ---- locations ----
export const LOCATION_KINDS = [
  'campus',
  'building',
  'floor',
  'room',
  'machine_room',
  'office',
  'computer_lab',
  'library',
  'warehouse',
  'classroom',
  'meeting_room',
  'other',
] as const;
export const locationKind = z.enum(LOCATION_KINDS);

export const location = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  kind: locationKind,
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  /** Names from the root down to this location, e.g. 本部校区 / 行政楼 / 3楼 / 机房. */
  path: z.array(z.string()),
  sortOrder: z.number().int(),
  notes: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Location = z.infer<typeof location>;

const locationFields = {
  name: requiredLine(100),
  code: code(),
  kind: locationKind,
  parentId: optionalId,
  sortOrder: sortOrder(),
  notes: multiline(2000),
};
export const locationInput = z.strictObject({
  ...locationFields,
  code: code().default(null),
  parentId: optionalId.default(null),
  sortOrder: sortOrder().default(0),
  notes: multiline(2000).default(''),
});
export type LocationInput = z.input<typeof locationInput>;
export const locationPatch = z.strictObject(locationFields).partial();

export const locationSort = z.enum(['name', 'code', 'kind', 'sortOrder', 'createdAt', 'updatedAt']);
export const locationListQuery = z.strictObject({
  ...pageQuery,
  sort: locationSort.default('sortOrder'),
  parentId: z.coerce.number().int().positive().optional(),
  kind: locationKind.optional(),
});
export const locationPage = pageOf(location);

// ---- dictionaries ----
export const dictionaryItem = z.object({
  id: z.number().int(),
  label: z.string(),
  value: z.string(),
  sortOrder: z.number().int(),
  enabled: z.boolean(),
});
export type DictionaryItem = z.infer<typeof dictionaryItem>;

export const dictionary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  /** Declared by a module: cannot be deleted or renamed, only its items edited. */
  system: z.boolean(),
  itemCount: z.number().int(),
  items: z.array(dictionaryItem),
});
export type Dictionary = z.infer<typeof dictionary>;

export const dictionaryInput = z.strictObject({
  code: line(50).pipe(z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'invalid_code')),
  name: requiredLine(100),
  description: multiline(500).default(''),
});
export const dictionaryPatch = z.strictObject({ name: requiredLine(100), description: multiline(500) }).partial();
const dictionaryItemFields = { label: requiredLine(100), value: line(100), sortOrder: sortOrder(), enabled: z.boolean() };
export const dictionaryItemInput = z.strictObject({
  ...dictionaryItemFields,
  value: line(100).optional(),
  sortOrder: sortOrder().default(0),
  enabled: z.boolean().default(true),
});
export const dictionaryItemPatch = z.strictObject(dictionaryItemFields).partial();
export const dictionaryListResponse = z.object({ items: z.array(dictionary) });
