// /api/monitors: monitors, groups, status and the push URL. Path, schema, permission, one call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import {
  checkNowResult,
  monitor,
  monitorCounts,
  monitorCreated,
  monitorEventPage,
  monitorGroup,
  monitorGroupInput,
  monitorInput,
  monitorListQuery,
  monitorPage,
  pushParams,
  pushQuery,
  series,
  seriesQuery,
  uptime,
} from '../../../shared/contracts/monitors.js';
import { notFound } from '../../core/errors.js';
import type { createMonitorGroupsService } from './monitor-groups.service.js';
import type { MonitorFigures } from './monitors.figures.js';
import type { MonitorsService } from './monitors.service.js';

export interface MonitorRouteDeps {
  monitors: MonitorsService;
  groups: ReturnType<typeof createMonitorGroupsService>;
  figures: MonitorFigures;
  checkNow(id: number): Promise<void>;
}

const eventsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function registerMonitorRoutes(app: FastifyInstance, d: MonitorRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'monitors:read' as const };
  const write = { access: 'monitors:write' as const };
  const tags = ['monitors'];

  r.get(
    '/api/monitors',
    {
      config: read,
      schema: {
        tags,
        summary: 'List monitors with their status (problems first)',
        querystring: monitorListQuery,
        response: { 200: monitorPage },
      },
    },
    (req) => d.monitors.list(req.query),
  );
  r.get('/api/monitors/counts', { config: read, schema: { tags, summary: 'Monitors by state', response: { 200: monitorCounts } } }, () =>
    d.monitors.counts(),
  );
  r.get(
    '/api/monitors/:id',
    { config: read, schema: { tags, summary: 'One monitor', params: idParam, response: { 200: monitor } } },
    (req) => d.monitors.get(req.params.id),
  );
  r.post(
    '/api/monitors',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a monitor (a push monitor answers with its URL token, once)',
        body: monitorInput,
        response: { 200: monitorCreated },
      },
    },
    (req) => d.monitors.create(req.actor, req.body),
  );
  r.put(
    '/api/monitors/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a monitor; secrets left out are kept',
        params: idParam,
        body: monitorInput,
        response: { 200: monitor },
      },
    },
    (req) => d.monitors.update(req.actor, req.params.id, req.body),
  );
  r.put(
    '/api/monitors/:id/enabled',
    {
      config: write,
      schema: {
        tags,
        summary: 'Switch a monitor on or off',
        params: idParam,
        body: z.strictObject({ enabled: z.boolean() }),
        response: { 200: monitor },
      },
    },
    (req) => d.monitors.setEnabled(req.actor, req.params.id, req.body.enabled),
  );
  r.post(
    '/api/monitors/:id/push-token',
    { config: write, schema: { tags, summary: 'Replace a push monitor’s URL token', params: idParam, response: { 200: monitorCreated } } },
    (req) => d.monitors.replacePushToken(req.actor, req.params.id),
  );
  r.delete(
    '/api/monitors/:id',
    { config: write, schema: { tags, summary: 'Delete a monitor and its history', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await d.monitors.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/monitors/:id/check',
    { config: write, schema: { tags, summary: 'Check now and answer the new status', params: idParam, response: { 200: checkNowResult } } },
    async (req) => {
      await d.monitors.get(req.params.id);
      await d.checkNow(req.params.id);
      return { status: (await d.monitors.get(req.params.id)).status };
    },
  );
  r.get(
    '/api/monitors/:id/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'State changes, newest first',
        params: idParam,
        querystring: eventsQuery,
        response: { 200: monitorEventPage },
      },
    },
    (req) => d.figures.events(req.params.id, req.query.page, req.query.pageSize),
  );
  r.get(
    '/api/monitors/:id/series',
    {
      config: read,
      schema: { tags, summary: 'Chart points for a period', params: idParam, querystring: seriesQuery, response: { 200: series } },
    },
    (req) => d.figures.series(req.params.id, req.query),
  );
  r.get(
    '/api/monitors/:id/uptime',
    {
      config: read,
      schema: { tags, summary: 'Share of checks up over 24 h, 7 d, 30 d and 1 year', params: idParam, response: { 200: uptime } },
    },
    (req) => d.figures.uptime(req.params.id),
  );

  // ---- groups ----
  r.get(
    '/api/monitor-groups',
    { config: read, schema: { tags, summary: 'Monitor groups', response: { 200: z.object({ items: z.array(monitorGroup) }) } } },
    async () => ({ items: await d.groups.list() }),
  );
  r.post(
    '/api/monitor-groups',
    { config: write, schema: { tags, summary: 'Add a group', body: monitorGroupInput, response: { 200: monitorGroup } } },
    (req) => d.groups.create(req.actor, req.body),
  );
  r.put(
    '/api/monitor-groups/:id',
    { config: write, schema: { tags, summary: 'Edit a group', params: idParam, body: monitorGroupInput, response: { 200: monitorGroup } } },
    (req) => d.groups.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/monitor-groups/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a group (its monitors stay, ungrouped)', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await d.groups.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  // ---- the push URL: called by scripts (curl in a backup job), no session, no token header ----
  const push = {
    config: {
      access: 'public' as const,
      // Per token: a runaway loop in one job cannot crowd out another.
      rateLimit: {
        max: 60,
        timeWindow: '1 minute',
        keyGenerator: (req: { params: unknown; ip: string }) => `${(req.params as { token?: string }).token}`,
      },
    },
    schema: { tags, summary: 'Heartbeat of a push monitor', params: pushParams, querystring: pushQuery, response: { 200: okResponse } },
  };
  // An unknown, replaced or switched-off token: 404, the same for each, so nothing is learnt.
  const handlePush = async (token: string, q: z.output<typeof pushQuery>) => {
    if (!(await d.monitors.push(token, q))) throw notFound('push_monitor');
    return { ok: true as const };
  };
  r.get('/api/push/:token', push, (req) => handlePush(req.params.token, req.query));
  r.post('/api/push/:token', push, (req) => handlePush(req.params.token, req.query));
}
