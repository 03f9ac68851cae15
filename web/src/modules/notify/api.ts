// The notification endpoints as typed hooks: my inbox and email switches, and the administrator's
// mail server settings and delivery log. Any change to the inbox refreshes the bell's count too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  delivery,
  deliveryPage,
  markReadResult,
  notificationPage,
  notificationPreferences,
  notifySettings,
  testEmailResult,
  unreadCount,
  type DeliveryStatus,
  type NotifySettingsInput,
  type PreferencesInput,
} from '@shared/contracts/notify.js';
import {
  notifyRobot,
  notifyRobotList,
  robotTestResult,
  type NotifyRobotInput,
  type NotifyRobotUpdate,
} from '@shared/contracts/notify-robots.js';
import { okResponse } from '@shared/contracts/common.js';
import { api } from '../../lib/api-client';

const INBOX_KEY = ['notify', 'inbox'] as const;
const PREFERENCES_KEY = ['notify', 'preferences'] as const;
const SETTINGS_KEY = ['notify', 'settings'] as const;
const OUTBOX_KEY = ['notify', 'outbox'] as const;

/** How often the bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...INBOX_KEY, 'unread'],
    queryFn: ({ signal }) => api('/api/notifications/unread-count', { schema: unreadCount, signal }),
    refetchInterval: UNREAD_POLL_MS,
    // The count must not turn into an error badge because of one missed poll.
    retry: 1,
  });
}

export function useNotifications(query: { page: number; pageSize: number; unread?: boolean }, enabled = true) {
  return useQuery({
    queryKey: [...INBOX_KEY, 'list', query],
    queryFn: ({ signal }) =>
      api('/api/notifications', { query: { ...query, unread: query.unread ? 'true' : undefined }, schema: notificationPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: number[] } | { all: true }) =>
      api('/api/notifications/read', { method: 'POST', body: input, schema: markReadResult }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) => api('/api/notifications/preferences', { schema: notificationPreferences, signal }),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PreferencesInput) =>
      api('/api/notifications/preferences', { method: 'PUT', body: input, schema: notificationPreferences }),
    onSuccess: (data) => qc.setQueryData(PREFERENCES_KEY, data),
  });
}

// ---- administrator ----
export function useNotifySettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api('/api/notify/settings', { schema: notifySettings, signal }),
  });
}

export function useSaveNotifySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NotifySettingsInput) => api('/api/notify/settings', { method: 'PUT', body: input, schema: notifySettings }),
    onSuccess: (data) => qc.setQueryData(SETTINGS_KEY, data),
  });
}

/** Sent at once with the saved settings (not queued: it is not in the delivery log). */
export function useTestEmail() {
  return useMutation({
    mutationFn: (to: string) => api('/api/notify/settings/test', { method: 'POST', body: { to }, schema: testEmailResult }),
  });
}

export function useDeliveries(query: { page: number; pageSize: number; status?: DeliveryStatus }) {
  return useQuery({
    queryKey: [...OUTBOX_KEY, query],
    queryFn: ({ signal }) => api('/api/notify/outbox', { query, schema: deliveryPage, signal }),
    placeholderData: keepPreviousData,
    // A retried delivery changes state on its own within seconds.
    refetchInterval: 15_000,
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/notify/outbox/${id}/retry`, { method: 'POST', schema: delivery }),
    onSuccess: () => qc.invalidateQueries({ queryKey: OUTBOX_KEY }),
  });
}

// ---- group robots and webhooks ----
const ROBOTS_KEY = ['notify', 'robots'] as const;

export function useRobots() {
  return useQuery({
    queryKey: ROBOTS_KEY,
    queryFn: ({ signal }) => api('/api/notify/robots', { schema: notifyRobotList, signal }),
  });
}

export function useCreateRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NotifyRobotInput) => api('/api/notify/robots', { method: 'POST', body: input, schema: notifyRobot }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROBOTS_KEY }),
  });
}

export function useUpdateRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: NotifyRobotUpdate }) =>
      api(`/api/notify/robots/${id}`, { method: 'PUT', body: input, schema: notifyRobot }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROBOTS_KEY }),
  });
}

export function useDeleteRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/notify/robots/${id}`, { method: 'DELETE', schema: okResponse }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROBOTS_KEY }),
  });
}

/** Posts a test message now; resolves with whether it arrived and, if not, why. */
export function useTestRobot() {
  return useMutation({
    mutationFn: (id: number) => api(`/api/notify/robots/${id}/test`, { method: 'POST', schema: robotTestResult }),
  });
}
