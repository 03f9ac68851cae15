// "Send a test email": goes out at once with the saved settings, and says plainly why it failed
// (wrong password, server unreachable, timeout...).
import { Alert, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/errors';
import { useTestEmail } from '../api';
import { failureText } from './failure-text';

export function TestEmailForm() {
  const { t } = useTranslation();
  const test = useTestEmail();
  const [form] = Form.useForm<{ to: string }>();

  const failure = () => {
    const err = test.error;
    if (err instanceof ApiError && err.code === 'notify.smtp_failed' && err.details[0]) {
      const code = err.details[0].params?.smtpCode;
      return t('notify.test.failed', {
        reason: failureText(t, { reason: err.details[0].reason, smtpCode: typeof code === 'number' ? code : null }),
      });
    }
    return errorText(t, err);
  };

  return (
    <Form form={form} layout="vertical" onFinish={({ to }) => test.mutate(to.trim())} initialValues={{ to: '' }}>
      <Form.Item label={t('notify.test.to')} extra={t('notify.test.hint')} required>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Form.Item
            name="to"
            noStyle
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { type: 'email', message: t('validation.invalid_email') },
            ]}
          >
            <Input inputMode="email" placeholder="admin@example.edu.cn" data-testid="test-email-to" />
          </Form.Item>
          <Button htmlType="submit" loading={test.isPending} data-testid="test-email-send">
            {t('notify.test.send')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {test.isSuccess && (
        <Alert type="success" showIcon title={t('notify.test.sent', { to: test.variables })} data-testid="test-email-result" />
      )}
      {test.isError && <Alert type="error" showIcon title={failure()} data-testid="test-email-result" />}
    </Form>
  );
}
