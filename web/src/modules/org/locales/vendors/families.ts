// Translation keys the vendors page builds at run time, for the locale test.
export const FAMILIES: Record<string, readonly string[]> = {
  'org.vendors.status.': ['active', 'inactive', 'all'],
};
