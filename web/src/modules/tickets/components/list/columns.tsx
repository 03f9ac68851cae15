// The technician's table: sortable columns carry the server's sort names as keys (DataTable
// passes them through), and the due column reads as time left or overdue.
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketSummary } from '@shared/contracts/tickets.js';
import { useFormat } from '../../../../lib/format';
import { useCategoryLabel } from '../../lookups-api';
import { DueTag, ImportantMark, KindTag, PriorityTag, StateTag } from '../TicketTags';

export function useTicketColumns(): ColumnsType<TicketSummary> {
  const { t } = useTranslation();
  const fmt = useFormat();
  const categoryLabel = useCategoryLabel();
  return [
    {
      key: 'number',
      title: t('tickets.fields.number'),
      sorter: true,
      render: (_, x) => (
        <Link to={`/tickets/${x.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid="ticket-link">
          {x.number}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('tickets.fields.title'),
      render: (_, x) => (
        <span style={{ display: 'inline-block', maxWidth: 320 }}>
          <ImportantMark important={x.important} /> <KindTag kind={x.kind} />
          <Typography.Text ellipsis={{ tooltip: x.title }} style={{ maxWidth: 280, verticalAlign: 'bottom' }}>
            {x.title}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'state', title: t('tickets.fields.state'), sorter: true, render: (_, x) => <StateTag state={x.state} /> },
    { key: 'priority', title: t('tickets.fields.priority'), sorter: true, render: (_, x) => <PriorityTag priority={x.priority} /> },
    {
      key: 'resolutionDue',
      title: t('tickets.fields.due'),
      sorter: true,
      render: (_, x) => <DueTag ticket={x} />,
    },
    { key: 'category', title: t('tickets.fields.category'), render: (_, x) => (x.category ? categoryLabel(x.category) : '—') },
    { key: 'reporter', title: t('tickets.fields.reporter'), render: (_, x) => x.reporterName ?? '—' },
    {
      key: 'assignee',
      title: t('tickets.fields.assignee'),
      render: (_, x) => x.assignee?.name ?? <Typography.Text type="secondary">{t('tickets.list.unassigned')}</Typography.Text>,
    },
    {
      key: 'where',
      title: t('tickets.fields.where'),
      render: (_, x) => [x.locationName, x.place].filter(Boolean).join(' ') || '—',
    },
    { key: 'createdAt', title: t('tickets.fields.createdAt'), sorter: true, render: (_, x) => fmt.dateTime(x.createdAt) },
    { key: 'updatedAt', title: t('tickets.fields.updatedAt'), sorter: true, render: (_, x) => fmt.dateTime(x.updatedAt) },
  ];
}
