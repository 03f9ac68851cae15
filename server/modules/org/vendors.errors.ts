// Error codes of the vendor directory (the web translates them under errors.org.*).
import { defineErrors } from '../../core/errors.js';

export const VendorErrors = defineErrors({
  'org.vendor_name_taken': 409,
  'org.vendor_in_use': 409,
});
