// Sign-in, the signed-in user's own profile, sessions and API tokens.
import { useEffect } from 'react';
import { applyLanguage, chosenLanguage, rememberOrgDefault } from '../../lib/i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiTokenCreated, apiTokenList, meResponse, sessionList, setupStatus, type Language } from '@shared/contracts/auth.js';
import type { Permission } from '@shared/lib/access.js';
import { api, setCsrfToken } from '../../lib/api-client';
import { storeMe } from '../../lib/session';

const keys = {
  setup: ['auth', 'setup'] as const,
  sessions: ['auth', 'sessions'] as const,
  tokens: ['auth', 'tokens'] as const,
};

export function useSetupStatus() {
  const query = useQuery({
    queryKey: keys.setup,
    queryFn: ({ signal }) => api('/api/auth/setup', { schema: setupStatus, signal, noAuthRedirect: true }),
    staleTime: 0,
  });
  // Before anyone signs in, greet in the organisation's language unless this device chose one.
  const orgDefault = query.data?.defaultLanguage;
  useEffect(() => {
    if (!orgDefault) return;
    rememberOrgDefault(orgDefault);
    if (!chosenLanguage()) void applyLanguage(orgDefault);
  }, [orgDefault]);
  return query;
}

export function useSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; login: string; password: string }) =>
      api('/api/auth/setup', { method: 'POST', body: input, schema: meResponse, noAuthRedirect: true }),
    onSuccess: (me) => {
      storeMe(qc, me);
      qc.setQueryData(keys.setup, { needed: false });
    },
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { login: string; password: string }) =>
      api('/api/auth/login', { method: 'POST', body: input, schema: meResponse, noAuthRedirect: true }),
    onSuccess: (me) => storeMe(qc, me),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST', noAuthRedirect: true }),
    // Whatever the server said, this tab is signed out: drop every cached answer.
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: { name?: string; language?: Language }) =>
      api('/api/auth/me', { method: 'PATCH', body: patch, schema: meResponse }),
    onSuccess: (me) => storeMe(qc, me),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api('/api/auth/password', { method: 'POST', body: input }),
    // The server may end the other sessions on a password change.
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.sessions }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: keys.sessions, queryFn: ({ signal }) => api('/api/auth/sessions', { schema: sessionList, signal }) });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.sessions }),
  });
}

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: ({ signal }) => api('/api/auth/tokens', { schema: apiTokenList, signal }) });
}

export type TokenCreated = z.infer<typeof apiTokenCreated>;

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; permissions: Permission[]; expiresInDays: number | null }) =>
      api('/api/auth/tokens', { method: 'POST', body: input, schema: apiTokenCreated }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
