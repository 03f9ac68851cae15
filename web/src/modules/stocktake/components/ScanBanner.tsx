// The big answer to the last scan, readable at arm's length while walking a room:
// ✓ 已盘到 / ⚠ 位置不符 / ↺ 重复扫描 / ⊘ 范围外 / ? 未知标签, with the asset and what to do about it.
import { theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanResultKind } from '@shared/contracts/stocktake.js';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import type { SessionScan } from './scan-session';

const SYMBOL: Record<ScanResultKind | 'error', string> = {
  found: '✓',
  misplaced: '⚠',
  duplicate: '↺',
  outside: '⊘',
  unknown: '?',
  error: '✕',
};

export function ScanBanner({ scan }: { scan: SessionScan | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const fmt = useFormat();
  if (!scan || scan.state === 'pending') return null;
  const r = scan.result;
  const kind: ScanResultKind | 'error' = scan.state === 'failed' || !r ? 'error' : r.result;
  const palette: Record<ScanResultKind | 'error', [string, string]> = {
    found: [token.colorSuccessBg, token.colorSuccess],
    misplaced: [token.colorWarningBg, token.colorWarning],
    duplicate: [token.colorInfoBg, token.colorInfo],
    outside: [token.colorWarningBg, token.colorWarning],
    unknown: [token.colorErrorBg, token.colorError],
    error: [token.colorErrorBg, token.colorError],
  };
  const [background, color] = palette[kind];
  const noPlace = t('stocktake.result.noPlace');
  const item = r?.item;
  const extra = r?.extra;

  let title = item
    ? t('stocktake.result.asset', { name: item.name, number: item.number })
    : extra?.assetName
      ? t('stocktake.result.asset', { name: extra.assetName, number: extra.assetNumber ?? '' })
      : (r?.code ?? scan.code);
  let detail: ReactNode = null;
  if (kind === 'misplaced' && item)
    detail = t('stocktake.result.expectedAt', { place: item.locationPath ?? noPlace, seen: item.foundLocationPath ?? noPlace });
  else if (kind === 'duplicate' && item)
    detail = t('stocktake.result.seenBefore', {
      time: fmt.dateTime(item.foundAt),
      who: item.foundBy ?? '',
      place: item.foundLocationPath ?? noPlace,
    });
  else if (kind === 'outside') detail = t('stocktake.result.outsideAt', { place: extra?.assetLocationPath ?? noPlace });
  else if (kind === 'unknown') detail = t('stocktake.result.unknownHint');
  else if (kind === 'error') {
    title = scan.code;
    detail = errorText(t, scan.error);
  }

  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="scan-banner"
      data-result={kind}
      style={{ background, border: `2px solid ${color}`, borderRadius: token.borderRadiusLG, padding: '12px 16px' }}
    >
      <div style={{ color, fontSize: 26, fontWeight: 700, lineHeight: 1.3 }}>
        {SYMBOL[kind]} {kind === 'error' ? t('stocktake.result.error') : t(`stocktake.result.${kind}`)}
      </div>
      <div style={{ fontSize: 18, fontWeight: 600, wordBreak: 'break-all', marginTop: 2 }}>{title}</div>
      {detail && (
        <Typography.Text style={{ fontSize: 15, display: 'block', marginTop: 2 }} data-testid="scan-banner-detail">
          {detail}
        </Typography.Text>
      )}
    </div>
  );
}
