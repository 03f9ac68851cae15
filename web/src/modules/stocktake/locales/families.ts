// Translation keys the stocktake pages build at run time, for the locale test.
import { EXTRA_KINDS, SCAN_RESULTS, STOCKTAKE_STATUSES } from '../../../../../shared/contracts/stocktake.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'stocktake.status.': STOCKTAKE_STATUSES,
  'stocktake.result.': SCAN_RESULTS,
  'stocktake.counts.': ['found', 'missing', 'misplaced', ...EXTRA_KINDS],
  'stocktake.items.empty.': ['found', 'missing', 'misplaced'],
  'stocktake.extras.empty.': EXTRA_KINDS,
  // web/src/ui/CodeScanner.tsx: why the camera could not be opened.
  'scanner.problem.': ['insecure', 'unsupported', 'denied', 'none', 'busy', 'failed'],
};
