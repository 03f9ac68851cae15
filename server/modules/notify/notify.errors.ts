import { defineErrors } from '../../core/errors.js';

export const NotifyErrors = defineErrors({
  /** The mail server refused or could not be reached; details[0].reason says why (safe to show). */
  'notify.smtp_failed': 502,
  /** No mail server or sender address is set yet. */
  'notify.not_configured': 409,
  'notify.already_sent': 409,
  /** A preference names a group or channel that nothing registered. */
  'notify.unknown_preference': 400,
  /** Notifications belong to a person: a system caller or a token without a user has none. */
  'notify.no_user': 403,
  /** Another group robot or webhook has this name (case and width do not count). */
  'notify.robot_name_taken': 409,
});
