// What a phone opens after scanning an asset label (<base>/a/<number>): a big card anyone signed
// in may read; the way into the full record for ledger readers; the holder's own read-only view
// of an asset they hold; and whatever other modules add to SCAN_ACTIONS (e.g. report a fault).
import { FileSearchOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { AssetInfo } from '../components/record/AssetInfo';
import { AssetStatusTag } from '../components/record/AssetStatusTag';
import { SCAN_ACTIONS, type ScannedAsset } from '../components/record/scan-actions';
import { useAssetCard, useAssetRecord, useRecordCategories } from '../record-api';

const PAGE = { maxWidth: 560, margin: '0 auto' } as const;

export default function ScanLandingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const number = (useParams().number ?? '').trim();
  const card = useAssetCard(number);

  if (card.isLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (number === '' || (card.error instanceof ApiError && (card.error.status === 404 || card.error.status === 400)))
    return (
      <Result
        status="404"
        title={t('assets.scan.notFound', { number })}
        subTitle={t('assets.scan.notFoundHint')}
        extra={
          can('assets:read') && (
            <Link to={`/assets?q=${encodeURIComponent(number)}`}>
              <Button type="primary" icon={<SearchOutlined />} data-testid="scan-search">
                {t('assets.scan.search')}
              </Button>
            </Link>
          )
        }
        data-testid="scan-not-found"
      />
    );
  if (card.error || !card.data) return <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />;

  const c = card.data;
  const actions = SCAN_ACTIONS.filter((x) => can(x.permission) && (x.when?.(c) ?? true)).sort((x, y) => x.order - y.order);

  return (
    <div style={PAGE}>
      <Card data-testid="scan-card">
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="scan-number">
          {c.number}
        </Typography.Text>
        <Typography.Title level={3} style={{ margin: '4px 0 8px' }}>
          {c.name}
        </Typography.Title>
        <AssetStatusTag status={c.status} large />
        <Descriptions
          column={1}
          size="small"
          style={{ marginTop: 16 }}
          styles={{ label: { width: 88, fontSize: 15 }, content: { fontSize: 16 } }}
          items={[
            { key: 'category', label: t('assets.scan.category'), children: c.categoryName },
            { key: 'model', label: t('assets.scan.brandModel'), children: [c.brand, c.model].filter(Boolean).join(' ') || '—' },
            { key: 'location', label: t('assets.scan.location'), children: c.locationName ?? '—' },
          ]}
        />
        <Flex vertical gap={10} style={{ marginTop: 16 }}>
          {c.canReadFull && can('assets:read') && (
            <Link to={`/assets/${c.id}`}>
              <Button type="primary" size="large" block icon={<FileSearchOutlined />} data-testid="scan-open-record">
                {t('assets.scan.openRecord')}
              </Button>
            </Link>
          )}
          {actions.map((x) => (
            <Link key={x.key} to={x.to(c)}>
              <Button size="large" block icon={x.icon} data-testid={`scan-action-${x.key}`}>
                {t(x.labelKey)}
              </Button>
            </Link>
          ))}
        </Flex>
      </Card>
      {c.mine && <HolderView card={c} />}
    </div>
  );
}

/** The holder's read-only view of their own asset (staff reach the record only this way). */
function HolderView({ card }: { card: ScannedAsset }) {
  const { t } = useTranslation();
  const record = useAssetRecord(card.id);
  const categories = useRecordCategories();
  const a = record.data;
  return (
    <Card title={t('assets.scan.mineTitle')} style={{ marginTop: 12 }} data-testid="scan-mine">
      <Typography.Paragraph type="secondary">{t('assets.scan.mineHint')}</Typography.Paragraph>
      <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />
      {record.isLoading && <Spin />}
      {a && <AssetInfo asset={a} category={categories.data?.items.find((x) => x.id === a.categoryId)} holderView />}
    </Card>
  );
}
