// Demo step: about four months of fault tickets and tasks up to today, told through the ticket
// services as they happened. Each ticket's story (reported by phone, assigned, worked, maybe sent
// to a vendor or put to a leader, resolved with its record, confirmed, or closed by itself a week
// later) becomes timed steps; the steps of all tickets then run in time order on a clock that
// follows them, with the server's minute and hourly ticket jobs in between. A story that reaches
// past now stops there: that ticket is still open.
import {
  decisionInput,
  escalateInput,
  repairInput,
  repairUpdateInput,
  ticketCommentInput,
  ticketCreateInput,
  ticketTransitionInput,
  PRIORITIES_NEEDING_RECORD,
  type TicketPriority,
} from '../../shared/contracts/tickets.js';
import type { Actor } from '../../server/core/actor.js';
import { dateIn } from '../../server/core/clock.js';
import { readSettings } from '../../server/core/settings.js';
import { readWorkCalendar } from '../../server/modules/system/index.js';
import { createTicketServices } from '../../server/modules/tickets/index.js';
import { addWorkingMinutes } from '../../shared/lib/work-calendar.js';
import type { DemoContext, DemoStep } from './context.js';
import { addDays, createAccounts, instantOf, runTicketJobsUntil, seasonOf, storyApp, weekdayOf } from './demo-clock.js';
import type { Random } from './random.js';
import {
  ACCOUNTS,
  CALL_BACKS,
  DAILY,
  PAUSES,
  PRIORITY_MIX,
  STORIES,
  WORK_NOTES,
  pickSource,
  reportMinute,
  responseMinutes,
  type Category,
  type Org,
  type Outcome,
  type Story,
} from './tickets-data.js';
import { DEPARTMENT_ROOMS } from './assets-data.js';

const DAY = 86_400_000;
/** How far back the tickets go. */
const WINDOW_DAYS = 112;
/** Working minutes in a day of the default calendar: waits are counted in working days. */
const WORKDAY = 450;

interface Account {
  userId: number;
  actor: Actor;
  org: Org;
  technician: boolean;
  takes: Category[];
  dispatches: boolean;
  decides: boolean;
}

interface Plan {
  story: Story;
  id: number | null;
  halted: boolean;
  steps: { at: number; movesDevice: boolean; run: (id: number) => Promise<unknown> }[];
  create: () => Promise<number>;
  createdAt: number;
}

