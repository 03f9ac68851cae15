// Demo step: the asset ledger. Every unit is created, handed out, returned, maintained and
// retired through the asset services, so numbering, lifecycle rules, signatures, reminders,
// the audit trail and each asset's timeline are what the app itself would have written. A
// clock that follows the story dates each action on its day (never later than now).
import { assetInput, handoutInput, maintenanceInput, returnInput, type Asset } from '../../shared/contracts/assets.js';
import { addMonths } from '../../shared/lib/depreciation.js';
import { createAudit } from '../../server/core/audit.js';
import { dateIn, type Clock } from '../../server/core/clock.js';
import { readSettings } from '../../server/core/settings.js';
import {
  createAssetsService,
  createAssignmentsService,
  createCategoriesService,
  createMaintenanceService,
} from '../../server/modules/assets/index.js';
import { COMPANY_ASSETS } from './assets-company-data.js';
import { DEPARTMENT_ROOMS, type AssetEvent, type PlaceRef, type Recipients } from './assets-data.js';
import { SCHOOL_ASSETS } from './assets-school-data.js';
import type { DemoContext, DemoStep } from './context.js';
import type { Random } from './random.js';
import { drawSignature } from './signature-png.js';

const DAY = 86_400_000;
type CustomValue = Asset['custom'][string];

/** A clock the step moves to each action's day; it never runs ahead of the real one. */
function storyClock(): Clock & { at(date: string, minute: number): void } {
  let now = Date.now();
  return {
    now: () => now,
    at(date, minute) {
      // Office hours in China (UTC+8), a minute apart so one day's actions keep their order.
      now = Math.min(Date.now(), Date.parse(`${date}T09:00:00+08:00`) + minute * 60_000);
    },
  };
}

