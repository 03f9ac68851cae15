// Locations (campus → building → floor → room ...): tree on the left, children on the right.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCATION_KINDS, type Location } from '@shared/contracts/org.js';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchInput } from '../../../ui/SearchInput';
import { TreePanel } from '../../../ui/TreePanel';
import { useDeleteLocation, useLocations, useLocationTree } from '../api';
import { LocationFormDrawer } from '../components/LocationFormDrawer';

const FILTERS = ['parentId', 'kind'] as const;
type Kind = Location['kind'];

export default function LocationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('org:write');
  const list = useListParams(FILTERS);
  const { state, update } = list;
  const parentId = state.filters.parentId ? Number(state.filters.parentId) : undefined;
  const kind = LOCATION_KINDS.find((k) => k === state.filters.kind);
  const locations = useLocations({
    page: state.page,
    pageSize: state.pageSize,
    q: state.q,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    parentId,
    kind,
  });
  const tree = useLocationTree();
  const remove = useDeleteLocation();
  const [editing, setEditing] = useState<Location | 'new' | null>(null);

  const kindLabel = (k: string) => t(`org.locationKind.${k}`, { defaultValue: k });

  const columns: ColumnsType<Location> = [
    { key: 'name', title: t('fields.locations.name'), dataIndex: 'name', sorter: true, fixed: 'left' },
    { key: 'kind', title: t('fields.locations.kind'), sorter: true, render: (_, l) => <Tag>{kindLabel(l.kind)}</Tag> },
    { key: 'code', title: t('fields.locations.code'), dataIndex: 'code', sorter: true },
    { key: 'path', title: t('fields.locations.path'), render: (_, l) => l.path.join(' / ') },
    { key: 'sortOrder', title: t('fields.locations.sortOrder'), dataIndex: 'sortOrder', sorter: true, align: 'right' },
    { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, render: (_, l) => fmt.dateTime(l.updatedAt) },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, l) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(l)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <ConfirmDelete name={l.name} onConfirm={() => remove.mutateAsync(l.id)} />
        </Space>
      ),
    });
  }

  const empty = list.hasFilters ? (
    <EmptyState
      description={t('org.locations.noMatch')}
      actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>}
    />
  ) : (
    <EmptyState description={writable ? t('org.locations.empty') : t('org.locations.emptyReadOnly')} />
  );

  return (
    <>
      <PageHeader
        title={t('nav.locations')}
        description={t('org.locations.description')}
        actions={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
              {t('org.locations.create')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={6}>
          <TreePanel
            title={t('org.locations.tree')}
            nodes={tree.data}
            loading={tree.isLoading}
            selected={parentId}
            onSelect={(id) => update({ filters: { parentId: id === undefined ? undefined : String(id) } })}
            renderExtra={(n) =>
              n.kind && (
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                  {kindLabel(n.kind)}
                </Typography.Text>
              )
            }
          />
        </Col>
        <Col xs={24} md={16} lg={18}>
          <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
            <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('org.locations.search')} />
            <Select<Kind>
              allowClear
              placeholder={t('org.locations.filterKind')}
              value={kind}
              style={{ width: 140 }}
              options={LOCATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              onChange={(k) => update({ filters: { kind: k } })}
              data-testid="filter-kind"
            />
          </ListToolbar>
          <DataTable<Location> columns={columns} query={locations} list={list} empty={empty} />
        </Col>
      </Row>
      <LocationFormDrawer editing={editing} defaultParentId={parentId} onClose={() => setEditing(null)} />
    </>
  );
}
