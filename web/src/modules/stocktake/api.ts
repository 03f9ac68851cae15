// The stocktake endpoints as typed hooks. An open stocktake is polled every few seconds; its
// version number goes into the keys of the lists, so they refetch only when a scan, undo or
// close actually changed something (polling costs one small row read).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { categoryList } from '@shared/contracts/assets.js';
import {
  applyLocationsResult,
  extraPage,
  itemPage,
  scanResult,
  stocktake,
  stocktakeItem,
  stocktakePage,
  stocktakeReport,
  type ExtraKind,
  type ItemState,
  type StocktakeInput,
  type StocktakeStatus,
  type markFoundInput,
} from '@shared/contracts/stocktake.js';
import { api, buildUrl } from '../../lib/api-client';

export const STOCKTAKE_KEY = ['stocktake'] as const;
const BASE = '/api/assets/stocktakes';
/** How often an open stocktake's counts are refreshed while someone looks at them. */
export const POLL_MS = 4000;

export function useStocktakes(query: { page: number; pageSize: number; status?: StocktakeStatus }) {
  return useQuery({
    queryKey: [...STOCKTAKE_KEY, 'list', query],
    queryFn: ({ signal }) => api(BASE, { query, schema: stocktakePage, signal }),
    placeholderData: keepPreviousData,
    // Progress bars of open stocktakes move while people count.
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.status === 'open') ? POLL_MS * 2 : false),
  });
}

/** One stocktake with its live counts; polled while it is open. */
export function useStocktake(id: number) {
  return useQuery({
    queryKey: [...STOCKTAKE_KEY, 'one', id],
    queryFn: ({ signal }) => api(`${BASE}/${id}`, { schema: stocktake, signal }),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? POLL_MS : false),
  });
}

export interface ListQuery {
  page: number;
  pageSize: number;
  q?: string;
}

export function useStocktakeItems(id: number, version: number | undefined, query: ListQuery & { state: ItemState }) {
  return useQuery({
    queryKey: [...STOCKTAKE_KEY, 'items', id, version, query],
    queryFn: ({ signal }) => api(`${BASE}/${id}/items`, { query: { ...query }, schema: itemPage, signal }),
    placeholderData: keepPreviousData,
    enabled: version !== undefined,
  });
}

export function useStocktakeExtras(id: number, version: number | undefined, query: ListQuery & { kind: ExtraKind }) {
  return useQuery({
    queryKey: [...STOCKTAKE_KEY, 'extras', id, version, query],
    queryFn: ({ signal }) => api(`${BASE}/${id}/extras`, { query: { ...query }, schema: extraPage, signal }),
    placeholderData: keepPreviousData,
    enabled: version !== undefined,
  });
}

export function useStocktakeReport(id: number, closed: boolean) {
  return useQuery({
    queryKey: [...STOCKTAKE_KEY, 'report', id],
    queryFn: ({ signal }) => api(`${BASE}/${id}/report`, { schema: stocktakeReport, signal }),
    enabled: closed,
    staleTime: Infinity,
  });
}

/** Categories as tree nodes for the scope picker. */
export function useCategoryNodes() {
  return useQuery({
    queryKey: ['assets', 'categories'],
    queryFn: ({ signal }) => api('/api/assets/categories', { schema: categoryList, signal }),
    select: (r) => r.items.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId, code: c.code })),
    staleTime: 60_000,
  });
}

function useWrite<Args, Result>(fn: (args: Args) => Promise<Result>, alsoAssets = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: STOCKTAKE_KEY });
      if (alsoAssets) await qc.invalidateQueries({ queryKey: ['assets'] });
    },
  });
}

export const useStartStocktake = () => useWrite((input: StocktakeInput) => api(BASE, { method: 'POST', body: input, schema: stocktake }));
export const useCloseStocktake = () =>
  useWrite((id: number) => api(`${BASE}/${id}/close`, { method: 'POST', body: {}, schema: stocktake }));
export const useApplyLocations = () =>
  useWrite(
    ({ id, itemIds }: { id: number; itemIds?: number[] }) =>
      api(`${BASE}/${id}/apply-locations`, { method: 'POST', body: itemIds ? { itemIds } : {}, schema: applyLocationsResult }),
    true,
  );
export const useMarkFound = () =>
  useWrite(({ id, itemId, input }: { id: number; itemId: number; input: z.input<typeof markFoundInput> }) =>
    api(`${BASE}/${id}/items/${itemId}/found`, { method: 'POST', body: input, schema: scanResult }),
  );
export const useUndoFound = () =>
  useWrite(({ id, itemId }: { id: number; itemId: number }) =>
    api(`${BASE}/${id}/items/${itemId}/undo`, { method: 'POST', body: {}, schema: stocktakeItem }),
  );

/**
 * One scan. Only the stocktake's own counts are refreshed at once (the scan answers with them);
 * the lists follow through the version on the next poll.
 */
export function useScan(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; locationId: number | null }) =>
      api(`${BASE}/${id}/scans`, { method: 'POST', body: input, schema: scanResult }),
    onSuccess: (r) => {
      qc.setQueryData([...STOCKTAKE_KEY, 'one', id], (old: z.infer<typeof stocktake> | undefined) =>
        old && r.version >= old.version ? { ...old, counts: r.counts, version: r.version } : old,
      );
    },
  });
}

export const reportUrl = (id: number, format: 'xlsx' | 'pdf') => buildUrl(`${BASE}/${id}/report.${format}`);
