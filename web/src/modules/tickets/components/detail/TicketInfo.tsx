// The top of a ticket page (number, title, state, priority, the two service clocks, the actions)
// and its details: what was reported, by whom, where, who works it, and the resolution record.
import { BookOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESOLUTION_FIELDS, type Ticket } from '@shared/contracts/tickets.js';
import { useFormat } from '../../../../lib/format';
import { useCategoryLabel } from '../../lookups-api';
import { durationText } from '../../time';
import { ClockText, ImportantMark, KindTag, PriorityTag, StateTag, TicketProgress } from '../TicketTags';
import { ActionBar } from './ActionBar';

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

export function TicketHeader({ ticket, onRepair }: { ticket: Ticket; onRepair: () => void }) {
  const { t } = useTranslation();
  const worker = ticket.can.work;
  return (
    <Card size="small" data-testid="ticket-header">
      <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace' }} data-testid="ticket-number">
        {ticket.number}
      </Typography.Text>
      <Typography.Title level={4} style={{ margin: '4px 0 8px', overflowWrap: 'anywhere' }} data-testid="ticket-title">
        <ImportantMark important={ticket.important} /> {ticket.title}
      </Typography.Title>
      <Flex wrap gap={6} align="center" style={{ marginBottom: 12 }}>
        <StateTag state={ticket.state} />
        <PriorityTag priority={ticket.priority} />
        <KindTag kind={ticket.kind} />
        {ticket.needsLeader && <Tag color="magenta">{t('tickets.escalation.pending')}</Tag>}
        {ticket.state === 'waiting' && ticket.waitingFor && <Tag color="gold">{t(`tickets.waitingFor.${ticket.waitingFor}`)}</Tag>}
        {worker ? (
          <>
            <ClockText name="response" clock={ticket.response} withName />
            <ClockText name="resolution" clock={ticket.resolution} withName />
          </>
        ) : (
          <TicketProgress state={ticket.state} width={160} label />
        )}
      </Flex>
      <ActionBar ticket={ticket} onRepair={onRepair} />
    </Card>
  );
}

export function TicketDetails({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const category = useCategoryLabel();
  const dash = '—';
  const items = [
    {
      key: 'category',
      label: t('tickets.fields.category'),
      children: ticket.category ? category(ticket.category) : t('tickets.details.uncategorised'),
    },
    {
      key: 'reporter',
      label: ticket.kind === 'task' ? t('tickets.create.requestedBy') : t('tickets.fields.reporter'),
      children: ticket.reporterName ?? dash,
    },
    { key: 'contact', label: t('tickets.fields.contactPhone'), children: ticket.contactPhone || dash },
    { key: 'where', label: t('tickets.fields.where'), children: [ticket.locationName, ticket.place].filter(Boolean).join(' ') || dash },
    { key: 'assignee', label: t('tickets.fields.assignee'), children: ticket.assignee?.name ?? t('tickets.list.unassigned') },
    { key: 'source', label: t('tickets.fields.source'), children: t(`tickets.source.${ticket.source}`) },
    { key: 'created', label: t('tickets.fields.createdAt'), children: fmt.dateTime(ticket.createdAt) },
    { key: 'updated', label: t('tickets.fields.updatedAt'), children: fmt.dateTime(ticket.updatedAt) },
    ...(ticket.resolvedAt ? [{ key: 'resolved', label: t('tickets.fields.resolvedAt'), children: fmt.dateTime(ticket.resolvedAt) }] : []),
    ...(ticket.closedAt ? [{ key: 'closed', label: t('tickets.fields.closedAt'), children: fmt.dateTime(ticket.closedAt) }] : []),
    ...(ticket.minutesSpent > 0
      ? [{ key: 'spent', label: t('tickets.fields.minutesSpent'), children: durationText(t, ticket.minutesSpent) }]
      : []),
  ];
  return (
    <Card size="small" title={t('tickets.details.title')} data-testid="ticket-details">
      <Typography.Paragraph style={pre} data-testid="ticket-description">
        {ticket.description || <Typography.Text type="secondary">{t('tickets.details.noDescription')}</Typography.Text>}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
    </Card>
  );
}

/** The five-part record, once there is one (a resolved ticket, or a reopened one that had it). */
export function RecordCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const filled = RESOLUTION_FIELDS.filter((f) => ticket.record[f].trim() !== '');
  // The problem alone is the reported description (the server starts the record with it): no record yet.
  const done = ticket.state === 'resolved' || ticket.state === 'closed';
  if (!done && !filled.some((f) => f !== 'problem')) return null;
  return (
    <Card
      size="small"
      title={t('tickets.record.title')}
      extra={
        ticket.articleIds.length > 0 && (
          <Flex gap={8}>
            {ticket.articleIds.map((id) => (
              <Link key={id} to={`/kb/articles/${id}`} data-testid="ticket-article">
                <BookOutlined /> {t('tickets.record.article', { id })}
              </Link>
            ))}
          </Flex>
        )
      }
      data-testid="ticket-record"
    >
      <Descriptions
        size="small"
        column={1}
        items={filled.map((f) => ({ key: f, label: t(`tickets.record.${f}`), children: <span style={pre}>{ticket.record[f]}</span> }))}
      />
    </Card>
  );
}
