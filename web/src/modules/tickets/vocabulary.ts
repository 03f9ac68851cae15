// Colours of the ticket vocabulary and the one rule for which service clock a row shows.
import type { SlaStatus, TicketPriority, TicketState, TicketSummary } from '@shared/contracts/tickets.js';

export const STATE_COLORS: Record<TicketState, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'processing',
  waiting: 'gold',
  resolved: 'green',
  closed: 'default',
};

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'default',
};

/** How far along a ticket is, for the reporter's progress bar: reported, taken, worked, solved, closed. */
export const STATE_STEP: Record<TicketState, number> = {
  new: 1,
  assigned: 2,
  in_progress: 3,
  waiting: 3,
  resolved: 4,
  closed: 5,
};
export const STEP_COUNT = 5;

export const RUNNING: readonly SlaStatus[] = ['ok', 'near', 'breached'];

export type ClockName = 'response' | 'resolution';

/**
 * The clock that matters now: a running response target while nobody has answered (it is the
 * sooner one), else the resolution target. Null when neither runs nor ever ran.
 */
export function currentClock(
  t: Pick<TicketSummary, 'response' | 'resolution'>,
): { name: ClockName; clock: TicketSummary['response'] } | null {
  if (RUNNING.includes(t.response.status) && t.response.dueAt !== null) return { name: 'response', clock: t.response };
  if (t.resolution.status !== 'none') return { name: 'resolution', clock: t.resolution };
  return null;
}

/** The worst running status of the two clocks: what a row is highlighted for. */
export function urgency(t: Pick<TicketSummary, 'response' | 'resolution'>): 'breached' | 'near' | null {
  const s = [t.response.status, t.resolution.status];
  if (s.includes('breached')) return 'breached';
  if (s.includes('near')) return 'near';
  return null;
}
