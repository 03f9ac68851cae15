// The asset ledger's endpoints as typed hooks: assets, categories, saved views, settings, bulk
// changes and the label/export addresses. Every write invalidates the whole ['assets'] prefix:
// lists show category names, categories show asset counts, and the detail pages read the same.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  asset,
  assetCard,
  assetPage,
  assetSettings,
  bulkResult,
  category,
  categoryList,
  savedView,
  savedViewList,
  type Asset,
  type AssetInput,
  type AssetSettings,
  type AssetStatus,
  type CategoryInput,
  type assetPatch,
  type bulkAction,
  type categoryPatch,
  type savedViewInput,
  type savedViewPatch,
} from '@shared/contracts/assets.js';
import { api, buildUrl, type Query } from '../../lib/api-client';
import { createCrudHooks } from '../../lib/crud';
import type { LabelLayout } from './components/list/vocabulary';

export { LABEL_LAYOUTS, type LabelLayout } from './components/list/vocabulary';

export const ASSETS_KEY = ['assets'] as const;

export type AssetPatch = z.input<typeof assetPatch>;
export type CategoryPatch = z.input<typeof categoryPatch>;
export type BulkAction = z.input<typeof bulkAction>;
export type SavedViewInput = z.input<typeof savedViewInput>;
export type SavedViewPatch = z.input<typeof savedViewPatch>;
export type SavedView = z.infer<typeof savedView>;

/** Refetch everything of the ledger (after an import, or a write made elsewhere). */
export function useRefreshAssets() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ASSETS_KEY });
}

function useWrite<Args, Result>(fn: (args: Args) => Promise<Result>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ASSETS_KEY }) });
}

// ---- assets ----
const assets = createCrudHooks<Asset, AssetInput, AssetPatch>({
  base: '/api/assets',
  key: ['assets', 'items'],
  invalidate: ASSETS_KEY,
  item: asset,
  page: assetPage,
});
/** One page of the ledger; the query takes the params of assetListQuery (status as 'a,b'). */
export const useAssets = assets.useList;
export const useAsset = assets.useOne;
export const useCreateAsset = assets.useCreate;
export const useUpdateAsset = assets.useUpdate;
export const useDeleteAsset = assets.useRemove;

/** A checked status transition (retired / disposed need a reason). */
export function useChangeAssetStatus() {
  return useWrite(({ id, status, reason = '' }: { id: number; status: AssetStatus; reason?: string }) =>
    api(`/api/assets/${id}/status`, { method: 'POST', body: { status, reason }, schema: asset }),
  );
}

/** One change applied to many assets, all or nothing. */
export function useBulkAssets() {
  return useWrite((action: BulkAction) => api('/api/assets/bulk', { method: 'POST', body: action, schema: bulkResult }));
}

/** The card a scanned label opens (anyone signed in). */
export function useAssetCard(number: string | undefined) {
  return useQuery({
    queryKey: ['assets', 'card', number],
    queryFn: ({ signal }) => api(`/api/assets/by-number/${encodeURIComponent(number!)}`, { schema: assetCard, signal }),
    enabled: !!number,
  });
}

/** Assets the signed-in person holds. */
export function useMyAssets() {
  return useQuery({
    queryKey: ['assets', 'mine'],
    queryFn: ({ signal }) => api('/api/assets/mine', { schema: assetPage.pick({ items: true }), signal }),
    select: (r) => r.items,
  });
}

// ---- categories ----
/** The whole category tree (a ledger has dozens), with effective fields and asset counts. */
export function useCategories(enabled = true) {
  return useQuery({
    queryKey: ['assets', 'categories'],
    queryFn: ({ signal }) => api('/api/assets/categories', { schema: categoryList, signal }),
    select: (r) => r.items,
    staleTime: 60_000,
    enabled,
  });
}
export function useCreateCategory() {
  return useWrite((input: CategoryInput) => api('/api/assets/categories', { method: 'POST', body: input, schema: category }));
}
export function useUpdateCategory() {
  return useWrite(({ id, patch }: { id: number; patch: CategoryPatch }) =>
    api(`/api/assets/categories/${id}`, { method: 'PATCH', body: patch, schema: category }),
  );
}
export function useDeleteCategory() {
  return useWrite((id: number) => api(`/api/assets/categories/${id}`, { method: 'DELETE' }));
}

// ---- saved views (each user's own) ----
export function useAssetViews() {
  return useQuery({
    queryKey: ['assets', 'views'],
    queryFn: ({ signal }) => api('/api/assets/views', { schema: savedViewList, signal }),
    select: (r) => r.items,
  });
}
export function useCreateAssetView() {
  return useWrite((input: SavedViewInput) => api('/api/assets/views', { method: 'POST', body: input, schema: savedView }));
}
export function useUpdateAssetView() {
  return useWrite(({ id, patch }: { id: number; patch: SavedViewPatch }) =>
    api(`/api/assets/views/${id}`, { method: 'PATCH', body: patch, schema: savedView }),
  );
}
export function useDeleteAssetView() {
  return useWrite((id: number) => api(`/api/assets/views/${id}`, { method: 'DELETE' }));
}

// ---- settings ----
const settingsResponse = assetSettings.extend({ numberExample: z.string() });
export type AssetSettingsView = AssetSettings & { numberExample: string };

export function useAssetSettings(enabled = true) {
  return useQuery({
    queryKey: ['assets', 'settings'],
    queryFn: ({ signal }) => api<AssetSettingsView>('/api/assets/settings', { schema: settingsResponse, signal }),
    enabled,
  });
}
export function useSaveAssetSettings() {
  return useWrite((input: AssetSettings) =>
    api<AssetSettingsView>('/api/assets/settings', { method: 'PUT', body: input, schema: settingsResponse }),
  );
}

// ---- files the browser opens itself (with the session cookie) ----
/** Labels for chosen assets (ids) or for everything a list query matches. */
export function assetLabelsUrl(opts: { ids?: readonly number[]; query?: Query; layout: LabelLayout; skip?: number }): string {
  const target: Query = opts.ids ? { ids: opts.ids.join(',') } : (opts.query ?? {});
  return buildUrl('/api/assets/labels.pdf', { ...target, layout: opts.layout, skip: opts.skip || undefined });
}
