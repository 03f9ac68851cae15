// 领用记录: every hand-out, loan and return of the asset, newest first, with the signature the
// recipient drew and the hand-over slip to print again.
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '@shared/contracts/assets.js';
import { EmptyState } from '../../../../ui/EmptyState';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { assetUrls, useAssignments } from '../../record-api';
import type { ASSIGNMENT_KINDS } from './vocabulary';

export function assignmentKind(a: Pick<Assignment, 'kind' | 'loan'>): (typeof ASSIGNMENT_KINDS)[number] {
  return a.kind === 'return' ? 'return' : a.loan ? 'loan' : 'handout';
}
const KIND_COLORS = { handout: 'green', loan: 'gold', return: 'blue' } as const;

export function AssignmentsTab({ assetId, writable }: { assetId: number; writable: boolean }) {
  const { t } = useTranslation();
  const list = useAssignments(assetId);

  const columns: ColumnsType<Assignment> = [
    { key: 'date', title: t('assets.handout.date'), dataIndex: 'date', width: 110 },
    {
      key: 'kind',
      title: t('assets.handout.kind'),
      render: (_, a) => <Tag color={KIND_COLORS[assignmentKind(a)]}>{t(`assets.handout.kinds.${assignmentKind(a)}`)}</Tag>,
    },
    {
      key: 'who',
      title: t('assets.handout.recipient'),
      render: (_, a) => [a.personName, a.departmentName].filter(Boolean).join(' · '),
    },
    { key: 'location', title: t('assets.handout.location'), render: (_, a) => a.locationName },
    {
      key: 'detail',
      title: t('assets.handout.detail'),
      render: (_, a) => (
        <>
          {a.expectedReturn && <div>{t('assets.handout.expectedReturnOn', { date: a.expectedReturn })}</div>}
          {a.condition && <div>{t('assets.handout.conditionIs', { condition: a.condition })}</div>}
          {a.notes && <Typography.Text type="secondary">{a.notes}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'signature',
      title: t('assets.handout.signature'),
      render: (_, a) => (
        <div>
          {a.signerName && <div>{a.signerName}</div>}
          {a.hasSignature && (
            <a href={assetUrls.signature(a.id)} target="_blank" rel="noopener noreferrer">
              <img
                src={assetUrls.signature(a.id)}
                alt={t('assets.handout.signatureOf', { name: a.signerName || a.personName || '' })}
                style={{ height: 44, maxWidth: 160, objectFit: 'contain', display: 'block' }}
                data-testid="signature-image"
              />
            </a>
          )}
        </div>
      ),
    },
    { key: 'handledBy', title: t('assets.handout.handledBy'), dataIndex: 'handledBy' },
  ];
  if (writable)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, a) =>
        a.kind === 'handout' && (
          <Button
            type="link"
            size="small"
            icon={<PrinterOutlined />}
            href={assetUrls.slip(a.id)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="print-slip-row"
          >
            {t('assets.handout.printSlip')}
          </Button>
        ),
    });

  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Assignment>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: list.isLoading ? (
            ' '
          ) : (
            <EmptyState description={writable ? t('assets.handout.emptyWritable') : t('assets.handout.empty')} />
          ),
        }}
        data-testid="assignments-table"
      />
    </>
  );
}
