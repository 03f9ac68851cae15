// Fault tickets (故障报修) and tasks: the tickets, their timeline, linked assets, related tickets,
// vendor repairs, photos uploaded before their ticket exists, number sequences, and the search
// structures. Indexes are chosen for the technician's lists at 200,000 tickets with 2,000,000
// timeline rows: each view's filter followed by the default sort (created_at, id).
import { sql, type Kysely } from 'kysely';
import { autoId, bigint, createSearchStructures, dialectOf, jsonType } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const id = autoId(kind);
  const ms = bigint(kind);
  const json = jsonType(kind);

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', id)
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    // urgent 0 … low 3: sorting by priority is then an index walk, not a CASE over every row.
    .addColumn('priority_rank', 'integer', (c) => c.notNull())
    .addColumn('important', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reporter_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('reporter_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('assignee_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('waiting_for', 'text')
    .addColumn('problem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cause', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('solution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prevention', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('response_due_at', ms)
    .addColumn('response_near_at', ms)
    .addColumn('resolution_due_at', ms)
    .addColumn('resolution_near_at', ms)
    // Working minutes the resolution clock stood still (waiting, resolved before a reopen).
    .addColumn('paused_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('responded_at', ms)
    .addColumn('resolved_at', ms)
    .addColumn('closed_at', ms)
    // Working minutes to the first response and to the resolution, kept on write so the
    // statistics average them in SQL.
    .addColumn('response_minutes', 'integer')
    .addColumn('resolution_minutes', 'integer')
    // Bits of the target notices already written: 1 response near, 2 response breached,
    // 4 resolution near, 8 resolution breached.
    .addColumn('sla_notified', 'integer', (c) => c.notNull().defaultTo(0))
    // The next instant a target notice falls due (null: none); the minute job reads this index only.
    .addColumn('sla_check_at', ms)
    .addColumn('waiting_since', ms)
    .addColumn('minutes_spent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('escalation_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('escalated_at', ms)
    .addColumn('escalation_decision', 'text')
    .addColumn('decided_at', ms)
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('tickets').columns(columns).execute();
  await db.schema.createIndex('tickets_number').on('tickets').column('number').unique().execute();
  await index('tickets_created', ['created_at', 'id']);
  await index('tickets_updated', ['updated_at', 'id']);
  await index('tickets_state_created', ['state', 'created_at', 'id']);
  await index('tickets_assignee_state', ['assignee_user_id', 'state', 'created_at', 'id']);
  await index('tickets_reporter_person', ['reporter_person_id', 'created_at', 'id']);
  await index('tickets_reporter_user', ['reporter_user_id', 'created_at', 'id']);
  await index('tickets_leader', ['leader_user_id', 'needs_leader', 'created_at']);
  await index('tickets_location', ['location_id', 'created_at']);
  await index('tickets_category', ['category', 'created_at']);
  await index('tickets_priority', ['priority_rank', 'id']);
  await index('tickets_resolution_due', ['resolution_due_at', 'id']);
  await index('tickets_created_by', ['created_by_user_id']);
  await index('tickets_resolved', ['resolved_at']);
  // The overdue and near views and counts test every open ticket's clocks: this index holds them
  // all, newest first, so those lists never read the (wide) rows. Its condition is the literal
  // list the queries use, which lets both databases choose it.
  await sql`create index tickets_open_clocks on tickets (created_at, id, state, responded_at, response_due_at, response_near_at,
    resolution_due_at, resolution_near_at, waiting_since) where state in ('new', 'assigned', 'in_progress', 'waiting')`.execute(db);
  // The minute job and the auto-close job read only the rows they may act on.
  await sql`create index tickets_sla_check on tickets (sla_check_at) where sla_check_at is not null`.execute(db);
  await sql`create index tickets_auto_close on tickets (resolved_at) where state = 'resolved'`.execute(db);
  await createSearchStructures(db, 'tickets');

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();
  // The reporter's timeline skips internal entries without reading them.
  await db.schema.createIndex('ticket_events_ticket_public').on('ticket_events').columns(['ticket_id', 'internal', 'id']).execute();

  await db.schema
    .createTable('ticket_assets')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('asset_id', 'integer', (c) => c.notNull().references('assets.id'))
    .addPrimaryKeyConstraint('ticket_assets_pk', ['ticket_id', 'asset_id'])
    .execute();
  await db.schema.createIndex('ticket_assets_asset').on('ticket_assets').columns(['asset_id', 'ticket_id']).execute();

  await db.schema
    .createTable('ticket_links')
    .addColumn('id', 'integer', id)
    .addColumn('from_ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('to_ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_links_pair')
    .on('ticket_links')
    .columns(['from_ticket_id', 'to_ticket_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('ticket_links_to').on('ticket_links').columns(['to_ticket_id']).execute();

  await db.schema
    .createTable('ticket_repairs')
    .addColumn('id', 'integer', id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('vendor_id', 'integer', (c) => c.references('vendors.id'))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rma_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('asset_id', 'integer', (c) => c.references('assets.id'))
    // The asset's status before it went out, restored when it comes back.
    .addColumn('asset_prev_status', 'text')
    .addColumn('sent_date', 'text', (c) => c.notNull())
    .addColumn('returned_date', 'text')
    .addColumn('cost_fen', ms, (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_repairs_ticket').on('ticket_repairs').columns(['ticket_id', 'id']).execute();
  await db.schema.createIndex('ticket_repairs_vendor').on('ticket_repairs').column('vendor_id').execute();
  await db.schema.createIndex('ticket_repairs_asset').on('ticket_repairs').column('asset_id').execute();

  // Attachments of a ticket that came with an internal note: the reporter never sees them.
  await db.schema
    .createTable('ticket_internal_attachments')
    .addColumn('attachment_id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .execute();
  await db.schema.createIndex('ticket_internal_attachments_ticket').on('ticket_internal_attachments').column('ticket_id').execute();

  // Photos a person uploads while filling in the report form, before the ticket exists.
  await db.schema
    .createTable('ticket_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_uploads_created').on('ticket_uploads').column('created_at').execute();
  await db.schema.createIndex('ticket_uploads_user').on('ticket_uploads').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('ticket_number_sequences')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
