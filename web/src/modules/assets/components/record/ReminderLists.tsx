// The reminder lists: maintenance due (overdue ones in red), and warranties or service lives
// ending soon (paged by the server). Every row leads to the asset's record. Tables on a desktop;
// short rows on a phone, where the administrator reads them walking the corridors.
import { Card, Grid, Segmented, Table, Tag, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { dueMaintenance, expiringItem } from '@shared/contracts/assets.js';
import { EmptyState } from '../../../../ui/EmptyState';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useExpiring, useMaintenanceDue, type ExpiringKind } from '../../record-api';
import { AssetStatusTag } from './AssetStatusTag';
import { changeLine, NextDue } from './MaintenanceTab';
import { AssetLink, ReminderRows } from './ReminderRows';
import { useToday } from './record-format';

type Due = z.infer<typeof dueMaintenance>;
type Expiring = z.infer<typeof expiringItem>;

export const DUE_DAYS = 30;

export function DueMaintenanceCard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const phone = Grid.useBreakpoint().md === false;
  const today = useToday();
  const due = useMaintenanceDue(DUE_DAYS);
  const items = due.data?.items ?? [];
  const isOverdue = (m: Due) => m.nextDue !== null && m.nextDue < today;
  const overdue = items.filter(isOverdue).length;
  const empty = <EmptyState description={t('assets.reminders.maintenanceEmpty', { days: DUE_DAYS })} />;
  const kind = (m: Due) => t(`assets.maintenance.kind.${m.kind}`);

  const columns: ColumnsType<Due> = [
    { key: 'nextDue', title: t('assets.maintenance.nextDue'), render: (_, m) => <NextDue m={m} today={today} /> },
    {
      key: 'asset',
      title: t('assets.reminders.asset'),
      render: (_, m) => <AssetLink id={m.assetId} number={m.assetNumber} name={m.assetName} />,
    },
    { key: 'kind', title: t('assets.maintenance.kindLabel'), render: (_, m) => kind(m) },
    { key: 'what', title: t('assets.reminders.lastVisit'), render: (_, m) => `${m.date} · ${changeLine(m)}` },
  ];

  return (
    <Card
      title={t('assets.reminders.maintenanceTitle', { days: DUE_DAYS })}
      extra={overdue > 0 && <Tag color="red">{t('assets.reminders.overdueCount', { n: overdue })}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="reminders-maintenance"
    >
      <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />
      {phone ? (
        <ReminderRows
          rows={items.map((m) => ({
            key: String(m.id),
            asset: { id: m.assetId, number: m.assetNumber, name: m.assetName },
            what: `${kind(m)} · ${changeLine(m)}`,
            when: <NextDue m={m} today={today} />,
          }))}
          loading={due.isLoading}
          empty={empty}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        />
      ) : (
        <Table<Due>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={due.isLoading}
          onRow={(m) => (isOverdue(m) ? { style: { background: token.colorErrorBg } } : {})}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: due.isLoading ? ' ' : empty }}
        />
      )}
    </Card>
  );
}

interface ExpiringCardProps {
  kind: ExpiringKind;
  title: (days: number) => ReactNode;
  empty: (days: number) => ReactNode;
  ranges: readonly number[];
}

export function ExpiringCard({ kind, title, empty, ranges }: ExpiringCardProps) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [days, setDays] = useState(ranges[0]!);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useExpiring(kind, days, page, pageSize);
  const items = list.data?.items ?? [];
  const left = (x: Expiring) => (
    <Tag color={x.daysLeft <= 7 ? 'red' : x.daysLeft <= 30 ? 'orange' : 'default'}>
      {t('assets.reminders.daysLeft', { days: x.daysLeft })}
    </Tag>
  );
  const pagination = {
    current: page,
    pageSize,
    total: list.data?.total ?? 0,
    hideOnSinglePage: true,
    onChange: (p: number, size: number) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
  };
  const range = (
    <Segmented<number>
      size="small"
      value={days}
      onChange={(d) => {
        setDays(d);
        setPage(1);
      }}
      options={ranges.map((d) => ({ value: d, label: t('assets.reminders.withinDays', { days: d }) }))}
      data-testid={`reminders-${kind}-range`}
    />
  );

  const columns: ColumnsType<Expiring> = [
    {
      key: 'date',
      title: kind === 'warranty' ? t('assets.reminders.warrantyEnd') : t('assets.reminders.endOfLife'),
      render: (_, x) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {x.date} {left(x)}
        </span>
      ),
    },
    { key: 'asset', title: t('assets.reminders.asset'), render: (_, x) => <AssetLink id={x.id} number={x.number} name={x.name} /> },
    { key: 'category', title: t('assets.scan.category'), dataIndex: 'categoryName' },
    { key: 'status', title: t('assets.reminders.status'), render: (_, x) => <AssetStatusTag status={x.status} /> },
    {
      key: 'where',
      title: t('assets.reminders.holderOrPlace'),
      render: (_, x) => [x.holderName, x.locationName].filter(Boolean).join(' · '),
    },
  ];

  return (
    <Card title={title(days)} extra={!phone && range} style={{ marginBottom: 16 }} data-testid={`reminders-${kind}`}>
      {phone && <div style={{ marginBottom: 8 }}>{range}</div>}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {phone ? (
        <ReminderRows
          rows={items.map((x) => ({
            key: String(x.id),
            asset: { id: x.id, number: x.number, name: x.name },
            what: [x.date, x.holderName, x.locationName].filter(Boolean).join(' · '),
            when: left(x),
          }))}
          loading={list.isFetching}
          empty={<EmptyState description={empty(days)} />}
          pagination={{ ...pagination, size: 'small' }}
        />
      ) : (
        <Table<Expiring>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          pagination={{ ...pagination, showSizeChanger: true, pageSizeOptions: [10, 20, 50] }}
          locale={{ emptyText: list.isLoading ? ' ' : <EmptyState description={empty(days)} /> }}
        />
      )}
    </Card>
  );
}
