import { App, Button, Descriptions, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/contracts/auth.js';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { LANGUAGES, LANGUAGE_NAMES, chooseLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useUpdateMe } from '../api';

interface ProfileValues {
  name: string;
  language: Language;
}

export function ProfileForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const update = useUpdateMe();
  const [form] = Form.useForm<ProfileValues>();
  if (!me) return null;

  const submit = async (values: ProfileValues) => {
    try {
      await update.mutateAsync(values);
      await chooseLanguage(values.language);
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) void message.error(errorText(t, err));
    }
  };

  return (
    <div style={{ maxWidth: 520 }}>
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { key: 'login', label: t('auth.fields.login'), children: me.user.login },
          {
            key: 'roles',
            label: t('users.fields.roles'),
            children: me.user.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
          },
        ]}
      />
      <Form<ProfileValues>
        form={form}
        name="profile"
        layout="vertical"
        initialValues={{ name: me.user.name, language: me.user.language ?? me.settings.defaultLanguage }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('auth.fields.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="language" label={t('users.fields.language')}>
          <Select options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="form-submit">
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}
