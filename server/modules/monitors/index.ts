// The monitoring module's only door: its registration, and the engine other parts may reach
// (tests start it; main starts it when jobs run).
import type { ModuleContext, SyswardModule } from '../../core/module.js';
import { createMonitorGroupsService } from './monitor-groups.service.js';
import { createMonitoringEngine, type MonitoringEngine } from './monitors.engine.js';
import { createMonitorFigures } from './monitors.figures.js';
import { registerMonitorRoutes } from './monitors.routes.js';
import { createMonitorsService } from './monitors.service.js';
import { PROBES } from './probes/index.js';

export type { MonitoringEngine } from './monitors.engine.js';

const engines = new WeakMap<ModuleContext, MonitoringEngine>();

/** The app's monitoring engine (one per app; made at registration, started separately). */
export function monitoringEngineOf(ctx: ModuleContext): MonitoringEngine {
  const engine = engines.get(ctx);
  if (!engine) throw new Error('the monitors module is not registered in this app');
  return engine;
}

export const monitorsModule: SyswardModule = {
  name: 'monitors',
  register(app, ctx) {
    ctx.references.declare({ entity: 'asset', table: 'monitors', column: 'asset_id', as: 'monitors' });
    ctx.references.declare({ entity: 'location', table: 'monitors', column: 'location_id', as: 'monitors' });

    const engine = createMonitoringEngine({
      db: ctx.db,
      probes: PROBES,
      now: () => ctx.clock.now(),
      log: (msg, err) => app.log.error({ err }, msg),
    });
    engines.set(ctx, engine);
    // The engine follows every change once it has committed.
    ctx.events.on('monitor.changed', ({ id }) => engine.reload(id));
    ctx.events.on('monitor.deleted', ({ id }) => void engine.forget(id));

    registerMonitorRoutes(app, {
      monitors: createMonitorsService(ctx),
      groups: createMonitorGroupsService(ctx),
      figures: createMonitorFigures(ctx),
      checkNow: (id) => engine.checkNow(id),
    });

    if (ctx.config.runJobs) app.addHook('onReady', () => engine.start());
    app.addHook('onClose', () => engine.stop());
  },
};
