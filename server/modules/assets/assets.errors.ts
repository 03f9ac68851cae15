import { defineErrors } from '../../core/errors.js';

export const AssetErrors = defineErrors({
  'assets.duplicate_number': 409,
  'assets.duplicate_serial': 409,
  'assets.duplicate_code': 409,
  'assets.invalid_reference': 400,
  'assets.invalid_transition': 409,
  'assets.reason_required': 400,
  'assets.invalid_custom_field': 400,
  'assets.category_in_use': 409,
  'assets.category_cycle': 400,
  'assets.in_use': 409,
  'assets.not_assigned': 409,
  'assets.already_assigned': 409,
  'assets.disposed': 409,
  'assets.number_pattern': 400,
  'assets.view_name_taken': 409,
  'assets.signature_invalid': 400,
});
