// 工单设置: service targets per priority (response and resolution, in working hours and minutes
// of the work calendar), when a target counts as near, when solved tickets close by themselves,
// the number prefix; and the ways to the work calendar and the category dictionary.
import { CalendarOutlined, TagsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workCalendarResponse } from '@shared/contracts/calendar.js';
import { TICKET_CATEGORY_DICTIONARY, TICKET_PRIORITIES, type TicketSettings } from '@shared/contracts/tickets.js';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useSaveTicketSettings, useTicketSettings } from '../api';
import { PriorityTag } from '../components/TicketTags';
import { useToday } from '../time';

/** Working minutes typed as hours + minutes; 0 = no target. */
function MinutesInput({
  value = 0,
  onChange,
  max,
  testId,
}: {
  value?: number;
  onChange?: (v: number) => void;
  max: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const h = Math.floor(value / 60);
  const m = value % 60;
  const set = (hours: number | null, minutes: number | null) => onChange?.(Math.min(max, (hours ?? 0) * 60 + (minutes ?? 0)));
  return (
    <Flex gap={4} align="center" data-testid={testId}>
      <InputNumber<number> min={0} max={Math.floor(max / 60)} precision={0} value={h} onChange={(v) => set(v, m)} style={{ width: 80 }} />
      <span>{t('tickets.settings.hours')}</span>
      <InputNumber<number> min={0} max={59} precision={0} value={m} onChange={(v) => set(h, v)} style={{ width: 64 }} />
      <span>{t('tickets.settings.minutes')}</span>
    </Flex>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useTicketSettings();
  return (
    <>
      <PageHeader title={t('tickets.nav.settings')} description={t('tickets.settings.description')} />
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isLoading && <Skeleton active />}
      {settings.data && <SettingsForm initial={settings.data} />}
    </>
  );
}

function SettingsForm({ initial }: { initial: TicketSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TicketSettings>();
  const save = useSaveTicketSettings();
  const [error, setError] = useState<unknown>(null);
  const calendar = useQuery({
    queryKey: ['system', 'workCalendar'],
    queryFn: ({ signal }) => api('/api/settings/work-calendar', { schema: workCalendarResponse, signal }),
    staleTime: 5 * 60_000,
  });
  const today = useToday().replaceAll('-', '');
  const prefix = Form.useWatch('numberPrefix', form) ?? initial.numberPrefix;

  const submit = async (v: TicketSettings) => {
    setError(null);
    try {
      await save.mutateAsync(v);
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };

  return (
    <Form<TicketSettings>
      form={form}
      name="ticketSettings"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      style={{ maxWidth: 860 }}
    >
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
      <Card
        size="small"
        title={t('tickets.settings.targets')}
        style={{ marginBottom: 16 }}
        extra={
          <Link to="/system/work-calendar">
            <CalendarOutlined /> {t('tickets.settings.calendarLink')}
          </Link>
        }
      >
        <Typography.Paragraph type="secondary">
          {calendar.data
            ? t('tickets.settings.targetsHintWeekly', { hours: Math.round((calendar.data.weeklyMinutes / 60) * 10) / 10 })
            : t('tickets.settings.targetsHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey={(p) => p}
          dataSource={[...TICKET_PRIORITIES]}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'p', title: t('tickets.fields.priority'), render: (_, p) => <PriorityTag priority={p} /> },
            {
              key: 'r',
              title: t('tickets.settings.response'),
              render: (_, p) => (
                <Form.Item name={['targets', p, 'responseMinutes']} noStyle>
                  <MinutesInput max={100_000} testId={`target-${p}-response`} />
                </Form.Item>
              ),
            },
            {
              key: 's',
              title: t('tickets.settings.resolution'),
              render: (_, p) => (
                <Form.Item name={['targets', p, 'resolutionMinutes']} noStyle>
                  <MinutesInput max={1_000_000} testId={`target-${p}-resolution`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('tickets.settings.zeroHint')}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('tickets.settings.rules')} style={{ marginBottom: 16 }}>
        <Flex wrap gap={24}>
          <Form.Item
            name="nearPercent"
            label={t('tickets.settings.nearPercent')}
            extra={t('tickets.settings.nearPercentHint')}
            style={{ width: 260 }}
          >
            <InputNumber<number> min={50} max={99} precision={0} suffix="%" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="autoCloseDays"
            label={t('tickets.settings.autoCloseDays')}
            extra={t('tickets.settings.autoCloseHint')}
            style={{ width: 260 }}
          >
            <InputNumber<number> min={0} max={90} precision={0} suffix={t('tickets.settings.days')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="numberPrefix"
            label={t('tickets.settings.numberPrefix')}
            extra={t('tickets.settings.numberExample', { example: `${prefix}-${today}-0001` })}
            normalize={(v: string) => v.toUpperCase()}
            rules={[{ pattern: /^[A-Z]{1,6}$/, message: t('tickets.settings.prefixRule') }]}
            style={{ width: 260 }}
          >
            <Input maxLength={6} style={{ width: 120 }} />
          </Form.Item>
        </Flex>
      </Card>
      <Card size="small" title={t('tickets.settings.categories')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('tickets.settings.categoriesHint')}
        </Typography.Paragraph>
        <Link to={`/org/dictionaries?dict=${TICKET_CATEGORY_DICTIONARY}`}>
          <TagsOutlined /> {t('tickets.settings.categoriesLink')}
        </Link>
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
