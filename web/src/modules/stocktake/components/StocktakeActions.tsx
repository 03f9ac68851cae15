// The buttons that change a whole stocktake: close it (with a confirmation that says how many
// assets become 盘亏), and move misplaced assets to where they were seen.
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stocktake } from '@shared/contracts/stocktake.js';
import { errorText } from '../../../lib/errors';
import { testId } from '../../../ui/test-id';
import { useApplyLocations, useCloseStocktake } from '../api';

export function CloseStocktakeButton({ stocktake }: { stocktake: Stocktake }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const close = useCloseStocktake();
  const missing = stocktake.counts.missing;
  const confirm = () =>
    modal.confirm({
      title: t('stocktake.detail.closeConfirmTitle', { name: stocktake.name }),
      content: missing > 0 ? t('stocktake.detail.closeConfirmMissing', { missing }) : t('stocktake.detail.closeConfirmAll'),
      okText: t('stocktake.detail.close'),
      okButtonProps: { danger: missing > 0, ...testId('close-confirm') },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await close.mutateAsync(stocktake.id);
          void message.success(t('stocktake.detail.closed'));
        } catch (err) {
          void message.error(errorText(t, err));
        }
      },
    });
  return (
    <Button danger onClick={confirm} loading={close.isPending} data-testid="close-stocktake">
      {t('stocktake.detail.close')}
    </Button>
  );
}

interface ApplyProps {
  stocktakeId: number;
  /** Items chosen in the list; empty: every misplaced asset not moved yet. */
  itemIds: number[];
  pending: number;
  onDone: () => void;
}

export function ApplyLocationsButton({ stocktakeId, itemIds, pending, onDone }: ApplyProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const apply = useApplyLocations();
  const n = itemIds.length || pending;
  const confirm = () =>
    modal.confirm({
      title: t('stocktake.apply.confirmTitle'),
      content: t('stocktake.apply.confirm', { n }),
      okText: t('stocktake.apply.ok'),
      okButtonProps: testId('apply-confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await apply.mutateAsync({ id: stocktakeId, itemIds: itemIds.length ? itemIds : undefined });
          void message.success(t('stocktake.apply.done', { moved: r.moved, skipped: r.skipped }));
          onDone();
        } catch (err) {
          void message.error(errorText(t, err));
        }
      },
    });
  return (
    <Button type="primary" disabled={n === 0} onClick={confirm} loading={apply.isPending} data-testid="apply-locations">
      {itemIds.length ? t('stocktake.apply.selected', { n: itemIds.length }) : t('stocktake.apply.all')}
    </Button>
  );
}
