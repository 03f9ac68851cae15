// Rows → response shapes. Secrets have no field here: only the names of those that are set.
import type { Monitor, MonitorGroup, MonitorState } from '../../../shared/contracts/monitors.js';
import { SECRET_NAMES, type MonitorKind, type MonitorSecrets, type MonitorTarget } from '../../../shared/contracts/monitor-targets.js';
import type { Threshold } from '../../../shared/contracts/monitors.js';
import { fromJson } from '../../db/dialect.js';
import type { GroupRow, MonitorRow } from './monitors.repository.js';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toMonitor(r: MonitorRow, secrets: MonitorSecrets): Monitor {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as MonitorKind,
    groupId: r.group_id,
    groupName: r.group_name,
    locationId: r.location_id,
    locationName: r.location_name,
    assetId: r.asset_id,
    assetNumber: r.asset_number,
    target: fromJson<MonitorTarget>(r.target),
    secretsSet: SECRET_NAMES.filter((k) => !!secrets[k]),
    intervalS: r.interval_s,
    timeoutMs: r.timeout_ms,
    retries: r.retries,
    thresholds: fromJson<Threshold[]>(r.thresholds),
    parentId: r.parent_id,
    parentName: r.parent_name,
    enabled: r.enabled === 1,
    public: r.public === 1,
    notes: r.notes,
    status: {
      state: r.state as MonitorState,
      since: Number(r.since),
      checkedAt: num(r.checked_at),
      latencyMs: num(r.latency_ms),
      value: num(r.value),
      reason: r.reason,
      detail: fromJson<Record<string, string | number>>(r.detail) ?? {},
      facts: fromJson<Record<string, string>>(r.facts) ?? {},
      flapping: r.flapping === 1,
    },
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export function toGroup(g: GroupRow): MonitorGroup {
  return {
    id: g.id,
    name: g.name,
    sortOrder: g.sort_order,
    publicSlug: g.public_slug,
    publicTitle: g.public_title,
    monitorCount: Number(g.monitor_count ?? 0),
  };
}
