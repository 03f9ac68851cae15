// What a scanned label offers besides reading the card: an extension point for other modules.
// The fault-ticket module, for one, adds "报修" here from its own routes file (evaluated when the
// app starts, before any page renders; see web/src/modules/tickets/routes.tsx):
//
//   SCAN_ACTIONS.push({ key: 'report-fault', order: 10, labelKey: <its own i18n key>,
//                       to: (card) => `/tickets/report?asset=${encodeURIComponent(card.number)}` });
//
// The scan page shows the actions the user may take, in order; with none, it shows none.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { assetCard } from '@shared/contracts/assets.js';
import type { Permission } from '@shared/lib/access.js';

export type ScannedAsset = z.infer<typeof assetCard>;

export interface ScanAction {
  /** Stable key; the button's test id is `scan-action-<key>`. */
  key: string;
  /** i18n key of the button text. */
  labelKey: string;
  icon?: ReactNode;
  /** Needed to see the action; absent = anyone signed in. */
  permission?: Permission;
  /** Smaller first. */
  order: number;
  /** Where the button leads, inside the app. */
  to: (card: ScannedAsset) => string;
  /** Whether it applies to this asset (e.g. not to a disposed one); absent = always. */
  when?: (card: ScannedAsset) => boolean;
}

export const SCAN_ACTIONS: ScanAction[] = [];
