// Entity types and actions the modules write to the audit trail so far (translated under
// audit.entities / audit.actions). Others still show, untranslated.
export const AUDIT_ENTITY_TYPES = [
  'person',
  'department',
  'location',
  'dictionary',
  'dictionary_item',
  'user',
  'api_token',
  'session',
  'settings',
  'people',
  'departments',
];
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'attach',
  'detach',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'session_end',
  'password_change',
  'password_reset',
  'revoke',
  'token_use',
  'permission_denied',
];
