// One asset's record (档案): what it is, who has it, what was done to it and when. Ledger keepers
// act on it from the header; the sections are tabs kept in the address (?tab=) so a reload or a
// shared link opens the same one.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Result, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Assignment } from '@shared/contracts/assets.js';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/session';
import { AttachmentsPanel } from '../../../ui/AttachmentsPanel';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { AssetInfo } from '../components/record/AssetInfo';
import { AssignmentsTab } from '../components/record/AssignmentsTab';
import { HandoutDoneModal } from '../components/record/HandoutDoneModal';
import { HandoutModal } from '../components/record/HandoutModal';
import { HistoryTimeline } from '../components/record/HistoryTimeline';
import { MaintenanceDrawer } from '../components/record/MaintenanceDrawer';
import { MaintenanceTab } from '../components/record/MaintenanceTab';
import { handoutChoices, isHandedOut, RecordHeader, type RecordAction } from '../components/record/RecordHeader';
import { ReturnModal } from '../components/record/ReturnModal';
import { StatusChangeModal } from '../components/record/StatusChangeModal';
import { AssetFormDrawer } from '../components/list/AssetFormDrawer';
import { useAssetRecord, useAssignments, useRecordCategories } from '../record-api';

const TABS = ['info', 'assignments', 'maintenance', 'attachments', 'history'] as const;
type Tab = (typeof TABS)[number];

export default function AssetDetailPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('assets:write');
  const { id } = useParams();
  const assetId = id && /^\d{1,10}$/.test(id) ? Number(id) : null;
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'info';
  const record = useAssetRecord(assetId);
  const categories = useRecordCategories();
  const a = record.data;
  const assignments = useAssignments(assetId ?? 0, a !== undefined && isHandedOut(a));
  const [action, setAction] = useState<RecordAction | null>(null);
  const [handedOut, setHandedOut] = useState<Assignment | null>(null);

  const back = (
    <Link to="/assets">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('assets.record.backToList')}
      </Button>
    </Link>
  );

  if (assetId === null || (record.error instanceof ApiError && record.error.status === 404))
    return <Result status="404" title={t('assets.record.notFound')} subTitle={t('assets.record.notFoundHint')} extra={back} />;
  if (record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  if (!a) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  const category = categories.data?.items.find((c) => c.id === a.categoryId);
  // The newest hand-out is the one the current holder signed.
  const currentHandout = isHandedOut(a) ? (assignments.data?.items.find((x) => x.kind === 'handout') ?? null) : null;
  const close = () => setAction(null);

  return (
    <>
      {back}
      <RecordHeader asset={a} writable={writable} currentHandoutId={currentHandout?.id ?? null} onAction={setAction} />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === 'info') next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            { key: 'info', label: t('assets.record.tabs.info'), children: <AssetInfo asset={a} category={category} /> },
            {
              key: 'assignments',
              label: t('assets.record.tabs.assignments'),
              children: <AssignmentsTab assetId={a.id} writable={writable} />,
            },
            {
              key: 'maintenance',
              label: t('assets.record.tabs.maintenance'),
              children: <MaintenanceTab assetId={a.id} writable={writable} />,
            },
            ...(can('attachments:read')
              ? [
                  {
                    key: 'attachments',
                    label: t('assets.record.tabs.attachments'),
                    children: <AttachmentsPanel entityType="asset" entityId={a.id} canWrite={writable && can('attachments:write')} />,
                  },
                ]
              : []),
            {
              key: 'history',
              label: t('assets.record.tabs.history'),
              children: <HistoryTimeline assetId={a.id} categories={categories.data?.items ?? []} />,
            },
          ]}
        />
      </Card>
      {writable && (
        <>
          <AssetFormDrawer editing={action === 'edit' ? a : null} onClose={close} />
          <StatusChangeModal asset={a} open={action === 'status'} onClose={close} />
          <HandoutModal asset={a} choices={handoutChoices(a)} open={action === 'handout'} onClose={close} onDone={setHandedOut} />
          <ReturnModal asset={a} open={action === 'return'} onClose={close} />
          <MaintenanceDrawer assetId={a.id} editing={action === 'maintenance' ? 'new' : null} onClose={close} />
          <HandoutDoneModal assignment={handedOut} onClose={() => setHandedOut(null)} />
        </>
      )}
    </>
  );
}
