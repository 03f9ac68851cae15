// 资产盘点: every stocktake with its state and progress, and the way to start the next one.
import { FileTextOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { Button, Progress, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STOCKTAKE_STATUSES, type Stocktake, type StocktakeStatus } from '@shared/contracts/stocktake.js';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { useStocktakes } from '../api';
import { percentOf } from '../components/format';
import { StartStocktakeDrawer } from '../components/StartStocktakeDrawer';
import { StocktakeStatusTag } from '../components/StocktakeStatusTag';

const FILTERS = ['status'] as const;

export default function StocktakesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('assets:write');
  const list = useListParams(FILTERS);
  const { state, update } = list;
  const status = STOCKTAKE_STATUSES.find((s) => s === state.filters.status);
  const stocktakes = useStocktakes({ page: state.page, pageSize: state.pageSize, status });
  const [starting, setStarting] = useState(false);
  const open = stocktakes.data?.items.find((s) => s.status === 'open');

  const columns: ColumnsType<Stocktake> = [
    {
      key: 'name',
      title: t('stocktake.list.name'),
      render: (_, s) => (
        <Link to={`/assets/stocktakes/${s.id}`} data-testid="stocktake-link">
          {s.name}
        </Link>
      ),
    },
    { key: 'status', title: t('stocktake.list.status'), render: (_, s) => <StocktakeStatusTag status={s.status} /> },
    {
      key: 'scope',
      title: t('stocktake.list.scope'),
      render: (_, s) => (
        <>
          {s.locationPath ?? t('stocktake.scope.allLocations')}
          {s.categoryName && <Typography.Text type="secondary"> · {s.categoryName}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'progress',
      title: t('stocktake.list.progress'),
      width: 220,
      render: (_, s) => (
        <Progress
          percent={percentOf(s.counts.found, s.counts.expected)}
          size="small"
          format={() => t('stocktake.counts.ofExpected', { found: s.counts.found, expected: s.counts.expected })}
        />
      ),
    },
    { key: 'startedAt', title: t('stocktake.list.startedAt'), render: (_, s) => `${fmt.dateTime(s.startedAt)} ${s.startedBy}` },
    { key: 'closedAt', title: t('stocktake.list.closedAt'), render: (_, s) => fmt.date(s.closedAt) },
  ];
  columns.push({
    key: 'actions',
    title: t('common.actions'),
    fixed: 'right',
    render: (_, s) =>
      s.status === 'closed' ? (
        <Link to={`/assets/stocktakes/${s.id}`}>
          <Space size={4}>
            <FileTextOutlined />
            {t('stocktake.list.report')}
          </Space>
        </Link>
      ) : (
        writable && (
          <Link to={`/assets/stocktakes/${s.id}/count`} data-testid="count-link">
            <Space size={4}>
              <ScanOutlined />
              {t('stocktake.list.count')}
            </Space>
          </Link>
        )
      ),
  });

  const empty = list.hasFilters ? (
    <EmptyState
      description={t('stocktake.list.noMatch')}
      actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>}
    />
  ) : (
    <EmptyState description={writable ? t('stocktake.list.empty') : t('stocktake.list.emptyReadOnly')} />
  );

  return (
    <>
      <PageHeader
        title={t('stocktake.nav.list')}
        description={t('stocktake.list.description')}
        actions={
          writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setStarting(true)}
              disabled={!!open}
              title={open ? t('stocktake.list.oneOpen', { name: open.name }) : undefined}
              data-testid="create-button"
            >
              {t('stocktake.start.title')}
            </Button>
          )
        }
      />
      <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <Select<StocktakeStatus>
          allowClear
          placeholder={t('stocktake.list.filterStatus')}
          value={status}
          style={{ width: 140 }}
          options={STOCKTAKE_STATUSES.map((s) => ({ value: s, label: t(`stocktake.status.${s}`) }))}
          onChange={(s) => update({ filters: { status: s } })}
          data-testid="filter-status"
        />
        {open && <Typography.Text type="secondary">{t('stocktake.list.oneOpen', { name: open.name })}</Typography.Text>}
      </ListToolbar>
      <DataTable<Stocktake> columns={columns} query={stocktakes} list={list} empty={empty} />
      <StartStocktakeDrawer open={starting} onClose={() => setStarting(false)} />
    </>
  );
}
