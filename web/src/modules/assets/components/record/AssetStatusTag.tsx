// The status as a coloured tag in the list's colours; large on the scan card.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssetStatus } from '@shared/contracts/assets.js';
import { STATUS_COLORS } from '../list/AssetStatusTag';

export function AssetStatusTag({ status, large }: { status: AssetStatus; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0, ...(large ? { fontSize: 15, padding: '2px 10px' } : {}) }}
      data-testid="asset-status"
    >
      {t(`assets.status.${status}`)}
    </Tag>
  );
}
