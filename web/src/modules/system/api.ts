// User administration, the audit trail and the organisation settings.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { user, userPage, type Language, type User } from '@shared/contracts/auth.js';
import { auditPage, settingsResponse } from '@shared/contracts/system.js';
import type { Role } from '@shared/lib/access.js';
import { api, type Query } from '../../lib/api-client';
import { createCrudHooks } from '../../lib/crud';
import { meQueryKey } from '../../lib/session';

export interface UserCreate {
  login: string;
  name: string;
  password: string;
  roles: Role[];
  personId: number | null;
  language: Language | null;
}
export type UserPatch = Partial<Omit<UserCreate, 'login' | 'password'>> & { disabled?: boolean };

const users = createCrudHooks<User, UserCreate, UserPatch>({
  base: '/api/users',
  key: ['system', 'users'],
  item: user,
  page: userPage,
});
export const useUsers = users.useList;
export const useCreateUser = users.useCreate;
export const useUpdateUser = users.useUpdate;

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      api(`/api/users/${id}/password`, { method: 'POST', body: { password } }),
  });
}

export function useAudit(query: Query) {
  return useQuery({
    queryKey: ['system', 'audit', query],
    queryFn: ({ signal }) => api('/api/audit', { query, schema: auditPage, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSettings() {
  return useQuery({
    queryKey: ['system', 'settings'],
    queryFn: ({ signal }) => api('/api/settings', { schema: settingsResponse, signal }),
  });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { orgName: string; timeZone: string; defaultLanguage: Language; sessionLifetimeHours: number }) =>
      api('/api/settings', { method: 'PUT', body: input, schema: settingsResponse }),
    onSuccess: async (saved) => {
      qc.setQueryData(['system', 'settings'], saved);
      // The top bar's org name and every date's time zone come from the session's copy.
      await qc.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
