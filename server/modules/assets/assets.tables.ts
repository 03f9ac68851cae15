import type { Generated } from 'kysely';

export interface AssetCategoriesTable {
  id: Generated<number>;
  name: string;
  code: string | null;
  parent_id: number | null;
  sort_order: number;
  fields: unknown;
  default_life_months: number | null;
  /** Residual rate in basis points (5% = 500), so it stays an integer in both databases. */
  default_residual_bp: number | null;
  name_sort: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface AssetsTable {
  id: Generated<number>;
  number: string;
  name: string;
  category_id: number;
  brand: string;
  model: string;
  serial: string | null;
  status: string;
  status_reason: string;
  location_id: number | null;
  department_id: number | null;
  holder_person_id: number | null;
  purchase_date: string | null;
  price_fen: number | null;
  supplier: string;
  order_number: string;
  warranty_end: string | null;
  life_months: number | null;
  residual_bp: number | null;
  eol_date: string | null;
  hostname: string;
  ip: string;
  mac: string;
  notes: string;
  custom: unknown;
  name_sort: Generated<string>;
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface AssetHistoryTable {
  id: Generated<number>;
  asset_id: number;
  at: number;
  actor: string;
  user_id: number | null;
  kind: string;
  summary: string;
  changes: unknown;
}

export interface AssetAssignmentsTable {
  id: Generated<number>;
  asset_id: number;
  kind: string;
  loan: number;
  date: string;
  person_id: number | null;
  department_id: number | null;
  location_id: number | null;
  expected_return: string | null;
  condition: string;
  signer_name: string;
  signature: string | null;
  notes: string;
  handled_by: string;
  created_at: number;
}

export interface AssetMaintenanceTable {
  id: Generated<number>;
  asset_id: number;
  date: string;
  kind: string;
  description: string;
  parts: string;
  cost_fen: number | null;
  performer: string;
  vendor: string;
  result: string;
  upgrade_item: string;
  upgrade_from: string;
  upgrade_to: string;
  next_due: string | null;
  followed_up_by: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface AssetNumberSequencesTable {
  prefix: string;
  last: number;
}

export interface AssetViewsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  config: unknown;
  created_at: number;
  updated_at: number;
}

/** The CJK bigram index of the assets' search text (see db/dialect.ts). */
export interface AssetGramsTable {
  gram: string;
  id: number;
}

export interface AssetTables {
  asset_categories: AssetCategoriesTable;
  assets: AssetsTable;
  assets_grams: AssetGramsTable;
  asset_history: AssetHistoryTable;
  asset_assignments: AssetAssignmentsTable;
  asset_maintenance: AssetMaintenanceTable;
  asset_number_sequences: AssetNumberSequencesTable;
  asset_views: AssetViewsTable;
}
