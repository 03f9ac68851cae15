// The ledger's settings: how new asset numbers are made (a pattern with date, category code and
// a running number) and which address the QR codes on labels point to. Everyone who reads the
// ledger sees them; changing them needs the organisation settings permission.
import { Alert, App, Button, Card, Descriptions, Form, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NUMBER_PATTERN_RE, type AssetSettings } from '@shared/contracts/assets.js';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { useCan, useOrgTimeZone } from '../../../lib/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useAssetSettings, useSaveAssetSettings } from '../api';
import { previewNumber, todayIn } from '../components/list/number-pattern';
import { NUMBER_TOKENS } from '../components/list/vocabulary';

export default function AssetSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const editable = can('settings:write');
  const settings = useAssetSettings();
  const save = useSaveAssetSettings();
  const [form] = Form.useForm<AssetSettings>();
  const pattern = Form.useWatch('numberPattern', form) ?? settings.data?.numberPattern ?? '';
  const timeZone = useOrgTimeZone();
  const example = previewNumber(pattern, todayIn(timeZone));
  const origin = window.location.origin;

  const submit = async (values: AssetSettings) => {
    try {
      await save.mutateAsync({ numberPattern: values.numberPattern.trim(), labelBaseUrl: (values.labelBaseUrl ?? '').trim() });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) void message.error(errorText(t, err));
    }
  };

  return (
    <>
      <PageHeader title={t('assets.nav.settings')} description={t('assets.settings.description')} />
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isLoading && <Spin />}
      {settings.data && (
        <Card style={{ maxWidth: 720 }}>
          {!editable && <Alert type="info" showIcon title={t('assets.settings.readOnly')} style={{ marginBottom: 16 }} />}
          <Form<AssetSettings>
            form={form}
            name="assetSettings"
            layout="vertical"
            initialValues={settings.data}
            onFinish={submit}
            disabled={!editable}
          >
            <Form.Item
              name="numberPattern"
              label={t('assets.settings.numberPattern')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 60 },
                { pattern: NUMBER_PATTERN_RE, message: t('validation.pattern_needs_seq') },
              ]}
              extra={
                <span data-testid="number-example">
                  {example ? t('assets.settings.example', { example }) : t('validation.pattern_needs_seq')}
                </span>
              }
            >
              <Input style={{ maxWidth: 320 }} />
            </Form.Item>
            <Descriptions
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 24 }}
              styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
              title={t('assets.settings.tokensTitle')}
            >
              {NUMBER_TOKENS.map((token) => (
                <Descriptions.Item key={token} label={<Typography.Text code>{token === 'seq' ? '{seq:N}' : `{${token}}`}</Typography.Text>}>
                  {t(`assets.settings.token.${token}`)}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Form.Item
              name="labelBaseUrl"
              label={t('assets.settings.labelBaseUrl')}
              extra={t('assets.settings.labelBaseUrlHint', { origin })}
              rules={[{ max: 200 }, { type: 'url', message: t('validation.invalid_url') }]}
            >
              <Input placeholder={origin} inputMode="url" />
            </Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="form-submit">
                {t('common.save')}
              </Button>
            )}
          </Form>
        </Card>
      )}
    </>
  );
}
