// Tickets on a phone: one card per ticket with what matters on foot (number, title, state, how
// far along, the clock); a tap opens it. Same server paging as the table.
import { EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Page } from '@shared/contracts/common.js';
import type { TicketSummary } from '@shared/contracts/tickets.js';
import { useFormat } from '../../../lib/format';
import type { ListChange, ListState } from '../../../lib/list-params';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CardListPager } from '../../../ui/CardListPager';
import { urgency } from '../vocabulary';
import { DueTag, ImportantMark, KindTag, PriorityTag, StateTag, TicketProgress } from './TicketTags';

interface TicketCardsProps {
  query: { data?: Page<TicketSummary>; isLoading: boolean; isFetching: boolean; error: unknown; refetch: () => unknown };
  list: { state: ListState; update: (change: ListChange) => void };
  empty: ReactNode;
  /** The reporter's view: progress instead of the service clock and the assignee. */
  reporter?: boolean;
}

const EDGE = { breached: '#ff4d4f', near: '#fa8c16' } as const;

export function TicketCards({ query, list, empty, reporter }: TicketCardsProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const items = query.data?.items ?? [];
  return (
    <Spin spinning={query.isFetching}>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Flex vertical gap={8} data-testid="ticket-cards">
        {items.map((x) => {
          const hot = reporter ? null : urgency(x);
          return (
            <Card
              key={x.id}
              size="small"
              hoverable
              onClick={() => void navigate(`/tickets/${x.id}`)}
              style={hot ? { borderLeft: `4px solid ${EDGE[hot]}` } : undefined}
              data-testid="ticket-card"
            >
              <Flex justify="space-between" align="flex-start" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                    {x.number}
                  </Typography.Text>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    <ImportantMark important={x.important} /> {x.title}
                  </Typography.Text>
                </div>
                <StateTag state={x.state} />
              </Flex>
              <Flex wrap gap={8} align="center" style={{ marginTop: 6 }}>
                {reporter ? <TicketProgress state={x.state} width={120} label /> : <DueTag ticket={x} />}
                {!reporter && <PriorityTag priority={x.priority} />}
                <KindTag kind={x.kind} />
              </Flex>
              <Flex wrap gap={12} style={{ marginTop: 4 }}>
                {(x.locationName || x.place) && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    <EnvironmentOutlined /> {[x.locationName, x.place].filter(Boolean).join(' ')}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <UserOutlined /> {x.assignee?.name ?? t('tickets.list.unassigned')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {fmt.dateTime(x.createdAt)}
                </Typography.Text>
              </Flex>
            </Card>
          );
        })}
        {!query.isLoading && !query.error && items.length === 0 && empty}
      </Flex>
      <CardListPager
        total={query.data?.total}
        page={list.state.page}
        pageSize={list.state.pageSize}
        onPage={(page) => list.update({ page })}
      />
    </Spin>
  );
}
