// Translation keys the work calendar page builds at run time, for the locale test.
export const FAMILIES: Record<string, readonly string[]> = {
  'workCalendar.section.': ['weekdays', 'periods', 'holidays', 'workdays'],
  'workCalendar.': ['holiday', 'workday'],
};
