import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dictionary } from '@shared/contracts/org.js';
import { FormModal } from '../../../ui/FormModal';
import { useCreateDictionary, useUpdateDictionary, type DictionaryValues } from '../api';

interface DictionaryFormModalProps {
  editing: Dictionary | 'new' | null;
  onClose: () => void;
  onCreated?: (code: string) => void;
}

export function DictionaryFormModal({ editing, onClose, onCreated }: DictionaryFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateDictionary();
  const update = useUpdateDictionary();
  const current = editing !== 'new' ? editing : null;

  const submit = async (values: DictionaryValues) => {
    if (current) return update.mutateAsync({ id: current.id, patch: { name: values.name, description: values.description } });
    await create.mutateAsync(values);
    onCreated?.(values.code);
  };

  return (
    <FormModal<DictionaryValues>
      open={editing !== null}
      name="dictionary"
      title={current ? t('org.dictionaries.edit', { name: current.name }) : t('org.dictionaries.create')}
      initialValues={current ?? { code: '', name: '', description: '' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {() => (
        <>
          <Form.Item
            name="code"
            label={t('fields.dictionaries.code')}
            extra={t('org.dictionaries.codeHint')}
            rules={[{ required: true }, { pattern: /^[a-z][a-z0-9_]{1,49}$/, message: t('validation.invalid_code') }]}
          >
            {/* The code is what modules refer to: fixed once created. */}
            <Input disabled={!!current} />
          </Form.Item>
          <Form.Item name="name" label={t('fields.dictionaries.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input disabled={current?.system} />
          </Form.Item>
          <Form.Item name="description" label={t('fields.dictionaries.description')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
