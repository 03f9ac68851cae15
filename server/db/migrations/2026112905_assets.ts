// Asset ledger: categories (with custom field definitions), assets, their history, hand-outs
// and returns, maintenance records, number sequences and saved list views.
import type { Kysely } from 'kysely';
import { autoId, bigint, createSearchStructures, dialectOf, jsonType } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const id = autoId(kind);
  const ms = bigint(kind);
  const json = jsonType(kind);

  await db.schema
    .createTable('asset_categories')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('asset_categories.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fields', json, (c) => c.notNull())
    .addColumn('default_life_months', 'integer')
    .addColumn('default_residual_bp', 'integer')
    .addColumn('name_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_categories_code').on('asset_categories').column('code').unique().execute();
  await db.schema.createIndex('asset_categories_parent').on('asset_categories').columns(['parent_id', 'sort_order']).execute();

  await db.schema
    .createTable('assets')
    .addColumn('id', 'integer', id)
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('asset_categories.id'))
    .addColumn('brand', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('model', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('serial', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('holder_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('purchase_date', 'text')
    .addColumn('price_fen', ms)
    .addColumn('supplier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('order_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('warranty_end', 'text')
    .addColumn('life_months', 'integer')
    .addColumn('residual_bp', 'integer')
    // purchase_date + life_months, kept on write so end-of-life reminders are an index range.
    .addColumn('eol_date', 'text')
    .addColumn('hostname', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mac', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('custom', json, (c) => c.notNull())
    .addColumn('name_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assets_number').on('assets').column('number').unique().execute();
  await db.schema.createIndex('assets_serial').on('assets').column('serial').execute();
  // Each list filter with the default sort, so a filtered first page is an index range walk.
  for (const col of ['status', 'category_id', 'location_id', 'department_id', 'holder_person_id'])
    await db.schema.createIndex(`assets_${col}_number`).on('assets').columns([col, 'number']).execute();
  // Counts of a filtered list read these alone, never the (wide) rows.
  for (const col of ['category_id', 'location_id', 'department_id'])
    await db.schema.createIndex(`assets_${col}_status`).on('assets').columns([col, 'status']).execute();
  // Sort indexes carry the status, so the ids of a page (and the rows skipped before it) come from the index alone.
  await db.schema.createIndex('assets_number_id_status').on('assets').columns(['number', 'id', 'status']).execute();
  for (const col of ['name_sort', 'purchase_date', 'price_fen', 'warranty_end', 'eol_date', 'created_at', 'updated_at', 'brand', 'model'])
    await db.schema.createIndex(`assets_${col}`).on('assets').columns([col, 'id', 'status']).execute();
  await db.schema.createIndex('assets_ip').on('assets').column('ip').execute();
  await createSearchStructures(db, 'assets');

  await db.schema
    .createTable('asset_history')
    .addColumn('id', 'integer', id)
    .addColumn('asset_id', 'integer', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('changes', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_history_asset').on('asset_history').columns(['asset_id', 'id']).execute();

  await db.schema
    .createTable('asset_assignments')
    .addColumn('id', 'integer', id)
    .addColumn('asset_id', 'integer', (c) => c.notNull().references('assets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('loan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('expected_return', 'text')
    .addColumn('condition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signer_name', 'text', (c) => c.notNull().defaultTo(''))
    // A small PNG drawn on screen, base64; kept with the record it signs.
    .addColumn('signature', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('handled_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_assignments_asset').on('asset_assignments').columns(['asset_id', 'id']).execute();

  await db.schema
    .createTable('asset_maintenance')
    .addColumn('id', 'integer', id)
    .addColumn('asset_id', 'integer', (c) => c.notNull().references('assets.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cost_fen', ms)
    .addColumn('performer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vendor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('upgrade_item', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('upgrade_from', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('upgrade_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_due', 'text')
    .addColumn('followed_up_by', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_maintenance_asset').on('asset_maintenance').columns(['asset_id', 'date']).execute();
  await db.schema.createIndex('asset_maintenance_due').on('asset_maintenance').columns(['followed_up_by', 'next_due']).execute();

  await db.schema
    .createTable('asset_number_sequences')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('asset_views')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', json, (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_views_user').on('asset_views').columns(['user_id', 'name']).unique().execute();
}
