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

/**
 * A choice the person makes for one import, shown in the wizard. Labels are the web's locale
 * keys: a boolean `imports.options.<kind>.<key>`; a choice `imports.options.<kind>.<key>.label`
 * and `imports.options.<kind>.<key>.<choice>` for each value.
 */
export type ImportOptionSpec =
  { key: string; kind: 'boolean'; default: boolean } | { key: string; kind: 'choice'; choices: readonly string[]; default: string };

/** The options in force for one import: every declared key, defaults filled in. */
export type ImportOptionValues = Record<string, boolean | string>;

/** One module's spreadsheet import: how to read a row and how to write all rows at once. */
export interface Importer<Row = unknown> {
  kind: string;
  permission: Permission;
  fields: FieldSpec[];
  example: Record<string, string>;
  maxRows: number;
  /** Per-import choices, e.g. whether missing categories are created. */
  options?: readonly ImportOptionSpec[];
  /**
   * Validates and resolves every row (lookups by name, duplicates inside the file). Runs once
   * for the preview, again whenever the person changes the column mapping or the options, and
   * again, inside the commit transaction, against the then-current data. `values` holds one
   * entry per mapped field ('' for an empty cell); a field without a column is absent.
   * `options` has every declared option, validated, defaults applied.
   */
  prepare(
    db: Kysely<Database>,
    actor: Actor,
    rows: { rowNumber: number; values: Record<string, string> }[],
    options: ImportOptionValues,
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
  /**
   * Who may add and remove files through the generic attachment routes; null when only the
   * module's own routes may, because they also write its timeline or visibility (tickets).
   */
  write: Permission | null;
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
