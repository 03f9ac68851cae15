// First run: create the first administrator. Offered only while the server says it is needed.
import { Alert, Button, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { passwordHint, passwordRule } from '../../../lib/password-rule';
import { useSetup, useSetupStatus } from '../api';
import { AuthLayout } from '../components/AuthLayout';

interface SetupValues {
  name: string;
  login: string;
  password: string;
  confirm: string;
}

export default function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const [form] = Form.useForm<SetupValues>();
  const [error, setError] = useState<unknown>(null);

  if (status.isPending) return <Spin fullscreen />;
  if (status.error) {
    return (
      <AuthLayout title={t('auth.setup.title')}>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </AuthLayout>
    );
  }
  if (!status.data.needed) return <Navigate to="/login" replace />;

  const submit = async ({ name, login, password }: SetupValues) => {
    setError(null);
    try {
      await setup.mutateAsync({ name, login, password });
      void navigate('/', { replace: true });
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };

  return (
    <AuthLayout title={t('auth.setup.title')} subtitle={t('auth.setup.intro')}>
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
      <Form<SetupValues> form={form} name="setup" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('auth.fields.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input autoComplete="name" autoFocus />
        </Form.Item>
        <Form.Item
          name="login"
          label={t('auth.fields.login')}
          extra={t('auth.loginHint')}
          rules={[{ required: true }, { min: 2, max: 64 }, { pattern: /^[A-Za-z0-9._@-]+$/, message: t('validation.invalid_login') }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.fields.password')}
          extra={passwordHint(t)}
          dependencies={['login']}
          rules={[{ required: true }, passwordRule(t, () => form.getFieldValue('login') ?? '')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.fields.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_r, value) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={setup.isPending} data-testid="setup-submit">
          {t('auth.setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
