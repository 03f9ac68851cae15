// Choose a user by searching login or name on the server (audit filter).
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api';

export function UserPicker({ value, onChange }: { value?: number; onChange: (id: number | undefined) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUsers({ q, pageSize: 20 });
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('audit.filterUser')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      loading={users.isFetching}
      style={{ width: 180 }}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.login})` }))}
      data-testid="filter-user"
    />
  );
}
