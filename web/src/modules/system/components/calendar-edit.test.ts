// Run: node --import tsx --test web/src/modules/system/components/calendar-edit.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_WORK_CALENDAR } from '../../../../../shared/lib/work-calendar.js';
import { markDay, markDays, parsePastedDates } from './calendar-edit.js';

test('reads a pasted holiday notice: single days, ranges, make-up days, bad lines', () => {
  const text = [
    '2026-10-01~2026-10-07 国庆节、中秋节',
    '',
    '2026-09-27 国庆调休上班',
    '2026/10/10\t补班',
    '2026-02-30 不存在',
    '明天放假',
    '2026-10-08',
  ].join('\n');
  const { marks, badLines } = parsePastedDates(text, 'auto');
  assert.deepEqual(badLines, [5, 6]);
  assert.equal(marks.filter((m) => m.kind === 'holiday').length, 8);
  assert.deepEqual(
    marks.filter((m) => m.kind === 'workday').map((m) => m.date),
    ['2026-09-27', '2026-10-10'],
  );
  assert.equal(marks.find((m) => m.date === '2026-10-03')!.name, '国庆节、中秋节');
  assert.equal(marks.find((m) => m.date === '2026-10-08')!.name, '');
});

test('a forced mode overrides the names; backwards or huge ranges are refused', () => {
  assert.ok(parsePastedDates('2026-09-27 国庆调休上班', 'holiday').marks.every((m) => m.kind === 'holiday'));
  assert.deepEqual(parsePastedDates('2026-10-07~2026-10-01 倒序', 'auto').badLines, [1]);
  assert.deepEqual(parsePastedDates('2026-01-01~2026-12-31 全年', 'auto').badLines, [1]);
});

test('marking a day moves it between the lists and clearing removes it', () => {
  let cal = markDays(DEFAULT_WORK_CALENDAR, parsePastedDates('2026-10-01 国庆节\n2026-10-10 补班', 'auto').marks);
  assert.deepEqual(cal.holidays, [{ date: '2026-10-01', name: '国庆节' }]);
  assert.deepEqual(cal.workdays, [{ date: '2026-10-10', name: '补班' }]);
  cal = markDay(cal, '2026-10-01', 'workday', '改为上班');
  assert.deepEqual(cal.holidays, []);
  assert.deepEqual(
    cal.workdays.map((d) => d.date),
    ['2026-10-01', '2026-10-10'],
  );
  cal = markDay(cal, '2026-10-10', null, '');
  assert.deepEqual(
    cal.workdays.map((d) => d.date),
    ['2026-10-01'],
  );
  assert.equal(DEFAULT_WORK_CALENDAR.holidays.length, 0, 'the original is not changed');
});
