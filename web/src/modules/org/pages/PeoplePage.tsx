// People (staff and students): server-side search, filters, sorting and paging.
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_KINDS, PERSON_STATUSES, STATUSES_BY_KIND, type Person } from '@shared/contracts/org.js';
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
import { useDeletePerson, usePeople, useRefreshOrg } from '../api';
import { PersonDetailDrawer } from '../components/PersonDetailDrawer';
import { PersonFormDrawer } from '../components/PersonFormDrawer';
import { PersonStatusTag } from '../components/PersonStatusTag';
import { DepartmentPicker } from '../components/Pickers';

const FILTERS = ['departmentId', 'subtree', 'kind', 'status'] as const;
type Kind = Person['kind'];

export default function PeoplePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('org:write');
  const list = useListParams(FILTERS);
  const { state, update } = list;
  const f = state.filters;
  const departmentId = f.departmentId ? Number(f.departmentId) : undefined;
  const kind = PERSON_KINDS.find((k) => k === f.kind);
  // The filters, shared by the list and the export (which takes no paging or sorting).
  const filters = {
    q: state.q,
    departmentId,
    // Sub-departments are included unless the user unticks it.
    subtree: departmentId && f.subtree === 'false' ? 'false' : undefined,
    kind,
    status: PERSON_STATUSES.find((s) => s === f.status),
  };
  const people = usePeople({
    ...filters,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  });
  const remove = useDeletePerson();
  const refresh = useRefreshOrg();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);

  const statusChoices = kind ? STATUSES_BY_KIND[kind] : PERSON_STATUSES;

  const columns: ColumnsType<Person> = [
    {
      key: 'name',
      title: t('fields.people.name'),
      sorter: true,
      fixed: 'left',
      render: (_, p) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(p.id)}>
          {p.name}
        </Button>
      ),
    },
    { key: 'number', title: t('fields.people.number'), dataIndex: 'number', sorter: true },
    { key: 'kind', title: t('fields.people.kind'), render: (_, p) => t(`org.personKind.${p.kind}`) },
    { key: 'department', title: t('fields.people.department'), dataIndex: 'departmentName', sorter: true },
    { key: 'position', title: t('fields.people.position'), dataIndex: 'position', sorter: true },
    { key: 'phone', title: t('fields.people.phone'), dataIndex: 'phone' },
    { key: 'status', title: t('fields.people.status'), sorter: true, render: (_, p) => <PersonStatusTag status={p.status} /> },
    { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, render: (_, p) => fmt.dateTime(p.updatedAt) },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <ConfirmDelete name={p.name} onConfirm={() => remove.mutateAsync(p.id)} />
        </Space>
      ),
    });
  }

  const empty = list.hasFilters ? (
    <EmptyState description={t('org.people.noMatch')} actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>} />
  ) : (
    <EmptyState description={writable ? t('org.people.empty') : t('org.people.emptyReadOnly')} />
  );

  return (
    <>
      <PageHeader
        title={t('nav.people')}
        description={t('org.people.description')}
        actions={
          <>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
                {t('org.people.create')}
              </Button>
            )}
            {writable && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-button">
                {t('common.import')}
              </Button>
            )}
            <ExportButton kind="people" filters={filters} />
          </>
        }
      />
      <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('org.people.search')} />
        <DepartmentPicker
          value={departmentId ?? null}
          onChange={(id) => update({ filters: { departmentId: id === null ? undefined : String(id), subtree: undefined } })}
          placeholder={t('org.people.filterDepartment')}
          style={{ width: 200 }}
        />
        {departmentId !== undefined && (
          <Checkbox
            checked={f.subtree !== 'false'}
            onChange={(e) => update({ filters: { subtree: e.target.checked ? undefined : 'false' } })}
          >
            {t('org.people.includeSubDepartments')}
          </Checkbox>
        )}
        <Select<Kind>
          allowClear
          placeholder={t('org.people.filterKind')}
          value={kind}
          style={{ width: 120 }}
          options={PERSON_KINDS.map((k) => ({ value: k, label: t(`org.personKind.${k}`) }))}
          onChange={(k) =>
            update({
              filters: {
                kind: k,
                status: k && f.status && !(STATUSES_BY_KIND[k] as readonly string[]).includes(f.status) ? undefined : f.status,
              },
            })
          }
          data-testid="filter-kind"
        />
        <Select
          allowClear
          placeholder={t('org.people.filterStatus')}
          value={filters.status}
          style={{ width: 120 }}
          options={statusChoices.map((s) => ({ value: s, label: t(`org.personStatus.${s}`) }))}
          onChange={(s) => update({ filters: { status: s } })}
          data-testid="filter-status"
        />
      </ListToolbar>
      <DataTable<Person> columns={columns} query={people} list={list} empty={empty} />
      <PersonFormDrawer editing={editing} defaultDepartmentId={departmentId} onClose={() => setEditing(null)} />
      <PersonDetailDrawer
        personId={viewing}
        onClose={() => setViewing(null)}
        onEdit={(p) => {
          setViewing(null);
          setEditing(p);
        }}
      />
      <ImportWizard
        kind="people"
        title={t('org.people.importTitle')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void refresh()}
      />
    </>
  );
}
