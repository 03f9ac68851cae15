import { defineErrors } from '../../core/errors.js';

export const TicketErrors = defineErrors({
  /** The state change is not in TICKET_TRANSITIONS (or not one a reporter may make). */
  'tickets.illegal_transition': 409,
  /** Resolving (or closing unresolved) an urgent/high/important ticket without the full record; details list the fields. */
  'tickets.record_required': 400,
  'tickets.waiting_for_required': 400,
  'tickets.reason_required': 400,
  'tickets.assignee_required': 400,
  /** A field a reporter may not set (someone else as reporter, an assignee, a task, a source other than self/scan, internal notes). */
  'tickets.field_not_allowed': 403,
  /** A reporter named a device they do not hold. */
  'tickets.asset_not_yours': 403,
  'tickets.invalid_reference': 400,
  'tickets.invalid_assignee': 400,
  'tickets.invalid_leader': 400,
  'tickets.invalid_category': 400,
  'tickets.invalid_link': 400,
  'tickets.duplicate_link': 409,
  'tickets.closed': 409,
  'tickets.not_leader': 403,
  'tickets.no_escalation': 409,
  'tickets.invalid_dates': 400,
  'tickets.repair_locked': 409,
  /** An upload id that is unknown, used already, expired or another user's. */
  'tickets.upload_not_found': 400,
  'tickets.invalid_period': 400,
  /** A bulk item that already is as asked (reported in `skipped`, never thrown). */
  'tickets.unchanged': 409,
});
