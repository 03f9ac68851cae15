// List state (page, size, search, sort, filters) lives in the URL: back/forward and a shared
// link reproduce the same list, and a reload keeps the user where they were.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListState {
  page: number;
  pageSize: number;
  q: string;
  sort?: string;
  order: 'asc' | 'desc';
  /** Page-specific filters, as strings (the URL's own type). */
  filters: Record<string, string | undefined>;
}

export type ListChange = Partial<Omit<ListState, 'filters'>> & { filters?: Record<string, string | undefined> };

const PAGE_SIZES = [10, 20, 50, 100];

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** filterNames must be a module-level constant (it is a memo dependency). */
export function useListParams(filterNames: readonly string[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();

  const state = useMemo<ListState>(() => {
    const size = positive(params.get('pageSize'), defaultPageSize);
    const filters: Record<string, string | undefined> = {};
    for (const name of filterNames) filters[name] = params.get(name) ?? undefined;
    return {
      page: positive(params.get('page'), 1),
      pageSize: PAGE_SIZES.includes(size) ? size : defaultPageSize,
      q: params.get('q') ?? '',
      sort: params.get('sort') ?? undefined,
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
      filters,
    };
  }, [params, defaultPageSize, filterNames]);

  /** Any change other than paging itself goes back to page 1 (the old page may not exist). */
  const update = useCallback(
    (change: ListChange) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (k: string, v: string | number | undefined) => {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          };
          if ('q' in change) set('q', change.q);
          if ('sort' in change) set('sort', change.sort);
          if ('order' in change) set('order', change.order);
          if ('pageSize' in change) set('pageSize', change.pageSize);
          for (const [k, v] of Object.entries(change.filters ?? {})) set(k, v);
          set('page', 'page' in change && change.page !== 1 ? change.page : undefined);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const hasFilters = state.q !== '' || Object.values(state.filters).some((v) => v !== undefined);
  const clearFilters = useCallback(() => {
    update({ q: '', filters: Object.fromEntries(filterNames.map((n) => [n, undefined])) });
  }, [update, filterNames]);

  return { state, update, hasFilters, clearFilters, pageSizes: PAGE_SIZES };
}
