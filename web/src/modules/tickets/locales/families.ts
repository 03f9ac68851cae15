// Translation keys the ticket pages build at run time, for the locale test.
import {
  RESOLUTION_FIELDS,
  TICKET_KINDS,
  TICKET_LINK_KINDS,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATES,
  TICKET_VIEWS,
  WAITING_FOR,
} from '../../../../../shared/contracts/tickets.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'tickets.state.': TICKET_STATES,
  'tickets.progress.': TICKET_STATES,
  'tickets.transition.menu.': TICKET_STATES,
  'tickets.priority.': TICKET_PRIORITIES,
  'tickets.report.priorityHint.': TICKET_PRIORITIES,
  'tickets.kind.': TICKET_KINDS,
  'tickets.source.': TICKET_SOURCES,
  'tickets.waitingFor.': WAITING_FOR,
  'tickets.views.': TICKET_VIEWS,
  'tickets.list.empty.': ['mine', 'unassigned', 'open', 'overdue', 'near', 'leader', 'all'],
  'tickets.links.out.': TICKET_LINK_KINDS,
  'tickets.links.in.': TICKET_LINK_KINDS,
  'tickets.record.': RESOLUTION_FIELDS,
  'tickets.record.hint.': RESOLUTION_FIELDS,
  'tickets.sla.': ['response', 'resolution', 'met', 'missed'],
  'tickets.timeline.sla.': ['near', 'breached'],
  'tickets.bulk.result.': ['assign', 'close'],
  'tickets.stats.period.': ['month', 'lastMonth', 'quarter', 'year', 'custom'],
  // Fields the timeline names when a ticket is edited (server: tickets.service.ts update()).
  'tickets.fields.': ['title', 'description', 'category', 'important', 'locationId', 'place', 'contactPhone'],
  'errors.tickets.': ['illegal_transition', 'record_required', 'not_found', 'asset_not_yours', 'upload_not_found', 'closed'],
};
