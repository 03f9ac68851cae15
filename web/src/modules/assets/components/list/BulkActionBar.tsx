// What can be done to the chosen rows at once: move them (location, department, person), change
// their status (retiring or disposing needs a reason), print their labels, export them. A bulk change is all
// or nothing on the server: one refused asset leaves every one as it was.
import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Select, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_STATUSES, STATUSES_NEEDING_REASON, type AssetStatus } from '@shared/contracts/assets.js';
import { ExportButton } from '../../../../ui/ExportButton';
import { FormModal } from '../../../../ui/FormModal';
import { DepartmentPicker, LocationPicker, PersonPicker } from '../../../org';
import { useBulkAssets } from '../../api';
import { BULK_ACTIONS, type BulkActionKind } from './vocabulary';

interface BulkActionBarProps {
  selected: readonly number[];
  onClear: () => void;
  onPrintLabels: () => void;
}

export function BulkActionBar({ selected, onClear, onPrintLabels }: BulkActionBarProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [action, setAction] = useState<BulkActionKind | null>(null);
  if (selected.length === 0) return null;
  return (
    <Flex
      wrap
      gap={8}
      align="center"
      style={{ padding: '8px 12px', marginBottom: 12, background: token.colorPrimaryBg, borderRadius: token.borderRadius }}
      data-testid="bulk-bar"
    >
      <Typography.Text strong>{t('assets.bulk.selected', { count: selected.length })}</Typography.Text>
      {BULK_ACTIONS.map((a) => (
        <Button key={a} size="small" onClick={() => setAction(a)} data-testid={`bulk-${a}`}>
          {t(`assets.bulk.action.${a}`)}
        </Button>
      ))}
      <Button size="small" icon={<PrinterOutlined />} onClick={onPrintLabels} data-testid="bulk-labels">
        {t('assets.bulk.labels')}
      </Button>
      <ExportButton kind="assets" filters={{ ids: selected.join(',') }} size="small" />
      <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear} data-testid="bulk-clear">
        {t('assets.bulk.clear')}
      </Button>
      <BulkEditModal action={action} ids={selected} onClose={() => setAction(null)} onDone={onClear} />
    </Flex>
  );
}

interface BulkValues {
  locationId?: number | null;
  departmentId?: number | null;
  holderPersonId?: number | null;
  status?: AssetStatus;
  reason?: string;
}

const FIELD: Record<BulkActionKind, keyof BulkValues> = {
  location: 'locationId',
  department: 'departmentId',
  holder: 'holderPersonId',
  status: 'status',
};

function BulkEditModal({
  action,
  ids,
  onClose,
  onDone,
}: {
  action: BulkActionKind | null;
  ids: readonly number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bulk = useBulkAssets();
  const kind = action ?? 'location';
  const field = FIELD[kind];
  const required = [{ required: true, message: t('validation.required') }];

  const submit = async (v: BulkValues) => {
    const set = kind === 'status' ? { status: v.status, reason: v.reason?.trim() ?? '' } : { [field]: v[field] ?? null };
    const result = await bulk.mutateAsync({ ids: [...ids], set });
    void message.success(t('assets.bulk.done', { count: result.updated }));
    onDone();
  };

  return (
    <FormModal<BulkValues>
      open={action !== null}
      name="bulk"
      title={t('assets.bulk.title', { action: t(`assets.bulk.action.${kind}`), count: ids.length })}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => (
        <>
          {kind === 'location' && (
            <Form.Item name="locationId" label={t('assets.fields.location')} rules={required}>
              <LocationPicker />
            </Form.Item>
          )}
          {kind === 'department' && (
            <Form.Item name="departmentId" label={t('assets.fields.department')} rules={required}>
              <DepartmentPicker />
            </Form.Item>
          )}
          {kind === 'holder' && (
            <Form.Item name="holderPersonId" label={t('assets.fields.holder')} rules={required} extra={t('assets.bulk.holderHint')}>
              <PersonPicker />
            </Form.Item>
          )}
          {kind === 'status' && <StatusFields form={form} />}
          <Alert type="info" showIcon title={t('assets.bulk.allOrNothing')} />
        </>
      )}
    </FormModal>
  );
}

function StatusFields({ form }: { form: Parameters<typeof Form.useWatch>[1] }) {
  const { t } = useTranslation();
  const status = Form.useWatch<AssetStatus | undefined>('status', form);
  return (
    <>
      <Form.Item name="status" label={t('assets.fields.status')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))} data-testid="bulk-status" />
      </Form.Item>
      {status && STATUSES_NEEDING_REASON.includes(status) && (
        <Form.Item
          name="reason"
          label={t('assets.bulk.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
      )}
    </>
  );
}
