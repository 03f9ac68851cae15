// Translation keys the monitoring pages build at run time, for the locale test.
import { STATUS_REASONS } from '../../../../../shared/contracts/monitor-reasons.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'monitors.reasons.': STATUS_REASONS,
};
