// /api/notify/robots: the group robots and webhooks notifications go to. The administrator's
// settings, under the same permission as the mail server. Path, schema, permission, one call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import {
  notifyRobot,
  notifyRobotInput,
  notifyRobotList,
  notifyRobotUpdate,
  robotTestResult,
} from '../../../shared/contracts/notify-robots.js';
import type { RobotsService } from './robots.service.js';

export function registerRobotRoutes(app: FastifyInstance, s: RobotsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'settings:write' as const };
  const tags = ['notification settings'];

  r.get(
    '/api/notify/robots',
    {
      config: admin,
      schema: { tags, summary: 'Group robots and webhooks (never their address or secret)', response: { 200: notifyRobotList } },
    },
    () => s.list(),
  );
  r.post(
    '/api/notify/robots',
    { config: admin, schema: { tags, summary: 'Add a group robot or webhook', body: notifyRobotInput, response: { 200: notifyRobot } } },
    (req) => s.create(req.actor, req.body),
  );
  r.put(
    '/api/notify/robots/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change a robot; a missing url or secret keeps the stored one, secret "" removes it',
        params: idParam,
        body: notifyRobotUpdate,
        response: { 200: notifyRobot },
      },
    },
    (req) => s.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/notify/robots/:id',
    { config: admin, schema: { tags, summary: 'Remove a robot', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await s.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/notify/robots/:id/test',
    {
      // Each call makes the server post to the platform: bounded, like the test email.
      config: { ...admin, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a test message now; says why it failed as a delivery reason',
        params: idParam,
        response: { 200: robotTestResult },
      },
    },
    (req) => s.test(req.actor, req.params.id),
  );
}
