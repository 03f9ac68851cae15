// The fault-ticket endpoints as typed hooks. Every write invalidates the whole ['tickets'] prefix:
// a comment changes the ticket's updatedAt in the lists, an assignment changes the tab counts, and
// the dashboard widget reads the same counts.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  bulkResult,
  suggestions,
  ticket,
  ticketCounts,
  ticketLocationList,
  ticketPage,
  ticketSettings,
  ticketStats,
  ticketUpload,
  ticketUserList,
  timelinePage,
  type TicketSettings,
  type TicketUpdateInput,
  type bulkAssignInput,
  type bulkCloseInput,
  type decisionInput,
  type escalateInput,
  type repairInput,
  type repairUpdateInput,
  type ticketAssignInput,
  type ticketCommentInput,
  type ticketCreateInput,
  type ticketLinkInput,
  type ticketTransitionInput,
} from '@shared/contracts/tickets.js';
import { api, type Query } from '../../lib/api-client';
import { uploadWithProgress } from '../../lib/upload';

export const TICKETS_KEY = ['tickets'] as const;

/** What the forms send: the contract's input before defaults are applied. */
export type CreateInput = z.input<typeof ticketCreateInput>;
export type TransitionInput = z.input<typeof ticketTransitionInput>;
export type CommentInput = z.input<typeof ticketCommentInput>;
export type LinkInput = { ticketId: number; kind: z.output<typeof ticketLinkInput>['kind'] };
export type RepairPatch = z.input<typeof repairUpdateInput>;
export type RepairValues = z.input<typeof repairInput>;

function useWrite<Args, Result>(fn: (args: Args) => Promise<Result>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: TICKETS_KEY }) });
}

