// The system module: health, settings, the audit trail reader, attachments and import jobs.
import { sql } from 'kysely';
import { createFileStore } from '../../core/files.js';
import type { EventMap } from '../../core/events.js';
import type { SyswardModule } from '../../core/module.js';
import { registerAttachmentRoutes } from './attachments.routes.js';
import { createAttachmentsService } from './attachments.service.js';
import { registerSystemRoutes } from './system.routes.js';
import { registerWorkCalendarRoutes } from './work-calendar.routes.js';

export { readWorkCalendar } from './work-calendar.settings.js';

export const systemModule: SyswardModule = {
  name: 'system',
  register(app, ctx) {
    registerSystemRoutes(app, ctx);
    registerWorkCalendarRoutes(app, ctx);
    const attachments = createAttachmentsService({ ...ctx, files: createFileStore(ctx.config.dataDir) });
    registerAttachmentRoutes(app, attachments);
    // Attachable types are registered by the modules that own them, after this one: once all
    // are known, a deleted entity takes its attachments with it (through its '<type>.deleted' event).
    app.addHook('onReady', async () => {
      for (const type of ctx.registries.attachables.keys()) {
        const event = `${type}.deleted` as keyof EventMap;
        ctx.events.on(event, (payload) => attachments.removeAllOf(type, (payload as { id: number }).id).then(() => undefined));
      }
    });
    ctx.scheduler.add({ name: 'system.purge-import-jobs', schedule: '0 23 * * * *', run: async () => void (await ctx.imports.purgeOld()) });
    // SQLite keeps no statistics unless asked; PostgreSQL's autovacuum gathers its own.
    if (ctx.kind === 'sqlite')
      ctx.scheduler.add({
        name: 'system.sqlite-optimize',
        schedule: '0 10 3 * * *',
        run: async () => void (await sql`pragma optimize`.execute(ctx.db)),
      });
  },
};
