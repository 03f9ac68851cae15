// Every module's tables, as one Kysely database type.
import type { CoreTables } from '../core/core.tables.js';
import type { AssetTables } from '../modules/assets/assets.tables.js';
import type { AuthTables } from '../modules/auth/auth.tables.js';
import type { OrgTables } from '../modules/org/org.tables.js';
import type { StocktakeTables } from '../modules/assets/stocktake.tables.js';
import type { NotifyTables } from '../modules/notify/notify.tables.js';
import type { TicketTables } from '../modules/tickets/tickets.tables.js';
import type { KbTables } from '../modules/kb/kb.tables.js';
import type { MonitorTables } from '../modules/monitors/monitors.tables.js';
import type { NotifyRobotTables } from '../modules/notify/robots.tables.js';

export interface Database
  extends
    CoreTables,
    AuthTables,
    OrgTables,
    AssetTables,
    StocktakeTables,
    NotifyTables,
    TicketTables,
    KbTables,
    MonitorTables,
    NotifyRobotTables {}
