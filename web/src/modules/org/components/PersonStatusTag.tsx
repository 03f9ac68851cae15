import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/contracts/org.js';

const COLORS: Record<Person['status'], string> = { active: 'green', left: 'default', studying: 'blue', graduated: 'purple' };

export function PersonStatusTag({ status }: { status: Person['status'] }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`org.personStatus.${status}`)}</Tag>;
}
