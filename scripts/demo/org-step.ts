// Demo step: the department trees and the people in them, then each department's head.
import { departmentInput, personInput } from '../../shared/contracts/org.js';
import { createDepartmentsService, createPeopleService } from '../../server/modules/org/index.js';
import type { DemoStep } from './context.js';
import { createIdentities } from './identities.js';
import { ORGANISATIONS, type DepartmentSpec, type OrganisationSpec } from './org-data.js';

export const orgStep: DemoStep = {
  name: 'org',
  async run(ctx) {
    const departments = createDepartmentsService(ctx.deps);
    const people = createPeopleService(ctx.deps);
    const trx = ctx.deps.db;
    const random = ctx.random('people');
    const identities = createIdentities(random);
    /** Department key → the person who heads it; set once everyone exists. */
    const heads = new Map<string, number>();
    let departmentCount = 0;
    let employees = 0;
    let students = 0;

    async function createDepartments(spec: DepartmentSpec, parentId: number | null, code: string, sortOrder: number): Promise<void> {
      const input = departmentInput.parse({ name: spec.name, code, parentId, sortOrder, notes: spec.notes ?? '' });
      const dep = await departments.createIn(trx, ctx.actor, input);
      ctx.departments.set(spec.key, dep.id);
      departmentCount++;
      for (const [i, child] of (spec.children ?? []).entries()) {
        await createDepartments(child, dep.id, code + String(i + 1).padStart(2, '0'), (i + 1) * 10);
      }
    }

    async function addPerson(departmentKey: string, input: unknown): Promise<number> {
      const person = await people.createIn(trx, ctx.actor, personInput.parse(input));
      const list = ctx.peopleByDepartment.get(departmentKey) ?? [];
      list.push(person.id);
      ctx.peopleByDepartment.set(departmentKey, list);
      return person.id;
    }

    // Staff of a department before its sub-departments, so a class can name its 班主任.
    async function createPeople(org: OrganisationSpec, spec: DepartmentSpec, nextNumber: { n: number }): Promise<void> {
      const departmentId = ctx.departments.get(spec.key)!;
      for (const staff of spec.staff ?? []) {
        const count = staff.count ?? 1;
        for (let i = 0; i < count; i++) {
          const who = identities.person('adult');
          const id = await addPerson(spec.key, {
            name: who.name,
            number: org.staffNumberPrefix + String(nextNumber.n++).padStart(4, '0'),
            kind: 'employee',
            departmentId,
            phone: identities.mobile(),
            email: identities.email(who.pinyin, org.emailDomain),
            position: staff.position,
            status: staff.status ?? 'active',
            notes: staff.notes ?? '',
          });
          employees++;
          if (staff.key) ctx.people.set(count > 1 ? `${staff.key}.${i + 1}` : staff.key, id);
          if (staff.head) heads.set(spec.key, id);
          for (const other of staff.alsoHeads ?? []) heads.set(other, id);
        }
      }
      if (spec.headKey) heads.set(spec.key, ctx.people.get(spec.headKey)!);
      if (spec.students) {
        const s = spec.students;
        const count = random.int(s.count[0], s.count[1]);
        for (let seq = 1; seq <= count; seq++) {
          const who = identities.person('student');
          const number = s.numberPrefix + String(seq).padStart(2, '0');
          await addPerson(spec.key, {
            name: who.name,
            number,
            kind: 'student',
            departmentId,
            email: org.studentEmailDomain ? `${number}@${org.studentEmailDomain}` : '',
            status: s.status ?? 'studying',
            notes: s.notes ?? '',
          });
          students++;
        }
      }
      for (const child of spec.children ?? []) await createPeople(org, child, nextNumber);
    }

    for (const [i, org] of ORGANISATIONS.entries()) {
      await createDepartments(org.root, null, org.code, (i + 1) * 10);
      await createPeople(org, org.root, { n: org.firstNumber });
    }
    for (const [key, personId] of heads) {
      await departments.updateIn(trx, ctx.actor, ctx.departments.get(key)!, { headPersonId: personId });
    }

    ctx.summary.push(
      `${ORGANISATIONS.length} organisations`,
      `${departmentCount} departments`,
      `${employees + students} people (${employees} employees, ${students} students)`,
    );
  },
};
