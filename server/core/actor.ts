import type { Permission, Role } from './permissions.js';

/** Who is making a request, resolved once by the auth plugin and passed to every service call. */
export interface Actor {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  userId: number | null;
  name: string;
  roles: Role[];
  permissions: Set<Permission>;
  personId: number | null;
  tokenId: number | null;
  sessionId: string | null;
  ip: string;
  requestId: string;
}

export function systemActor(name = 'system'): Actor {
  return {
    kind: 'system',
    userId: null,
    name,
    roles: [],
    permissions: new Set(),
    personId: null,
    tokenId: null,
    sessionId: null,
    ip: '',
    requestId: '',
  };
}

export function anonymousActor(ip: string, requestId: string): Actor {
  return { ...systemActor(''), kind: 'anonymous', ip, requestId };
}
