// The home page's ticket card. Technicians: how many are mine, unassigned, overdue and near their
// target, each a way into that list. Everyone else: their open reports and a big 报修 button.
import { AlertOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useTicketCounts, useTickets } from '../api';
import { DueTag, StateTag, TicketProgress } from './TicketTags';

export default function TicketsWidget() {
  const can = useCan();
  return can('tickets:read') ? <WorkWidget /> : <ReporterWidget />;
}

const WORK = [
  { view: 'mine', color: undefined },
  { view: 'unassigned', color: undefined },
  { view: 'overdue', color: '#ff4d4f' },
  { view: 'near', color: '#fa8c16' },
] as const;

function WorkWidget() {
  const { t } = useTranslation();
  const counts = useTicketCounts();
  // The open tickets whose resolution is due first: what to look at next.
  const next = useTickets({ view: 'open', sort: 'resolutionDue', order: 'asc', pageSize: 5 });
  const items = next.data?.items ?? [];
  return (
    <Card
      title={t('tickets.widget.workTitle')}
      extra={<Link to="/tickets">{t('tickets.widget.allTickets')}</Link>}
      style={{ height: '100%' }}
      data-testid="tickets-widget"
    >
      <ErrorAlert error={counts.error} />
      <Row gutter={[16, 16]}>
        {WORK.map(({ view, color }) => {
          const n = counts.data?.[view] ?? 0;
          return (
            <Col key={view} xs={12} sm={6}>
              <Link to={`/tickets?view=${view}`} data-testid={`widget-${view}`}>
                <Statistic
                  title={t(`tickets.views.${view}`)}
                  value={n}
                  loading={counts.isLoading}
                  styles={{ content: { color: n > 0 ? color : undefined } }}
                />
              </Link>
            </Col>
          );
        })}
      </Row>
      {items.length > 0 && (
        <Flex vertical style={{ marginTop: 16 }} data-testid="widget-next">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tickets.widget.next')}
          </Typography.Text>
          {items.map((x, i) => (
            <Flex
              key={x.id}
              justify="space-between"
              align="center"
              gap={8}
              wrap
              style={{ padding: '6px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}
            >
              <Link to={`/tickets/${x.id}`} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                  <span style={{ fontFamily: 'monospace' }}>{x.number}</span> {x.title}
                </Typography.Text>
              </Link>
              <DueTag ticket={x} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function ReporterWidget() {
  const { t } = useTranslation();
  const open = useTickets({
    view: 'reported',
    state: 'new,assigned,in_progress,waiting,resolved',
    pageSize: 5,
    sort: 'updatedAt',
    order: 'desc',
  });
  const items = open.data?.items ?? [];
  const counts = useTicketCounts();
  const decide = counts.data?.leader ?? 0;
  return (
    <Card
      title={t('tickets.widget.reportTitle')}
      extra={<Link to="/tickets/mine">{t('tickets.nav.mine')}</Link>}
      style={{ height: '100%' }}
      data-testid="tickets-widget"
    >
      <Link to="/tickets/report">
        <Button type="primary" size="large" block icon={<AlertOutlined />} style={{ height: 56, fontSize: 18 }} data-testid="widget-report">
          {t('tickets.nav.report')}
        </Button>
      </Link>
      {decide > 0 && (
        <Link to="/tickets/mine?show=leader" data-testid="widget-decide">
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('tickets.widget.decide', { n: decide })} />
        </Link>
      )}
      <ErrorAlert error={open.error} style={{ marginTop: 12 }} />
      {open.isLoading && <Skeleton active paragraph={{ rows: 2 }} style={{ marginTop: 12 }} />}
      {!open.isLoading && items.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('tickets.widget.noOpen')}
        </Typography.Paragraph>
      )}
      <Flex vertical style={{ marginTop: 12 }}>
        {items.map((x, i) => (
          <Flex key={x.id} vertical gap={2} style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
            <Flex justify="space-between" gap={8}>
              <Link to={`/tickets/${x.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{x.title}</Typography.Text>
              </Link>
              <StateTag state={x.state} />
            </Flex>
            <TicketProgress state={x.state} width={150} label />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
