// The delivery log: recent emails (and later other channels) with their state, how often they
// were tried, when the next try is, and why the last one failed; a failed one can be retried.
import { App, Button, Card, Segmented, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type Delivery, type DeliveryStatus } from '@shared/contracts/notify.js';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { useDeliveries, useRetryDelivery, useRobots } from '../api';
import { failureText } from './failure-text';

const STATUS_COLOR: Record<DeliveryStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };
const PAGE_SIZES = [20, 50, 100];

export function DeliveryLog() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const deliveries = useDeliveries({ ...paging, status: status === 'all' ? undefined : status });
  const retry = useRetryDelivery();
  // A robot row's target is the robot's id: show its name (a removed robot keeps the number).
  const robots = useRobots();
  const targetText = (d: Delivery) =>
    d.channel === 'robot' ? (robots.data?.items.find((r) => String(r.id) === d.target)?.name ?? `#${d.target}`) : d.target;

  // Status and the reason it failed come first: that is what the administrator looks for.
  const columns: ColumnsType<Delivery> = [
    { key: 'createdAt', title: t('notify.log.createdAt'), render: (_, d) => fmt.dateTime(d.createdAt) },
    {
      key: 'target',
      title: t('notify.log.target'),
      render: (_, d) => (
        <>
          <div>{targetText(d)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`notify.channels.${d.channel}`, { defaultValue: d.channel })}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'status',
      title: t('common.status'),
      render: (_, d) => (
        <>
          <Tag color={STATUS_COLOR[d.status]}>{t(`notify.status.${d.status}`)}</Tag>
          {d.lastError && d.status !== 'sent' && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, maxWidth: 260, whiteSpace: 'normal' }}>
              {failureText(t, d.lastError, d.channel)}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'attempts', title: t('notify.log.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      key: 'when',
      title: t('notify.log.when'),
      render: (_, d) =>
        d.status === 'sent'
          ? t('notify.log.sentAt', { at: fmt.dateTime(d.sentAt) })
          : d.status === 'pending' && d.nextAttemptAt
            ? t('notify.log.nextAt', { at: fmt.dateTime(d.nextAttemptAt) })
            : '',
    },
    {
      key: 'subject',
      title: t('notify.log.subject'),
      render: (_, d) => (
        <Typography.Text ellipsis={{ tooltip: d.subject }} style={{ maxWidth: 260 }}>
          {d.subject}
        </Typography.Text>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, d) =>
        d.status !== 'sent' && (
          <Tooltip title={t('notify.log.retryHint')}>
            <Button
              size="small"
              loading={retry.isPending && retry.variables === d.id}
              onClick={() =>
                retry.mutate(d.id, {
                  onSuccess: () => void message.success(t('notify.log.retried')),
                  onError: (err) => void message.error(errorText(t, err)),
                })
              }
              data-testid={`delivery-retry-${d.id}`}
            >
              {t('common.retry')}
            </Button>
          </Tooltip>
        ),
    },
  ];

  return (
    <Card title={t('notify.log.title')}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => {
          setStatus(v as DeliveryStatus | 'all');
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'all', label: t('common.showAll') },
          ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`notify.status.${s}`) })),
        ]}
        data-testid="delivery-status-filter"
      />
      <DataTable<Delivery>
        columns={columns}
        query={deliveries}
        list={{
          state: { ...paging, q: '', order: 'desc', filters: {} },
          update: (change) => setPaging((p) => ({ page: change.page ?? 1, pageSize: change.pageSize ?? p.pageSize })),
          pageSizes: PAGE_SIZES,
        }}
        empty={<EmptyState description={t('notify.log.empty')} />}
      />
    </Card>
  );
}
