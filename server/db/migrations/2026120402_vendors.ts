// The vendor directory (供应商与厂家): who repairs, supplies and connects. Tickets send repairs out
// to them. A name is unique among active vendors only, so a vendor that closed can be kept for
// history while a new one with the same name is added.
import { sql, type Kysely } from 'kysely';
import { autoId, bigint, createSearchStructures, dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const ms = bigint(kind);

  await db.schema
    .createTable('vendors')
    .addColumn('id', 'integer', autoId(kind))
    .addColumn('name', 'text', (c) => c.notNull())
    // The name as search normalises it (NFKC, lower case, single spaces): "华为 " and "ＨＵＡＷＥＩ" collide.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('service_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('name_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vendors_active_name').on('vendors').column('name_key').unique().where(sql.ref('active'), '=', 1).execute();
  await db.schema.createIndex('vendors_name_sort').on('vendors').columns(['active', 'name_sort', 'id']).execute();
  await createSearchStructures(db, 'vendors');

  // Kind tags (硬件维修, 网络, 耗材...) are a free list; a row per tag lets the list filter by one.
  await db.schema
    .createTable('vendor_kinds')
    .addColumn('vendor_id', 'integer', (c) => c.notNull().references('vendors.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('vendor_kinds_pk', ['vendor_id', 'kind'])
    .execute();
  await db.schema.createIndex('vendor_kinds_kind').on('vendor_kinds').columns(['kind', 'vendor_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
