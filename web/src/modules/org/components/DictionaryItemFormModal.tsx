import { Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DictionaryItem } from '@shared/contracts/org.js';
import { FormModal } from '../../../ui/FormModal';
import { useCreateDictionaryItem, useUpdateDictionaryItem, type DictionaryItemValues } from '../api';

interface DictionaryItemFormModalProps {
  dictionaryId: number;
  editing: DictionaryItem | 'new' | null;
  nextSortOrder: number;
  onClose: () => void;
}

export function DictionaryItemFormModal({ dictionaryId, editing, nextSortOrder, onClose }: DictionaryItemFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateDictionaryItem();
  const update = useUpdateDictionaryItem();
  const current = editing !== 'new' ? editing : null;

  const submit = (values: DictionaryItemValues) => {
    // An empty value means "same as the label" (the server fills it in).
    const item = { ...values, value: values.value?.trim() || undefined, sortOrder: values.sortOrder ?? 0 };
    return current ? update.mutateAsync({ dictionaryId, itemId: current.id, patch: item }) : create.mutateAsync({ dictionaryId, item });
  };

  return (
    <FormModal<DictionaryItemValues>
      open={editing !== null}
      name="dictionaryItem"
      title={current ? t('org.dictionaries.editItem', { name: current.label }) : t('org.dictionaries.addItem')}
      initialValues={current ?? { label: '', value: '', sortOrder: nextSortOrder, enabled: true }}
      onClose={onClose}
      onSubmit={submit}
    >
      {() => (
        <>
          <Form.Item name="label" label={t('fields.dictionaryItems.label')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="value" label={t('fields.dictionaryItems.value')} extra={t('org.dictionaries.valueHint')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('fields.dictionaryItems.sortOrder')} extra={t('org.sortOrderHint')}>
            <InputNumber min={-100000} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="enabled" label={t('fields.dictionaryItems.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
