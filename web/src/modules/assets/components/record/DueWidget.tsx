// The home page's "what is due" card for the asset ledger: maintenance due within 30 days
// (overdue counted apart) and warranties ending within 30 days, the most urgent few listed,
// and the way to the full reminders page.
import { Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useExpiring, useMaintenanceDue } from '../../record-api';
import { DUE_DAYS } from './ReminderLists';
import { ReminderRows, type ReminderRow } from './ReminderRows';
import { daysBetween, useToday } from './record-format';

const TOP = 5;

export default function DueWidget() {
  const { t } = useTranslation();
  const today = useToday();
  const due = useMaintenanceDue(DUE_DAYS);
  const warranty = useExpiring('warranty', DUE_DAYS, 1, TOP);
  const dueItems = due.data?.items ?? [];
  const overdue = dueItems.filter((m) => m.nextDue !== null && m.nextDue < today).length;

  const when = (date: string) => {
    const days = daysBetween(today, date);
    if (days < 0) return <Tag color="red">{t('assets.reminders.overdueDays', { days: -days })}</Tag>;
    if (days === 0) return <Tag color="orange">{t('assets.reminders.today')}</Tag>;
    return <Tag color={days <= 7 ? 'orange' : 'default'}>{t('assets.reminders.daysLeft', { days })}</Tag>;
  };
  // Both kinds together, soonest (most overdue) first.
  const rows: (ReminderRow & { date: string })[] = [
    ...dueItems.map((m) => ({
      key: `m${m.id}`,
      date: m.nextDue ?? '',
      asset: { id: m.assetId, number: m.assetNumber, name: m.assetName },
      what: t('assets.reminders.widgetMaintenance', { kind: t(`assets.maintenance.kind.${m.kind}`) }),
      when: when(m.nextDue ?? today),
    })),
    ...(warranty.data?.items ?? []).map((w) => ({
      key: `w${w.id}`,
      date: w.date,
      asset: { id: w.id, number: w.number, name: w.name },
      what: t('assets.reminders.widgetWarranty'),
      when: when(w.date),
    })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, TOP);

  return (
    <Card
      title={t('assets.reminders.widgetTitle')}
      extra={<Link to="/assets/reminders">{t('assets.reminders.viewAll')}</Link>}
      data-testid="due-widget"
      style={{ height: '100%' }}
    >
      <ErrorAlert error={due.error ?? warranty.error} />
      <Flex gap={32} wrap style={{ marginBottom: 8 }}>
        <Statistic
          title={t('assets.reminders.widgetDueCount', { days: DUE_DAYS })}
          value={dueItems.length}
          loading={due.isLoading}
          suffix={overdue > 0 && <Tag color="red">{t('assets.reminders.overdueCount', { n: overdue })}</Tag>}
        />
        <Statistic
          title={t('assets.reminders.widgetWarrantyCount', { days: DUE_DAYS })}
          value={warranty.data?.total ?? 0}
          loading={warranty.isLoading}
        />
      </Flex>
      <ReminderRows
        rows={rows}
        loading={due.isLoading || warranty.isLoading}
        empty={<Typography.Text type="secondary">{t('assets.reminders.widgetEmpty', { days: DUE_DAYS })}</Typography.Text>}
      />
    </Card>
  );
}
