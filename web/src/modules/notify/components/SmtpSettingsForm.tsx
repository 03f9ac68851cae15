// The mail server form. The stored password never comes back from the server: the field says
// "set" and stays empty, and an empty field keeps the stored one (unless "remove" is ticked).
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SMTP_SECURITY, type NotifySettings, type NotifySettingsInput, type SmtpSecurity } from '@shared/contracts/notify.js';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { useSaveNotifySettings } from '../api';

type FormValues = Omit<NotifySettingsInput, 'password'> & { password?: string; removePassword?: boolean };

/** The usual port of each kind of connection, offered when the port was still a usual one. */
const USUAL_PORT: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };

export function SmtpSettingsForm({ settings }: { settings: NotifySettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveNotifySettings();
  const [form] = Form.useForm<FormValues>();
  const enabled = Form.useWatch('enabled', form) ?? settings.enabled;
  const removePassword = Form.useWatch('removePassword', form) ?? false;
  const security = Form.useWatch('security', form) ?? settings.security;
  const user = Form.useWatch('user', form) ?? settings.user;
  const [hasPassword, setHasPassword] = useState(settings.hasPassword);
  const { hasPassword: _h, ...initial } = settings;

  const submit = async ({ password, removePassword: remove, ...values }: FormValues) => {
    const input: NotifySettingsInput = {
      ...values,
      host: values.host.trim(),
      user: values.user.trim(),
      fromAddress: values.fromAddress.trim(),
      fromName: values.fromName.trim(),
      baseUrl: values.baseUrl.trim(),
      ...(password ? { password } : remove ? { password: null } : {}),
    };
    try {
      const saved = await save.mutateAsync(input);
      setHasPassword(saved.hasPassword);
      form.setFieldsValue({ password: '', removePassword: false, baseUrl: saved.baseUrl });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) void message.error(errorText(t, err));
    }
  };

  const onSecurity = (security: SmtpSecurity) => {
    const port = form.getFieldValue('port') as number | null;
    if (port === null || Object.values(USUAL_PORT).includes(port)) form.setFieldValue('port', USUAL_PORT[security]);
  };

  const whenOn = (text: string) => [{ required: enabled, whitespace: true, message: text }];

  return (
    <Form<FormValues> form={form} name="notifySettings" layout="vertical" initialValues={initial} onFinish={submit}>
      <Form.Item name="enabled" label={t('notify.settings.enabled')} valuePropName="checked" extra={t('notify.settings.enabledHint')}>
        <Switch data-testid="smtp-enabled" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="host"
            label={t('notify.settings.host')}
            rules={[
              ...whenOn(t('validation.required')),
              { max: 253 },
              { pattern: /^[A-Za-z0-9.:[\]-]*$/, message: t('validation.invalid_host') },
            ]}
          >
            <Input placeholder="smtp.example.edu.cn" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="security" label={t('notify.settings.security')}>
            <Select options={SMTP_SECURITY.map((s) => ({ value: s, label: t(`notify.security.${s}`) }))} onChange={onSecurity} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="port" label={t('notify.settings.port')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="user" label={t('notify.settings.user')} extra={t('notify.settings.userHint')} rules={[{ max: 200 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('notify.settings.password')}
            extra={hasPassword ? t('notify.settings.passwordKept') : undefined}
            rules={[{ max: 200 }]}
          >
            <Input.Password
              autoComplete="new-password"
              placeholder={hasPassword ? t('notify.settings.passwordSet') : ''}
              disabled={removePassword}
              data-testid="smtp-password"
            />
          </Form.Item>
          {hasPassword && (
            <Form.Item name="removePassword" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox>{t('notify.settings.removePassword')}</Checkbox>
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="fromAddress"
            label={t('notify.settings.fromAddress')}
            rules={[...whenOn(t('validation.required')), { max: 254 }, { type: 'email', message: t('validation.invalid_email') }]}
          >
            <Input placeholder="helpdesk@example.edu.cn" inputMode="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="fromName" label={t('notify.settings.fromName')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="baseUrl"
        label={t('notify.settings.baseUrl')}
        extra={t('notify.settings.baseUrlHint', { origin: window.location.origin })}
        rules={[{ required: true, message: t('validation.required') }, { max: 200 }, { type: 'url', message: t('validation.invalid_url') }]}
      >
        <Input placeholder={window.location.origin} inputMode="url" />
      </Form.Item>
      {/* Signing in over a plain connection sends the password readable to anyone on the way. */}
      {enabled && security === 'none' && !!user.trim() && (
        <Alert type="warning" showIcon title={t('notify.settings.plainWarning')} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="form-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