export const ticketsStep: DemoStep = {
  name: 'tickets',
  async run(ctx) {
    const story = await storyApp(ctx);
    try {
      const db = ctx.deps.db;
      const random = ctx.random('tickets');
      const { timeZone } = await readSettings(db);
      const calendar = await readWorkCalendar(db);
      const after = (from: number, minutes: number) => addWorkingMinutes(from, Math.max(1, Math.round(minutes)), calendar, timeZone);
      const dateOf = (ms: number) => dateIn(ms, timeZone);
      const now = Date.now();
      const today = dateOf(now);
      // Devices come and go only on days that are over: the same ledger whenever today the demo runs.
      const startOfToday = instantOf(today, 0, timeZone);

      story.clock.set(now - 700 * DAY);
      const actors = await createAccounts(ctx, story, ACCOUNTS);
      const accounts: Account[] = ACCOUNTS.map((a) => ({
        ...a,
        actor: actors.get(a.person)!,
        userId: actors.get(a.person)!.userId!,
        technician: a.roles.includes('technician'),
        dispatches: !!a.dispatches,
        decides: !!a.decides,
      }));

      const world = await loadWorld(ctx, random);
      const services = createTicketServices(story.module);
      const vendorId = (key: string) => {
        const id = ctx.vendors.get(key);
        if (id === undefined) throw new Error(`demo tickets: no vendor "${key}"`);
        return id;
      };
      /** Devices out at a vendor until then: a second repair waits its turn (it takes another ending). */
      const outUntil = new Map<number, number>();

      /** One ticket's story; a backlog ticket is a request still waiting at the end (the lists always have one). */
      function planTicket(org: Org, createdAt: number, weekend: boolean, backlog?: 'unassigned' | 'waiting'): Plan | null {
        const season = seasonOf(dateOf(createdAt));
        const candidates = STORIES.filter(
          (s) =>
            s.orgs.includes(org) &&
            (!weekend || s.monitor) &&
            (s.season !== 'exams' || season.exams) &&
            (!s.device || world.devices(org, s.device).length > 0),
        );
        const story = backlog
          ? BACKLOG
          : pickWeighted(random, candidates, (s) => s.weight * (s.season === 'termStart' && season.termStart && org === 'school' ? 3 : 1));
        if (!story) return null;
        const device = story.device ? random.pick(world.devices(org, story.device)) : null;
        const [title, description, fits] = random.pick(story.reports);
        const reporter = story.monitor ? null : world.reporter(org, device, story);
        const place = device ? null : world.place(org, story, reporter);
        const priority: TicketPriority = backlog
          ? backlog === 'unassigned'
            ? 'low'
            : 'normal'
          : (pickWeighted(random, Object.entries(story.priority ?? PRIORITY_MIX), ([, w]) => w)![0] as TicketPriority);
        const important = random.chance(story.important ?? 0.02);
        const needsRecord = important || PRIORITIES_NEEDING_RECORD.includes(priority);
        const outcome = pickOutcome(story, fits, device, createdAt);
        const team = accounts.filter((a) => a.org === org && a.technician);
        const head = team.find((a) => a.dispatches)!;
        const leader = accounts.find((a) => a.org === org && a.decides)!;
        const workers = team.filter((a) => a.takes.includes(story.category));
        const assignee = random.pick(workers.length ? workers : team.filter((a) => !a.dispatches));
        const registrar = story.monitor ? assignee : random.chance(0.15) ? head : random.pick(team);
        const fill = (text: string) =>
          text.replaceAll('{place}', device?.locationName ?? place?.name ?? '').replaceAll('{device}', device?.name ?? '');

        const input = ticketCreateInput.parse({
          kind: story.kind ?? 'fault',
          title: fill(title),
          description: fill(description),
          category: story.category,
          priority,
          important,
          locationId: device?.locationId ?? place?.id ?? null,
          contactPhone: reporter?.phone ?? '',
          assetIds: device && !device.reminded ? [device.id] : [],
          reporterPersonId: reporter?.id ?? null,
          source: story.monitor ? 'monitor' : pickSource(random, org, !!device),
          assigneeUserId: registrar === assignee && random.chance(0.3) ? assignee.userId : null,
        });
        const plan: Plan = {
          story,
          id: null,
          halted: false,
          steps: [],
          createdAt,
          create: async () => (await services.tickets.create(registrar.actor, input)).id,
        };
        const step = (at: number, run: (id: number) => Promise<unknown>, movesDevice = false) => {
          plan.steps.push({ at, run, movesDevice });
          return at;
        };
        const say =
          (actor: Actor, body: string, internal: boolean, minutes = 0) =>
          (id: number) =>
            services.work.comment(actor, id, ticketCommentInput.parse({ body, internal, minutes }));
        const move =
          (actor: Actor, to: string, extra: Record<string, unknown> = {}) =>
          (id: number) =>
            services.work.transition(actor, id, ticketTransitionInput.parse({ to, ...extra }));
        const me = assignee.actor;

        // Low-priority requests of the last days that nobody has picked up yet.
        if (backlog === 'unassigned' || (priority === 'low' && now - createdAt < 3 * DAY && random.chance(0.6))) return plan;
        let t = createdAt;
        if (input.assigneeUserId === null) {
          // The head of IT hands it out, or the technician takes it from the unassigned list.
          const by = random.chance(0.5) ? head.actor : me;
          t = step(after(t, responseMinutes(random, priority)), (id) => services.work.assign(by, id, assignee.userId));
        }
        if (backlog === 'waiting') {
          t = step(after(t, random.int(10, 40)), move(me, 'in_progress'));
          step(after(t, 5), move(me, 'waiting', { waitingFor: 'other', reason: '办公室正在装修，等装修完成后再布线。' }));
          return plan;
        }
        if (story.replies && random.chance(0.5)) t = step(after(t, random.int(1, 5)), say(me, random.pick(story.replies), false));
        let work = random.int(...(outcome.work ?? story.work));
        // Now and then a fault takes far longer than it should: these miss their targets.
        if (random.chance(0.1)) work *= random.int(3, 15);
        // Something to wait for that no story foresees: the reporter is away, a part, a quiet hour.
        const pausable = !story.monitor && story.work[1] >= 40 && !outcome.wait && !outcome.repair;
        const pause = pausable && random.chance(0.2) ? random.pick(PAUSES) : null;
        // A quick fix goes from assigned straight to resolved.
        if (work > 30 || pause || outcome.wait || outcome.repair || outcome.escalate || random.chance(0.5))
          t = step(after(t, random.int(2, 25)), move(me, 'in_progress'));
        const firstPart = Math.round(work * random.next() * 0.5);
        t = after(t, firstPart);
        if (outcome.escalate) {
          const e = outcome.escalate;
          t = step(t, (id) => services.repairs.escalate(me, id, escalateInput.parse({ leaderUserId: leader.userId, reason: e.reason })));
          t = step(after(t, random.int(60, 600)), (id) =>
            services.repairs.decide(leader.actor, id, decisionInput.parse({ decision: e.decision })),
          );
        }
        const wait = outcome.wait ?? pause;
        if (wait) {
          t = step(after(t, 5), move(me, 'waiting', { waitingFor: wait.for, reason: wait.reason }));
          t = step(after(t, random.int(...wait.days) * WORKDAY + random.int(0, 200)), move(me, 'in_progress', { reason: wait.resume }));
        }
        if (outcome.repair) {
          const r = outcome.repair;
          const rma = r.rma.replace('{n}', String(random.int(100_000, 999_999)));
          const carries = device && !r.onSite ? device.id : null;
          const sentAt = after(t, random.int(10, 60));
          const backAt = after(sentAt, random.int(...r.days) * WORKDAY + random.int(30, 300));
          const costFen = random.int(...r.costYuan) * 100;
          if (carries) outUntil.set(carries, backAt);
          let repairId = 0;
          step(
            sentAt,
            async (id) => {
              const ticket = await services.repairs.add(
                me,
                id,
                repairInput.parse({
                  vendorId: vendorId(r.vendor),
                  rmaNumber: rma,
                  assetId: carries,
                  sentDate: dateOf(sentAt),
                  notes: r.notes,
                }),
              );
              repairId = ticket.repairs.find((x) => x.rmaNumber === rma)!.id;
              await services.work.transition(
                me,
                id,
                ticketTransitionInput.parse({ to: 'waiting', waitingFor: 'vendor', reason: `已联系厂家处理，单号 ${rma}。` }),
              );
            },
            carries !== null,
          );
          t = step(
            backAt,
            async (id) => {
              await services.repairs.update(
                me,
                id,
                repairId,
                repairUpdateInput.parse({ returnedDate: dateOf(backAt), costFen, notes: `${r.notes}${r.back}` }),
              );
              await services.work.transition(me, id, ticketTransitionInput.parse({ to: 'in_progress', reason: r.back }));
            },
            carries !== null,
          );
        }
        t = after(t, work - firstPart);
        step(t - 60_000, say(me, outcome.note ?? random.pick(WORK_NOTES), true, work + random.int(5, 20)));
        const record = recordOf(random, story, outcome, needsRecord);
        t = step(t, move(me, 'resolved', { resolution: record }));
        if (story.reopen && random.chance(0.07)) {
          const reopen = story.reopen;
          t = step(after(t, random.int(60, 900)), move(me, 'in_progress', { reason: `使用人反馈：${reopen}` }));
          t = step(
            after(t, random.int(20, 120)),
            move(me, 'resolved', { resolution: { ...record, result: `${record.result}二次处理后观察两天正常。` } }),
          );
        }
        // Most are confirmed on a call-back; the rest close by themselves after a week.
        if (random.chance(0.55)) step(after(t, random.int(60, 1500)), move(me, 'closed', { reason: random.pick(CALL_BACKS) }));
        return plan;
      }

      /** An ending the report fits; one that sends the device away only when it is here to send. */
      function pickOutcome(s: Story, fits: number[] | undefined, device: Device | null, at: number): Outcome {
        const free = device !== null && !device.reminded && device.status === 'in_use' && (outUntil.get(device.id) ?? 0) < at;
        const fitting = fits ? fits.map((i) => s.outcomes[i]!) : s.outcomes;
        const usable = fitting.filter((o) => !o.repair || o.repair.onSite || free);
        return pickWeighted(random, usable.length ? usable : fitting, (o) => o.weight ?? 1)!;
      }

      // ---- the stories, day by day ----
      const plans: Plan[] = [];
      for (let ago = WINDOW_DAYS; ago >= 0; ago--) {
        const date = addDays(today, -ago);
        const season = seasonOf(date);
        const weekday = weekdayOf(date);
        const off = weekday === 0 || weekday === 6 || season.holiday;
        for (const org of ['school', 'company'] as const) {
          let rate = off ? 0.12 : DAILY[org];
          if (!off && weekday === 1) rate *= 1.5;
          if (!off && weekday === 5) rate *= 0.85;
          if (org === 'school' && season.vacation) rate *= 0.35;
          if (org === 'school' && season.termStart && !off) rate *= 1.8;
          for (let n = poisson(random, rate); n > 0; n--) {
            const plan = planTicket(org, instantOf(date, reportMinute(random, off), timeZone), off);
            if (plan) plans.push(plan);
          }
        }
      }

      // Two requests still open whatever the hour: one nobody took yet, one waiting for the builders.
      const workdays = Array.from({ length: 14 }, (_, i) => addDays(today, -1 - i)).filter(
        (d) => weekdayOf(d) % 6 !== 0 && !seasonOf(d).holiday,
      );
      for (const [org, ago, backlog] of [
        ['school', 1, 'unassigned'],
        ['company', 5, 'waiting'],
      ] as const) {
        const plan = planTicket(org, instantOf(workdays[ago]!, random.int(9 * 60, 11 * 60), timeZone), false, backlog);
        if (plan) plans.push(plan);
      }

      // ---- everything in time order; the server's jobs run in between ----
      const steps = plans
        .flatMap((plan, p) => [
          { at: plan.createdAt, p, i: -1, movesDevice: false, plan },
          ...plan.steps.map((s, i) => ({ ...s, p, i, plan })),
        ])
        .sort((a, b) => a.at - b.at || a.p - b.p || a.i - b.i);
      for (const s of steps) {
        const plan = s.plan;
        if (plan.halted || (s.i >= 0 && plan.id === null)) continue;
        if (s.at > (s.movesDevice ? startOfToday : now)) {
          plan.halted = true;
          continue;
        }
        await runTicketJobsUntil(story, services.jobs, s.at);
        story.clock.set(s.at);
        if (s.i < 0) {
          plan.id = await plan.create();
          ctx.tickets.set(plan.story.key, [...(ctx.tickets.get(plan.story.key) ?? []), plan.id]);
        } else await plan.steps[s.i]!.run(plan.id!);
      }
      await runTicketJobsUntil(story, services.jobs, now);

      const created = plans.filter((p) => p.id !== null);
      const open = await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['new', 'assigned', 'in_progress', 'waiting'])
        .executeTakeFirstOrThrow();
      ctx.summary.push(`${accounts.length} user accounts (no password yet)`, `${created.length} tickets (${Number(open.n)} open)`);
    } finally {
      await story.close();
    }
  },
};

