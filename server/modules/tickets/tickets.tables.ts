import type { Generated } from 'kysely';

export interface TicketsTable {
  id: Generated<number>;
  number: string;
  kind: string;
  title: string;
  description: string;
  state: string;
  priority: string;
  priority_rank: number;
  important: number;
  category: string;
  source: string;
  reporter_person_id: number | null;
  reporter_user_id: number | null;
  contact_phone: string;
  location_id: number | null;
  place: string;
  assignee_user_id: number | null;
  waiting_for: string | null;
  problem: string;
  cause: string;
  solution: string;
  result: string;
  prevention: string;
  response_due_at: number | null;
  response_near_at: number | null;
  resolution_due_at: number | null;
  resolution_near_at: number | null;
  paused_minutes: number;
  responded_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  response_minutes: number | null;
  resolution_minutes: number | null;
  sla_notified: number;
  sla_check_at: number | null;
  waiting_since: number | null;
  minutes_spent: number;
  needs_leader: number;
  leader_user_id: number | null;
  escalation_reason: string;
  escalated_at: number | null;
  escalation_decision: string | null;
  decided_at: number | null;
  created_by_user_id: number | null;
  created_at: number;
  updated_at: number;
  search_text: Generated<string>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  at: number;
  actor_user_id: number | null;
  body: string;
  internal: number;
  minutes: number;
  data: unknown;
}

export interface TicketAssetsTable {
  ticket_id: number;
  asset_id: number;
}

export interface TicketLinksTable {
  id: Generated<number>;
  from_ticket_id: number;
  to_ticket_id: number;
  kind: string;
  created_at: number;
}

export interface TicketRepairsTable {
  id: Generated<number>;
  ticket_id: number;
  vendor_id: number | null;
  contact: string;
  phone: string;
  rma_number: string;
  asset_id: number | null;
  asset_prev_status: string | null;
  sent_date: string;
  returned_date: string | null;
  cost_fen: number;
  notes: string;
  created_at: number;
  updated_at: number;
}

export interface TicketInternalAttachmentsTable {
  attachment_id: number;
  ticket_id: number;
}

export interface TicketUploadsTable {
  id: string;
  user_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: number;
}

export interface TicketNumberSequencesTable {
  prefix: string;
  last: number;
}

export interface TicketGramsTable {
  gram: string;
  id: number;
}

/** How many tickets are in each state, kept by the repository with every write (decision 0010). */
export interface TicketStateCountsTable {
  state: string;
  n: number;
}

export interface TicketTables {
  tickets: TicketsTable;
  tickets_grams: TicketGramsTable;
  ticket_events: TicketEventsTable;
  ticket_assets: TicketAssetsTable;
  ticket_links: TicketLinksTable;
  ticket_repairs: TicketRepairsTable;
  ticket_internal_attachments: TicketInternalAttachmentsTable;
  ticket_uploads: TicketUploadsTable;
  ticket_number_sequences: TicketNumberSequencesTable;
  ticket_state_counts: TicketStateCountsTable;
}
