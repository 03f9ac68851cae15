// One stocktake: live progress while people count, the lists (found, missing, misplaced, unknown
// labels, outside the scope), closing it, and once closed the report with its downloads and the
// action that moves misplaced assets to where they were seen.
import { ScanOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Stocktake } from '@shared/contracts/stocktake.js';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useStocktake, useStocktakeReport } from '../api';
import { ExtrasTable } from '../components/ExtrasTable';
import { ItemsTable } from '../components/ItemsTable';
import { ReportView } from '../components/ReportView';
import { CloseStocktakeButton } from '../components/StocktakeActions';
import { StocktakeProgress } from '../components/StocktakeProgress';
import { StocktakeStatusTag } from '../components/StocktakeStatusTag';

const FILTERS = ['tab'] as const;
const TABS = ['found', 'missing', 'misplaced', 'unknown', 'outside'] as const;
type Tab = (typeof TABS)[number];

function Lists({ stocktake, writable }: { stocktake: Stocktake; writable: boolean }) {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const tab: Tab = TABS.find((x) => x === list.state.filters.tab) ?? (stocktake.status === 'closed' ? 'missing' : 'found');
  const c = stocktake.counts;
  const label = (key: Tab) =>
    `${key === 'missing' && stocktake.status === 'closed' ? t('stocktake.counts.missingClosed') : t(`stocktake.counts.${key}`)} ${c[key]}`;
  const body = (key: Tab) =>
    key === 'unknown' || key === 'outside' ? (
      <ExtrasTable stocktake={stocktake} kind={key} list={list} />
    ) : (
      <ItemsTable stocktake={stocktake} state={key} list={list} writable={writable} />
    );
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ q: '', filters: { tab: key } })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{label(key)}</span>,
          children: key === tab ? body(key) : null,
        }))}
      />
    </Card>
  );
}

export default function StocktakePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('assets:write');
  const id = Number(useParams().id);
  const stocktake = useStocktake(id);
  const closed = stocktake.data?.status === 'closed';
  const report = useStocktakeReport(id, closed);

  if (stocktake.isLoading) return <Skeleton active />;
  if (!stocktake.data) return <ErrorAlert error={stocktake.error} onRetry={() => void stocktake.refetch()} />;
  const st = stocktake.data;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {st.name}
            <StocktakeStatusTag status={st.status} />
          </Space>
        }
        description={
          <>
            {t('stocktake.detail.scope', {
              location: st.locationPath ?? t('stocktake.scope.allLocations'),
              category: st.categoryName ?? t('stocktake.scope.allCategories'),
            })}
            <br />
            {t('stocktake.detail.started', { who: st.startedBy, time: fmt.dateTime(st.startedAt) })}
            {st.closedAt !== null && ` · ${t('stocktake.detail.closedBy', { who: st.closedBy ?? '', time: fmt.dateTime(st.closedAt) })}`}
          </>
        }
        actions={
          writable &&
          !closed && (
            <>
              <Link to={`/assets/stocktakes/${id}/count`}>
                <Button type="primary" icon={<ScanOutlined />} data-testid="go-count">
                  {t('stocktake.list.count')}
                </Button>
              </Link>
              <CloseStocktakeButton stocktake={st} />
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        <ErrorAlert error={stocktake.error ?? report.error} />
        <Card size="small">
          <StocktakeProgress stocktake={st} />
          {!closed && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t('stocktake.detail.live')}
            </Typography.Text>
          )}
        </Card>
        {closed && report.data && <ReportView stocktakeId={id} report={report.data} />}
        <Lists stocktake={st} writable={writable} />
      </Flex>
    </>
  );
}
