// The cast of the ticket API tests: an administrator, two technicians, two staff members with
// their person records and a device each, a lab manager, a location and a vendor; and a clock the
// tests move (service targets are about time). Test code only.
import type { Clock } from '../../core/clock.js';
import { buildApp } from '../../app.js';
import { createPerson, ok } from '../../test/fixtures.js';
import { buildTestApp, clientFor, sessionCookie, signIn, type Client, type Dialect, type TestApp } from '../../test/test-app.js';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../core/module.js';

/** A clock the test sets; starts on Wednesday 2026-12-02 09:00 in Shanghai (a working day). */
export function testClock(start = Date.parse('2026-12-02T09:00:00+08:00')): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}

export interface Cast {
  t: TestApp;
  app: FastifyInstance;
  ctx: ModuleContext;
  clock: ReturnType<typeof testClock>;
  admin: Client;
  tech: Client;
  tech2: Client;
  staff: Client;
  staff2: Client;
  labManager: Client;
  people: { tech: number; staff: number; staff2: number };
  assets: { staff: number; staff2: number; spare: number };
  locationId: number;
  vendorId: number;
  /** Signs everyone in again (after the clock moved past the session lifetime). */
  relogin(): Promise<void>;
  close(): Promise<void>;
}

const PASSWORD = 'Test-pass-2026';

export async function buildCast(dialect: Dialect): Promise<Cast> {
  const t = await buildTestApp(dialect);
  // A second app on the same database with a clock the test controls.
  const clock = testClock();
  const { app, ctx } = await buildApp({ config: t.config, connection: t.connection, clock, logger: false });
  await app.ready();
  const setup = await app.inject({
    method: 'POST',
    url: '/api/auth/setup',
    payload: { name: '管理员', login: 'admin', password: 'Sysward-2026-pass' },
  });
  const admin = clientFor(app, sessionCookie(setup), setup.json().csrfToken, setup.json().user.id);

  const person = async (name: string, email: string) => (await createPerson(admin, { name, email, phone: '13800000000' })).id;
  const user = async (login: string, name: string, roles: string[], personId: number | null) => {
    ok(await admin.post('/api/users', { login, name, password: PASSWORD, roles, personId }));
    return signIn(app, login, PASSWORD);
  };
  const people = {
    tech: await person('李工', 'li@example.edu.cn'),
    staff: await person('张伟', 'zhang@example.edu.cn'),
    staff2: await person('王芳', 'wang@example.edu.cn'),
  };
  const tech = await user('ligong', '李工', ['technician'], people.tech);
  const tech2 = await user('zhaogong', '赵工', ['technician'], null);
  const staff = await user('zhangwei', '张伟', ['staff'], people.staff);
  const staff2 = await user('wangfang', '王芳', ['staff'], people.staff2);
  const labManager = await user('labmgr', '机房管理员', ['lab_manager'], null);

  const categories = ok(await admin.get('/api/assets/categories')).items as { id: number; name: string }[];
  const pc = categories.find((c) => c.name === '台式机')!.id;
  const asset = async (name: string, holderPersonId: number | null) =>
    ok(await admin.post('/api/assets', { name, categoryId: pc, holderPersonId, status: holderPersonId ? 'in_use' : 'in_stock' }))
      .id as number;
  const assets = {
    staff: await asset('张伟的台式机', people.staff),
    staff2: await asset('王芳的台式机', people.staff2),
    spare: await asset('备用机', null),
  };
  const locationId = ok(await admin.post('/api/locations', { name: '教学楼301', kind: 'room' })).id as number;
  const vendorId = ok(await admin.post('/api/vendors', { name: '联想服务站', contact: '刘师傅', phone: '400-990-8888' })).id as number;

  const cast: Cast = {
    t,
    app,
    ctx,
    clock,
    admin,
    tech,
    tech2,
    staff,
    staff2,
    labManager,
    people,
    assets,
    locationId,
    vendorId,
    async relogin() {
      cast.admin = await signIn(app, 'admin', 'Sysward-2026-pass');
      cast.tech = await signIn(app, 'ligong', PASSWORD);
      cast.tech2 = await signIn(app, 'zhaogong', PASSWORD);
      cast.staff = await signIn(app, 'zhangwei', PASSWORD);
      cast.staff2 = await signIn(app, 'wangfang', PASSWORD);
      cast.labManager = await signIn(app, 'labmgr', PASSWORD);
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
  return cast;
}

/** Counts of every ticket table: the proof that a refused request wrote nothing. */
export async function ticketTableCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'tickets',
    'ticket_events',
    'ticket_assets',
    'ticket_links',
    'ticket_repairs',
    'ticket_uploads',
    'attachments',
  ] as const)
    out[table] = Number(
      (
        await t.connection.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}
