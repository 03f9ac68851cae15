import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { passwordHint, passwordRule } from '../../../lib/password-rule';
import { useMe } from '../../../lib/session';
import { useChangePassword } from '../api';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const login = useMe().data?.user.login ?? '';
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordValues>();

  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (err) {
      // A wrong current password belongs on that field, not in a toast.
      if (err instanceof ApiError && err.code === 'auth.wrong_password') {
        form.setFields([{ name: 'currentPassword', errors: [errorText(t, err)] }]);
      } else if (!applyFieldErrors(form, t, err)) void message.error(errorText(t, err));
    }
  };

  return (
    <Form<PasswordValues> form={form} name="password" layout="vertical" onFinish={submit} style={{ maxWidth: 520 }}>
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={passwordHint(t)}
        rules={[{ required: true }, passwordRule(t, () => login)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.fields.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: async (_r, value) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="form-submit">
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
