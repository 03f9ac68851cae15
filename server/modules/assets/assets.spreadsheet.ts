// The asset list's spreadsheet round trip: export any list view with the import's own headers
// (so an export edited in Excel imports back without loss), the template, and the importer.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { assetListQuery, type Category } from '../../../shared/contracts/assets.js';
import type { Actor } from '../../core/actor.js';
import { registerSpreadsheetRoutes } from '../../core/http/spreadsheet-routes.js';
import type { ModuleContext } from '../../core/module.js';
import type { ColumnSpec } from '../../core/tabular/index.js';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { orgLookups } from '../org/index.js';
import { ASSET_FIELDS, assetsImporter, customCellText } from './assets.import.js';
import { createAssetsRepository, type AssetRow } from './assets.repository.js';
import { loadCategories } from './categories.service.js';
import { STATUS_LABEL, yuanText } from './import-values.js';

type Exported = AssetRow & {
  paths: { category: string; location: string; department: string; holder: string };
  defs: Category['effectiveFields'];
};

const value: Record<string, (a: Exported) => string | number | null> = {
  number: (a) => a.number,
  name: (a) => a.name,
  category: (a) => a.paths.category,
  brand: (a) => a.brand,
  model: (a) => a.model,
  serial: (a) => a.serial,
  status: (a) => STATUS_LABEL[a.status as keyof typeof STATUS_LABEL] ?? a.status,
  location: (a) => a.paths.location,
  department: (a) => a.paths.department,
  holder: (a) => a.paths.holder,
  purchaseDate: (a) => a.purchase_date,
  price: (a) => yuanText(a.price_fen === null ? null : Number(a.price_fen)),
  supplier: (a) => a.supplier,
  orderNumber: (a) => a.order_number,
  warrantyEnd: (a) => a.warranty_end,
  lifeMonths: (a) => a.life_months,
  residualRate: (a) => (a.residual_bp === null ? null : a.residual_bp / 100),
  hostname: (a) => a.hostname,
  ip: (a) => a.ip,
  mac: (a) => a.mac,
  notes: (a) => a.notes,
  custom: (a) => customCellText(fromJson(a.custom), a.defs),
};
const WIDTH: Record<string, number> = { name: 28, category: 14, location: 28, department: 22, notes: 40, custom: 40 };

const columns: ColumnSpec<Exported>[] = ASSET_FIELDS.map((f) => ({
  key: f.key,
  header: f.header,
  width: WIDTH[f.key],
  value: value[f.key]!,
}));

/** Person names as exports write them: the name, or 姓名(工号) where two people share it. */
async function holderNames(db: Kysely<Database>): Promise<Map<number, string>> {
  const people = await db.selectFrom('people').select(['id', 'name', 'number']).execute();
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return new Map(people.map((p) => [p.id, (count.get(p.name) ?? 0) > 1 && p.number ? `${p.name}(${p.number})` : p.name]));
}

export function registerAssetsSpreadsheet(app: FastifyInstance, ctx: ModuleContext): void {
  const importer = assetsImporter(ctx);
  ctx.registries.importers.set(importer.kind, importer);
  registerSpreadsheetRoutes(app, ctx, {
    basePath: '/api/assets',
    tag: 'assets',
    fileStem: '资产台账',
    read: 'assets:read',
    importer,
    columns,
    filters: assetListQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
    async *rows(db: Kysely<Database>, _actor: Actor, filter) {
      const categories = await loadCategories(db);
      const catPath = (id: number): string => {
        const c = categories.get(id);
        return !c ? '' : c.parentId !== null && categories.has(c.parentId) ? `${catPath(c.parentId)}/${c.name}` : c.name;
      };
      const locations = await orgLookups.paths(db, 'locations');
      const departments = await orgLookups.paths(db, 'departments');
      const holders = await holderNames(db);
      const slash = (p: string | undefined) => (p ?? '').replace(/ \/ /g, '/');
      for await (const a of createAssetsRepository(db).stream(filter)) {
        yield {
          ...a,
          paths: {
            category: catPath(a.category_id),
            location: a.location_id ? slash(locations.get(a.location_id)) : '',
            department: a.department_id ? slash(departments.get(a.department_id)) : '',
            holder: a.holder_person_id ? (holders.get(a.holder_person_id) ?? '') : '',
          },
          defs: categories.get(a.category_id)?.effectiveFields ?? [],
        };
      }
    },
  });
}
