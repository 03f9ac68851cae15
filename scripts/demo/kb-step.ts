// Demo step: the knowledge base. The IT staff's articles, each written on its day by its author
// (some revised later, so the earlier text stays as a revision), and a few drafted from resolved
// tickets through the same path as the ticket page's "to the knowledge base" button, then tidied
// up and published, so the article and the ticket point at each other.
import { kbArticleInput, kbArticlePatch } from '../../shared/contracts/kb.js';
import type { Actor } from '../../server/core/actor.js';
import { readSettings } from '../../server/core/settings.js';
import { draftFromTicket } from '../../server/modules/kb/kb.from-ticket.js';
import { createKbService } from '../../server/modules/kb/kb.service.js';
import { ticketLookups } from '../../server/modules/tickets/index.js';
import { addWorkingMinutes } from '../../shared/lib/work-calendar.js';
import { readWorkCalendar } from '../../server/modules/system/index.js';
import { dateIn } from '../../server/core/clock.js';
import type { DemoContext, DemoStep } from './context.js';
import { addDays, instantOf, storyApp, userActor, userIdOf } from './demo-clock.js';
import { ARTICLES, FROM_TICKETS } from './kb-data.js';

export const kbStep: DemoStep = {
  name: 'kb',
  async run(ctx) {
    const story = await storyApp(ctx);
    try {
      const db = ctx.deps.db;
      const random = ctx.random('kb');
      const { timeZone } = await readSettings(db);
      const calendar = await readWorkCalendar(db);
      const today = dateIn(Date.now(), timeZone);
      /** A working moment of the day that many days ago. */
      const dayAgo = (days: number) => instantOf(addDays(today, -days), random.int(9 * 60, 17 * 60), timeZone);
      const kb = createKbService(story.module, ticketLookups.recordOf);
      const fromTicket = draftFromTicket(story.module, kb, ticketLookups.recordOf);
      const actors = new Map<number, Actor>();
      const actorOf = async (userId: number) => actors.get(userId) ?? actors.set(userId, await userActor(ctx, userId)).get(userId)!;
      const views: [id: number, count: number][] = [];
      let faq = 0;

      for (const spec of [...ARTICLES].sort((a, b) => b.writtenDaysAgo - a.writtenDaysAgo)) {
        story.clock.set(dayAgo(spec.writtenDaysAgo));
        const article = await kb.create(
          await actorOf(userIdOf(ctx, spec.author)),
          kbArticleInput.parse({
            title: spec.title,
            bodyMarkdown: spec.body,
            category: spec.category,
            tags: spec.tags,
            visibility: spec.visibility,
            status: spec.status ?? 'published',
          }),
        );
        if (spec.revision) {
          const r = spec.revision;
          story.clock.set(dayAgo(r.daysAgo));
          await kb.update(
            await actorOf(userIdOf(ctx, r.author)),
            article.id,
            kbArticlePatch.parse({ title: r.title, bodyMarkdown: r.body }),
          );
        }
        views.push([article.id, spec.views]);
        if (spec.visibility === 'staff' && !spec.status) faq++;
      }

      // From the first ticket of each story that was resolved: its assignee drafts the article the
      // next working day and publishes it the same afternoon.
      let linked = 0;
      for (const spec of FROM_TICKETS) {
        const ticket = await firstResolved(ctx, spec.story);
        if (!ticket) continue;
        const author = await actorOf(ticket.assigneeUserId);
        const drafted = addWorkingMinutes(ticket.resolvedAt, random.int(300, 700), calendar, timeZone);
        story.clock.set(drafted);
        const draft = await fromTicket(author, ticket.id);
        story.clock.set(addWorkingMinutes(drafted, random.int(30, 120), calendar, timeZone));
        await kb.update(
          author,
          draft.id,
          kbArticlePatch.parse({
            title: spec.title,
            bodyMarkdown: spec.body,
            category: spec.category,
            tags: spec.tags,
            visibility: spec.visibility,
            status: 'published',
          }),
        );
        views.push([draft.id, spec.views]);
        if (spec.visibility === 'staff') faq++;
        linked++;
      }

      // Readers: the views each article collected, as counted when someone opens it.
      story.clock.set(Date.now());
      const reader = await actorOf(userIdOf(ctx, 'school.it.desktop'));
      for (const [id, count] of views) for (let n = 0; n < count; n++) await kb.get(reader, id, true);

      ctx.summary.push(`${views.length} articles (${faq} FAQ, ${linked} from tickets)`);
    } finally {
      await story.close();
    }
  },
};

/** The earliest resolved ticket that followed a story, with who resolved it and when. */
async function firstResolved(ctx: DemoContext, storyKey: string) {
  for (const id of ctx.tickets.get(storyKey) ?? []) {
    const t = await ctx.deps.db
      .selectFrom('tickets')
      .select(['id', 'assignee_user_id', 'resolved_at', 'state'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (t.assignee_user_id !== null && t.resolved_at !== null && (t.state === 'resolved' || t.state === 'closed'))
      return { id: t.id, assigneeUserId: t.assignee_user_id, resolvedAt: Number(t.resolved_at) };
  }
  return null;
}
