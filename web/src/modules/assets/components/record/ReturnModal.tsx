// Take an asset back (归还) into stock: when, where it is kept now, the condition it came back in,
// and the signature of the person returning it.
import { DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/contracts/assets.js';
import { FormModal } from '../../../../ui/FormModal';
import { SignaturePad } from '../../../../ui/SignaturePad';
import { LocationPicker } from '../../../org';
import { useReturn } from '../../record-api';
import { dateItemProps } from '../list/form-helpers';
import { useToday } from './record-format';

interface ReturnValues {
  date: string;
  locationId: number | null;
  condition: string;
  signerName: string;
  signature: string | null;
  notes: string;
}

interface ReturnModalProps {
  asset: Asset;
  open: boolean;
  onClose: () => void;
}

export function ReturnModal({ asset, open, onClose }: ReturnModalProps) {
  const { t } = useTranslation();
  const today = useToday();
  const giveBack = useReturn(asset.id);
  const from = asset.holderName ?? asset.departmentName ?? '';

  return (
    <FormModal<ReturnValues>
      open={open}
      name="return"
      title={t('assets.handout.returnTitle', { number: asset.number, name: asset.name })}
      initialValues={{
        date: today,
        locationId: asset.locationId,
        condition: '',
        signerName: asset.holderName ?? '',
        signature: null,
        notes: '',
      }}
      onClose={onClose}
      onSubmit={(v) => giveBack.mutateAsync({ ...v, signerName: v.signerName.trim(), condition: v.condition.trim() })}
    >
      {() => (
        <>
          {from && <Form.Item label={t('assets.handout.returnFrom')}>{from}</Form.Item>}
          <Form.Item name="date" label={t('assets.handout.returnDate')} rules={[{ required: true }]} {...dateItemProps}>
            <DatePicker allowClear={false} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="locationId" label={t('assets.handout.returnLocation')} extra={t('assets.handout.returnLocationHint')}>
            <LocationPicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="condition" label={t('assets.handout.condition')} rules={[{ max: 200 }]}>
            <Input placeholder={t('assets.handout.conditionPlaceholder')} />
          </Form.Item>
          <Form.Item name="signerName" label={t('assets.handout.returnSigner')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="signature" label={t('assets.handout.signature')}>
            <SignaturePad
              placeholder={t('assets.handout.signHere')}
              clearText={t('assets.handout.clearSignature')}
              aria-label={t('assets.handout.signature')}
              data-testid="signature-pad"
            />
          </Form.Item>
          <Form.Item name="notes" label={t('assets.handout.notes')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
