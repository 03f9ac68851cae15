// Organisation-wide settings: name, time zone (every date on screen and in reports), default
// language, how long a sign-in lasts.
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSettings } from '@shared/contracts/auth.js';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { LANGUAGES, LANGUAGE_NAMES } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useSaveSettings, useSettings } from '../api';

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<OrgSettings>();
  const zones = useMemo(() => timeZones(settings.data?.timeZone ?? 'Asia/Shanghai'), [settings.data?.timeZone]);

  const submit = async (values: OrgSettings) => {
    try {
      await save.mutateAsync(values);
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) void message.error(errorText(t, err));
    }
  };

  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('settings.description')} />
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isLoading && <Spin />}
      {settings.data && (
        <Card style={{ maxWidth: 640 }}>
          <Form<OrgSettings> form={form} name="settings" layout="vertical" initialValues={settings.data} onFinish={submit}>
            <Form.Item name="orgName" label={t('fields.settings.orgName')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="timeZone"
              label={t('fields.settings.timeZone')}
              extra={t('settings.timeZoneHint')}
              rules={[{ required: true }]}
            >
              <Select showSearch options={zones.map((z) => ({ value: z, label: z }))} data-testid="settings-timezone" />
            </Form.Item>
            <Form.Item name="defaultLanguage" label={t('fields.settings.defaultLanguage')} extra={t('settings.languageHint')}>
              <Select options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
            </Form.Item>
            <Form.Item
              name="sessionLifetimeHours"
              label={t('fields.settings.sessionLifetimeHours')}
              extra={t('settings.sessionHint')}
              rules={[{ required: true }, { type: 'integer', min: 1, max: 2160 }]}
            >
              <InputNumber min={1} max={2160} precision={0} suffix={t('settings.hours')} style={{ width: 200 }} />
            </Form.Item>
            <Alert type="info" showIcon title={t('settings.appliesHint')} style={{ marginBottom: 16 }} />
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="form-submit">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
