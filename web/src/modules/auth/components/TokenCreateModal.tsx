import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@shared/lib/access.js';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { useCreateToken, type TokenCreated } from '../api';

interface TokenValues {
  name: string;
  permissions: Permission[];
  expiry: number | 'never';
}

const EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;

interface TokenCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (created: TokenCreated) => void;
}

export function TokenCreateModal({ open, onClose, onCreated }: TokenCreateModalProps) {
  const { t } = useTranslation();
  // A token can do at most what its owner can.
  const own = useMe().data?.user.permissions ?? [];
  const create = useCreateToken();
  const [form] = Form.useForm<TokenValues>();
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ name, permissions, expiry }: TokenValues) => {
    setError(null);
    try {
      const result = await create.mutateAsync({ name, permissions, expiresInDays: expiry === 'never' ? null : expiry });
      form.resetFields();
      onCreated(result);
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('account.tokens.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('account.tokens.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ htmlType: 'submit' }}
      forceRender
    >
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
      <Form<TokenValues> form={form} name="token" layout="vertical" initialValues={{ permissions: [], expiry: 90 }} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('account.tokens.name')}
          extra={t('account.tokens.nameHint')}
          rules={[{ required: true, whitespace: true }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="permissions" label={t('account.tokens.permissions')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={own.map((p) => ({ value: p, label: t(`permissions.${p}`) }))} />
        </Form.Item>
        <Form.Item name="expiry" label={t('account.tokens.expiry')}>
          <Select
            options={[
              ...EXPIRY_DAYS.map((d) => ({ value: d, label: t('account.tokens.days', { days: d }) })),
              { value: 'never', label: t('account.tokens.never') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
