// Row → response shapes, and the field views the audit trail records.
import type { Department, Location, Person } from '../../../shared/contracts/org.js';
import type { PersonRow } from './people.repository.js';
import type { DepartmentRow } from './departments.repository.js';
import type { LocationRow } from './locations.repository.js';

export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    number: r.number,
    kind: r.kind as Person['kind'],
    departmentId: r.department_id,
    departmentName: r.department_name,
    phone: r.phone,
    email: r.email,
    position: r.position,
    status: r.status as Person['status'],
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the audit trail keeps of a person: the editable fields. */
export function personAuditView(p: Person): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, departmentName: _d, ...rest } = p;
  return rest;
}

export function toDepartment(r: DepartmentRow): Department {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    parentId: r.parent_id,
    parentName: r.parent_name,
    headPersonId: r.head_person_id,
    headPersonName: r.head_person_name,
    sortOrder: r.sort_order,
    notes: r.notes,
    peopleCount: Number(r.people_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function departmentAuditView(d: Department): Record<string, unknown> {
  return { name: d.name, code: d.code, parentId: d.parentId, headPersonId: d.headPersonId, sortOrder: d.sortOrder, notes: d.notes };
}

export function toLocation(r: LocationRow, path: string[]): Location {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    kind: r.kind as Location['kind'],
    parentId: r.parent_id,
    parentName: r.parent_name,
    path,
    sortOrder: r.sort_order,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function locationAuditView(l: Location): Record<string, unknown> {
  return { name: l.name, code: l.code, kind: l.kind, parentId: l.parentId, sortOrder: l.sortOrder, notes: l.notes };
}
