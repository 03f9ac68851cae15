import type { Generated } from 'kysely';

/** 监控分组: the overview groups by these (or by location); a group may have a public status page. */
export interface MonitorGroupsTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  sort_order: number;
  /** Path part of the public status page (/status/<slug>); null = not published. */
  public_slug: string | null;
  public_title: string;
  created_at: number;
  updated_at: number;
}

export interface MonitorsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  group_id: number | null;
  location_id: number | null;
  asset_id: number | null;
  /** The kind's target configuration (shared/contracts/monitor-targets.ts), JSON. */
  target: unknown;
  interval_s: number;
  timeout_ms: number;
  retries: number;
  /** Thresholds[] JSON. */
  thresholds: unknown;
  /** The monitor this one depends on (the switch in front of it). */
  parent_id: number | null;
  enabled: number;
  /** On the group's public status page. */
  public: number;
  notes: string;
  /** Push checks: SHA-256 of the URL token (the token itself is shown once, when made). */
  push_token_hash: string | null;
  name_sort: string;
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

/** Write-only values of a monitor (SNMP community and keys, passwords): read by the engine only. */
export interface MonitorSecretsTable {
  monitor_id: number;
  data: string;
}

/** The current state of each monitor: what the overview reads and what a restart restores. */
export interface MonitorStatusTable {
  monitor_id: number;
  state: string;
  since: number;
  checked_at: number | null;
  latency_ms: number | null;
  value: number | null;
  reason: string | null;
  detail: unknown;
  facts: unknown;
  /** Last classified results, one letter each (o, w, c, u): flapping is computed over them. */
  history: string;
  flapping: number;
  /** The last state a notification went out for. */
  notified: string;
  updated_at: number;
}

/** One row per check (kept for the raw retention period). state: o, w, c, u, r (unreachable). */
export interface MonitorResultsTable {
  monitor_id: number;
  at: number;
  state: string;
  latency_ms: number | null;
  value: number | null;
  reason: string | null;
}

/** The further series of a check (interfaces, disks, UPS figures), one JSON object per check. */
export interface MonitorMetricsTable {
  monitor_id: number;
  at: number;
  data: unknown;
}

/** Per-minute, per-hour and per-day aggregates; metric '' is the check itself. */
export interface MonitorRollupsTable {
  monitor_id: number;
  size: string;
  metric: string;
  start: number;
  n: number;
  ok_n: number;
  warn_n: number;
  crit_n: number;
  unknown_n: number;
  lat_sum: number;
  lat_n: number;
  lat_min: number | null;
  lat_max: number | null;
  val_sum: number;
  val_n: number;
  val_min: number | null;
  val_max: number | null;
}

/** State changes: the status history of a check and what alerting works from. */
export interface MonitorEventsTable {
  id: Generated<number>;
  monitor_id: number;
  at: number;
  from_state: string;
  to_state: string;
  reason: string | null;
  detail: unknown;
  value: number | null;
  notified: number;
}

/** A push URL's call, until the engine running that monitor takes it. */
export interface MonitorPushesTable {
  id: Generated<number>;
  monitor_id: number;
  at: number;
  ok: number;
  value: number | null;
}

export interface MonitorTables {
  monitor_groups: MonitorGroupsTable;
  monitors: MonitorsTable;
  monitors_grams: { gram: string; id: number };
  monitor_secrets: MonitorSecretsTable;
  monitor_status: MonitorStatusTable;
  monitor_results: MonitorResultsTable;
  monitor_metrics: MonitorMetricsTable;
  monitor_rollups: MonitorRollupsTable;
  monitor_events: MonitorEventsTable;
  monitor_pushes: MonitorPushesTable;
}