const BACKLOG = STORIES.find((s) => s.key === 'network-point')!;
/** The five-part record; a task or an ordinary fault needs less than an urgent, high or important one. */
function recordOf(random: Random, story: Story, o: Outcome, full: boolean) {
  const task = story.kind === 'task';
  return {
    problem: '',
    cause: full || !task ? o.cause : '',
    solution: o.solution,
    result: o.result,
    prevention: full ? o.prevention || '按常规流程处理，无需额外措施。' : random.chance(0.5) ? o.prevention : '',
  };
}

function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T | undefined {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let roll = random.next() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items.at(-1);
}

function poisson(random: Random, rate: number): number {
  const limit = Math.exp(-rate);
  let n = 0;
  for (let p = random.next(); p > limit; p *= random.next()) n++;
  return n;
}

// ---- who and what the stories are about ----

interface Device {
  id: number;
  name: string;
  status: string;
  holder: number | null;
  locationId: number | null;
  locationName: string | null;
  departmentId: number | null;
  /**
   * A maintenance reminder is open on it: a ticket would only name it, because the repair record a
   * resolution writes would count as the visit the reminder waits for.
   */
  reminded: boolean;
}
interface Person {
  id: number;
  phone: string;
  position: string;
  departmentId: number | null;
}

/** Offices of the departments whose rooms the ledger does not name. */
const OFFICES: Record<string, string> = {
  ...DEPARTMENT_ROOMS,
  'school.academic': '教务处办公室',
  'school.student': '政教处办公室',
  'school.general': '总务处办公室',
  'school.library': '图书馆办公室',
};
const isIt = (key: string | undefined) => !!key && /^(school|company)\.it(\.|$)/.test(key);

