// 提醒: what needs doing soon — maintenance due (and overdue), warranties running out, machines
// reaching the end of their service life — so the administrator plans instead of reacting.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { DueMaintenanceCard, ExpiringCard } from '../components/record/ReminderLists';

const WARRANTY_RANGES = [30, 90] as const;
const END_OF_LIFE_RANGES = [30, 90, 365] as const;

export default function RemindersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('assets.reminders.title')} description={t('assets.reminders.description')} />
      <DueMaintenanceCard />
      <ExpiringCard
        kind="warranty"
        ranges={WARRANTY_RANGES}
        title={(days) => t('assets.reminders.warrantyTitle', { days })}
        empty={(days) => t('assets.reminders.warrantyEmpty', { days })}
      />
      <ExpiringCard
        kind="end_of_life"
        ranges={END_OF_LIFE_RANGES}
        title={(days) => t('assets.reminders.endOfLifeTitle', { days })}
        empty={(days) => t('assets.reminders.endOfLifeEmpty', { days })}
      />
    </>
  );
}
