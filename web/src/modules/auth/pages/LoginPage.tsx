import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { useLogin, useSetupStatus } from '../api';
import { AuthLayout, safeNext } from '../components/AuthLayout';

interface LoginValues {
  login: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const setup = useSetupStatus();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<unknown>(null);

  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;
  if (me.isPending || setup.isPending) return <Spin fullscreen />;

  const submit = async (values: LoginValues) => {
    setError(null);
    try {
      await login.mutateAsync(values);
      void navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      // Keep the login, clear the password the server refused.
      form.setFieldValue('password', '');
    }
  };

  return (
    <AuthLayout title={t('auth.login.title')}>
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginValues> form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="login" label={t('auth.fields.login')} rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.fields.password')} rules={[{ required: true }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
