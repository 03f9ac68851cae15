// /api/notifications (everyone's own inbox and switches) and /api/notify (the administrator's
// mail server settings and delivery log): path, schema, permission, one service call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common.js';
import {
  delivery,
  deliveryListQuery,
  deliveryPage,
  markReadInput,
  markReadResult,
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  notifySettings,
  notifySettingsInput,
  preferencesInput,
  testEmailInput,
  testEmailResult,
  unreadCount,
} from '../../../shared/contracts/notify.js';
import type { NotifyService } from './notify.service.js';

export function registerNotifyRoutes(app: FastifyInstance, s: NotifyService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'signed_in' as const };
  const admin = { access: 'settings:write' as const };

  let tags = ['notifications'];
  r.get(
    '/api/notifications',
    {
      config: signedIn,
      schema: { tags, summary: 'My notifications, newest first', querystring: notificationListQuery, response: { 200: notificationPage } },
    },
    (req) => s.list(req.actor, req.query),
  );
  r.get(
    '/api/notifications/unread-count',
    { config: signedIn, schema: { tags, summary: 'How many of my notifications are unread', response: { 200: unreadCount } } },
    (req) => s.unreadCount(req.actor),
  );
  r.post(
    '/api/notifications/read',
    {
      config: signedIn,
      schema: { tags, summary: 'Mark some or all of my notifications read', body: markReadInput, response: { 200: markReadResult } },
    },
    (req) => s.markRead(req.actor, req.body),
  );
  r.get(
    '/api/notifications/preferences',
    {
      config: signedIn,
      schema: { tags, summary: 'Which notifications reach me by email', response: { 200: notificationPreferences } },
    },
    (req) => s.preferences(req.actor),
  );
  r.put(
    '/api/notifications/preferences',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Switch email on or off per group of notifications',
        body: preferencesInput,
        response: { 200: notificationPreferences },
      },
    },
    (req) => s.setPreferences(req.actor, req.body),
  );

  tags = ['notification settings'];
  r.get(
    '/api/notify/settings',
    { config: admin, schema: { tags, summary: 'Mail server and link settings (never the password)', response: { 200: notifySettings } } },
    () => s.settings(),
  );
  r.put(
    '/api/notify/settings',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change the mail server settings; a missing password keeps the stored one',
        body: notifySettingsInput,
        response: { 200: notifySettings },
      },
    },
    (req) => s.saveSettings(req.actor, req.body),
  );
  r.post(
    '/api/notify/settings/test',
    {
      // Each call makes the server talk to the mail server: bounded, like the sign-in.
      config: { ...admin, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Send a test email now with the saved settings', body: testEmailInput, response: { 200: testEmailResult } },
    },
    (req) => s.testEmail(req.actor, req.body.to),
  );
  r.get(
    '/api/notify/outbox',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Recent deliveries with their status and last error',
        querystring: deliveryListQuery,
        response: { 200: deliveryPage },
      },
    },
    (req) => s.outbox(req.query),
  );
  r.post(
    '/api/notify/outbox/:id/retry',
    {
      config: admin,
      schema: { tags, summary: 'Try a pending or failed delivery again now', params: idParam, response: { 200: delivery } },
    },
    (req) => s.retry(req.actor, req.params.id),
  );
}
