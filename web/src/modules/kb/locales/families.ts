// Key families the knowledge-base pages build at run time (see web/src/lib/locales.test.ts).
import { KB_STATUSES, KB_VISIBILITIES } from '../../../../../shared/contracts/kb.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'kb.status.': KB_STATUSES,
  'kb.visibility.': KB_VISIBILITIES,
  'kb.visibilityShort.': KB_VISIBILITIES,
};
