import { defineErrors } from '../../core/errors.js';

export const AuthErrors = defineErrors({
  'auth.person_not_found': 400,
});