/** The organisation's devices, people and rooms, as the stories need them. */
async function loadWorld(ctx: DemoContext, random: Random) {
  const db = ctx.deps.db;
  const keyOf = new Map([...ctx.departments].map(([key, id]) => [id, key]));
  const orgOf = (departmentId: number | null) => (departmentId === null ? undefined : keyOf.get(departmentId)?.split('.')[0]);
  const people = await db
    .selectFrom('people')
    .select(['id', 'phone', 'position', 'department_id as departmentId'])
    .where('kind', '=', 'employee')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const staff = new Map<number, Person[]>();
  for (const p of people) if (p.departmentId !== null) staff.set(p.departmentId, [...(staff.get(p.departmentId) ?? []), p]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const departments = new Map(
    (await db.selectFrom('departments').select(['id', 'parent_id', 'head_person_id']).execute()).map((d) => [d.id, d]),
  );
  const locations = await db.selectFrom('locations').select(['id', 'name']).orderBy('id').execute();
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const assets = await db
    .selectFrom('assets')
    .innerJoin('asset_categories as c', 'c.id', 'assets.category_id')
    .select(['assets.id', 'assets.name', 'assets.status', 'assets.holder_person_id as holder', 'assets.location_id as locationId'])
    .select(['assets.department_id as departmentId', 'c.name as category'])
    .where('assets.status', 'in', ['in_use', 'on_loan'])
    .orderBy('assets.id')
    .execute();
  const reminded = new Set(
    (
      await db
        .selectFrom('asset_maintenance')
        .select('asset_id')
        .where('next_due', 'is not', null)
        .where('followed_up_by', 'is', null)
        .execute()
    ).map((r) => r.asset_id),
  );
  const devicesOf = new Map<string, Device[]>();

  function room(place: string): { id: number; name: string } | null {
    const id = ctx.locations.get(place) ?? locations.find((l) => l.name === place)?.id;
    return id === undefined ? null : { id, name: locationName.get(id)! };
  }
  /** Someone of the organisation outside IT, in a position that fits the story where it names one. */
  function anyone(org: string, position?: RegExp): Person {
    const pool = people.filter((p) => orgOf(p.departmentId) === org && !isIt(keyOf.get(p.departmentId!)));
    const fitting = position ? pool.filter((p) => position.test(p.position)) : [];
    return random.pick(fitting.length ? fitting : pool);
  }

  return {
    devices(org: Org, spec: NonNullable<Story['device']>): Device[] {
      const key = `${org}:${spec.categories.join()}:${spec.name?.source ?? ''}:${spec.in?.join() ?? ''}:${spec.held ?? false}`;
      let list = devicesOf.get(key);
      if (!list) {
        list = assets
          .filter((a) => spec.categories.includes(a.category) && (!spec.name || spec.name.test(a.name)))
          .filter((a) => !spec.in || spec.in.some((key) => ctx.locations.get(key) === a.locationId))
          .filter((a) => (spec.held ? a.holder !== null && byId.has(a.holder) : true))
          .filter((a) => orgOf(a.departmentId) === org)
          .map((a) => ({
            ...a,
            locationName: a.locationId === null ? null : (locationName.get(a.locationId) ?? null),
            reminded: reminded.has(a.id),
          }));
        devicesOf.set(key, list);
      }
      return list;
    },

    /** Who reports it: the device's holder, else someone working where it belongs. */
    reporter(org: Org, device: Device | null, story: Story): Person {
      if (device?.holder && byId.has(device.holder)) return byId.get(device.holder)!;
      for (let d = device?.departmentId ?? null; d !== null && !isIt(keyOf.get(d)); d = departments.get(d)?.parent_id ?? null) {
        const here = staff.get(d) ?? [];
        if (here.length) return random.pick(here);
        const head = departments.get(d)?.head_person_id;
        if (head && byId.has(head)) return byId.get(head)!;
      }
      return anyone(org, story.reportedBy);
    },

    /** Where a story without a device happens: its own places, else the reporter's office. */
    place(org: Org, story: Story, reporter: Person | null): { id: number; name: string } | null {
      const own = story.places?.[org];
      if (own?.length) return room(random.pick(own));
      for (let key = reporter ? keyOf.get(reporter.departmentId!) : undefined; key; key = key.split('.').slice(0, -1).join('.')) {
        const office = OFFICES[key];
        if (office) return room(office);
      }
      return null;
    },
  };
}
