// Translation keys the asset list pages build at run time, for the locale test.
import { ASSET_STATUSES, CUSTOM_FIELD_TYPES } from '../../../../../../shared/contracts/assets.js';
import { ASSET_FIELD_LABELS, BULK_ACTIONS, LABEL_LAYOUTS, NUMBER_TOKENS } from '../../components/list/vocabulary.js';

export const FAMILIES: Record<string, readonly string[]> = {
  'assets.status.': ASSET_STATUSES,
  'assets.fields.': ASSET_FIELD_LABELS,
  'assets.fieldType.': CUSTOM_FIELD_TYPES,
  'assets.labels.layout.': LABEL_LAYOUTS,
  'assets.bulk.action.': BULK_ACTIONS,
  'assets.settings.token.': NUMBER_TOKENS,
  'assets.form.placeholder.': ['ip', 'mac', 'url'],
};
