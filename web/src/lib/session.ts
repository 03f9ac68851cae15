// The signed-in user, their permissions, the CSRF token and the organisation settings, all from
// GET /api/auth/me and kept in the query cache so every component reads the same copy.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { meResponse, type Me } from '@shared/contracts/auth.js';
import type { Permission } from '@shared/lib/access.js';
import { api, setCsrfToken } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export async function fetchMe(): Promise<Me> {
  const me = await api('/api/auth/me', { schema: meResponse, noAuthRedirect: true });
  setCsrfToken(me.csrfToken);
  return me;
}

/** After login/setup the response already is the session: no second round trip. */
export function storeMe(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** `can('org:write')`: hides what the user may not do (the server still enforces it). */
export function useCan(): (permission: Permission | undefined) => boolean {
  const { data } = useMe();
  const granted = new Set<string>(data?.user.permissions ?? []);
  return (permission) => permission === undefined || granted.has(permission);
}

export function useOrgTimeZone(): string {
  return useMe().data?.settings.timeZone ?? DEFAULT_TIME_ZONE;
}
