// The top of an asset's record: number, name, status and category, and what a ledger keeper
// can do from here. Hand-out or take-back is offered according to the status, so the one that
// makes sense is always the first button.
import { EditOutlined, ExportOutlined, ImportOutlined, PrinterOutlined, SwapOutlined, TagOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_TRANSITIONS, type Asset } from '@shared/contracts/assets.js';
import { assetUrls } from '../../record-api';
import { AssetStatusTag } from './AssetStatusTag';

export type RecordAction = 'edit' | 'status' | 'handout' | 'return' | 'maintenance';

interface RecordHeaderProps {
  asset: Asset;
  writable: boolean;
  /** The hand-out the current holder signed, for reprinting its slip. */
  currentHandoutId: number | null;
  onAction: (action: RecordAction) => void;
}

export const isHandedOut = (a: Asset) => a.status === 'in_use' || a.status === 'on_loan';
/** Which kinds of hand-out the current status allows (from under repair: no loan). */
export function handoutChoices(a: Asset): { handout: boolean; loan: boolean } {
  if (isHandedOut(a)) return { handout: false, loan: false };
  const next = STATUS_TRANSITIONS[a.status];
  return { handout: next.includes('in_use'), loan: next.includes('on_loan') };
}

export function RecordHeader({ asset: a, writable, currentHandoutId, onAction }: RecordHeaderProps) {
  const { t } = useTranslation();
  const disposed = a.status === 'disposed';
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }} data-testid="record-header">
      <div style={{ minWidth: 0 }}>
        <Typography.Text
          type="secondary"
          copyable={{ text: a.number }}
          style={{ fontFamily: 'monospace', fontSize: 15 }}
          data-testid="record-number"
        >
          {a.number}
        </Typography.Text>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="record-name">
            {a.name}
          </Typography.Title>
          <AssetStatusTag status={a.status} />
        </Flex>
        <Typography.Text type="secondary">
          {[a.categoryName, [a.brand, a.model].filter(Boolean).join(' '), a.holderName ?? a.departmentName, a.locationName]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
      {writable && !disposed && (
        <Flex wrap gap={8}>
          {isHandedOut(a) ? (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => onAction('return')} data-testid="action-return">
              {t('assets.record.actions.return')}
            </Button>
          ) : (
            (handoutChoices(a).handout || handoutChoices(a).loan) && (
              <Button type="primary" icon={<ExportOutlined />} onClick={() => onAction('handout')} data-testid="action-handout">
                {t('assets.record.actions.handout')}
              </Button>
            )
          )}
          <Button icon={<ToolOutlined />} onClick={() => onAction('maintenance')} data-testid="action-maintenance">
            {t('assets.record.actions.maintenance')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => onAction('status')} data-testid="action-status">
            {t('assets.record.actions.status')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onAction('edit')} data-testid="action-edit">
            {t('common.edit')}
          </Button>
          <Button icon={<TagOutlined />} href={assetUrls.label(a.id)} target="_blank" rel="noopener noreferrer" data-testid="action-label">
            {t('assets.record.actions.label')}
          </Button>
          {currentHandoutId !== null && (
            <Button
              icon={<PrinterOutlined />}
              href={assetUrls.slip(currentHandoutId)}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="action-slip"
            >
              {t('assets.handout.printSlip')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
}
