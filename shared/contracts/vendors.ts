// The vendor directory (供应商与厂家): repair shops, manufacturers' service lines, network and
// software suppliers, consumables, telecom carriers. Tickets send repairs out to them.
import { z } from 'zod';
import { epochMs, line, multiline, pageOf, pageQuery, requiredLine } from './common.js';

/** Kind tags the form offers; any other tag may be typed (the list is free). */
export const SUGGESTED_VENDOR_KINDS = ['硬件维修', '网络', '软件', '耗材', '电信运营商'] as const;
export const MAX_VENDOR_KINDS = 10;

export const vendor = z.object({
  id: z.number().int(),
  name: z.string(),
  kinds: z.array(z.string()),
  contact: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  website: z.string(),
  /** Warranty hotline, customer account number, contract terms: what a repair call needs. */
  serviceNotes: z.string(),
  active: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Vendor = z.infer<typeof vendor>;

// Hotlines come as 400-810-8888, 010-6543 2100 转 8001, +86 (21) 5555 0000 / 5555 0001.
const phone = line(60).refine((s) => s === '' || /^[0-9+\-() ,/#*转]{3,60}$/.test(s), { message: 'invalid_vendor_phone' });
const email = line(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'invalid_email' });
/** Only http(s): the page shows the address as a link, and no other scheme belongs there. */
const website = line(300).refine(
  (s) => {
    if (s === '') return true;
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'invalid_url' },
);
const kinds = z
  .array(requiredLine(20))
  .max(MAX_VENDOR_KINDS)
  .transform((list) => [...new Set(list)]);

const vendorFields = {
  name: requiredLine(100),
  kinds,
  contact: line(50),
  phone,
  email,
  address: line(200),
  website,
  serviceNotes: multiline(2000),
  active: z.boolean(),
};
export const vendorInput = z.strictObject({
  ...vendorFields,
  kinds: kinds.default([]),
  contact: line(50).default(''),
  phone: phone.default(''),
  email: email.default(''),
  address: line(200).default(''),
  website: website.default(''),
  serviceNotes: multiline(2000).default(''),
  active: z.boolean().default(true),
});
export type VendorInput = z.input<typeof vendorInput>;
/** Fields without defaults: a PATCH changes only what it names. */
export const vendorPatch = z.strictObject(vendorFields).partial();
export type VendorPatch = z.input<typeof vendorPatch>;

export const vendorSort = z.enum(['name', 'createdAt', 'updatedAt']);
export const vendorListQuery = z.strictObject({
  ...pageQuery,
  sort: vendorSort.default('name'),
  /** Omitted: active and inactive alike. */
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  kind: line(20).optional(),
});
export const vendorPage = pageOf(vendor);

/** Every kind tag in use, with how many vendors carry it (the form's suggestions, the list's filter). */
export const vendorKindsResponse = z.object({ items: z.array(z.object({ kind: z.string(), count: z.number().int() })) });
