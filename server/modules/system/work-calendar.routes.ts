// /api/settings/work-calendar: every signed-in page that shows a due time reads it; only
// administrators of the settings change it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workCalendar, workCalendarResponse, type WorkCalendarResponse } from '../../../shared/contracts/calendar.js';
import { weeklyWorkingMinutes, type WorkCalendar } from '../../../shared/lib/work-calendar.js';
import type { ModuleContext } from '../../core/module.js';
import { readWorkCalendar, updateWorkCalendar } from './work-calendar.settings.js';

const withTotal = (cal: WorkCalendar): WorkCalendarResponse => ({ ...cal, weeklyMinutes: weeklyWorkingMinutes(cal) });

export function registerWorkCalendarRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get(
    '/api/settings/work-calendar',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'The work calendar that service targets count in', response: { 200: workCalendarResponse } },
    },
    async () => withTotal(await readWorkCalendar(ctx.db)),
  );
  r.put(
    '/api/settings/work-calendar',
    {
      config: { access: 'settings:write' },
      schema: {
        tags,
        summary: 'Replace the work calendar (weekdays, working periods, holidays, make-up working days)',
        body: workCalendar,
        response: { 200: workCalendarResponse },
      },
    },
    async (req) => withTotal(await updateWorkCalendar(ctx.db, ctx, req.actor, req.body)),
  );
}
