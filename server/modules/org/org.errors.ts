import { defineErrors } from '../../core/errors.js';

export const OrgErrors = defineErrors({
  'org.department_in_use': 409,
  'org.location_in_use': 409,
  'org.person_in_use': 409,
  'org.duplicate_number': 409,
  'org.duplicate_code': 409,
  'org.invalid_reference': 400,
  'org.parent_cycle': 400,
  'org.status_kind_mismatch': 400,
  'org.dictionary_system': 409,
  'org.dictionary_duplicate': 409,
});
