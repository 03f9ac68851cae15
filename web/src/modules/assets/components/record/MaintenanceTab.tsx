// 维护记录: every repair, upgrade and routine visit, with overdue next-due dates in red; and the
// upgrade history (内存 8G → 16G, 硬盘 HDD → SSD) so how the machine changed reads at a glance.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maintenance } from '@shared/contracts/assets.js';
import { ConfirmDelete } from '../../../../ui/ConfirmDelete';
import { EmptyState } from '../../../../ui/EmptyState';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useDeleteMaintenance, useMaintenanceList } from '../../record-api';
import { MaintenanceDrawer } from './MaintenanceDrawer';
import { daysBetween, useMoney, useToday } from './record-format';
import { TicketRefText } from './TicketRefText';

/** "内存 8G → 16G"; the description when no change was recorded. */
export function changeLine(m: Pick<Maintenance, 'upgradeItem' | 'upgradeFrom' | 'upgradeTo' | 'description'>): string {
  if (!m.upgradeItem && !m.upgradeFrom && !m.upgradeTo) return m.description;
  return `${m.upgradeItem} ${m.upgradeFrom || '—'} → ${m.upgradeTo || '—'}`.trim();
}

/** The next due date as a tag: done, overdue, due soon, or plain. */
export function NextDue({ m, today }: { m: Pick<Maintenance, 'nextDue' | 'followedUp'>; today: string }) {
  const { t } = useTranslation();
  if (!m.nextDue) return null;
  if (m.followedUp)
    return (
      <Typography.Text type="secondary" delete>
        {m.nextDue}
      </Typography.Text>
    );
  const days = daysBetween(today, m.nextDue);
  if (days < 0) return <Tag color="red">{t('assets.maintenance.overdueOn', { date: m.nextDue, days: -days })}</Tag>;
  if (days <= 30) return <Tag color="orange">{t('assets.maintenance.dueOn', { date: m.nextDue, days })}</Tag>;
  return <span>{m.nextDue}</span>;
}

export function MaintenanceTab({ assetId, writable }: { assetId: number; writable: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const today = useToday();
  const list = useMaintenanceList(assetId);
  const remove = useDeleteMaintenance(assetId);
  const [view, setView] = useState<'all' | 'upgrades'>('all');
  const [editing, setEditing] = useState<Maintenance | 'new' | null>(null);
  const items = list.data?.items ?? [];
  const upgrades = items.filter((m) => m.upgradeItem || m.upgradeFrom || m.upgradeTo);

  const columns: ColumnsType<Maintenance> = [
    { key: 'date', title: t('assets.maintenance.date'), dataIndex: 'date', width: 110 },
    { key: 'kind', title: t('assets.maintenance.kindLabel'), render: (_, m) => <Tag>{t(`assets.maintenance.kind.${m.kind}`)}</Tag> },
    {
      key: 'what',
      title: t('assets.maintenance.description'),
      render: (_, m) => (
        <div style={{ maxWidth: 360 }}>
          {(m.upgradeItem || m.upgradeFrom || m.upgradeTo) && <Typography.Text strong>{changeLine(m)}</Typography.Text>}
          <div>
            <TicketRefText text={m.description} />
          </div>
          {m.parts && <Typography.Text type="secondary">{t('assets.maintenance.partsAre', { parts: m.parts })}</Typography.Text>}
          {m.result && <div>{t('assets.maintenance.resultIs', { result: m.result })}</div>}
        </div>
      ),
    },
    { key: 'who', title: t('assets.maintenance.performer'), render: (_, m) => [m.performer, m.vendor].filter(Boolean).join(' · ') },
    { key: 'cost', title: t('assets.maintenance.cost'), render: (_, m) => money(m.costFen) },
    { key: 'nextDue', title: t('assets.maintenance.nextDue'), render: (_, m) => <NextDue m={m} today={today} /> },
  ];
  if (writable)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(m)} data-testid="maintenance-edit">
            {t('common.edit')}
          </Button>
          <ConfirmDelete name={changeLine(m)} onConfirm={() => remove.mutateAsync(m.id)} />
        </Space>
      ),
    });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<'all' | 'upgrades'>
          value={view}
          onChange={setView}
          options={[
            { value: 'all', label: t('assets.maintenance.viewAll', { n: items.length }) },
            { value: 'upgrades', label: t('assets.maintenance.viewUpgrades', { n: upgrades.length }) },
          ]}
          data-testid="maintenance-view"
        />
        {writable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="maintenance-create">
            {t('assets.maintenance.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {view === 'all' ? (
        <Table<Maintenance>
          rowKey="id"
          size="middle"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={items}
          loading={list.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: list.isLoading ? (
              ' '
            ) : (
              <EmptyState description={writable ? t('assets.maintenance.emptyWritable') : t('assets.maintenance.empty')} />
            ),
          }}
          data-testid="maintenance-table"
        />
      ) : upgrades.length === 0 ? (
        <EmptyState description={t('assets.maintenance.noUpgrades')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          data-testid="upgrade-history"
          items={upgrades.map((m) => ({
            key: m.id,
            color: 'blue',
            content: (
              <>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {changeLine(m)}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {[m.date, t(`assets.maintenance.kind.${m.kind}`), m.description, m.performer || m.vendor].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </>
            ),
          }))}
        />
      )}
      <MaintenanceDrawer assetId={assetId} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
