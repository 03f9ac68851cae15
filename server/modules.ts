// Every module in registration order. A new module adds one line here (and its web routes).
import type { SyswardModule } from './core/module.js';
import { assetsModule } from './modules/assets/index.js';
import { authModule } from './modules/auth/index.js';
import { kbModule } from './modules/kb/index.js';
import { monitorsModule } from './modules/monitors/index.js';
import { notifyModule } from './modules/notify/index.js';
import { orgModule } from './modules/org/index.js';
import { systemModule } from './modules/system/index.js';
import { ticketsModule } from './modules/tickets/index.js';

export const modules: SyswardModule[] = [
  systemModule,
  orgModule,
  authModule,
  notifyModule,
  assetsModule,
  ticketsModule,
  kbModule,
  monitorsModule,
];
