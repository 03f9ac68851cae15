// Add or edit a vendor. Kind tags come from a suggested list plus those already in use; any
// other tag can be typed.
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_VENDOR_KINDS, SUGGESTED_VENDOR_KINDS, type Vendor, type VendorInput } from '@shared/contracts/vendors.js';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useCreateVendor, useUpdateVendor, useVendorKinds } from '../vendors-api';

type VendorValues = Required<VendorInput>;

interface VendorFormDrawerProps {
  editing: Vendor | 'new' | null;
  onClose: () => void;
}

const EMPTY: VendorValues = {
  name: '',
  kinds: [],
  contact: '',
  phone: '',
  email: '',
  address: '',
  website: '',
  serviceNotes: '',
  active: true,
};

const PHONE_RE = /^[0-9+\-() ,/#*转]{3,60}$/;

export function VendorFormDrawer({ editing, onClose }: VendorFormDrawerProps) {
  const { t } = useTranslation();
  const create = useCreateVendor();
  const update = useUpdateVendor();
  const kindsInUse = useVendorKinds();
  const current = editing !== 'new' ? editing : null;
  const kindOptions = [...new Set([...SUGGESTED_VENDOR_KINDS, ...(kindsInUse.data ?? []).map((k) => k.kind)])].map((k) => ({
    value: k,
    label: k,
  }));

  const submit = (values: VendorValues) => {
    const input: VendorValues = { ...EMPTY, ...values, kinds: (values.kinds ?? []).map((k) => k.trim()).filter(Boolean) };
    return current ? update.mutateAsync({ id: current.id, patch: input }) : create.mutateAsync(input);
  };

  return (
    <FormDrawer<VendorValues>
      open={editing !== null}
      name="vendor"
      title={current ? t('org.vendors.edit', { name: current.name }) : t('org.vendors.create')}
      initialValues={current ?? EMPTY}
      onClose={onClose}
      onSubmit={submit}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('fields.vendors.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item
            name="kinds"
            label={t('fields.vendors.kinds')}
            extra={t('org.vendors.kindsHint')}
            rules={[{ type: 'array', max: MAX_VENDOR_KINDS }]}
          >
            <Select mode="tags" options={kindOptions} maxCount={MAX_VENDOR_KINDS} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="contact" label={t('fields.vendors.contact')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('fields.vendors.phone')}
            extra={t('org.vendors.phoneHint')}
            rules={[{ max: 60 }, { pattern: PHONE_RE, message: t('validation.invalid_vendor_phone') }]}
          >
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('fields.vendors.email')}
            rules={[{ max: 200 }, { type: 'email', message: t('validation.invalid_email') }]}
          >
            <Input inputMode="email" />
          </Form.Item>
          <Form.Item
            name="website"
            label={t('fields.vendors.website')}
            rules={[{ max: 300 }, { type: 'url', message: t('validation.invalid_url') }]}
          >
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="address" label={t('fields.vendors.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="serviceNotes"
            label={t('fields.vendors.serviceNotes')}
            extra={t('org.vendors.serviceNotesHint')}
            rules={[{ max: 2000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="active" label={t('fields.vendors.active')} valuePropName="checked" extra={t('org.vendors.activeHint')}>
            <Switch />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
