// One custom field of a category as a typed form input: text, number with its unit, date,
// single or multiple choice, IP, MAC or web address. The formats are checked here with the same
// rules (and messages) as the server, so a typo is caught before saving.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { isIp, isUrl, normaliseMac, type CustomFieldDef } from '@shared/contracts/assets.js';
import { dateItemProps } from './form-helpers';

const FORMAT_CHECKS: Partial<Record<CustomFieldDef['type'], { ok: (v: string) => boolean; message: string }>> = {
  ip: { ok: isIp, message: 'validation.invalid_ip' },
  mac: { ok: (v) => normaliseMac(v) !== null, message: 'validation.invalid_mac' },
  url: { ok: isUrl, message: 'validation.invalid_url' },
};

/** A format rule for text inputs of the given kind (also used for the asset's own IP and MAC). */
export function useFormatRule(type: 'ip' | 'mac' | 'url'): Rule {
  const { t } = useTranslation();
  const check = FORMAT_CHECKS[type]!;
  return {
    validator: (_, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || check.ok(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t(check.message))),
  };
}

export function CustomFieldItem({ def }: { def: CustomFieldDef }) {
  const { t } = useTranslation();
  const name = ['custom', def.key];
  const rules: Rule[] = def.required ? [{ required: true, message: t('validation.required') }] : [];
  const formatRule = useFormatRule(def.type === 'ip' || def.type === 'mac' || def.type === 'url' ? def.type : 'url');
  const common = { name, label: def.label, rules };

  switch (def.type) {
    case 'number':
      return (
        <Form.Item {...common}>
          <InputNumber style={{ width: '100%' }} suffix={def.unit || undefined} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common} {...dateItemProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item {...common}>
          <Select allowClear options={def.options.map((o) => ({ value: o, label: o }))} />
        </Form.Item>
      );
    case 'multiselect':
      return (
        <Form.Item {...common}>
          <Select mode="multiple" allowClear options={def.options.map((o) => ({ value: o, label: o }))} />
        </Form.Item>
      );
    case 'ip':
    case 'mac':
    case 'url':
      return (
        <Form.Item {...common} rules={[...rules, formatRule]}>
          <Input
            inputMode={def.type === 'url' ? 'url' : undefined}
            placeholder={t(`assets.form.placeholder.${def.type}`)}
            suffix={def.unit || undefined}
          />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common} rules={[...rules, { max: 500 }]}>
          <Input suffix={def.unit || undefined} />
        </Form.Item>
      );
  }
}
