// Data access of one asset's record: the asset, its hand-outs, maintenance and timeline, the card
// a scanned label opens, and the reminder lists. Every key starts with 'assets' and every write
// invalidates that whole prefix: the list pages, the reminders and the home widget all show
// what a write on one record changes (status, holder, next due dates).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  asset,
  assetCard,
  assignment,
  assignmentList,
  categoryList,
  dueList,
  expiringPage,
  historyPage,
  maintenance,
  maintenanceList,
  type AssetStatus,
  type assetPatch,
  type handoutInput,
  type maintenanceInput,
  type returnInput,
} from '@shared/contracts/assets.js';
import { person } from '@shared/contracts/org.js';
import { api } from '../../lib/api-client';

const ASSETS = ['assets'] as const;
const record = (id: number | null | undefined) => ['assets', 'record', id] as const;

export type AssetPatch = z.input<typeof assetPatch>;
export type HandoutInput = z.input<typeof handoutInput>;
export type ReturnInput = z.input<typeof returnInput>;
export type MaintenanceInput = z.input<typeof maintenanceInput>;
export type ExpiringKind = 'warranty' | 'end_of_life';

function useInvalidateAssets() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ASSETS });
}

/** The full record; staff get it only for an asset they hold (404 otherwise). */
export function useAssetRecord(id: number | null | undefined) {
  return useQuery({
    queryKey: [...record(id), 'asset'],
    queryFn: ({ signal }) => api(`/api/assets/${id}`, { schema: asset, signal }),
    enabled: id != null,
  });
}

export function useAssetCard(number: string) {
  return useQuery({
    queryKey: ['assets', 'card', number],
    queryFn: ({ signal }) => api(`/api/assets/by-number/${encodeURIComponent(number)}`, { schema: assetCard, signal }),
    enabled: number !== '',
  });
}

/** Every category with its effective custom fields (labels and units of the custom values). */
export function useRecordCategories() {
  return useQuery({
    // The list pages' key and shape: one fetch serves both.
    queryKey: ['assets', 'categories'],
    queryFn: ({ signal }) => api('/api/assets/categories', { schema: categoryList, signal }),
    staleTime: 60_000,
  });
}

export function useAssignments(assetId: number, enabled = true) {
  return useQuery({
    queryKey: [...record(assetId), 'assignments'],
    queryFn: ({ signal }) => api(`/api/assets/${assetId}/assignments`, { schema: assignmentList, signal }),
    enabled,
  });
}

export function useMaintenanceList(assetId: number, enabled = true) {
  return useQuery({
    queryKey: [...record(assetId), 'maintenance'],
    queryFn: ({ signal }) => api(`/api/assets/${assetId}/maintenance`, { schema: maintenanceList, signal }),
    enabled,
  });
}

/** The timeline, newest first, one page of 30 at a time ("load more" asks for older ones). */
export function useAssetHistory(assetId: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...record(assetId), 'history'],
    queryFn: ({ signal, pageParam }) =>
      api(`/api/assets/${assetId}/history`, { query: { before: pageParam, limit: 30 }, schema: historyPage, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled,
  });
}

export function useMaintenanceDue(days: number, enabled = true) {
  return useQuery({
    queryKey: ['assets', 'due', days],
    queryFn: ({ signal }) => api('/api/assets/maintenance/due', { query: { days }, schema: dueList, signal }),
    enabled,
  });
}

export function useExpiring(kind: ExpiringKind, days: number, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['assets', 'expiring', kind, days, page, pageSize],
    queryFn: ({ signal }) => api('/api/assets/expiring', { query: { kind, days, page, pageSize }, schema: expiringPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A person's name and department, to fill the signer and the department of a hand-out. */
export function usePersonBrief(personId: number | null | undefined) {
  return useQuery({
    queryKey: ['org', 'people', 'one', personId],
    queryFn: ({ signal }) => api(`/api/people/${personId}`, { schema: person, signal }),
    enabled: personId != null,
    staleTime: 60_000,
  });
}

export function useUpdateAsset(id: number) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (patch: AssetPatch) => api(`/api/assets/${id}`, { method: 'PATCH', body: patch, schema: asset }),
    onSuccess: invalidate,
  });
}

export function useChangeStatus(id: number) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: { status: AssetStatus; reason: string }) => api(`/api/assets/${id}/status`, { method: 'POST', body, schema: asset }),
    onSuccess: invalidate,
  });
}

export function useHandout(id: number) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: HandoutInput) => api(`/api/assets/${id}/handout`, { method: 'POST', body, schema: assignment }),
    onSuccess: invalidate,
  });
}

export function useReturn(id: number) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: ReturnInput) => api(`/api/assets/${id}/return`, { method: 'POST', body, schema: assignment }),
    onSuccess: invalidate,
  });
}

export function useSaveMaintenance(assetId: number) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: MaintenanceInput }) =>
      id === null
        ? api(`/api/assets/${assetId}/maintenance`, { method: 'POST', body, schema: maintenance })
        : api(`/api/assets/${assetId}/maintenance/${id}`, { method: 'PATCH', body, schema: maintenance }),
    onSuccess: invalidate,
  });
}

export function useDeleteMaintenance(assetId: number) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (id: number) => api(`/api/assets/${assetId}/maintenance/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Addresses the browser opens itself (PDFs in a new tab, the signature image). */
export const assetUrls = {
  label: (id: number) => `/api/assets/labels.pdf?ids=${id}&layout=thermal-50x30`,
  slip: (assignmentId: number) => `/api/assets/assignments/${assignmentId}/slip.pdf`,
  signature: (assignmentId: number) => `/api/assets/assignments/${assignmentId}/signature`,
};
