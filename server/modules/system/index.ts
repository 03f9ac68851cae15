// The system module: health, settings, the audit trail reader, attachments and import jobs.
import { createFileStore } from '../../core/files.js';
import type { SyswardModule } from '../../core/module.js';
import { registerAttachmentRoutes } from './attachments.routes.js';
import { createAttachmentsService } from './attachments.service.js';
import { registerSystemRoutes } from './system.routes.js';

export const systemModule: SyswardModule = {
  name: 'system',
  register(app, ctx) {
    registerSystemRoutes(app, ctx);
    registerAttachmentRoutes(app, createAttachmentsService({ ...ctx, files: createFileStore(ctx.config.dataDir) }));
    ctx.scheduler.add({ name: 'system.purge-import-jobs', schedule: '0 23 * * * *', run: async () => void (await ctx.imports.purgeOld()) });
  },
};
