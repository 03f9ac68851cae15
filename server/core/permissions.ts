// The one policy file: every permission, and every role as a named set of them.
// Every API route declares one of these (or 'public' / 'signed_in') in its config.

import { PERMISSIONS, ROLES, type Permission, type Role } from '../../shared/lib/access.js';

export { PERMISSIONS, ROLES, type Permission, type Role };

/** Route-level markers that are not permissions a role grants. */
export type RouteAccess = Permission | 'public' | 'signed_in';

const READ_ALL = PERMISSIONS.filter((p) => p.endsWith(':read'));

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  technician: [
    'org:read',
    'org:write',
    'dictionaries:read',
    'dictionaries:write',
    'users:read',
    'attachments:read',
    'attachments:write',
    'assets:read',
    'assets:write',
    'tickets:read',
    'tickets:write',
    'kb:read',
    'kb:write',
    'monitors:read',
    'monitors:write',
  ],
  // Lab managers keep the lab's machines in the ledger (and count them at stocktake).
  lab_manager: ['org:read', 'dictionaries:read', 'attachments:read', 'attachments:write', 'assets:read', 'assets:write'],
  librarian: ['org:read', 'dictionaries:read', 'attachments:read', 'attachments:write', 'assets:read'],
  // Staff report faults and see their own items (assets they hold, through signed_in routes);
  // they read dictionaries to fill forms.
  staff: ['dictionaries:read'],
  // Read-only everything, including the audit trail.
  auditor: READ_ALL,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) set.add(p);
  return set;
}

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
export function isPermission(v: string): v is Permission {
  return (PERMISSIONS as readonly string[]).includes(v);
}
