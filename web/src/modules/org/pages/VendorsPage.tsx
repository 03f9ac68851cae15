// Vendors and manufacturers (供应商与厂家): who repairs, supplies and connects. Fault tickets pick
// from the active ones when a repair is sent out; a vendor still referred to is deactivated
// rather than deleted, so old tickets keep its name.
import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vendor } from '@shared/contracts/vendors.js';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchInput } from '../../../ui/SearchInput';
import { VendorFormDrawer } from '../components/VendorFormDrawer';
import { useDeleteVendor, useUpdateVendor, useVendorKinds, useVendors } from '../vendors-api';

const FILTERS = ['kind', 'status'] as const;
const STATUSES = ['active', 'inactive', 'all'] as const;
type Status = (typeof STATUSES)[number];

/** Only web addresses become links (the server accepts nothing else, this keeps it so on screen). */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

export default function VendorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('org:write');
  const list = useListParams(FILTERS);
  const { state, update } = list;
  // Active vendors unless asked otherwise: the inactive ones are history.
  const status: Status = STATUSES.find((s) => s === state.filters.status) ?? 'active';
  const kind = state.filters.kind;
  const vendors = useVendors({
    page: state.page,
    pageSize: state.pageSize,
    q: state.q,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    kind,
    active: status === 'all' ? undefined : status === 'active',
  });
  const kinds = useVendorKinds();
  const patch = useUpdateVendor();
  const remove = useDeleteVendor();
  const [editing, setEditing] = useState<Vendor | 'new' | null>(null);

  const setActive = async (v: Vendor, active: boolean) => {
    try {
      await patch.mutateAsync({ id: v.id, patch: { active } });
      void message.success(t(active ? 'org.vendors.activated' : 'org.vendors.deactivated', { name: v.name }));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  const columns: ColumnsType<Vendor> = [
    {
      key: 'name',
      title: t('fields.vendors.name'),
      sorter: true,
      fixed: 'left',
      render: (_, v) => (
        <Space size={4}>
          <span>{v.name}</span>
          {!v.active && <Tag>{t('org.vendors.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'kinds',
      title: t('fields.vendors.kinds'),
      render: (_, v) => v.kinds.map((k) => <Tag key={k}>{k}</Tag>),
    },
    { key: 'contact', title: t('fields.vendors.contact'), dataIndex: 'contact' },
    {
      key: 'phone',
      title: t('fields.vendors.phone'),
      render: (_, v) => v.phone && <Typography.Text copyable={{ text: v.phone }}>{v.phone}</Typography.Text>,
    },
    {
      key: 'website',
      title: t('fields.vendors.website'),
      render: (_, v) => {
        const href = safeHref(v.website);
        return href ? (
          <Typography.Link href={href} target="_blank" rel="noopener noreferrer">
            {new URL(href).host}
          </Typography.Link>
        ) : (
          v.website
        );
      },
    },
    { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, render: (_, v) => fmt.dateTime(v.updatedAt) },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, v) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(v)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          {v.active ? (
            <ConfirmDelete
              name={v.name}
              question={t('org.vendors.deactivateConfirm', { name: v.name })}
              actionText={t('org.vendors.deactivate')}
              doneText={t('org.vendors.deactivated', { name: v.name })}
              onConfirm={() => patch.mutateAsync({ id: v.id, patch: { active: false } })}
            >
              <Button type="link" size="small" icon={<StopOutlined />} data-testid="deactivate-button">
                {t('org.vendors.deactivate')}
              </Button>
            </ConfirmDelete>
          ) : (
            <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => void setActive(v, true)} data-testid="activate-button">
              {t('org.vendors.activate')}
            </Button>
          )}
          <ConfirmDelete name={v.name} onConfirm={() => remove.mutateAsync(v.id)} />
        </Space>
      ),
    });
  }

  const details = (v: Vendor) => (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label={t('fields.vendors.email')}>{v.email || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('fields.vendors.address')}>{v.address || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('fields.vendors.serviceNotes')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v.serviceNotes || '—'}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('common.createdAt')}>{fmt.dateTime(v.createdAt)}</Descriptions.Item>
    </Descriptions>
  );

  const empty = list.hasFilters ? (
    <EmptyState description={t('org.vendors.noMatch')} actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>} />
  ) : (
    <EmptyState
      description={writable ? t('org.vendors.empty') : t('org.vendors.emptyReadOnly')}
      actions={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('org.vendors.create')}
          </Button>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.vendors')}
        description={t('org.vendors.description')}
        actions={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
              {t('org.vendors.create')}
            </Button>
          )
        }
      />
      <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('org.vendors.search')} />
        <Select<string>
          allowClear
          placeholder={t('org.vendors.filterKind')}
          value={kind}
          style={{ width: 160 }}
          loading={kinds.isLoading}
          options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: `${k.kind} (${k.count})` }))}
          onChange={(k) => update({ filters: { kind: k } })}
          data-testid="filter-kind"
        />
        <Select<Status>
          value={status}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`org.vendors.status.${s}`) }))}
          onChange={(s) => update({ filters: { status: s === 'active' ? undefined : s } })}
          data-testid="filter-status"
        />
      </ListToolbar>
      <DataTable<Vendor> columns={columns} query={vendors} list={list} empty={empty} expandable={{ expandedRowRender: details }} />
      <VendorFormDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
