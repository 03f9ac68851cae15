// Scheduled work: the minute job that writes a timeline entry and tells the assignee (or every
// technician) once a target is near or breached; resolved tickets the reporter never answered
// close by themselves; photos uploaded for reports that were never sent are removed.
import { systemActor } from '../../core/actor.js';
import type { ModuleContext } from '../../core/module.js';
import type { TicketAttachments } from './tickets.attachments.js';
import type { TicketCore } from './tickets.core.js';
import { auditSummary } from './tickets.mappers.js';
import { createTicketsRepository } from './tickets.repository.js';
import { readTicketSettings } from './tickets.settings.js';
import { dueNotices, nextSlaCheck } from './tickets.sla.js';
import type { Transitions } from './tickets.transitions.js';

const BATCH = 200;
const MAX_BATCHES = 50;
const DAY = 86_400_000;

export function createTicketJobs(core: TicketCore, transitions: Transitions, attachments: TicketAttachments) {
  const { db, clock, audit } = core;
  const actor = systemActor('tickets');

  return {
    /** Returns how many notices were written. */
    async slaScan(): Promise<number> {
      let written = 0;
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const due = await createTicketsRepository(db).slaDue(clock.now(), BATCH);
        for (const row of due)
          written += await core.change(async (tx) => {
            const t = await core.reload(tx.trx, row.id);
            const notices = dueNotices(t, tx.now);
            let bits = t.sla_notified;
            for (const n of notices) {
              bits |= n.bits;
              await core.timeline(tx, actor, { ticketId: t.id, kind: 'sla', internal: true, data: { clock: n.clock, level: n.level } });
              await audit.record(tx.trx, actor, {
                action: 'sla',
                entityType: 'ticket',
                entityId: t.id,
                summary: auditSummary(t),
                after: { clock: n.clock, level: n.level },
              });
              await core.notices.sla(tx.trx, t, n.clock, n.level);
              tx.emit('ticket.sla', { id: t.id, clock: n.clock, level: n.level });
            }
            const next = nextSlaCheck({ ...t, sla_notified: bits });
            // Never leave a row due that has nothing left to say (it would be read every minute).
            await createTicketsRepository(tx.trx).update(t.id, {
              sla_notified: bits,
              sla_check_at: next !== null && next <= tx.now && !notices.length ? null : next,
            });
            return notices.length;
          });
        if (due.length < BATCH) break;
      }
      return written;
    },

    async autoClose(): Promise<number> {
      const { autoCloseDays } = await readTicketSettings(db);
      if (autoCloseDays === 0) return 0;
      let closed = 0;
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const before = clock.now() - autoCloseDays * DAY;
        const rows = await createTicketsRepository(db).resolvedBefore(before, BATCH);
        for (const row of rows)
          await core.change(async (tx) => {
            const t = await core.reload(tx.trx, row.id);
            if (t.state !== 'resolved' || t.resolved_at === null || Number(t.resolved_at) > before) return;
            await transitions.transitionIn(tx, actor, t, { to: 'closed', reason: '' }, true);
            closed++;
          });
        if (rows.length < BATCH) break;
      }
      return closed;
    },

    purgeUploads: () => attachments.purgeExpired(),
  };
}

export function scheduleTicketJobs(ctx: ModuleContext, jobs: ReturnType<typeof createTicketJobs>): void {
  ctx.scheduler.add({ name: 'tickets.sla', schedule: '0 * * * * *', run: async () => void (await jobs.slaScan()) });
  ctx.scheduler.add({ name: 'tickets.auto-close', schedule: '0 7 * * * *', run: async () => void (await jobs.autoClose()) });
  ctx.scheduler.add({ name: 'tickets.purge-uploads', schedule: '0 37 * * * *', run: async () => void (await jobs.purgeUploads()) });
}