// ---- lists ----
/** One page of tickets; query = the params of ticketListQuery (state/priority as 'a,b'). */
export function useTickets(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'list', query],
    queryFn: ({ signal }) => api('/api/tickets', { query, schema: ticketPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The tabs' and the dashboard's counts; refreshed every minute because targets run out by themselves. */
export function useTicketCounts(enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'counts'],
    queryFn: ({ signal }) => api('/api/tickets/counts', { schema: ticketCounts, signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

// ---- one ticket ----
export function useTicket(id: number | undefined) {
  return useQuery({
    queryKey: ['tickets', 'one', id],
    queryFn: ({ signal }) => api(`/api/tickets/${id}`, { schema: ticket, signal }),
    enabled: id !== undefined,
  });
}

/** The timeline, newest first, a page at a time ("load more" asks for entries before the last id). */
export function useTimeline(id: number) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'timeline', id],
    queryFn: ({ pageParam, signal }) => api(`/api/tickets/${id}/timeline`, { query: { before: pageParam }, schema: timelinePage, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useCreateTicket() {
  return useWrite((input: CreateInput) => api('/api/tickets', { method: 'POST', body: input, schema: ticket }));
}
export function useUpdateTicket(id: number) {
  return useWrite((patch: TicketUpdateInput) => api(`/api/tickets/${id}`, { method: 'PATCH', body: patch, schema: ticket }));
}
export function useTransition(id: number) {
  return useWrite((input: TransitionInput) => api(`/api/tickets/${id}/transition`, { method: 'POST', body: input, schema: ticket }));
}
export function useAssign(id: number) {
  return useWrite((input: z.input<typeof ticketAssignInput>) =>
    api(`/api/tickets/${id}/assign`, { method: 'POST', body: input, schema: ticket }),
  );
}
export function useComment(id: number) {
  return useWrite((input: CommentInput) => api(`/api/tickets/${id}/comments`, { method: 'POST', body: input }));
}
export function useSetTicketAssets(id: number) {
  return useWrite((assetIds: number[]) => api(`/api/tickets/${id}/assets`, { method: 'PUT', body: { assetIds }, schema: ticket }));
}
export function useAddLink(id: number) {
  return useWrite((input: LinkInput) => api(`/api/tickets/${id}/links`, { method: 'POST', body: input, schema: ticket }));
}
export function useRemoveLink(id: number) {
  return useWrite((input: LinkInput) => api(`/api/tickets/${id}/links`, { method: 'DELETE', query: input, schema: ticket }));
}
export function useAddRepair(id: number) {
  return useWrite((input: RepairValues) => api(`/api/tickets/${id}/repairs`, { method: 'POST', body: input, schema: ticket }));
}
export function useUpdateRepair(id: number) {
  return useWrite(({ repairId, patch }: { repairId: number; patch: RepairPatch }) =>
    api(`/api/tickets/${id}/repairs/${repairId}`, { method: 'PATCH', body: patch, schema: ticket }),
  );
}
export function useEscalate(id: number) {
  return useWrite((input: z.input<typeof escalateInput>) =>
    api(`/api/tickets/${id}/escalate`, { method: 'POST', body: input, schema: ticket }),
  );
}
export function useDecide(id: number) {
  return useWrite((input: z.input<typeof decisionInput>) =>
    api(`/api/tickets/${id}/decision`, { method: 'POST', body: input, schema: ticket }),
  );
}

// ---- many tickets ----
export function useBulkAssign() {
  return useWrite((input: z.input<typeof bulkAssignInput>) =>
    api('/api/tickets/bulk/assign', { method: 'POST', body: input, schema: bulkResult }),
  );
}
export function useBulkClose() {
  return useWrite((input: z.input<typeof bulkCloseInput>) =>
    api('/api/tickets/bulk/close', { method: 'POST', body: input, schema: bulkResult }),
  );
}

// ---- settings, statistics, pickers ----
export function useTicketSettings() {
  return useQuery({
    queryKey: ['tickets', 'settings'],
    queryFn: ({ signal }) => api('/api/tickets/settings', { schema: ticketSettings, signal }),
  });
}
export function useSaveTicketSettings() {
  return useWrite((input: TicketSettings) => api('/api/tickets/settings', { method: 'PUT', body: input, schema: ticketSettings }));
}

export function useTicketStats(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['tickets', 'stats', range],
    queryFn: ({ signal }) => api('/api/tickets/stats', { query: range ?? {}, schema: ticketStats, signal }),
    placeholderData: keepPreviousData,
    enabled: range !== null,
  });
}

/** Users who can work tickets (the assignee picker): a small team, fetched whole. */
export function useTechnicians(enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'technicians'],
    queryFn: ({ signal }) => api('/api/tickets/technicians', { schema: ticketUserList, signal }),
    select: (r) => r.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Active users a ticket can be escalated to (technicians only). */
export function useLeaderCandidates(enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'leaders'],
    queryFn: ({ signal }) => api('/api/tickets/leader-candidates', { schema: ticketUserList, signal }),
    select: (r) => r.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Places for the report form, searched on the server (anyone signed in; the org tree needs org:read). */
export function useTicketLocations(q: string, enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'locations', q],
    queryFn: ({ signal }) => api('/api/tickets/locations', { query: { q: q || undefined }, schema: ticketLocationList, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/** FAQ articles (and, for technicians, similar past tickets) for what is being typed. */
export function useSuggestions(text: string) {
  return useQuery({
    queryKey: ['tickets', 'suggest', text],
    queryFn: ({ signal }) => api('/api/tickets/suggest', { query: { text }, schema: suggestions, signal }),
    enabled: text.length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

// ---- files ----
/** A photo stored before its report or comment exists; that one then sends the id. */
export function uploadTicketPhoto(file: File, onProgress: (percent: number) => void, signal?: AbortSignal) {
  const form = new FormData();
  form.append('file', file);
  return uploadWithProgress({ url: '/api/tickets/uploads', form, schema: ticketUpload, onProgress, signal });
}

/** Where one of a ticket's files is read (inline for photos and PDF); the session cookie is enough. */
export const attachmentUrl = (ticketId: number, attachmentId: number) => `/api/tickets/${ticketId}/attachments/${attachmentId}`;
