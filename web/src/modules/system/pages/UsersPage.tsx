// Who can sign in, with which roles. Users are disabled rather than deleted, so the audit trail
// keeps naming them.
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/contracts/auth.js';
import { ROLES, type Role } from '@shared/lib/access.js';
import { useFormat } from '../../../lib/format';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchInput } from '../../../ui/SearchInput';
import { useUsers } from '../api';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormDrawer } from '../components/UserFormDrawer';

const FILTERS = ['role', 'disabled'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const writable = can('users:write');
  const list = useListParams(FILTERS);
  const { state, update } = list;
  const role = ROLES.find((r) => r === state.filters.role);
  const disabled = state.filters.disabled === 'true' || state.filters.disabled === 'false' ? state.filters.disabled : undefined;
  const users = useUsers({
    page: state.page,
    pageSize: state.pageSize,
    q: state.q,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    role,
    disabled,
  });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const columns: ColumnsType<User> = [
    { key: 'login', title: t('auth.fields.login'), dataIndex: 'login', sorter: true, fixed: 'left' },
    { key: 'name', title: t('auth.fields.name'), dataIndex: 'name', sorter: true },
    { key: 'roles', title: t('users.fields.roles'), render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>) },
    { key: 'person', title: t('users.fields.person'), dataIndex: 'personName' },
    {
      key: 'language',
      title: t('users.fields.language'),
      render: (_, u) => (u.language ? LANGUAGE_NAMES[u.language] : t('users.languageOrgDefault')),
    },
    {
      key: 'status',
      title: t('common.status'),
      render: (_, u) => (u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>),
    },
    {
      key: 'lastSignInAt',
      title: t('users.fields.lastSignInAt'),
      sorter: true,
      render: (_, u) => (u.lastSignInAt == null ? t('users.neverSignedIn') : fmt.dateTime(u.lastSignInAt)),
    },
    { key: 'createdAt', title: t('common.createdAt'), sorter: true, render: (_, u) => fmt.dateTime(u.createdAt) },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)} data-testid="reset-password-button">
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }

  const empty = list.hasFilters ? (
    <EmptyState description={t('users.noMatch')} actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>} />
  ) : (
    <EmptyState description={t('users.empty')} />
  );

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        actions={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
              {t('users.create')}
            </Button>
          )
        }
      />
      <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('users.search')} />
        <Select<Role>
          allowClear
          placeholder={t('users.filterRole')}
          value={role}
          style={{ width: 140 }}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(r) => update({ filters: { role: r } })}
          data-testid="filter-role"
        />
        <Select
          allowClear
          placeholder={t('users.filterStatus')}
          value={disabled}
          style={{ width: 120 }}
          options={[
            { value: 'false', label: t('users.enabled') },
            { value: 'true', label: t('users.disabled') },
          ]}
          onChange={(d) => update({ filters: { disabled: d } })}
          data-testid="filter-status"
        />
      </ListToolbar>
      <DataTable<User> columns={columns} query={users} list={list} empty={empty} />
      <UserFormDrawer editing={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
