// The ticket module's services wired together for one app (its ModuleContext): routes, jobs,
// and other code running inside the app (tests, demo data) use the same set.
import { createFileStore } from '../../core/files.js';
import type { ModuleContext } from '../../core/module.js';
import { createTicketAttachments } from './tickets.attachments.js';
import { createTicketCore } from './tickets.core.js';
import { createTicketJobs } from './tickets.jobs.js';
import { createTicketRepairs } from './tickets.repairs.js';
import { createTicketsService } from './tickets.service.js';
import { createTransitions } from './tickets.transitions.js';
import { createTicketWorkService } from './tickets.work.service.js';

export function createTicketServices(ctx: ModuleContext) {
  const core = createTicketCore({ ...ctx, ctx });
  const attachments = createTicketAttachments(core, createFileStore(ctx.config.dataDir));
  const tickets = createTicketsService(core, attachments);
  const transitions = createTransitions(core);
  return {
    tickets,
    attachments,
    work: createTicketWorkService(core, transitions, attachments, tickets.get),
    repairs: createTicketRepairs(core, tickets.get),
    jobs: createTicketJobs(core, transitions, attachments),
  };
}
export type TicketServices = ReturnType<typeof createTicketServices>;
