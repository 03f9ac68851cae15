// Queries of what hangs off a ticket: its timeline, linked assets, related tickets, vendor
// repairs, its attachments (rows of the core attachments table) and photos uploaded before it.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import { dialectOf, idIn, toJson } from '../../db/dialect.js';
import type { TicketRepairsTable, TicketUploadsTable } from './tickets.tables.js';

/** Which timeline entries a caller reads: all, the reporter's public ones, or those plus the escalation (a leader). */
export type TimelineScope = 'all' | 'public' | 'leader';

export interface NewEvent {
  ticketId: number;
  kind: string;
  at: number;
  actorUserId: number | null;
  body?: string;
  internal: boolean;
  minutes?: number;
  data?: Record<string, unknown>;
}

export function createTicketRelatedRepository(db: Kysely<Database>) {
  const kind = dialectOf(db);
  return {
    // ---- timeline ----
    async addEvent(e: NewEvent): Promise<number> {
      const { id } = await db
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          kind: e.kind,
          at: e.at,
          actor_user_id: e.actorUserId,
          body: e.body ?? '',
          internal: e.internal ? 1 : 0,
          minutes: e.minutes ?? 0,
          data: toJson(e.data ?? {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    /** Newest first, keyset-paged by id: a ticket with a long history pages in constant time. */
    timeline(ticketId: number, q: { before?: number; limit: number; scope: TimelineScope }) {
      let query = db
        .selectFrom('ticket_events')
        .leftJoin('users', 'users.id', 'ticket_events.actor_user_id')
        .selectAll('ticket_events')
        .select('users.name as actor_name')
        .where('ticket_events.ticket_id', '=', ticketId);
      if (q.scope === 'public') query = query.where('ticket_events.internal', '=', 0);
      else if (q.scope === 'leader')
        query = query.where((eb) => eb.or([eb('ticket_events.internal', '=', 0), eb('ticket_events.kind', '=', 'escalation')]));
      if (q.before) query = query.where('ticket_events.id', '<', q.before);
      return query
        .orderBy('ticket_events.id', 'desc')
        .limit(q.limit + 1)
        .execute();
    },

    // ---- linked assets ----
    assetsOf: (ticketId: number) =>
      db
        .selectFrom('ticket_assets')
        .innerJoin('assets', 'assets.id', 'ticket_assets.asset_id')
        .select(['assets.id', 'assets.number', 'assets.name', 'assets.status', 'assets.holder_person_id'])
        .where('ticket_assets.ticket_id', '=', ticketId)
        .orderBy('assets.number')
        .execute(),
    async assetIdsOf(ticketId: number): Promise<number[]> {
      const rows = await db.selectFrom('ticket_assets').select('asset_id').where('ticket_id', '=', ticketId).execute();
      return rows.map((r) => r.asset_id);
    },
    async addAssets(ticketId: number, assetIds: number[]): Promise<void> {
      if (assetIds.length)
        await db
          .insertInto('ticket_assets')
          .values(assetIds.map((asset_id) => ({ ticket_id: ticketId, asset_id })))
          .execute();
    },
    async removeAssets(ticketId: number, assetIds: number[]): Promise<void> {
      if (assetIds.length)
        await db
          .deleteFrom('ticket_assets')
          .where('ticket_id', '=', ticketId)
          .where(idIn(kind, 'asset_id', assetIds))
          .execute();
    },

    // ---- related tickets ----
    /** Related tickets in both directions: 'out' where this ticket is the subject (A duplicate_of B). */
    async linksOf(ticketId: number) {
      const side = (own: 'from_ticket_id' | 'to_ticket_id', other: 'from_ticket_id' | 'to_ticket_id') =>
        db
          .selectFrom('ticket_links')
          .innerJoin('tickets', 'tickets.id', `ticket_links.${other}`)
          .select(['ticket_links.id as link_id', 'ticket_links.kind', 'tickets.id', 'tickets.number', 'tickets.title', 'tickets.state'])
          .where(`ticket_links.${own}`, '=', ticketId)
          .execute();
      const [out, inbound] = await Promise.all([side('from_ticket_id', 'to_ticket_id'), side('to_ticket_id', 'from_ticket_id')]);
      return [...out.map((r) => ({ ...r, direction: 'out' as const })), ...inbound.map((r) => ({ ...r, direction: 'in' as const }))].sort(
        (a, b) => a.link_id - b.link_id,
      );
    },
    linkBetween: (a: number, b: number, linkKind: string) =>
      db
        .selectFrom('ticket_links')
        .select('id')
        .where('kind', '=', linkKind)
        .where((eb) =>
          eb.or([
            eb.and([eb('from_ticket_id', '=', a), eb('to_ticket_id', '=', b)]),
            eb.and([eb('from_ticket_id', '=', b), eb('to_ticket_id', '=', a)]),
          ]),
        )
        .executeTakeFirst(),
    async addLink(from: number, to: number, linkKind: string, at: number): Promise<void> {
      await db.insertInto('ticket_links').values({ from_ticket_id: from, to_ticket_id: to, kind: linkKind, created_at: at }).execute();
    },
    async removeLink(id: number): Promise<void> {
      await db.deleteFrom('ticket_links').where('id', '=', id).execute();
    },
    /** Whether the ticket is recorded as a duplicate of another (closing it needs no record). */
    async isDuplicate(ticketId: number): Promise<boolean> {
      return !!(await db
        .selectFrom('ticket_links')
        .select('id')
        .where('from_ticket_id', '=', ticketId)
        .where('kind', '=', 'duplicate_of')
        .executeTakeFirst());
    },

    // ---- vendor repairs ----
    repairsOf: (ticketId: number) => db.selectFrom('ticket_repairs').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute(),
    repairById: (ticketId: number, repairId: number) =>
      db.selectFrom('ticket_repairs').selectAll().where('ticket_id', '=', ticketId).where('id', '=', repairId).executeTakeFirst(),
    async insertRepair(row: Insertable<TicketRepairsTable>): Promise<number> {
      return (await db.insertInto('ticket_repairs').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async updateRepair(id: number, set: Updateable<TicketRepairsTable>): Promise<void> {
      await db.updateTable('ticket_repairs').set(set).where('id', '=', id).execute();
    },

    // ---- attachments ----
    async insertAttachment(row: {
      ticketId: number;
      fileName: string;
      mime: string;
      size: number;
      sha256: string;
      storageKey: string;
      userId: number | null;
      at: number;
      internal: boolean;
    }): Promise<number> {
      const { id } = await db
        .insertInto('attachments')
        .values({
          entity_type: 'ticket',
          entity_id: row.ticketId,
          file_name: row.fileName,
          mime: row.mime,
          size: row.size,
          sha256: row.sha256,
          storage_key: row.storageKey,
          created_by: row.userId,
          created_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (row.internal) await db.insertInto('ticket_internal_attachments').values({ attachment_id: id, ticket_id: row.ticketId }).execute();
      return id;
    },
    /** A ticket's attachments; for the reporter without those that came with internal notes. */
    attachmentsOf(ticketId: number, publicOnly: boolean) {
      let query = db
        .selectFrom('attachments')
        .selectAll('attachments')
        .where('attachments.entity_type', '=', 'ticket')
        .where('attachments.entity_id', '=', ticketId);
      if (publicOnly)
        query = query.where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('ticket_internal_attachments as ia')
                .select('ia.attachment_id')
                .whereRef('ia.attachment_id', '=', 'attachments.id'),
            ),
          ),
        );
      return query.orderBy('attachments.id').execute();
    },

    // ---- uploads before the ticket ----
    async insertUpload(row: Insertable<TicketUploadsTable>): Promise<void> {
      await db.insertInto('ticket_uploads').values(row).execute();
    },
    /** The caller's own pending uploads among `ids` (another user's ids simply are not found). */
    uploadsOf: (ids: string[], userId: number) =>
      ids.length
        ? db.selectFrom('ticket_uploads').selectAll().where('id', 'in', ids).where('user_id', '=', userId).execute()
        : Promise.resolve([]),
    async removeUploads(ids: string[]): Promise<void> {
      if (ids.length) await db.deleteFrom('ticket_uploads').where('id', 'in', ids).execute();
    },
    expiredUploads: (before: number, limit: number) =>
      db.selectFrom('ticket_uploads').selectAll().where('created_at', '<', before).orderBy('created_at').limit(limit).execute(),
  };
}
export type TicketRelatedRepository = ReturnType<typeof createTicketRelatedRepository>;
