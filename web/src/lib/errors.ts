// The one place where server error codes and validation reasons become words (rule 10: the
// server sends codes, the web translates them).
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, type ApiErrorDetail } from './api-client';

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Interpolation values a message may use, taken from the first detail's params. */
function paramsOf(err: ApiError): Record<string, unknown> {
  return err.details.find((d) => d.params)?.params ?? {};
}

/** Arrays (e.g. missing column names) read as a list inside a sentence. */
function listParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]));
}

/** A sentence for any thrown value: ApiError codes, network failures, programming errors. */
export function errorText(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  const params = paramsOf(err);
  switch (err.code) {
    case 'auth.locked': {
      const seconds = num(params.retryAfterSeconds) ?? 60;
      return t('errors.auth.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'validation.failed': {
      // Without a form to attach them to, name the first problem.
      const first = err.details[0];
      if (!first) return t('errors.validation.failed');
      return `${t('errors.validation.failed')} ${first.field ? `${first.field}: ` : ''}${reasonText(t, first)}`;
    }
    case 'auth.weak_password': {
      const reasons = err.details.map((d) => reasonText(t, d));
      return [t('errors.auth.weak_password'), ...reasons].join(' ');
    }
  }
  // "Still in use": the server lists only the non-zero counts, and later modules add their own
  // kinds of reference (assets, tickets...), so the sentence is assembled from what came.
  const inUse = err.details.find((d) => d.reason === 'in_use');
  if (inUse?.params) {
    const uses = Object.entries(inUse.params)
      .map(([kind, n]) => t(`errors.inUse.${kind}`, { n, defaultValue: `${kind}: ${String(n)}` }))
      .join(t('errors.inUse.separator'));
    return t(`errors.${err.code}`, { uses, defaultValue: t('errors.inUse.generic', { uses }) });
  }
  // A specific reason (why a file could not be read...) says more than the code.
  const reason = err.details[0]?.reason;
  if (reason) {
    const text = t(`errors.reasons.${reason}`, { ...listParams(params), defaultValue: '' });
    if (text) return text;
  }
  const key = `errors.${err.code}`;
  const text = t(key, { ...params, defaultValue: '' });
  if (text) return text;
  if (err.code.startsWith('http.')) return t('errors.http', { status: err.status });
  return t('errors.unknown', { code: err.code });
}

/** A validation reason (zod issue code or a module's own reason) for one field. */
export function reasonText(t: TFunction, detail: ApiErrorDetail): string {
  const p = detail.params ?? {};
  const origin = typeof p.origin === 'string' ? p.origin : undefined;
  const min = num(p.minimum);
  const max = num(p.maximum);
  switch (detail.reason) {
    case 'too_small':
      if (origin === 'string') {
        if (min === undefined) return t('validation.too_short');
        return min <= 1 ? t('validation.required') : t('validation.too_short_min', { min });
      }
      if (origin === 'array' || origin === 'set') return t('validation.too_few', { min });
      return min !== undefined ? t('validation.too_small_number', { min }) : t('validation.too_small');
    case 'too_big':
      if (origin === 'string') return max !== undefined ? t('validation.too_long_max', { max }) : t('validation.too_long');
      if (origin === 'array' || origin === 'set') return t('validation.too_many', { max });
      return max !== undefined ? t('validation.too_big_number', { max }) : t('validation.too_big');
  }
  return t(`validation.${detail.reason}`, { ...p, defaultValue: t('validation.unknown', { reason: detail.reason }) });
}

/**
 * Puts server-side field errors on the matching form fields (typed values stay as they are).
 * Returns true when every detail found a field, so the caller can skip a general message.
 */
export function applyFieldErrors(form: FormInstance, t: TFunction, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.details.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  let unplaced = 0;
  for (const d of err.details) {
    const top = d.field?.split('.')[0];
    if (!top || !known.has(top)) {
      unplaced++;
      continue;
    }
    byField.set(top, [...(byField.get(top) ?? []), reasonText(t, d)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0 && unplaced === 0;
}
