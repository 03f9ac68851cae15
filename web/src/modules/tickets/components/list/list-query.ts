// The technician's list state in the URL → the query of GET /api/tickets. Filter names are the
// contract's own (ticketListQuery), so a link with ?assigneeUserId=3 means the same on both sides.
import { TICKET_VIEWS } from '@shared/contracts/tickets.js';
import type { Query } from '../../../../lib/api-client';
import type { ListState } from '../../../../lib/list-params';

export const TICKET_FILTERS = [
  'view',
  'state',
  'priority',
  'kind',
  'category',
  'assigneeUserId',
  'reporterPersonId',
  'locationId',
  'assetId',
  'important',
  'needsLeader',
  'createdFrom',
  'createdTo',
] as const;

/** The filters kept in the "more filters" drawer (the toolbar shows the others). */
export const DRAWER_FILTERS = [
  'kind',
  'reporterPersonId',
  'locationId',
  'assetId',
  'important',
  'needsLeader',
  'createdFrom',
  'createdTo',
] as const;

export type TicketView = (typeof TICKET_VIEWS)[number];
/** The tabs, in the order the team reads them. */
export const VIEW_TABS = ['mine', 'unassigned', 'open', 'overdue', 'near', 'leader', 'all'] as const satisfies readonly TicketView[];
export const DEFAULT_VIEW: TicketView = 'mine';

export function viewOf(state: ListState): TicketView {
  const v = state.filters.view;
  return (VIEW_TABS as readonly string[]).includes(v ?? '') ? (v as TicketView) : DEFAULT_VIEW;
}

export function toApiQuery(state: ListState): Query {
  const f = state.filters;
  return {
    view: viewOf(state),
    q: state.q || undefined,
    state: f.state,
    priority: f.priority,
    kind: f.kind,
    category: f.category,
    assigneeUserId: f.assigneeUserId,
    reporterPersonId: f.reporterPersonId,
    locationId: f.locationId,
    assetId: f.assetId,
    important: f.important,
    needsLeader: f.needsLeader,
    createdFrom: f.createdFrom,
    createdTo: f.createdTo,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  };
}
