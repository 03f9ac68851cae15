// The vendor directory (供应商与厂家): list, one, create, patch, delete, and the kind tags in use.
import { useQuery } from '@tanstack/react-query';
import { vendor, vendorKindsResponse, vendorPage, type Vendor, type VendorInput, type VendorPatch } from '@shared/contracts/vendors.js';
import { api } from '../../lib/api-client';
import { createCrudHooks } from '../../lib/crud';

const VENDORS = ['org', 'vendors'] as const;

const vendors = createCrudHooks<Vendor, VendorInput, VendorPatch>({ base: '/api/vendors', key: VENDORS, item: vendor, page: vendorPage });
export const useVendors = vendors.useList;
export const useCreateVendor = vendors.useCreate;
export const useUpdateVendor = vendors.useUpdate;
export const useDeleteVendor = vendors.useRemove;

/** Kind tags in use with their counts (the filter's options and the form's suggestions). */
export function useVendorKinds() {
  return useQuery({
    queryKey: [...VENDORS, 'kinds'],
    queryFn: ({ signal }) => api('/api/vendors/kinds', { schema: vendorKindsResponse, signal }),
    select: (r) => r.items,
  });
}