export const assetsStep: DemoStep = {
  name: 'assets',
  async run(ctx) {
    const db = ctx.deps.db;
    const clock = storyClock();
    const deps = { ...ctx.deps, clock, audit: createAudit(clock) };
    const assets = createAssetsService(deps);
    const assignments = createAssignmentsService(deps);
    const maintenance = createMaintenanceService(deps);
    const random = ctx.random('assets');

    // The server creates the default categories when it starts; the CLI seeds before any start.
    await createCategoriesService(deps).seedDefaults(ctx.actor);
    const categories = new Map((await db.selectFrom('asset_categories').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
    const today = dateIn(Date.now(), (await readSettings(db)).timeZone);
    const dateAgo = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

    const rooms = await roomLookup(ctx);
    const people = new Map(
      (await db.selectFrom('people').select(['id', 'name', 'kind', 'status', 'department_id']).execute()).map((p) => [p.id, p]),
    );
    const departmentKeyOf = new Map([...ctx.departments].map(([key, id]) => [id, key]));
    const signature = (name: string) => drawSignature(ctx.random(`signature:${name}`), Array.from(name).length);

    function recipients(to: Recipients): number[] {
      if ('people' in to)
        return to.people.map((key) => {
          const id = ctx.people.get(key);
          if (id === undefined) throw new Error(`demo assets: no person "${key}"`);
          return id;
        });
      const ids = to.departments.flatMap((key) => ctx.peopleByDepartment.get(key) ?? []);
      return ids.filter((id) => people.get(id)?.kind === 'employee').slice(0, to.limit);
    }
    const customOf = (values: Record<string, CustomValue | { inDays: number }>): Asset['custom'] =>
      Object.fromEntries(
        Object.entries(values).map(([k, v]) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? [k, dateAgo(-v.inDays)] : [k, v as CustomValue],
        ),
      );

    let created = 0;
    let handouts = 0;
    let returns = 0;
    let records = 0;
    let minute = 0;

    for (const group of [...SCHOOL_ASSETS, ...COMPANY_ASSETS]) {
      const categoryId = categories.get(group.category);
      if (categoryId === undefined) throw new Error(`demo assets: no category "${group.category}"`);
      const purchaseDate = dateAgo(group.purchasedDaysAgo);
      const warrantyEnd =
        group.warrantyEndsInDays !== undefined ? dateAgo(-group.warrantyEndsInDays) : addMonths(purchaseDate, group.warrantyMonths ?? 12);
      const units: Asset[] = [];
      clock.at(purchaseDate, minute++);
      for (let n = 1; n <= group.count; n++) {
        const custom = typeof group.custom === 'function' ? group.custom(n) : (group.custom ?? {});
        const unit = await assets.createIn(
          db,
          ctx.actor,
          assetInput.parse({
            name: group.name,
            categoryId,
            brand: group.brand,
            model: group.model,
            serial: `${group.serialPrefix}${serialTail(random)}`,
            status: group.status ?? 'in_stock',
            locationId: rooms(group.place),
            departmentId: ctx.departments.get(group.department) ?? null,
            purchaseDate,
            priceFen: group.priceYuan * 100,
            supplier: group.supplier,
            orderNumber: group.orderNumber ?? '',
            warrantyEnd,
            hostname: group.hostname?.(n) ?? '',
            ip: group.ip?.(n) ?? '',
            mac: group.mac ? macAddress(random) : '',
            notes: group.notes ?? '',
            custom: customOf(custom),
          }),
        );
        units.push(unit);
        created++;
      }

      for (const event of group.events ?? []) {
        const date = dateAgo(event.daysAgo);
        const chosen = (event.units ?? units.map((_, i) => i + 1)).map((n) => units[n - 1]!);
        if (event.kind === 'handout') {
          const to = recipients(event.to);
          for (const [i, unit] of chosen.slice(0, to.length).entries()) {
            const person = people.get(to[i]!)!;
            const departmentKey = person.department_id !== null ? departmentKeyOf.get(person.department_id) : undefined;
            const room = event.place ?? (departmentKey ? DEPARTMENT_ROOMS[departmentKey] : undefined);
            clock.at(date, minute++);
            await assignments.handout(
              ctx.actor,
              unit.id,
              handoutInput.parse({
                personId: person.id,
                departmentId: person.department_id,
                locationId: room ? rooms(room) : null,
                date,
                expectedReturn: event.returnInDays !== undefined ? dateAgo(-event.returnInDays) : null,
                loan: event.loan ?? false,
                signerName: person.name,
                signature: signature(person.name),
                notes: event.notes ?? '',
              }),
            );
            handouts++;
          }
        } else if (event.kind === 'return') {
          for (const unit of chosen) {
            const current = await assets.getIn(db, unit.id);
            const holder = current.holderPersonId !== null ? people.get(current.holderPersonId) : undefined;
            if (current.status !== 'in_use' && current.status !== 'on_loan') continue;
            if (event.onlyLeavers && holder?.status !== 'left') continue;
            clock.at(date, minute++);
            await assignments.return(
              ctx.actor,
              unit.id,
              returnInput.parse({
                date,
                locationId: rooms(event.place),
                condition: event.condition,
                signerName: holder?.name ?? '',
                signature: holder ? signature(holder.name) : null,
                notes: event.onlyLeavers ? '离职交还' : '',
              }),
            );
            returns++;
          }
        } else if (event.kind === 'maintenance') {
          for (const unit of chosen) {
            clock.at(date, minute++);
            await maintenance.create(ctx.actor, unit.id, maintenanceInput.parse(maintenanceBody(event, date, dateAgo)));
            records++;
            if (event.custom) {
              const current = await assets.getIn(db, unit.id);
              await assets.update(ctx.actor, unit.id, { custom: { ...current.custom, ...customOf(event.custom) } });
            }
          }
        } else {
          for (const unit of chosen) {
            clock.at(date, minute++);
            await assets.changeStatus(ctx.actor, unit.id, event.to, event.reason);
          }
        }
      }
    }

    ctx.summary.push(`${created} assets (${handouts} hand-outs, ${returns} returns, ${records} maintenance records)`);
  },
};

/** Locations by key (school.lab1) or by unique room name (1楼弱电间). */
async function roomLookup(ctx: DemoContext): Promise<(place: PlaceRef) => number> {
  const byName = new Map<string, number[]>();
  for (const l of await ctx.deps.db.selectFrom('locations').select(['id', 'name']).execute())
    byName.set(l.name, [...(byName.get(l.name) ?? []), l.id]);
  return (place) => {
    const id = ctx.locations.get(place) ?? (byName.get(place)?.length === 1 ? byName.get(place)![0] : undefined);
    if (id === undefined) throw new Error(`demo assets: no single location "${place}"`);
    return id;
  };
}

function maintenanceBody(event: Extract<AssetEvent, { kind: 'maintenance' }>, date: string, dateAgo: (days: number) => string) {
  return {
    date,
    kind: event.type,
    description: event.description,
    parts: event.parts ?? '',
    costFen: event.costYuan !== undefined ? event.costYuan * 100 : null,
    performer: event.performer ?? '',
    vendor: event.vendor ?? '',
    result: event.result ?? '',
    upgradeItem: event.upgrade?.[0] ?? '',
    upgradeFrom: event.upgrade?.[1] ?? '',
    upgradeTo: event.upgrade?.[2] ?? '',
    nextDue: event.nextDueInDays !== undefined ? dateAgo(-event.nextDueInDays) : null,
  };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
function serialTail(random: Random): string {
  return Array.from({ length: 6 }, () => random.pick(Array.from(ALNUM))).join('');
}
function macAddress(random: Random): string {
  const bytes = [0x50, 0x9a, 0x4c, random.int(0, 255), random.int(0, 255), random.int(0, 255)];
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}
