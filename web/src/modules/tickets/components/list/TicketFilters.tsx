// The list's filters: search, state, priority, category and assignee in the toolbar; the rarer
// ones (kind, importance, waiting for a leader, reporter, location, asset, reported between) in a
// drawer. Every change
// goes to the URL at once (useListParams), so the list and the link always agree.
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Drawer, Form, Grid, Select } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATES } from '@shared/contracts/tickets.js';
import type { ListChange, ListState } from '../../../../lib/list-params';
import { ListToolbar } from '../../../../ui/ListToolbar';
import { SearchInput } from '../../../../ui/SearchInput';
import { LocationPicker, PersonPicker } from '../../../org';
import { useCan } from '../../../../lib/session';
import { useTicketCounts } from '../../api';
import { useAssetSearch } from '../../lookups-api';
import { CategorySelect, TechnicianPicker } from '../Pickers';
import { DRAWER_FILTERS, TICKET_FILTERS } from './list-query';

interface ListApi {
  state: ListState;
  update: (change: ListChange) => void;
  hasFilters: boolean;
  clearFilters: () => void;
}

const split = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const join = (v: string[]) => (v.length ? v.join(',') : undefined);
const num = (v: string | undefined) => (v ? Number(v) : null);
const str = (v: number | null | undefined) => (v == null ? undefined : String(v));

export function TicketFilters({ list }: { list: ListApi }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  const { state, update } = list;
  const f = state.filters;
  const set = (name: (typeof TICKET_FILTERS)[number], value: string | undefined) => update({ filters: { [name]: value } });
  const inDrawer = DRAWER_FILTERS.filter((n) => f[n] !== undefined).length;
  // The tab (view) is not a filter to clear: keep it when the rest is cleared.
  const hasFilters = state.q !== '' || TICKET_FILTERS.some((n) => n !== 'view' && f[n] !== undefined);
  const clear = () => update({ q: '', filters: Object.fromEntries(TICKET_FILTERS.filter((n) => n !== 'view').map((n) => [n, undefined])) });

  // The main filters sit in the toolbar on a wide screen and join the drawer on a phone.
  const main = [
    <Select<string[]>
      key="state"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('tickets.fields.state')}
      value={split(f.state)}
      onChange={(v) => set('state', join(v))}
      options={TICKET_STATES.map((s) => ({ value: s, label: t(`tickets.state.${s}`) }))}
      style={{ minWidth: 140 }}
      data-testid="filter-state"
    />,
    <Select<string[]>
      key="priority"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('tickets.fields.priority')}
      value={split(f.priority)}
      onChange={(v) => set('priority', join(v))}
      options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
      style={{ minWidth: 130 }}
      data-testid="filter-priority"
    />,
    <CategorySelect key="category" value={f.category ?? ''} onChange={(v) => set('category', v || undefined)} style={{ minWidth: 150 }} />,
    <TechnicianPicker
      key="assignee"
      value={num(f.assigneeUserId)}
      onChange={(v) => set('assigneeUserId', str(v))}
      placeholder={t('tickets.fields.assignee')}
      style={{ minWidth: 140 }}
    />,
  ];
  const badge = phone ? TICKET_FILTERS.filter((n) => n !== 'view' && f[n] !== undefined).length : inDrawer;

  return (
    <ListToolbar hasFilters={hasFilters} onClear={clear}>
      <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('tickets.list.searchPlaceholder')} width={260} />
      {!phone && main}
      <Badge count={badge} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="more-filters">
          {phone ? t('tickets.list.filters') : t('tickets.list.moreFilters')}
        </Button>
      </Badge>
      <MoreFilters open={open} onClose={() => setOpen(false)} values={f} set={set} main={phone ? main : null} />
    </ListToolbar>
  );
}

interface MoreFiltersProps {
  open: boolean;
  onClose: () => void;
  values: Record<string, string | undefined>;
  set: (name: (typeof TICKET_FILTERS)[number], value: string | undefined) => void;
  /** The toolbar's filters, when the toolbar has no room for them (a phone). */
  main: ReactElement[] | null;
}

function MoreFilters({ open, onClose, values: f, set, main }: MoreFiltersProps) {
  const { t } = useTranslation();
  const can = useCan();
  // Every ticket waiting for a leader, whoever the leader is (the "leader" tab has only mine).
  const waiting = useTicketCounts().data?.needsLeader;
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = f.createdFrom && f.createdTo ? [dayjs(f.createdFrom), dayjs(f.createdTo)] : null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={main ? t('tickets.list.filters') : t('tickets.list.moreFilters')}
      size={360}
      data-testid="filter-drawer"
    >
      <Form layout="vertical">
        {main?.map((control) => (
          <Form.Item key={control.key}>{control}</Form.Item>
        ))}
        <Form.Item label={t('tickets.fields.kind')}>
          <Select
            allowClear
            value={f.kind}
            onChange={(v?: string) => set('kind', v)}
            options={TICKET_KINDS.map((k) => ({ value: k, label: t(`tickets.kind.${k}`) }))}
            placeholder={t('common.showAll')}
          />
        </Form.Item>
        <Form.Item label={t('tickets.fields.important')}>
          <Select
            allowClear
            value={f.important}
            onChange={(v?: string) => set('important', v)}
            options={[
              { value: 'true', label: t('tickets.list.importantOnly') },
              { value: 'false', label: t('tickets.list.notImportant') },
            ]}
            placeholder={t('common.showAll')}
          />
        </Form.Item>
        <Form.Item label={t('tickets.list.needsLeader')}>
          <Select
            allowClear
            value={f.needsLeader}
            onChange={(v?: string) => set('needsLeader', v)}
            options={[
              {
                value: 'true',
                label: waiting === undefined ? t('tickets.list.needsLeaderOnly') : t('tickets.list.needsLeaderCount', { n: waiting }),
              },
              { value: 'false', label: t('tickets.list.noLeaderWait') },
            ]}
            placeholder={t('common.showAll')}
            data-testid="filter-needs-leader"
          />
        </Form.Item>
        {can('org:read') && (
          <>
            <Form.Item label={t('tickets.fields.reporter')}>
              <PersonPicker value={num(f.reporterPersonId)} onChange={(v) => set('reporterPersonId', str(v))} />
            </Form.Item>
            <Form.Item label={t('tickets.fields.location')}>
              <LocationPicker value={num(f.locationId)} onChange={(v) => set('locationId', str(v))} />
            </Form.Item>
          </>
        )}
        {can('assets:read') && (
          <Form.Item label={t('tickets.fields.asset')}>
            <AssetFilter value={num(f.assetId)} onChange={(v) => set('assetId', str(v))} />
          </Form.Item>
        )}
        <Form.Item label={t('tickets.list.createdBetween')}>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              set('createdFrom', v?.[0]?.format('YYYY-MM-DD'));
              set('createdTo', v?.[1]?.format('YYYY-MM-DD'));
            }}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function AssetFilter({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const assets = useAssetSearch(q);
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.number} · ${a.name}` }))}
      loading={assets.isFetching}
      placeholder={t('tickets.pick.asset')}
      notFoundContent={t('tickets.pick.noAsset')}
    />
  );
}
