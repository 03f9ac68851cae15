// Names of permissions and roles, shared by server (policy in server/core/permissions.ts) and web.
export const PERMISSIONS = [
  'org:read',
  'org:write',
  'dictionaries:read',
  'dictionaries:write',
  'users:read',
  'users:write',
  'audit:read',
  'settings:write',
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'technician', 'lab_manager', 'librarian', 'staff', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
