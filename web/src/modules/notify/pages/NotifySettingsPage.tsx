// 通知与邮件: the mail server notifications go out through, a test email, the address links in
// emails point to, the group robots and webhooks, and the delivery log that shows which emails
// and robot messages are stuck and why.
import { Card, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotifySettings } from '../api';
import { DeliveryLog } from '../components/DeliveryLog';
import { RobotsPanel } from '../components/RobotsPanel';
import { SmtpSettingsForm } from '../components/SmtpSettingsForm';
import { TestEmailForm } from '../components/TestEmailForm';

export default function NotifySettingsPage() {
  const { t } = useTranslation();
  const settings = useNotifySettings();
  return (
    <>
      <PageHeader title={t('notify.nav.settings')} description={t('notify.settings.description')} />
      <Flex vertical gap={16}>
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
        {settings.isLoading && <Spin />}
        {settings.data && (
          <Card title={t('notify.settings.server')} style={{ maxWidth: 860 }}>
            <SmtpSettingsForm settings={settings.data} />
          </Card>
        )}
        <Card title={t('notify.test.title')} style={{ maxWidth: 860 }}>
          <TestEmailForm />
        </Card>
        <RobotsPanel />
        <DeliveryLog />
      </Flex>
    </>
  );
}
