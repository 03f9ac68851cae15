// A custom field's value as text for reading: "16 GB", "彩色、双面"; '' when not recorded.
import type { CustomFieldDef } from '@shared/contracts/assets.js';

type Value = string | number | string[] | null | undefined;

export function customValueText(def: CustomFieldDef, value: Value): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.join('、');
  return def.unit ? `${String(value)} ${def.unit}` : String(value);
}
