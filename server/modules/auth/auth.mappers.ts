import type { z } from 'zod';
import type { apiToken, session } from '../../../shared/contracts/auth.js';
import { fromJson } from '../../db/dialect.js';
import type { Permission, Role } from '../../core/permissions.js';
import type { SessionRow, TokenRow } from './auth.repository.js';

export const rolesOf = (value: unknown): Role[] => fromJson<Role[]>(value);
export const permissionsOfToken = (value: unknown): Permission[] => fromJson<Permission[]>(value);

export function toSession(row: SessionRow, currentId: string | null): z.infer<typeof session> {
  return {
    id: row.id,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    current: row.id === currentId,
  };
}

export function toApiToken(row: TokenRow): z.infer<typeof apiToken> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: permissionsOfToken(row.permissions),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
