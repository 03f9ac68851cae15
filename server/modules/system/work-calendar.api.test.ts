// The work calendar through the real HTTP layer: the default, a full save and read-back, every
// kind of invalid calendar refused with nothing changed, who may write, the audit entry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_WORK_CALENDAR } from '../../../shared/lib/work-calendar.js';
import { fails, ok } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import { readWorkCalendar } from './index.js';

const URL = '/api/settings/work-calendar';

const NATIONAL_DAY_2026 = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, name: '国庆节' })),
  workdays: [
    { date: '2026-10-10', name: '国庆调休' },
    { date: '2026-09-27', name: '国庆调休' },
  ],
};

for (const dialect of dialects()) {
  describe(`work calendar (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
    });
    after(() => t.close());

    const stored = async () =>
      (await t.connection.db.selectFrom('settings').select('value').where('key', '=', 'org.workCalendar').executeTakeFirst())?.value ??
      null;

    it('reads the default until one is saved', async () => {
      const cal = ok(await admin.get(URL));
      assert.deepEqual(cal, { ...DEFAULT_WORK_CALENDAR, weeklyMinutes: 5 * 450 });
      assert.equal(await stored(), null);
    });

    it('saves, reads back sorted, and other modules read the same', async () => {
      const saved = ok(await admin.put(URL, { ...NATIONAL_DAY_2026, weekdays: [5, 3, 1, 2, 4, 4] }));
      assert.deepEqual(saved.weekdays, [1, 2, 3, 4, 5]);
      assert.deepEqual(
        saved.workdays.map((d: { date: string }) => d.date),
        ['2026-09-27', '2026-10-10'],
      );
      assert.equal(saved.weeklyMinutes, 5 * 450);
      const { weeklyMinutes: _w, ...back } = ok(await admin.get(URL));
      assert.deepEqual(back, { ...NATIONAL_DAY_2026, workdays: [...NATIONAL_DAY_2026.workdays].reverse() });
      assert.deepEqual(await readWorkCalendar(t.connection.db), back);
    });

    it('records the change in the audit trail, only what changed', async () => {
      ok(await admin.put(URL, { ...NATIONAL_DAY_2026, periods: [{ start: '00:00', end: '24:00' }] }));
      const entries = ok(await admin.get('/api/audit?entityType=settings&entityId=workCalendar')).items;
      assert.equal(entries.length, 2);
      assert.deepEqual(Object.keys(entries[0].after), ['periods']);
      assert.deepEqual(entries[0].after.periods, [{ start: '00:00', end: '24:00' }]);
      assert.equal(entries[0].before.periods.length, 2);
      assert.equal(entries[0].actorName, '系统管理员');
      // Saving the same calendar again writes nothing new.
      ok(await admin.put(URL, { ...NATIONAL_DAY_2026, periods: [{ start: '00:00', end: '24:00' }] }));
      assert.equal(ok(await admin.get('/api/audit?entityType=settings&entityId=workCalendar')).items.length, 2);
      ok(await admin.put(URL, NATIONAL_DAY_2026));
    });

    it('refuses invalid calendars with a field and a reason, and changes nothing', async () => {
      const before = await stored();
      const many = Array.from({ length: 1001 }, (_, i) => ({
        date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
        name: '',
      }));
      const cases: [unknown, string, string][] = [
        [{ ...NATIONAL_DAY_2026, periods: [{ start: '12:00', end: '08:00' }] }, 'periods.0.end', 'period_order'],
        [{ ...NATIONAL_DAY_2026, periods: [{ start: '09:00', end: '09:00' }] }, 'periods.0.end', 'period_order'],
        [{ ...NATIONAL_DAY_2026, periods: [{ start: '8:30', end: '12:00' }] }, 'periods.0.start', 'invalid_time'],
        [{ ...NATIONAL_DAY_2026, periods: [{ start: '08:30', end: '24:01' }] }, 'periods.0.end', 'invalid_time'],
        [{ ...NATIONAL_DAY_2026, periods: [{ start: '24:00', end: '24:00' }] }, 'periods.0.start', 'invalid_time'],
        [
          {
            ...NATIONAL_DAY_2026,
            periods: [
              { start: '08:00', end: '12:00' },
              { start: '11:30', end: '17:00' },
            ],
          },
          'periods.1.start',
          'periods_overlap',
        ],
        [
          {
            ...NATIONAL_DAY_2026,
            periods: [
              { start: '13:00', end: '17:00' },
              { start: '08:00', end: '12:00' },
            ],
          },
          'periods.1.start',
          'periods_unsorted',
        ],
        [{ ...NATIONAL_DAY_2026, periods: [] }, 'periods', 'too_small'],
        [{ ...NATIONAL_DAY_2026, weekdays: [] }, 'weekdays', 'no_working_weekday'],
        [{ ...NATIONAL_DAY_2026, weekdays: [0] }, 'weekdays.0', 'too_small'],
        [{ ...NATIONAL_DAY_2026, weekdays: [8] }, 'weekdays.0', 'too_big'],
        [{ ...NATIONAL_DAY_2026, weekdays: ['1'] }, 'weekdays.0', 'invalid_type'],
        [{ ...NATIONAL_DAY_2026, holidays: [{ date: '2026-02-30', name: '不存在' }] }, 'holidays.0.date', 'invalid_date'],
        [{ ...NATIONAL_DAY_2026, holidays: [{ date: '2026/10/01', name: '' }] }, 'holidays.0.date', 'invalid_date'],
        [{ ...NATIONAL_DAY_2026, workdays: [{ date: '2026-10-03', name: '' }] }, 'workdays.0.date', 'holiday_and_workday'],
        [
          { ...NATIONAL_DAY_2026, holidays: [...NATIONAL_DAY_2026.holidays, { date: '2026-10-01', name: '再一次' }] },
          'holidays.7.date',
          'duplicate_date',
        ],
        [{ ...NATIONAL_DAY_2026, holidays: many }, 'holidays', 'too_big'],
        [{ ...NATIONAL_DAY_2026, holidays: many.slice(0, 600), workdays: many.slice(600, 1001) }, 'holidays', 'too_many_dates'],
        [{ ...NATIONAL_DAY_2026, holidays: [{ date: '2026-10-01', name: '长'.repeat(51) }] }, 'holidays.0.name', 'too_big'],
        [{ ...NATIONAL_DAY_2026, holidays: [{ date: '2026-10-01', name: '国庆\n节' }] }, 'holidays.0.name', 'control_characters'],
        [{ ...NATIONAL_DAY_2026, holidays: [{ date: '2026-10-01' }] }, 'holidays.0.name', 'invalid_type'],
        [{ ...NATIONAL_DAY_2026, timeZone: 'UTC' }, 'timeZone', 'unrecognized_keys'],
        [{ weekdays: [1] }, 'periods', 'invalid_type'],
        [[], '', 'invalid_type'],
      ];
      for (const [body, field, reason] of cases) {
        const err = fails(await admin.put(URL, body), 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.field === field && d.reason === reason),
          `${JSON.stringify(body).slice(0, 120)} → ${JSON.stringify(err.details)}`,
        );
      }
      fails(
        await admin.raw({ method: 'PUT', url: URL, payload: '{"weekdays": [1', headers: { 'content-type': 'application/json' } }),
        400,
        'request.malformed_json',
      );
      assert.deepEqual(await stored(), before);
    });

    it('keeps script and SQL-looking names as plain text', async () => {
      const names = ['<script>alert(1)</script>', "'; drop table settings; --", '" or 1=1 --'];
      const body = { ...NATIONAL_DAY_2026, holidays: names.map((name, i) => ({ date: `2027-01-0${i + 1}`, name })) };
      const saved = ok(await admin.put(URL, body));
      assert.deepEqual(
        saved.holidays.map((d: { name: string }) => d.name),
        names,
      );
      assert.deepEqual(
        ok(await admin.get(URL)).holidays.map((d: { name: string }) => d.name),
        names,
      );
      ok(await admin.put(URL, NATIONAL_DAY_2026));
    });

    it('every signed-in user reads it; only settings:write changes it', async () => {
      const before = await stored();
      const staff = await userWithRoles(t.app, admin, ['staff']);
      const technician = await userWithRoles(t.app, admin, ['technician']);
      const auditor = await userWithRoles(t.app, admin, ['auditor']);
      for (const c of [staff, technician, auditor]) {
        assert.equal(ok(await c.get(URL)).weeklyMinutes, 5 * 450);
        fails(await c.put(URL, { ...NATIONAL_DAY_2026, weekdays: [1] }), 403, 'auth.forbidden');
      }
      fails(await t.app.inject({ method: 'GET', url: URL }), 401, 'auth.required');
      fails(await t.app.inject({ method: 'PUT', url: URL, payload: NATIONAL_DAY_2026 }), 401, 'auth.required');
      // A signed-in write without the CSRF token is refused as well.
      fails(
        await admin.raw({ method: 'PUT', url: URL, payload: NATIONAL_DAY_2026, headers: { 'x-csrf-token': 'forged' } }),
        403,
        'auth.csrf',
      );
      assert.deepEqual(await stored(), before);
    });

    it('falls back to the default when the stored value is damaged', async () => {
      await t.connection.db
        .updateTable('settings')
        .set({ value: JSON.stringify({ weekdays: 'all' }) })
        .where('key', '=', 'org.workCalendar')
        .execute();
      assert.deepEqual(await readWorkCalendar(t.connection.db), DEFAULT_WORK_CALENDAR);
      ok(await admin.put(URL, NATIONAL_DAY_2026));
    });
  });
}
