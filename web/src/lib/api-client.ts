// The one door to the server: fetch with the session cookie, the CSRF header on writes, the
// error shape turned into ApiError, and every response checked against its zod contract so a
// server/web mismatch fails loudly here instead of as `undefined` deep inside a component.
import type { z } from 'zod';
import { errorResponse } from '@shared/contracts/common.js';

export interface ApiErrorDetail {
  field?: string;
  reason: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: ApiErrorDetail[] = [],
    readonly requestId?: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
/** Set from every meResponse (GET /api/auth/me, login, setup). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

let onUnauthorized: (() => void) | null = null;
/** The app decides where a lost session goes (the login page); the client only reports it. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

let refreshCsrf: (() => Promise<void>) | null = null;
/** Used once per request when the server says the CSRF token is stale (e.g. after a restore). */
export function setCsrfRefresher(fn: (() => Promise<void>) | null): void {
  refreshCsrf = fn;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds `/api/x?a=1` leaving out empty values, so URLs stay short and defaults stay the server's. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** The caller handles 401 itself (the session probe, the login form). */
  noAuthRedirect?: boolean;
}

/** Turns a failed response (or its absence) into an ApiError. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON: a proxy error page or an empty body; the status is all we have.
  }
  return errorFromPayload(res.status, payload);
}

export function errorFromPayload(status: number, payload: unknown): ApiError {
  const parsed = errorResponse.safeParse(payload);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(status, e.code, e.details, e.requestId, e.message);
  }
  return new ApiError(status, status >= 500 ? 'internal' : `http.${status}`);
}

export function reportUnauthorized(err: ApiError, noAuthRedirect?: boolean): void {
  // A wrong password is a 401 too, but it must stay on the form.
  if (err.status === 401 && !noAuthRedirect && err.code !== 'auth.invalid_credentials') onUnauthorized?.();
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(path: string, opts: RequestOptions<unknown>): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (WRITE.has(method)) Object.assign(headers, csrfHeaders());
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  try {
    return await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network');
  }
}

/** Sends one request; resolves with the parsed body (or undefined for an empty one). */
export async function api<T = unknown>(path: string, opts: RequestOptions<T> = {}): Promise<T> {
  let res = await send(path, opts);
  if (res.status === 403 && WRITE.has(opts.method ?? 'GET') && refreshCsrf) {
    const err = await errorFromResponse(res.clone());
    if (err.code === 'auth.csrf') {
      await refreshCsrf();
      res = await send(path, opts);
    }
  }
  if (!res.ok) {
    const err = await errorFromResponse(res);
    reportUnauthorized(err, opts.noAuthRedirect);
    throw err;
  }
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!opts.schema) return data as T;
  const parsed = opts.schema.safeParse(data);
  if (!parsed.success) {
    console.error(`Response of ${path} does not match its contract`, parsed.error.issues);
    throw new ApiError(res.status, 'client.bad_response');
  }
  return parsed.data;
}
