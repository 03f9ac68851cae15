// Monitoring (监控): monitors and their groups, the current status of each, raw results kept for
// a short period, aggregates per minute, hour and day kept longer, and the state changes. Raw
// results are keyed by (monitor, time) and, on SQLite, stored without a separate rowid: a busy
// site writes millions of them a day, so each row is kept as small as it can be.
import { sql, type Kysely } from 'kysely';
import { autoId, bigint, createSearchStructures, dialectOf, float, jsonType } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const ms = bigint(kind);
  const json = jsonType(kind);
  const real = float(kind);
  const compact = kind === 'sqlite' ? sql`without rowid` : sql``;

  await db.schema
    .createTable('monitor_groups')
    .addColumn('id', 'integer', autoId(kind))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_slug', 'text', (c) => c.unique())
    .addColumn('public_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('monitors')
    .addColumn('id', 'integer', autoId(kind))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.references('monitor_groups.id'))
    .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('asset_id', 'integer', (c) => c.references('assets.id'))
    .addColumn('target', json, (c) => c.notNull())
    .addColumn('interval_s', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('retries', 'integer', (c) => c.notNull())
    .addColumn('thresholds', json, (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('monitors.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('push_token_hash', 'text', (c) => c.unique())
    .addColumn('name_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitors_group').on('monitors').columns(['group_id', 'name_sort', 'id']).execute();
  await db.schema.createIndex('monitors_location').on('monitors').columns(['location_id', 'id']).execute();
  await db.schema.createIndex('monitors_asset').on('monitors').columns(['asset_id', 'id']).execute();
  await db.schema.createIndex('monitors_parent').on('monitors').columns(['parent_id', 'id']).execute();
  await createSearchStructures(db, 'monitors');

  await db.schema
    .createTable('monitor_secrets')
    .addColumn('monitor_id', 'integer', (c) => c.primaryKey().references('monitors.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('monitor_status')
    .addColumn('monitor_id', 'integer', (c) => c.primaryKey().references('monitors.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('since', ms, (c) => c.notNull())
    .addColumn('checked_at', ms)
    .addColumn('latency_ms', real)
    .addColumn('value', real)
    .addColumn('reason', 'text')
    .addColumn('detail', json)
    .addColumn('facts', json)
    .addColumn('history', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('flapping', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notified', 'text', (c) => c.notNull().defaultTo('ok'))
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitor_status_state').on('monitor_status').columns(['state', 'monitor_id']).execute();

  // No foreign keys on the high-volume tables: a deleted monitor's rows go with it in one
  // statement per table, and every batch insert would otherwise probe the monitors table.
  await db.schema
    .createTable('monitor_results')
    .addColumn('monitor_id', 'integer', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('latency_ms', real)
    .addColumn('value', real)
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('monitor_results_pk', ['monitor_id', 'at'])
    .modifyEnd(compact)
    .execute();
  await db.schema.createIndex('monitor_results_at').on('monitor_results').column('at').execute();

  await db.schema
    .createTable('monitor_metrics')
    .addColumn('monitor_id', 'integer', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_metrics_pk', ['monitor_id', 'at'])
    .modifyEnd(compact)
    .execute();
  await db.schema.createIndex('monitor_metrics_at').on('monitor_metrics').column('at').execute();

  await db.schema
    .createTable('monitor_rollups')
    .addColumn('monitor_id', 'integer', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('start', ms, (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('ok_n', 'integer', (c) => c.notNull())
    .addColumn('warn_n', 'integer', (c) => c.notNull())
    .addColumn('crit_n', 'integer', (c) => c.notNull())
    .addColumn('unknown_n', 'integer', (c) => c.notNull())
    .addColumn('lat_sum', real, (c) => c.notNull())
    .addColumn('lat_n', 'integer', (c) => c.notNull())
    .addColumn('lat_min', real)
    .addColumn('lat_max', real)
    .addColumn('val_sum', real, (c) => c.notNull())
    .addColumn('val_n', 'integer', (c) => c.notNull())
    .addColumn('val_min', real)
    .addColumn('val_max', real)
    .addPrimaryKeyConstraint('monitor_rollups_pk', ['monitor_id', 'size', 'metric', 'start'])
    .modifyEnd(compact)
    .execute();
  await db.schema.createIndex('monitor_rollups_start').on('monitor_rollups').columns(['size', 'start']).execute();

  await db.schema
    .createTable('monitor_events')
    .addColumn('id', 'integer', autoId(kind))
    .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', json)
    .addColumn('value', real)
    .addColumn('notified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Calls of push URLs, waiting for the engine that runs the monitor (any instance may take the
  // call; the one that owns the monitor reads and deletes them).
  await db.schema
    .createTable('monitor_pushes')
    .addColumn('id', 'integer', autoId(kind))
    .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('value', real)
    .execute();
  await db.schema.createIndex('monitor_pushes_monitor').on('monitor_pushes').columns(['monitor_id', 'id']).execute();

  await db.schema.createIndex('monitor_events_monitor').on('monitor_events').columns(['monitor_id', 'at']).execute();
  await db.schema.createIndex('monitor_events_at').on('monitor_events').column('at').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
