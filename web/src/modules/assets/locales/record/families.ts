// Translation keys the asset record, scan and reminder pages build at run time, for the locale test.
import { HISTORY_KINDS, MAINTENANCE_KINDS } from '../../../../../../shared/contracts/assets.js';
import { ASSIGNMENT_KINDS } from '../../components/record/vocabulary.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'assets.maintenance.kind.': MAINTENANCE_KINDS,
  'assets.history.kind.': HISTORY_KINDS,
  'assets.handout.kinds.': ASSIGNMENT_KINDS,
  'assets.handout.done.': ASSIGNMENT_KINDS,
};
