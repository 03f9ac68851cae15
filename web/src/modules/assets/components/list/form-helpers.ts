// Form plumbing the asset forms share: date pickers that keep 'YYYY-MM-DD' strings in the form
// values, and server errors for nested inputs (custom.<key>, fields.<i>.<prop>) put on those
// inputs — the shared applyFieldErrors only knows top-level fields.
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../../lib/api-client';
import { reasonText } from '../../../../lib/errors';

/** Form.Item props for a DatePicker whose form value is a 'YYYY-MM-DD' string (or null). */
export const dateItemProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null),
};

type NamePath = (string | number)[];

/**
 * Runs a save; on failure puts nested field errors on their inputs, renames server field names
 * that differ from the form's (priceFen → price), and rethrows for the drawer to finish the job
 * (FormBody places the top-level ones and shows anything left over).
 * `isField` says whether an input for a nested path is on screen.
 */
export async function withFieldErrors<T>(
  form: FormInstance | null,
  t: TFunction,
  save: () => Promise<T>,
  opts: { rename?: Record<string, string>; isField?: (path: NamePath) => boolean } = {},
): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (!(err instanceof ApiError) || !form) throw err;
    const nested = new Map<string, { path: NamePath; errors: string[] }>();
    const details = err.details.map((d) => {
      if (!d.field) return d;
      const path: NamePath = d.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (path.length > 1) {
        // Not on screen: leave it without a field, so the drawer shows it as a general message.
        if (!opts.isField?.(path)) return { reason: d.reason, params: d.params };
        const key = path.join('.');
        const entry = nested.get(key) ?? { path, errors: [] };
        entry.errors.push(reasonText(t, d));
        nested.set(key, entry);
      }
      const renamed = opts.rename?.[d.field];
      return renamed ? { ...d, field: renamed } : d;
    });
    form.setFields([...nested.values()].map(({ path, errors }) => ({ name: path, errors })));
    throw new ApiError(err.status, err.code, details, err.requestId, err.message);
  }
}
