// An asset's status as a coloured tag: the colour tells at a glance what needs attention
// (under repair orange, retired red) and what is ordinary (in use green, in stock blue).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssetStatus } from '@shared/contracts/assets.js';

export const STATUS_COLORS: Record<AssetStatus, string> = {
  in_stock: 'blue',
  in_use: 'green',
  on_loan: 'gold',
  under_repair: 'orange',
  idle: 'default',
  retired: 'red',
  disposed: 'default',
};

export function AssetStatusTag({ status }: { status: AssetStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={status === 'disposed' ? { textDecoration: 'line-through' } : undefined}>
      {t(`assets.status.${status}`)}
    </Tag>
  );
}
