// 变更历史: the asset's timeline, newest first — who did what and when, with each changed field
// named in the reader's language and its old and new values written plainly.
import { Button, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Category } from '@shared/contracts/assets.js';
import { useFormat } from '../../../../lib/format';
import { EmptyState } from '../../../../ui/EmptyState';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useAssetHistory } from '../../record-api';
import { formatYuan } from '../list/money';
import { TicketRefText } from './TicketRefText';

const KIND_COLORS: Record<string, string> = {
  created: 'green',
  imported: 'green',
  status: 'orange',
  handout: 'blue',
  return: 'blue',
  maintenance: 'purple',
};

/** The timeline names people and places (holderName); the field labels are the ledger's own. */
const FIELD_LABEL: Record<string, string> = {
  categoryName: 'category',
  locationName: 'location',
  departmentName: 'department',
  holderName: 'holder',
};

interface Change {
  field: string;
  label: string;
  from: unknown;
  to: unknown;
}

/** One row per changed field; custom values are compared key by key with their own labels. */
function changeRows(t: TFunction, changes: Record<string, { from: unknown; to: unknown }>, categories: readonly Category[]): Change[] {
  const customLabel = (key: string) => {
    for (const c of categories) {
      const def = c.effectiveFields.find((d) => d.key === key);
      if (def) return def.unit ? `${def.label}（${def.unit}）` : def.label;
    }
    return key;
  };
  return Object.entries(changes).flatMap(([field, { from, to }]): Change[] => {
    if (field === 'custom') {
      const a = (from ?? {}) as Record<string, unknown>;
      const b = (to ?? {}) as Record<string, unknown>;
      return [...new Set([...Object.keys(a), ...Object.keys(b)])]
        .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
        .map((k) => ({ field: `custom.${k}`, label: customLabel(k), from: a[k], to: b[k] }));
    }
    const label =
      field === 'deleted' ? t('assets.history.deleted') : t(`assets.fields.${FIELD_LABEL[field] ?? field}`, { defaultValue: field });
    return [{ field, label, from, to }];
  });
}

function valueText(t: TFunction, lang: string, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('assets.history.none');
  if (field === 'status' && typeof v === 'string') return t(`assets.status.${v}`, { defaultValue: v });
  if (field === 'priceFen' && typeof v === 'number') return formatYuan(v, lang);
  if (field === 'residualRate' && typeof v === 'number') return `${v}%`;
  if (field === 'lifeMonths' && typeof v === 'number') return t('assets.record.months', { months: v });
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) return v.map(String).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as string | number);
}

export function HistoryTimeline({ assetId, categories }: { assetId: number; categories: readonly Category[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const history = useAssetHistory(assetId);
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];

  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.isLoading && entries.length === 0) return <EmptyState description={t('assets.history.empty')} />;

  return (
    <div data-testid="history-timeline">
      <Timeline
        items={entries.map((e) => {
          const rows = changeRows(t, e.changes, categories);
          return {
            key: e.id,
            color: KIND_COLORS[e.kind] ?? 'gray',
            content: (
              <div data-testid="history-entry">
                <div>
                  <Typography.Text strong>
                    {t(`assets.history.kind.${e.kind}`, { defaultValue: t('assets.history.kind.other') })}
                  </Typography.Text>
                  {e.summary && (
                    <Typography.Text>
                      {' · '}
                      <TicketRefText text={e.summary} />
                    </Typography.Text>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmt.dateTime(e.at)} · {t('assets.history.by', { actor: e.actor })}
                </Typography.Text>
                {rows.length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {rows.map((r) => (
                      <li key={r.field}>
                        <Typography.Text type="secondary">{t('assets.history.fieldLabel', { field: r.label })}</Typography.Text>
                        {r.field === 'deleted' ? (
                          <Typography.Text delete>{valueText(t, i18n.language, r.field, r.from)}</Typography.Text>
                        ) : (
                          <>
                            <Typography.Text type="secondary">{valueText(t, i18n.language, r.field, r.from)}</Typography.Text>
                            {' → '}
                            <Typography.Text>{valueText(t, i18n.language, r.field, r.to)}</Typography.Text>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ),
          };
        })}
      />
      {history.isLoading && <Typography.Text type="secondary">{t('assets.history.loading')}</Typography.Text>}
      {history.hasNextPage && (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} data-testid="history-more">
          {t('assets.history.loadMore')}
        </Button>
      )}
    </div>
  );
}
