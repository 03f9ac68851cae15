// Extension points that later modules fill in at registration: the dictionaries they need,
// their spreadsheet importers and exporters, and the entity types that can carry attachments.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Actor } from './actor.js';
import type { Permission } from './permissions.js';
import type { FieldSpec } from './tabular/index.js';

export interface DictionaryDeclaration {
  code: string;
  name: string;
  description?: string;
  /** Initial items, added once when the dictionary is first created. */
  items: { label: string; value: string }[];
}

export interface RowIssue {
  field: string | null;
  reason: string;
  value?: string;
}

/** One module's spreadsheet import: how to read a row and how to write all rows at once. */
export interface Importer<Row = unknown> {
  kind: string;
  permission: Permission;
  fields: FieldSpec[];
  example: Record<string, string>;
  maxRows: number;
  /**
   * Validates and resolves every row (lookups by name, duplicates inside the file). Runs once
   * for the preview and again, inside the commit transaction, against the then-current data.
   */
  prepare(
    db: Kysely<Database>,
    actor: Actor,
    rows: { rowNumber: number; values: Record<string, string> }[],
  ): Promise<{ rows: { rowNumber: number; value: Row; action: 'create' | 'update' }[]; issues: (RowIssue & { row: number })[] }>;
  /** Writes prepared rows; called inside the transaction; reports progress as it goes. */
  commit(
    db: Kysely<Database>,
    actor: Actor,
    rows: { rowNumber: number; value: Row; action: 'create' | 'update' }[],
    progress: (done: number) => Promise<void>,
  ): Promise<{ created: number; updated: number }>;
  /** How a prepared row shows in the preview table. */
  sample(value: Row): Record<string, unknown>;
}

export interface AttachableType {
  entityType: string;
  read: Permission;
  write: Permission;
  exists(db: Kysely<Database>, id: number): Promise<boolean>;
}

export interface Registries {
  dictionaries: DictionaryDeclaration[];
  importers: Map<string, Importer<any>>;
  attachables: Map<string, AttachableType>;
}

export function createRegistries(): Registries {
  return { dictionaries: [], importers: new Map(), attachables: new Map() };
}
