// Departments, people, locations and dictionaries. Every org write invalidates the whole ['org']
// prefix: lists show each other's names (a person's department, a department's head).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  department,
  departmentPage,
  dictionaryListResponse,
  location,
  locationPage,
  person,
  personPage,
  treeResponse,
  type Department,
  type DepartmentInput,
  type Location,
  type LocationInput,
  type Person,
  type PersonInput,
} from '@shared/contracts/org.js';
import { api } from '../../lib/api-client';
import { createCrudHooks } from '../../lib/crud';

const ORG = ['org'] as const;

const departments = createCrudHooks<Department, DepartmentInput>({
  base: '/api/departments',
  key: ['org', 'departments'],
  invalidate: ORG,
  item: department,
  page: departmentPage,
});
export const useDepartments = departments.useList;
export const useCreateDepartment = departments.useCreate;
export const useUpdateDepartment = departments.useUpdate;
export const useDeleteDepartment = departments.useRemove;

const people = createCrudHooks<Person, PersonInput>({
  base: '/api/people',
  key: ['org', 'people'],
  invalidate: ORG,
  item: person,
  page: personPage,
});
export const usePeople = people.useList;
export const usePerson = people.useOne;
export const useCreatePerson = people.useCreate;
export const useUpdatePerson = people.useUpdate;
export const useDeletePerson = people.useRemove;

const locations = createCrudHooks<Location, LocationInput>({
  base: '/api/locations',
  key: ['org', 'locations'],
  invalidate: ORG,
  item: location,
  page: locationPage,
});
export const useLocations = locations.useList;
export const useCreateLocation = locations.useCreate;
export const useUpdateLocation = locations.useUpdate;
export const useDeleteLocation = locations.useRemove;

/** The whole tree in one flat list (what pickers and the side tree need). */
function useTree(kind: 'departments' | 'locations', enabled = true) {
  return useQuery({
    queryKey: ['org', kind, 'tree'],
    queryFn: ({ signal }) => api(`/api/${kind}/tree`, { schema: treeResponse, signal }),
    select: (r) => r.items,
    staleTime: 60_000,
    enabled,
  });
}
export const useDepartmentTree = (enabled = true) => useTree('departments', enabled);
export const useLocationTree = (enabled = true) => useTree('locations', enabled);

/** Invalidate everything org after an import. */
export function useRefreshOrg() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ORG });
}

// ---- dictionaries: few and small, fetched whole with their items ----
const DICT = ['org', 'dictionaries'] as const;

export function useDictionaries() {
  return useQuery({
    queryKey: DICT,
    queryFn: ({ signal }) => api('/api/dictionaries', { schema: dictionaryListResponse, signal }),
    select: (r) => r.items,
  });
}

function useDictMutation<V>(send: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => qc.invalidateQueries({ queryKey: DICT }) });
}

export interface DictionaryValues {
  code: string;
  name: string;
  description: string;
}
export interface DictionaryItemValues {
  label: string;
  value?: string;
  sortOrder: number;
  enabled: boolean;
}

export const useCreateDictionary = () => useDictMutation((v: DictionaryValues) => api('/api/dictionaries', { method: 'POST', body: v }));
export const useUpdateDictionary = () =>
  useDictMutation(({ id, patch }: { id: number; patch: Omit<DictionaryValues, 'code'> }) =>
    api(`/api/dictionaries/${id}`, { method: 'PATCH', body: patch }),
  );
export const useDeleteDictionary = () => useDictMutation((id: number) => api(`/api/dictionaries/${id}`, { method: 'DELETE' }));
export const useCreateDictionaryItem = () =>
  useDictMutation(({ dictionaryId, item }: { dictionaryId: number; item: DictionaryItemValues }) =>
    api(`/api/dictionaries/${dictionaryId}/items`, { method: 'POST', body: item }),
  );
export const useUpdateDictionaryItem = () =>
  useDictMutation(({ dictionaryId, itemId, patch }: { dictionaryId: number; itemId: number; patch: Partial<DictionaryItemValues> }) =>
    api(`/api/dictionaries/${dictionaryId}/items/${itemId}`, { method: 'PATCH', body: patch }),
  );
export const useDeleteDictionaryItem = () =>
  useDictMutation(({ dictionaryId, itemId }: { dictionaryId: number; itemId: number }) =>
    api(`/api/dictionaries/${dictionaryId}/items/${itemId}`, { method: 'DELETE' }),
  );
