// The org module's only door: its Fastify registration and the lookups other modules may call.
import { sql, type Kysely } from 'kysely';
import type { SyswardModule } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { createDepartmentsService } from './departments.service.js';
import { createDictionariesService } from './dictionaries.service.js';
import { createLocationsRepository } from './locations.repository.js';
import { createLocationsService } from './locations.service.js';
import { registerOrgRoutes } from './org.routes.js';
import { createPeopleRepository } from './people.repository.js';
import { createPeopleService } from './people.service.js';
import { createDepartmentsRepository } from './departments.repository.js';
import { registerPeopleSpreadsheet } from './people.spreadsheet.js';
import { registerDepartmentsSpreadsheet } from './departments.spreadsheet.js';
import { registerVendorRoutes } from './vendors.routes.js';
import { createVendorsService } from './vendors.service.js';

declare module '../../core/events.js' {
  interface EventMap {
    'person.created': { id: number };
    'person.updated': { id: number };
    'person.deleted': { id: number };
    'department.created': { id: number };
    'department.updated': { id: number };
    'department.deleted': { id: number };
    'location.created': { id: number };
    'location.updated': { id: number };
    'location.deleted': { id: number };
  }
}

export { createPeopleService, createDepartmentsService, createLocationsService, createDictionariesService };
export { vendorLookups, type VendorSummary } from './vendors.lookups.js';

/** Read-only lookups for other modules (names for display, existence for validation). */
export const orgLookups = {
  async personNames(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
    const rows = await createPeopleRepository(db).namesOf([...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  personExists: (db: Kysely<Database>, id: number) => createPeopleRepository(db).exists(id),
  departmentExists: (db: Kysely<Database>, id: number) => createDepartmentsRepository(db).exists(id),
  locationExists: (db: Kysely<Database>, id: number) => createLocationsRepository(db).exists(id),
  /** Ids of a department or location and every one below it. */
  async subtreeIds(db: Kysely<Database>, table: 'departments' | 'locations', rootId: number): Promise<number[]> {
    const rows = await sql<{ id: number }>`with recursive sub(id) as (select cast(${rootId} as integer) union all
      select t.id from ${sql.table(table)} t join sub on t.parent_id = sub.id) select id from sub`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },
  /** Full paths ("教学楼 / 三楼 / 301") of locations or departments, for labels and reports. */
  async paths(db: Kysely<Database>, table: 'departments' | 'locations'): Promise<Map<number, string>> {
    const rows = await db.selectFrom(table).select(['id', 'name', 'parent_id']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out = new Map<number, string>();
    const pathOf = (id: number, depth = 0): string => {
      const known = out.get(id);
      if (known !== undefined) return known;
      const r = byId.get(id)!;
      const p = r.parent_id !== null && byId.has(r.parent_id) && depth < 50 ? `${pathOf(r.parent_id, depth + 1)} / ${r.name}` : r.name;
      out.set(id, p);
      return p;
    };
    for (const r of rows) pathOf(r.id);
    return out;
  },
};

export const orgModule: SyswardModule = {
  name: 'org',
  register(app, ctx) {
    // Within the directory itself: what a delete must not orphan.
    ctx.references.declare({ entity: 'department', table: 'people', column: 'department_id', as: 'people' });
    ctx.references.declare({ entity: 'department', table: 'departments', column: 'parent_id', as: 'children' });
    ctx.references.declare({ entity: 'person', table: 'departments', column: 'head_person_id', as: 'departmentHeads' });
    ctx.references.declare({ entity: 'location', table: 'locations', column: 'parent_id', as: 'children' });

    const attachable = (entityType: string, exists: (db: Kysely<Database>, id: number) => Promise<boolean>) =>
      ctx.registries.attachables.set(entityType, { entityType, read: 'org:read', write: 'org:write', exists });
    attachable('person', orgLookups.personExists);
    attachable('department', orgLookups.departmentExists);
    attachable('location', orgLookups.locationExists);

    const services = {
      people: createPeopleService(ctx),
      departments: createDepartmentsService(ctx),
      locations: createLocationsService(ctx),
      dictionaries: createDictionariesService(ctx),
    };
    registerOrgRoutes(app, services);
    registerPeopleSpreadsheet(app, ctx);
    registerDepartmentsSpreadsheet(app, ctx);
    registerVendorRoutes(app, createVendorsService(ctx));

    // Dictionaries declared by any module are created once every module has registered.
    app.addHook('onReady', async () => services.dictionaries.syncDeclared(ctx.registries.dictionaries));
  },
};
