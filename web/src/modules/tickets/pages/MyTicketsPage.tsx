// 我的报修: the faults I reported and how far along each is. Cards on a phone, a table on a
// desktop; "still open" (including solved ones waiting for my confirmation) or everything.
import { AlertOutlined } from '@ant-design/icons';
import { Button, Grid, Segmented } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TicketSummary } from '@shared/contracts/tickets.js';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchInput } from '../../../ui/SearchInput';
import { useTicketCounts, useTickets } from '../api';
import { TicketCards } from '../components/TicketCards';
import { StateTag, TicketProgress } from '../components/TicketTags';

const FILTERS = ['show'] as const;
/** Open work plus solved tickets: those still wait for the reporter to confirm. */
const NOT_DONE = 'new,assigned,in_progress,waiting,resolved';

export default function MyTicketsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(FILTERS);
  const { state, update } = list;
  // A leader who does not work tickets finds what waits for their decision here too.
  const counts = useTicketCounts();
  const waiting = counts.data?.leader ?? 0;
  const show = state.filters.show === 'all' ? 'all' : state.filters.show === 'leader' ? 'leader' : 'open';
  const all = show === 'all';
  const tickets = useTickets({
    view: show === 'leader' ? 'leader' : 'reported',
    state: show === 'open' ? NOT_DONE : undefined,
    q: state.q || undefined,
    page: state.page,
    pageSize: state.pageSize,
    sort: 'createdAt',
    order: 'desc',
  });

  const reportButton = (
    <Link to="/tickets/report">
      <Button type="primary" icon={<AlertOutlined />} data-testid="mine-report">
        {t('tickets.nav.report')}
      </Button>
    </Link>
  );
  const empty =
    list.hasFilters && state.q ? (
      <EmptyState
        description={t('tickets.mine.noMatch')}
        actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>}
      />
    ) : (
      <EmptyState
        description={show === 'leader' ? t('tickets.list.empty.leader') : all ? t('tickets.mine.empty') : t('tickets.mine.emptyOpen')}
        actions={reportButton}
      />
    );

  const columns: ColumnsType<TicketSummary> = [
    {
      key: 'number',
      title: t('tickets.fields.number'),
      dataIndex: 'number',
      render: (v: string, x) => (
        <Link to={`/tickets/${x.id}`} style={{ fontFamily: 'monospace' }}>
          {v}
        </Link>
      ),
    },
    { key: 'title', title: t('tickets.fields.title'), dataIndex: 'title', ellipsis: true },
    { key: 'state', title: t('tickets.fields.state'), render: (_, x) => <StateTag state={x.state} /> },
    {
      key: 'progress',
      title: t('tickets.mine.progress'),
      render: (_, x) => <TicketProgress state={x.state} width={110} label />,
    },
    { key: 'assignee', title: t('tickets.fields.assignee'), render: (_, x) => x.assignee?.name ?? t('tickets.list.unassigned') },
    { key: 'createdAt', title: t('tickets.fields.createdAt'), render: (_, x) => fmt.dateTime(x.createdAt) },
    { key: 'updatedAt', title: t('tickets.fields.updatedAt'), render: (_, x) => fmt.dateTime(x.updatedAt) },
  ];

  return (
    <>
      <PageHeader title={t('tickets.nav.mine')} description={t('tickets.mine.description')} actions={reportButton} />
      <ListToolbar hasFilters={!!state.q} onClear={list.clearFilters}>
        <Segmented
          value={show}
          onChange={(v) => update({ filters: { show: v === 'open' ? undefined : v } })}
          options={[
            { value: 'open', label: t('tickets.mine.open') },
            { value: 'all', label: t('tickets.mine.all') },
            ...(waiting > 0 || show === 'leader' ? [{ value: 'leader', label: t('tickets.mine.leader', { n: waiting }) }] : []),
          ]}
          data-testid="mine-show"
        />
        <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('tickets.list.searchPlaceholder')} />
      </ListToolbar>
      {phone ? (
        <TicketCards query={tickets} list={list} empty={empty} reporter />
      ) : (
        <DataTable<TicketSummary>
          columns={columns}
          query={tickets}
          list={list}
          empty={empty}
          onRow={(x) => ({
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('a, button')) return;
              void navigate(`/tickets/${x.id}`);
            },
            style: { cursor: 'pointer' },
          })}
        />
      )}
    </>
  );
}
