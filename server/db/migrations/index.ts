// Every migration in order. Names are timestamps; a landed migration is never edited.
import type { Migration } from 'kysely';
import * as m2026112901 from './2026112901_foundation.js';
import * as m2026112903 from './2026112903_people_department_status.js';
import * as m2026112904 from './2026112904_name_sort.js';
import * as m2026112905 from './2026112905_assets.js';
import * as m2026112906 from './2026112906_stocktake.js';
import * as m2026120401 from './2026120401_notify.js';
import * as m2026120402 from './2026120402_vendors.js';
import * as m2026120403 from './2026120403_tickets.js';
import * as m2026120404 from './2026120404_kb.js';
import * as m2026120410 from './2026120410_search_bodies.js';
import * as m2026120420 from './2026120420_tickets_needs_leader.js';
import * as m2026120430 from './2026120430_ticket_counts.js';
import * as m2026120520 from './2026120520_notify_robots.js';
import * as m2026120530 from './2026120530_monitors.js';

export const migrations: Record<string, Migration> = {
  '2026112901_foundation': m2026112901,
  '2026112903_people_department_status': m2026112903,
  '2026112904_name_sort': m2026112904,
  '2026112905_assets': m2026112905,
  '2026112906_stocktake': m2026112906,
  '2026120401_notify': m2026120401,
  '2026120402_vendors': m2026120402,
  '2026120403_tickets': m2026120403,
  '2026120404_kb': m2026120404,
  '2026120410_search_bodies': m2026120410,
  '2026120420_tickets_needs_leader': m2026120420,
  '2026120430_ticket_counts': m2026120430,
  '2026120520_notify_robots': m2026120520,
  '2026120530_monitors': m2026120530,
};
