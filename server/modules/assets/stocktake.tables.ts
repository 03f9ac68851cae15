// Table types of the stocktake (年终盘点): see db/migrations/2026112906_stocktake.ts.
import type { Generated } from 'kysely';

export interface StocktakesTable {
  id: Generated<number>;
  name: string;
  status: string;
  /** 1 while open, null once closed (unique: one open stocktake at a time). */
  open_slot: number | null;
  year: number;
  location_id: number | null;
  location_path: string | null;
  category_id: number | null;
  category_name: string | null;
  expected_count: Generated<number>;
  found_count: Generated<number>;
  misplaced_count: Generated<number>;
  unknown_count: Generated<number>;
  outside_count: Generated<number>;
  applied_count: Generated<number>;
  version: Generated<number>;
  started_at: number;
  started_by: string;
  started_by_user_id: number | null;
  closed_at: number | null;
  closed_by: string | null;
  close_date: string | null;
  report: unknown;
}

/** One asset as it was when the stocktake started, and whether (where, by whom) it was found. */
export interface StocktakeItemsTable {
  id: Generated<number>;
  stocktake_id: number;
  asset_id: number;
  number: string;
  name: string;
  category_id: number;
  category_name: string;
  location_id: number | null;
  location_path: string | null;
  department_id: number | null;
  department_name: string | null;
  holder_person_id: number | null;
  holder_name: string | null;
  price_fen: number | null;
  purchase_date: string | null;
  life_months: number | null;
  residual_bp: number | null;
  asset_status: string;
  found_at: number | null;
  found_by: string | null;
  found_by_user_id: number | null;
  found_location_id: number | null;
  found_location_path: string | null;
  misplaced: Generated<number>;
  manual: Generated<number>;
  note: Generated<string>;
  applied_at: number | null;
}

/** A scanned code that is not in the snapshot: an unknown label or an asset outside the scope. */
export interface StocktakeExtrasTable {
  id: Generated<number>;
  stocktake_id: number;
  kind: string;
  code: string;
  asset_id: number | null;
  location_id: number | null;
  location_path: string | null;
  note: Generated<string>;
  times: Generated<number>;
  first_at: number;
  last_at: number;
  found_by: string;
  found_by_user_id: number | null;
}

export interface StocktakeTables {
  stocktakes: StocktakesTable;
  stocktake_items: StocktakeItemsTable;
  stocktake_extras: StocktakeExtrasTable;
}
