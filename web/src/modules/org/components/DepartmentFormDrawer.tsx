import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentInput } from '@shared/contracts/org.js';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useCreateDepartment, useUpdateDepartment } from '../api';
import { DepartmentPicker, PersonPicker } from './Pickers';

interface DepartmentValues {
  name: string;
  code: string;
  parentId: number | null;
  headPersonId: number | null;
  sortOrder: number;
  notes: string;
}

interface DepartmentFormDrawerProps {
  /** null = closed; 'new' = create; a department = edit it. */
  editing: Department | 'new' | null;
  /** Parent for a new department (the node selected in the tree). */
  defaultParentId?: number;
  onClose: () => void;
}

export function DepartmentFormDrawer({ editing, defaultParentId, onClose }: DepartmentFormDrawerProps) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const current = editing !== 'new' ? editing : null;

  const initialValues: DepartmentValues = current
    ? { ...current, code: current.code ?? '' }
    : { name: '', code: '', parentId: defaultParentId ?? null, headPersonId: null, sortOrder: 0, notes: '' };

  const submit = (values: DepartmentValues) => {
    const input: DepartmentInput = { ...values, code: values.code.trim() || null, sortOrder: values.sortOrder ?? 0 };
    return current ? update.mutateAsync({ id: current.id, patch: input }) : create.mutateAsync(input);
  };

  return (
    <FormDrawer<DepartmentValues>
      open={editing !== null}
      name="department"
      title={current ? t('org.departments.edit', { name: current.name }) : t('org.departments.create')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('fields.departments.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="code" label={t('fields.departments.code')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="parentId" label={t('fields.departments.parent')} extra={t('org.departments.parentHint')}>
            <DepartmentPicker excludeSubtreeOf={current?.id} />
          </Form.Item>
          <Form.Item name="headPersonId" label={t('fields.departments.headPerson')}>
            <PersonPicker initialLabel={current?.headPersonName} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('fields.departments.sortOrder')} extra={t('org.sortOrderHint')}>
            <InputNumber min={-100000} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="notes" label={t('fields.departments.notes')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
