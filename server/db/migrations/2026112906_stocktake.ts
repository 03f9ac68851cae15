// Year-end stocktake (年终盘点): the stocktakes, the snapshot of the assets each one expects to
// find, and the labels scanned that were not in the snapshot (unknown codes, assets outside it).
// Stocktakes are historical records: they keep names and ids as they were, without foreign keys,
// so deleting a location, category or asset later is never blocked by an old stocktake.
import type { Kysely } from 'kysely';
import { autoId, bigint, dialectOf, jsonType } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const id = autoId(kind);
  const ms = bigint(kind);
  const json = jsonType(kind);

  await db.schema
    .createTable('stocktakes')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 1 while open, null once closed: the unique index lets only one stocktake be open at a time,
    // even when two are started at the same moment.
    .addColumn('open_slot', 'integer')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('location_id', 'integer')
    .addColumn('location_path', 'text')
    .addColumn('category_id', 'integer')
    .addColumn('category_name', 'text')
    .addColumn('expected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('found_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('misplaced_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unknown_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outside_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Misplaced items whose asset was moved to where it was seen.
    .addColumn('applied_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Bumped by every change, so a polling page refetches its lists only when something happened.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', ms, (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_by_user_id', 'integer')
    .addColumn('closed_at', ms)
    .addColumn('closed_by', 'text')
    .addColumn('close_date', 'text')
    .addColumn('report', json)
    .execute();
  await db.schema.createIndex('stocktakes_open_slot').on('stocktakes').column('open_slot').unique().execute();
  await db.schema.createIndex('stocktakes_started').on('stocktakes').columns(['started_at', 'id']).execute();

  await db.schema
    .createTable('stocktake_items')
    .addColumn('id', 'integer', id)
    .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktakes.id'))
    .addColumn('asset_id', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('category_name', 'text', (c) => c.notNull())
    .addColumn('location_id', 'integer')
    .addColumn('location_path', 'text')
    .addColumn('department_id', 'integer')
    .addColumn('department_name', 'text')
    .addColumn('holder_person_id', 'integer')
    .addColumn('holder_name', 'text')
    .addColumn('price_fen', ms)
    .addColumn('purchase_date', 'text')
    .addColumn('life_months', 'integer')
    .addColumn('residual_bp', 'integer')
    .addColumn('asset_status', 'text', (c) => c.notNull())
    .addColumn('found_at', ms)
    .addColumn('found_by', 'text')
    .addColumn('found_by_user_id', 'integer')
    .addColumn('found_location_id', 'integer')
    .addColumn('found_location_path', 'text')
    .addColumn('misplaced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // When the asset's location was changed to where it was seen (apply-locations).
    .addColumn('applied_at', ms)
    .execute();
  await db.schema.createIndex('stocktake_items_asset').on('stocktake_items').columns(['stocktake_id', 'asset_id']).unique().execute();
  await db.schema.createIndex('stocktake_items_number').on('stocktake_items').columns(['stocktake_id', 'number']).execute();
  await db.schema.createIndex('stocktake_items_found').on('stocktake_items').columns(['stocktake_id', 'found_at', 'id']).execute();
  await db.schema
    .createIndex('stocktake_items_misplaced')
    .on('stocktake_items')
    .columns(['stocktake_id', 'misplaced', 'found_at'])
    .execute();

  await db.schema
    .createTable('stocktake_extras')
    .addColumn('id', 'integer', id)
    .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktakes.id'))
    // 'unknown': no asset has this number; 'outside': an asset, but not in this stocktake's snapshot.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'integer')
    .addColumn('location_id', 'integer')
    .addColumn('location_path', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('times', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_at', ms, (c) => c.notNull())
    .addColumn('last_at', ms, (c) => c.notNull())
    .addColumn('found_by', 'text', (c) => c.notNull())
    .addColumn('found_by_user_id', 'integer')
    .execute();
  await db.schema.createIndex('stocktake_extras_code').on('stocktake_extras').columns(['stocktake_id', 'code']).unique().execute();
  await db.schema.createIndex('stocktake_extras_kind').on('stocktake_extras').columns(['stocktake_id', 'kind', 'id']).execute();
}
