// A stocktake's counts at a glance: how much of the ledger has been found, and the numbers that
// need someone's attention (missing, misplaced, unknown labels, assets outside the scope).
import { Progress, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stocktake } from '@shared/contracts/stocktake.js';
import { percentOf } from './format';

type CountKey = keyof Stocktake['counts'];

export function StocktakeProgress({ stocktake }: { stocktake: Stocktake }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const c = stocktake.counts;
  const closed = stocktake.status === 'closed';
  const stats: { key: CountKey; label: string; color?: string }[] = [
    { key: 'found', label: t('stocktake.counts.found'), color: token.colorSuccess },
    {
      key: 'missing',
      label: closed ? t('stocktake.counts.missingClosed') : t('stocktake.counts.missing'),
      color: closed && c.missing ? token.colorError : undefined,
    },
    { key: 'misplaced', label: t('stocktake.counts.misplaced'), color: c.misplaced ? token.colorWarning : undefined },
    { key: 'unknown', label: t('stocktake.counts.unknown'), color: c.unknown ? token.colorError : undefined },
    { key: 'outside', label: t('stocktake.counts.outside') },
  ];
  return (
    <div data-testid="stocktake-progress">
      <Progress
        percent={percentOf(c.found, c.expected)}
        status={closed ? 'normal' : 'active'}
        format={() => t('stocktake.counts.ofExpected', { found: c.found, expected: c.expected })}
        size={{ height: 12 }}
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(88px, 1fr))', gap: 8, marginTop: 8 }}>
        {stats.map((s) => (
          <div
            key={s.key}
            style={{ background: token.colorFillQuaternary, borderRadius: token.borderRadius, padding: '6px 10px' }}
            data-testid={`count-${s.key}`}
          >
            <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.3, color: s.color }}>{c[s.key]}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.label}
            </Typography.Text>
          </div>
        ))}
      </div>
    </div>
  );
}
