// Reading the audit trail. There is deliberately no update or delete here (and triggers refuse them).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AuditEntryDto, auditListQuery } from '../../../shared/contracts/system.js';
import type { Page } from '../../../shared/contracts/common.js';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { pageWindow } from '../../core/listing.js';

export function createAuditQueries(db: Kysely<Database>) {
  return {
    async list(q: z.infer<typeof auditListQuery>): Promise<Page<AuditEntryDto>> {
      let base = db.selectFrom('audit_log');
      if (q.userId) base = base.where('actor_user_id', '=', q.userId);
      if (q.entityType) base = base.where('entity_type', '=', q.entityType);
      if (q.entityId) base = base.where('entity_id', '=', q.entityId);
      if (q.action) base = base.where('action', '=', q.action);
      if (q.from !== undefined) base = base.where('at', '>=', q.from);
      if (q.to !== undefined) base = base.where('at', '<', q.to);
      const { limit, offset } = pageWindow(q);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorKind: r.actor_kind,
          actorUserId: r.actor_user_id,
          actorName: r.actor_name,
          tokenId: r.token_id,
          ip: r.ip,
          requestId: r.request_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          before: r.before == null ? null : fromJson(r.before),
          after: r.after == null ? null : fromJson(r.after),
        })),
        total: Number(count.n),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}
