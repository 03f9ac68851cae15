// Connects the api client's session events to the router and the cache: a lost session goes
// to the sign-in page; a stale CSRF token is renewed once from /api/auth/me.
import type { QueryClient } from '@tanstack/react-query';
import { setCsrfRefresher, setUnauthorizedHandler } from '../lib/api-client';
import { fetchMe, meQueryKey } from '../lib/session';
import type { AppRouter } from './router';

export function wireSession(queryClient: QueryClient, router: AppRouter): void {
  setUnauthorizedHandler(() => {
    const { pathname, search } = router.state.location;
    if (pathname === '/login' || pathname === '/setup') return;
    // Cached answers belonged to the old session (and would bounce /login straight back here).
    queryClient.clear();
    void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
  });
  setCsrfRefresher(async () => {
    await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
  });
}
