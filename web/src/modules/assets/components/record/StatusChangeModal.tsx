// Change the status: only the transitions the ledger allows from the current status are offered;
// retiring and disposing need a reason (the server checks both again).
import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_TRANSITIONS, STATUSES_NEEDING_REASON, type Asset, type AssetStatus } from '@shared/contracts/assets.js';
import { FormModal } from '../../../../ui/FormModal';
import { useChangeStatus } from '../../record-api';

interface StatusValues {
  status: AssetStatus | undefined;
  reason: string;
}

interface StatusChangeModalProps {
  asset: Asset;
  open: boolean;
  onClose: () => void;
}

export function StatusChangeModal({ asset, open, onClose }: StatusChangeModalProps) {
  const { t } = useTranslation();
  const change = useChangeStatus(asset.id);
  const choices = STATUS_TRANSITIONS[asset.status];

  return (
    <FormModal<StatusValues>
      open={open}
      name="asset_status"
      title={t('assets.record.changeStatusTitle', { number: asset.number })}
      initialValues={{ status: undefined, reason: '' }}
      onClose={onClose}
      onSubmit={(v) => change.mutateAsync({ status: v.status!, reason: v.reason.trim() })}
    >
      {() => <StatusFields current={asset.status} choices={choices} />}
    </FormModal>
  );
}

function StatusFields({ current, choices }: { current: AssetStatus; choices: readonly AssetStatus[] }) {
  const { t } = useTranslation();
  const chosen = Form.useWatch<AssetStatus | undefined>('status');
  const needsReason = chosen !== undefined && STATUSES_NEEDING_REASON.includes(chosen);
  return (
    <>
      <Form.Item label={t('assets.record.currentStatus')}>{t(`assets.status.${current}`)}</Form.Item>
      <Form.Item name="status" label={t('assets.record.newStatus')} rules={[{ required: true, message: t('assets.record.pickStatus') }]}>
        <Radio.Group
          optionType="button"
          options={choices.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
          data-testid="status-choices"
        />
      </Form.Item>
      {(chosen === 'in_use' || chosen === 'on_loan') && (
        <Alert type="info" showIcon title={t('assets.record.useHandoutHint')} style={{ marginBottom: 16 }} />
      )}
      {chosen === 'disposed' && <Alert type="warning" showIcon title={t('assets.record.disposeWarning')} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="reason"
        label={t('assets.record.reason')}
        rules={[{ required: needsReason, whitespace: true, message: t('assets.record.reasonRequired') }, { max: 200 }]}
      >
        <Input placeholder={needsReason ? t('assets.record.reasonPlaceholderRequired') : t('assets.record.reasonPlaceholder')} />
      </Form.Item>
    </>
  );
}
