// Sign-in, the current user, sessions, API tokens and user administration.
import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../lib/access.js';
import { epochMs, line, optionalId, pageOf, pageQuery, requiredLine } from './common.js';

export const role = z.enum(ROLES);
export const permission = z.enum(PERMISSIONS);
export const language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof language>;

const login = line(64).pipe(
  z
    .string()
    .min(2)
    .regex(/^[A-Za-z0-9._@-]+$/, 'invalid_login'),
);
// Strength is checked by the service (it needs the login); here only the bounds.
const password = z.string().min(1).max(200);

/** Public: what the sign-in and setup pages need before anyone is signed in. */
export const setupStatus = z.object({ needed: z.boolean(), defaultLanguage: language, orgName: z.string() });
export const setupInput = z.strictObject({ name: requiredLine(100), login, password });
export const loginInput = z.strictObject({ login: z.string().trim().min(1).max(64), password });

export const orgSettings = z.object({
  orgName: z.string(),
  timeZone: z.string(),
  defaultLanguage: language,
  sessionLifetimeHours: z.number().int(),
});
export type OrgSettings = z.infer<typeof orgSettings>;

export const currentUser = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  roles: z.array(role),
  permissions: z.array(permission),
  language: language.nullable(),
  personId: z.number().int().nullable(),
});
export const meResponse = z.object({
  user: currentUser,
  csrfToken: z.string(),
  settings: orgSettings,
});
export type Me = z.infer<typeof meResponse>;

export const mePatch = z.strictObject({ name: requiredLine(100).optional(), language: language.optional() });
export const passwordChange = z.strictObject({ currentPassword: password, newPassword: password });

export const session = z.object({
  id: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  createdAt: epochMs,
  lastSeenAt: epochMs,
  expiresAt: epochMs,
  current: z.boolean(),
});
export const sessionList = z.object({ items: z.array(session) });
export const sessionIdParam = z.strictObject({ id: z.string().uuid() });

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(permission),
  createdAt: epochMs,
  expiresAt: epochMs.nullable(),
  lastUsedAt: epochMs.nullable(),
  revokedAt: epochMs.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;
export const apiTokenList = z.object({ items: z.array(apiToken) });
export const apiTokenInput = z.strictObject({
  name: requiredLine(100),
  permissions: z.array(permission).min(1).max(PERMISSIONS.length),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
/** The secret is in this response only, once. */
export const apiTokenCreated = z.object({ token: apiToken, secret: z.string() });

// ---- users (administration) ----
export const user = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  roles: z.array(role),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  language: language.nullable(),
  disabled: z.boolean(),
  lastSignInAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type User = z.infer<typeof user>;
export const userInput = z.strictObject({
  login,
  name: requiredLine(100),
  password,
  roles: z.array(role).min(1).max(ROLES.length),
  personId: optionalId.default(null),
  language: language.nullable().default(null),
});
export const userPatch = z.strictObject({
  name: requiredLine(100).optional(),
  roles: z.array(role).min(1).max(ROLES.length).optional(),
  personId: optionalId.optional(),
  disabled: z.boolean().optional(),
  language: language.nullable().optional(),
});
export const passwordReset = z.strictObject({ password });
export const userListQuery = z.strictObject({
  ...pageQuery,
  sort: z.enum(['login', 'name', 'createdAt', 'lastSignInAt']).default('login'),
  role: role.optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export const userPage = pageOf(user);
