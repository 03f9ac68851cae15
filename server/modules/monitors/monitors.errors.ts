// Error codes of monitoring (the web translates them under errors.monitors.*).
import { defineErrors } from '../../core/errors.js';

export const MonitorErrors = defineErrors({
  'monitors.invalid_reference': 400,
  'monitors.parent_cycle': 400,
  'monitors.group_name_taken': 409,
  'monitors.slug_taken': 409,
  'monitors.not_push': 400,
  'monitors.disabled': 409,
  'monitors.engine_stopped': 409,
});
