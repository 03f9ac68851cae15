// 工单: the technicians' list. Tabs are the contract's views with their counts (mine, unassigned,
// open, overdue, near, the leader's), filters on every field of the list query, search, server
// sorting and paging; rows near their target are orange, past it red, with the time left or
// overdue. Selected rows can be assigned or closed together.
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Grid, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TicketSummary } from '@shared/contracts/tickets.js';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { useTicketCounts, useTickets } from '../api';
import { BulkBar } from '../components/list/BulkBar';
import { useTicketColumns } from '../components/list/columns';
import { CreateTicketDrawer } from '../components/list/CreateTicketDrawer';
import { TICKET_FILTERS, toApiQuery, VIEW_TABS, viewOf } from '../components/list/list-query';
import { TicketFilters } from '../components/list/TicketFilters';
import { TicketCards } from '../components/TicketCards';
import '../components/tickets.css';
import { urgency } from '../vocabulary';

/** Tabs whose count is worth a red badge (work that is late or waits for someone). */
const ALERT_TABS = new Set(['overdue', 'leader']);
/** Empty tabs where registering a ticket is the natural next step (not "nothing overdue"). */
const CREATE_FROM_EMPTY = new Set(['all', 'mine', 'unassigned', 'open']);

export default function TicketsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('tickets:write');
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const list = useListParams(TICKET_FILTERS);
  const { state, update } = list;
  const view = viewOf(state);
  const tickets = useTickets(toApiQuery(state));
  const counts = useTicketCounts();
  const columns = useTicketColumns();
  const [selected, setSelected] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  // Numbers of everything selected, also of rows on pages no longer shown (the bulk result names them).
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const numbers = useMemo(() => {
    const m = new Map(known);
    for (const x of tickets.data?.items ?? []) m.set(x.id, x.number);
    return m;
  }, [known, tickets.data]);

  const count = (v: (typeof VIEW_TABS)[number]) => (v === 'all' ? undefined : counts.data?.[v]);
  const filtered = state.q !== '' || TICKET_FILTERS.some((n) => n !== 'view' && state.filters[n] !== undefined);
  const empty = filtered ? (
    <EmptyState description={t('tickets.list.noMatch')} actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>} />
  ) : (
    <EmptyState
      description={t(`tickets.list.empty.${view}`)}
      actions={
        writable &&
        CREATE_FROM_EMPTY.has(view) && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tickets.create.title')}
          </Button>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('tickets.nav.list')}
        description={t('tickets.list.description')}
        actions={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-ticket">
              {t('tickets.create.title')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={view}
        onChange={(v) => {
          setSelected([]);
          update({ filters: { view: v } });
        }}
        items={VIEW_TABS.map((v) => {
          const n = count(v);
          return {
            key: v,
            label: (
              <span data-testid={`view-${v}`}>
                {t(`tickets.views.${v}`)}{' '}
                {n !== undefined && (
                  <Badge
                    count={n}
                    showZero
                    overflowCount={999}
                    color={ALERT_TABS.has(v) && n > 0 ? 'red' : v === 'near' && n > 0 ? 'orange' : '#bfbfbf'}
                  />
                )}
              </span>
            ),
          };
        })}
        style={{ marginBottom: 4 }}
      />
      <TicketFilters list={list} />
      {phone ? (
        <TicketCards query={tickets} list={list} empty={empty} />
      ) : (
        <>
          {writable && (
            <BulkBar
              selected={selected}
              numbers={numbers}
              onDone={() => {
                setSelected([]);
                setKnown(new Map());
              }}
            />
          )}
          <DataTable<TicketSummary>
            columns={columns}
            query={tickets}
            list={list}
            empty={empty}
            rowClassName={(x) => {
              const u = urgency(x);
              return u ? `ticket-row-${u}` : '';
            }}
            rowSelection={
              writable
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys, rows) => {
                      setSelected(keys.map(Number));
                      setKnown((m) => {
                        const next = new Map(m);
                        for (const r of rows) if (r) next.set(r.id, r.number);
                        return next;
                      });
                    },
                  }
                : undefined
            }
            onRow={(x) => ({
              onClick: (e) => {
                if ((e.target as HTMLElement).closest('a, button, input, label, .ant-table-selection-column')) return;
                void navigate(`/tickets/${x.id}`);
              },
              style: { cursor: 'pointer' },
            })}
          />
        </>
      )}
      <CreateTicketDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
