import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StocktakeStatus } from '@shared/contracts/stocktake.js';

export function StocktakeStatusTag({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'} data-testid="stocktake-status">
      {t(`stocktake.status.${status}`)}
    </Tag>
  );
}
