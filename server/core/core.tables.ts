// Kysely table types of the platform pieces kept in core (settings, audit, attachments, imports).
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: unknown;
  updated_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_kind: string;
  actor_user_id: number | null;
  actor_name: string;
  token_id: number | null;
  ip: string;
  request_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before: unknown;
  after: unknown;
}

export interface AttachmentsTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_by: number | null;
  created_at: number;
}

export interface ImportJobsTable {
  id: string;
  kind: string;
  user_id: number;
  file_name: string;
  status: string;
  options: unknown;
  payload: unknown;
  result: unknown;
  created_at: number;
  updated_at: number;
}

export interface CoreTables {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  attachments: AttachmentsTable;
  import_jobs: ImportJobsTable;
}
