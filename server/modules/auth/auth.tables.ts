import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  login: string;
  name: string;
  password_hash: string;
  roles: unknown;
  person_id: number | null;
  language: string | null;
  disabled: number;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  csrf_token: string;
  user_id: number;
  ip: string;
  user_agent: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  permissions: unknown;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SignInFailuresTable {
  login: string;
  failures: number;
  first_failed_at: number;
  locked_until: number | null;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
}
