// Schemas shared by every module: text fields, ids, paging and the error shape.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A single-line text field: trimmed, bounded, no control characters. */
export const line = (max = 100) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), { message: 'control_characters' });
export const requiredLine = (max = 100) => line(max).pipe(z.string().min(1));
/** Multi-line free text (notes). */
export const multiline = (max = 2000) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'control_characters' })
    .transform((s) => s.trim());

export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParam = z.strictObject({ id });
export const optionalId = z.number().int().positive().max(2_147_483_647).nullable();

export const epochMs = z.number().int();

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const errorDetail = z.object({
  field: z.string().optional(),
  reason: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(errorDetail),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const okResponse = z.object({ ok: z.literal(true) });
