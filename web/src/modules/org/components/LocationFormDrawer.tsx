import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCATION_KINDS, type Location, type LocationInput } from '@shared/contracts/org.js';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useCreateLocation, useUpdateLocation } from '../api';
import { LocationPicker } from './Pickers';

interface LocationValues {
  name: string;
  code: string;
  kind: Location['kind'];
  parentId: number | null;
  sortOrder: number;
  notes: string;
}

interface LocationFormDrawerProps {
  editing: Location | 'new' | null;
  defaultParentId?: number;
  onClose: () => void;
}

export function LocationFormDrawer({ editing, defaultParentId, onClose }: LocationFormDrawerProps) {
  const { t } = useTranslation();
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const current = editing !== 'new' ? editing : null;

  const initialValues: LocationValues = current
    ? { ...current, code: current.code ?? '' }
    : { name: '', code: '', kind: 'room', parentId: defaultParentId ?? null, sortOrder: 0, notes: '' };

  const submit = (values: LocationValues) => {
    const input: LocationInput = { ...values, code: values.code.trim() || null, sortOrder: values.sortOrder ?? 0 };
    return current ? update.mutateAsync({ id: current.id, patch: input }) : create.mutateAsync(input);
  };

  return (
    <FormDrawer<LocationValues>
      open={editing !== null}
      name="location"
      title={current ? t('org.locations.edit', { name: current.name }) : t('org.locations.create')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('fields.locations.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="kind" label={t('fields.locations.kind')} rules={[{ required: true }]}>
            <Select options={LOCATION_KINDS.map((k) => ({ value: k, label: t(`org.locationKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('fields.locations.code')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="parentId" label={t('fields.locations.parent')} extra={t('org.locations.parentHint')}>
            <LocationPicker excludeSubtreeOf={current?.id} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('fields.locations.sortOrder')} extra={t('org.sortOrderHint')}>
            <InputNumber min={-100000} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="notes" label={t('fields.locations.notes')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
