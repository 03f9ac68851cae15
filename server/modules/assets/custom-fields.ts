// Custom field values checked against the category's field definitions on every write: unknown
// keys, wrong types, choices outside the list and missing required values are refused with the
// field named, so a form can show the reason beside the input.
import { isDate, isIp, isUrl, normaliseMac, type CustomFieldDef } from '../../../shared/contracts/assets.js';
import { AppError } from '../../core/errors.js';
import { AssetErrors } from './assets.errors.js';

type Value = string | number | string[] | null;
export interface CustomIssue {
  key: string;
  reason: string;
}

/** Normalised values (MACs canonical, numbers parsed from text) or the list of problems. */
export function checkCustomValues(
  defs: readonly CustomFieldDef[],
  values: Record<string, Value>,
): { values: Record<string, Value>; issues: CustomIssue[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, Value> = {};
  const issues: CustomIssue[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ key, reason: 'unknown_field' });
      continue;
    }
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    const result = checkOne(def, raw);
    if ('reason' in result) issues.push({ key, reason: result.reason });
    else out[key] = result.value;
  }
  for (const def of defs)
    if (def.required && out[def.key] === undefined && !issues.some((i) => i.key === def.key))
      issues.push({ key: def.key, reason: 'required' });
  return { values: out, issues };
}

function checkOne(def: CustomFieldDef, raw: string | number | string[]): { value: Value } | { reason: string } {
  if (def.type === 'multiselect') {
    const list = Array.isArray(raw)
      ? raw
      : typeof raw === 'string'
        ? raw
            .split(/[,，、;；]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : null;
    if (!list) return { reason: 'not_a_list' };
    const bad = list.find((v) => !def.options.includes(v));
    return bad !== undefined ? { reason: 'not_an_option' } : { value: [...new Set(list)] };
  }
  if (Array.isArray(raw)) return { reason: 'not_a_single_value' };
  if (def.type === 'number') {
    const n = typeof raw === 'number' ? raw : Number(raw.trim());
    return typeof raw === 'string' && raw.trim() === ''
      ? { reason: 'not_a_number' }
      : Number.isFinite(n)
        ? { value: n }
        : { reason: 'not_a_number' };
  }
  const text = String(raw).trim();
  if (text.length > 500) return { reason: 'too_long' };
  switch (def.type) {
    case 'text':
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? { reason: 'control_characters' } : { value: text };
    case 'date':
      return isDate(text) ? { value: text } : { reason: 'invalid_date' };
    case 'select':
      return def.options.includes(text) ? { value: text } : { reason: 'not_an_option' };
    case 'ip':
      return isIp(text) ? { value: text } : { reason: 'invalid_ip' };
    case 'mac': {
      const mac = normaliseMac(text);
      return mac ? { value: mac } : { reason: 'invalid_mac' };
    }
    case 'url':
      return isUrl(text) ? { value: text } : { reason: 'invalid_url' };
  }
}

export function assertCustomValues(defs: readonly CustomFieldDef[], values: Record<string, Value>): Record<string, Value> {
  const { values: clean, issues } = checkCustomValues(defs, values);
  if (issues.length)
    throw new AppError(
      AssetErrors['assets.invalid_custom_field'],
      issues.map((i) => ({ field: `custom.${i.key}`, reason: i.reason })),
    );
  return clean;
}

/** Text of the values for the search index (choices and text, not numbers' units). */
export function customSearchText(values: Record<string, Value>): string {
  // In key order: PostgreSQL's jsonb gives keys back in its own order, and the text should not
  // change just because the values were read back from the database.
  return Object.keys(values)
    .sort()
    .map((k) => values[k]!)
    .flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [String(v)]))
    .join(' ');
}
