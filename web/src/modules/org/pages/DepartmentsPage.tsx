// Departments: the tree on the left picks a parent, the list on the right shows its children.
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/contracts/org.js';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ExportButton } from '../../../ui/ExportButton';
import { ImportWizard } from '../../../ui/import-wizard/ImportWizard';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchInput } from '../../../ui/SearchInput';
import { TreePanel } from '../../../ui/TreePanel';
import { useDeleteDepartment, useDepartments, useDepartmentTree, useRefreshOrg } from '../api';
import { DepartmentFormDrawer } from '../components/DepartmentFormDrawer';

const FILTERS = ['parentId'] as const;

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('org:write');
  const list = useListParams(FILTERS);
  const { state, update } = list;
  const parentId = state.filters.parentId ? Number(state.filters.parentId) : undefined;
  const query = {
    page: state.page,
    pageSize: state.pageSize,
    q: state.q,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    parentId,
  };
  const departments = useDepartments(query);
  const tree = useDepartmentTree();
  const remove = useDeleteDepartment();
  const refresh = useRefreshOrg();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const columns: ColumnsType<Department> = [
    { key: 'name', title: t('fields.departments.name'), dataIndex: 'name', sorter: true, fixed: 'left' },
    { key: 'code', title: t('fields.departments.code'), dataIndex: 'code', sorter: true },
    { key: 'parent', title: t('fields.departments.parent'), dataIndex: 'parentName' },
    { key: 'head', title: t('fields.departments.headPerson'), dataIndex: 'headPersonName' },
    { key: 'peopleCount', title: t('fields.departments.peopleCount'), dataIndex: 'peopleCount', align: 'right' },
    { key: 'sortOrder', title: t('fields.departments.sortOrder'), dataIndex: 'sortOrder', sorter: true, align: 'right' },
    { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, render: (_, d) => fmt.dateTime(d.updatedAt) },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(d)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <ConfirmDelete name={d.name} onConfirm={() => remove.mutateAsync(d.id)} />
        </Space>
      ),
    });
  }

  const empty = list.hasFilters ? (
    <EmptyState
      description={t('org.departments.noMatch')}
      actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>}
    />
  ) : (
    <EmptyState description={writable ? t('org.departments.empty') : t('org.departments.emptyReadOnly')} />
  );

  return (
    <>
      <PageHeader
        title={t('nav.departments')}
        description={t('org.departments.description')}
        actions={
          <>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
                {t('org.departments.create')}
              </Button>
            )}
            {writable && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-button">
                {t('common.import')}
              </Button>
            )}
            {/* Exports take the filters only: no paging, no sorting. */}
            <ExportButton kind="departments" filters={{ q: state.q, parentId }} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={6}>
          <TreePanel
            title={t('org.departments.tree')}
            nodes={tree.data}
            loading={tree.isLoading}
            selected={parentId}
            onSelect={(id) => update({ filters: { parentId: id === undefined ? undefined : String(id) } })}
          />
        </Col>
        <Col xs={24} md={16} lg={18}>
          <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
            <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('org.departments.search')} />
          </ListToolbar>
          <DataTable<Department> columns={columns} query={departments} list={list} empty={empty} />
        </Col>
      </Row>
      <DepartmentFormDrawer editing={editing} defaultParentId={parentId} onClose={() => setEditing(null)} />
      <ImportWizard
        kind="departments"
        title={t('org.departments.importTitle')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void refresh()}
      />
    </>
  );
}
