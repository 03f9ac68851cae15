import type { Generated } from 'kysely';

export interface DepartmentsTable {
  id: Generated<number>;
  name: string;
  code: string | null;
  parent_id: number | null;
  head_person_id: number | null;
  sort_order: number;
  notes: string;
  name_sort: Generated<string>;
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  number: string | null;
  kind: string;
  department_id: number | null;
  phone: string;
  email: string;
  position: string;
  status: string;
  notes: string;
  name_sort: Generated<string>;
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface LocationsTable {
  id: Generated<number>;
  name: string;
  code: string | null;
  kind: string;
  parent_id: number | null;
  sort_order: number;
  notes: string;
  name_sort: Generated<string>;
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface DictionariesTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
  system: number;
  created_at: number;
  updated_at: number;
}

export interface DictionaryItemsTable {
  id: Generated<number>;
  dictionary_id: number;
  label: string;
  value: string;
  sort_order: number;
  enabled: number;
  created_at: number;
  updated_at: number;
}

export interface VendorsTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  contact: string;
  phone: string;
  email: string;
  address: string;
  website: string;
  service_notes: string;
  active: number;
  name_sort: Generated<string>;
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface VendorKindsTable {
  vendor_id: number;
  kind: string;
  sort_order: number;
}

export interface GramsTable {
  gram: string;
  id: number;
}

export interface OrgTables {
  departments: DepartmentsTable;
  departments_grams: GramsTable;
  people: PeopleTable;
  people_grams: GramsTable;
  locations: LocationsTable;
  locations_grams: GramsTable;
  dictionaries: DictionariesTable;
  dictionary_items: DictionaryItemsTable;
  vendors: VendorsTable;
  vendors_grams: GramsTable;
  vendor_kinds: VendorKindsTable;
}
