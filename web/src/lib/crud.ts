// Query and mutation hooks for a resource with the standard shape (paged list, one, create,
// patch, delete). Modules export named hooks built from this, so each api.ts stays a list of
// endpoints rather than a copy of the same plumbing.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '@shared/contracts/common.js';
import { api, type Query } from './api-client';

export interface CrudConfig<Item> {
  /** e.g. '/api/people' */
  base: string;
  /** Query-key prefix, e.g. ['org', 'people']. */
  key: readonly string[];
  /** Prefix invalidated after any write (defaults to key); wider when other lists show this data. */
  invalidate?: readonly string[];
  item: z.ZodType<Item>;
  page: z.ZodType<Page<Item>>;
}

export function createCrudHooks<Item, Input, Patch = Partial<Input>>(cfg: CrudConfig<Item>) {
  const { base, key, item, page } = cfg;
  const invalidateKey = cfg.invalidate ?? key;

  function useInvalidate() {
    const qc = useQueryClient();
    return () => qc.invalidateQueries({ queryKey: invalidateKey });
  }

  return {
    useList(query: Query, enabled = true) {
      return useQuery({
        queryKey: [...key, 'list', query],
        queryFn: ({ signal }) => api(base, { query, schema: page, signal }),
        // Keep the old page on screen while the next one loads: no flashing empty table.
        placeholderData: keepPreviousData,
        enabled,
      });
    },
    useOne(id: number | null | undefined) {
      return useQuery({
        queryKey: [...key, 'one', id],
        queryFn: ({ signal }) => api(`${base}/${id}`, { schema: item, signal }),
        enabled: id != null,
      });
    },
    useCreate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (input: Input) => api(base, { method: 'POST', body: input, schema: item }),
        onSuccess: invalidate,
      });
    },
    useUpdate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ id, patch }: { id: number; patch: Patch }) => api(`${base}/${id}`, { method: 'PATCH', body: patch, schema: item }),
        onSuccess: invalidate,
      });
    },
    useRemove() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (id: number) => api(`${base}/${id}`, { method: 'DELETE' }),
        onSuccess: invalidate,
      });
    },
  };
}
