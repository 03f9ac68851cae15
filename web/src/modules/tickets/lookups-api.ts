// What the ticket forms look up in other modules' endpoints: the caller's own assets, an asset by
// its label number, assets and users to pick, vendors for a repair, the category dictionary.
// Only the HTTP API is shared; no other module's components or hooks are reached into.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { asset, assetCard, assetPage } from '@shared/contracts/assets.js';
import { dictionaryListResponse } from '@shared/contracts/org.js';
import { TICKET_CATEGORY_DICTIONARY } from '@shared/contracts/tickets.js';
import { vendorPage } from '@shared/contracts/vendors.js';
import { api } from '../../lib/api-client';

const PICK = 20;

/** Assets the signed-in person holds: the devices a report is most likely about. */
export function useMyAssets() {
  return useQuery({
    queryKey: ['assets', 'mine'],
    queryFn: ({ signal }) => api('/api/assets/mine', { schema: z.object({ items: z.array(asset) }), signal }),
    select: (r) => r.items,
  });
}

/** The card behind a label number (anyone signed in); undefined number = not asked. */
export function fetchAssetCard(number: string, signal?: AbortSignal) {
  return api(`/api/assets/by-number/${encodeURIComponent(number)}`, { schema: assetCard, signal });
}
export function useAssetCardByNumber(number: string | undefined) {
  return useQuery({
    queryKey: ['assets', 'card', number],
    queryFn: ({ signal }) => fetchAssetCard(number!, signal),
    enabled: !!number,
    retry: false,
  });
}

/** Ledger search for technicians linking assets. */
export function useAssetSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['assets', 'items', 'list', { q, pageSize: PICK }],
    queryFn: ({ signal }) => api('/api/assets', { query: { q, pageSize: PICK }, schema: assetPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Active vendors by name (a repair's vendor). */
export function useVendorSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['org', 'vendors', 'list', { q, pageSize: PICK, active: 'true' }],
    queryFn: ({ signal }) => api('/api/vendors', { query: { q, pageSize: PICK, active: 'true' }, schema: vendorPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface CategoryOption {
  value: string;
  label: string;
  enabled: boolean;
}
/** The ticket categories (a dictionary anyone may read); the stored value is the item's value. */
export function useTicketCategories() {
  return useQuery({
    queryKey: ['org', 'dictionaries'],
    queryFn: ({ signal }) => api('/api/dictionaries', { schema: dictionaryListResponse, signal }),
    select: (r): CategoryOption[] =>
      (r.items.find((d) => d.code === TICKET_CATEGORY_DICTIONARY)?.items ?? []).map((i) => ({
        value: i.value,
        label: i.label,
        enabled: i.enabled,
      })),
    staleTime: 5 * 60_000,
  });
}

/** value → label, falling back to the stored value (an item renamed or removed since). */
export function useCategoryLabel() {
  const categories = useTicketCategories();
  return (value: string) => categories.data?.find((c) => c.value === value)?.label ?? value;
}
