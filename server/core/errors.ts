// One error vocabulary. An AppError carries a stable code; the HTTP status comes from the table
// below (core codes) plus the codes each module declares in its <domain>.errors.ts. The web
// translates the code; `message` is a plain English fallback for scripts.

const statusByCode = new Map<string, number>();

export function defineErrors<const T extends Record<string, number>>(table: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, status] of Object.entries(table)) {
    statusByCode.set(code, status);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export const CoreErrors = defineErrors({
  'validation.failed': 400,
  'request.malformed_json': 400,
  'request.unsupported_media_type': 415,
  'request.too_large': 413,
  'request.invalid_sort': 400,
  'auth.required': 401,
  'auth.session_expired': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 429,
  'auth.rate_limited': 429,
  'auth.disabled': 403,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.cross_site': 403,
  'auth.weak_password': 400,
  'auth.wrong_password': 400,
  'auth.setup_done': 409,
  'auth.login_taken': 409,
  'auth.token_scope': 400,
  'auth.last_admin': 409,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'route.not_found': 404,
  'file.missing': 400,
  'file.too_large': 413,
  'file.type_not_allowed': 415,
  'file.unreadable': 400,
  'file.encoding': 400,
  'file.no_header': 400,
  'file.too_many_rows': 413,
  'import.not_found': 404,
  'import.has_errors': 409,
  'import.already_done': 409,
  'import.bad_mapping': 400,
  'import.bad_options': 400,
  internal: 500,
  'service.unavailable': 503,
});

export interface ErrorDetail {
  /** Field path as dotted string, e.g. "email" or "items.2.label". */
  field?: string;
  /** Machine-readable reason (zod issue code or a module reason). */
  reason: string;
  /** Extra values the translated message may use. */
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(code: string, details: ErrorDetail[] = [], message?: string) {
    super(message ?? code);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return statusOf(this.code);
  }
}

export function statusOf(code: string): number {
  return statusByCode.get(code) ?? 500;
}

export function notFound(entity: string): AppError {
  return new AppError(CoreErrors['resource.not_found'], [{ reason: 'not_found', params: { entity } }], `${entity} not found`);
}

export function fieldError(code: string, field: string, reason: string, params?: Record<string, unknown>): AppError {
  return new AppError(code, [{ field, reason, ...(params ? { params } : {}) }]);
}
