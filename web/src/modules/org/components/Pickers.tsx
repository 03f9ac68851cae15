// Form controls to choose a department, a location or a person. Trees come whole (cheap, and
// needed to show the hierarchy); people are searched on the server, 20 at a time.
import { Select } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { subtreeIds } from '../../../ui/tree';
import { TreePicker } from '../../../ui/TreePicker';
import { useDepartmentTree, useLocationTree, usePeople } from '../api';

interface TreeFieldProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** This node and its descendants cannot be picked (choosing a parent for it). */
  excludeSubtreeOf?: number;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
}

function useExcluded(nodes: Parameters<typeof subtreeIds>[0] | undefined, rootId: number | undefined) {
  return useMemo(() => (nodes && rootId !== undefined ? subtreeIds(nodes, rootId) : undefined), [nodes, rootId]);
}

export function DepartmentPicker({ excludeSubtreeOf, placeholder, ...rest }: TreeFieldProps) {
  const { t } = useTranslation();
  const tree = useDepartmentTree();
  const disabled = useExcluded(tree.data, excludeSubtreeOf);
  return (
    <TreePicker
      nodes={tree.data}
      loading={tree.isLoading}
      disabledIds={disabled}
      placeholder={placeholder ?? t('org.pickDepartment')}
      data-testid="department-picker"
      {...rest}
    />
  );
}

export function LocationPicker({ excludeSubtreeOf, placeholder, ...rest }: TreeFieldProps) {
  const { t } = useTranslation();
  const tree = useLocationTree();
  const disabled = useExcluded(tree.data, excludeSubtreeOf);
  return (
    <TreePicker
      nodes={tree.data}
      loading={tree.isLoading}
      disabledIds={disabled}
      placeholder={placeholder ?? t('org.pickLocation')}
      data-testid="location-picker"
      {...rest}
    />
  );
}

interface PersonPickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Name of the person already chosen (the list may not contain them). */
  initialLabel?: string | null;
  id?: string;
}

export function PersonPicker({ value, onChange, initialLabel, id }: PersonPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeople({ q, pageSize: 20, sort: 'name' });
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
  }));
  if (value != null && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={people.isFetching}
      placeholder={t('org.pickPerson')}
      notFoundContent={people.isFetching ? null : t('org.noPersonFound')}
      data-testid="person-picker"
    />
  );
}
