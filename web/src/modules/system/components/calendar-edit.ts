// Pure edits of a work calendar draft: what a click on a day and the "paste dates" box do.
// Kept apart from the components so the parsing of pasted holiday notices is unit-tested.
// Relative, not @shared: the unit test runs this file under plain Node.
import { dateOfDay, dayNumber, type CalendarDay, type WorkCalendar } from '../../../../../shared/lib/work-calendar.js';

export type DayKind = 'holiday' | 'workday';
export interface DayMark {
  date: string;
  name: string;
  kind: DayKind;
}

/** At most this many days in one pasted range (a notice's longest break is a few weeks). */
const MAX_RANGE_DAYS = 62;

const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The calendar with `date` made a holiday, a make-up working day, or (kind null) back to its weekday rule. */
export function markDay(cal: WorkCalendar, date: string, kind: DayKind | null, name: string): WorkCalendar {
  return markDays(cal, [{ date, name, kind: kind ?? 'holiday' }], kind === null);
}

/** Applies many marks; a date that was in the other list moves, so no date is ever in both. */
export function markDays(cal: WorkCalendar, marks: DayMark[], clear = false): WorkCalendar {
  const dates = new Set(marks.map((m) => m.date));
  const holidays = cal.holidays.filter((d) => !dates.has(d.date));
  const workdays = cal.workdays.filter((d) => !dates.has(d.date));
  if (!clear) for (const m of marks) (m.kind === 'holiday' ? holidays : workdays).push({ date: m.date, name: m.name.trim().slice(0, 50) });
  return { ...cal, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) };
}

export type PasteMode = 'auto' | DayKind;

export interface PasteResult {
  marks: DayMark[];
  /** 1-based numbers of the lines that could not be read. */
  badLines: number[];
}

/** Names that mean "go to work this day" in a State Council notice (调休上班, 补班). */
const WORK_WORDS = /上班|补班|调班|workday|working day/i;

const DATE = String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`;
const LINE_RE = new RegExp(String.raw`^${DATE}(?:\s*(?:~|～|\.\.|至|到|—|–|-{1,2})\s*${DATE})?(?:[\s,，\t]+(.*))?$`);

function isoOf(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  try {
    dayNumber(iso);
    return iso;
  } catch {
    return null;
  }
}

/**
 * Lines of "YYYY-MM-DD name" (also 2026/10/1, and ranges "2026-10-01~2026-10-07 国庆节").
 * Blank lines are skipped. In 'auto' mode a name with 上班/补班 marks a make-up working day.
 */
export function parsePastedDates(text: string, mode: PasteMode): PasteResult {
  const marks = new Map<string, DayMark>();
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE_RE.exec(line);
    const from = m ? isoOf(m[1]!, m[2]!, m[3]!) : null;
    const to = m && m[4] ? isoOf(m[4], m[5]!, m[6]!) : from;
    if (!m || !from || !to || to < from || dayNumber(to) - dayNumber(from) >= MAX_RANGE_DAYS) {
      badLines.push(i + 1);
      return;
    }
    const name = (m[7] ?? '').trim().slice(0, 50);
    const kind: DayKind = mode === 'auto' ? (WORK_WORDS.test(name) ? 'workday' : 'holiday') : mode;
    for (let day = dayNumber(from); day <= dayNumber(to); day++) {
      const date = dateOfDay(day);
      marks.set(date, { date, name, kind });
    }
  });
  return { marks: [...marks.values()].sort(byDate), badLines };
}
