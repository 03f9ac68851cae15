// Translation keys the notification pages build at run time, for the locale test.
import { DELIVERY_REASONS, DELIVERY_STATUSES, SMTP_SECURITY } from '../../../../../shared/contracts/notify.js';
import { ROBOT_KINDS } from '../../../../../shared/contracts/notify-robots.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'notify.reasons.': DELIVERY_REASONS,
  'notify.status.': DELIVERY_STATUSES,
  'notify.security.': SMTP_SECURITY,
  'notify.channels.': ['inbox', 'email', 'robot'],
  'notify.robots.kinds.': ROBOT_KINDS,
  'notify.robots.urlHint.': ROBOT_KINDS,
  'notify.robots.secretHint.': ROBOT_KINDS.filter((k) => k !== 'wecom'),
};
