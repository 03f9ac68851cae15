// Hand out (领用) or lend (借出) an asset: to a person or a department, with where it goes, when,
// the expected return for a loan, and the recipient's signature drawn on screen. The signer's
// name and the department follow the chosen person unless the user typed their own.
import { DatePicker, Form, Input, Radio, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, Assignment } from '@shared/contracts/assets.js';
import { FormModal } from '../../../../ui/FormModal';
import { SignaturePad } from '../../../../ui/SignaturePad';
import { DepartmentPicker, LocationPicker, PersonPicker } from '../../../org';
import { useHandout, usePersonBrief } from '../../record-api';
import { dateItemProps } from '../list/form-helpers';
import { useToday } from './record-format';

interface HandoutValues {
  loan: boolean;
  personId: number | null;
  departmentId: number | null;
  locationId: number | null;
  date: string;
  expectedReturn: string | null;
  signerName: string;
  signature: string | null;
  notes: string;
}

interface HandoutModalProps {
  asset: Asset;
  open: boolean;
  /** Which kinds the asset's status allows; the first allowed one is chosen. */
  choices: { handout: boolean; loan: boolean };
  onClose: () => void;
  onDone: (assignment: Assignment) => void;
}

export function HandoutModal({ asset, open, choices, onClose, onDone }: HandoutModalProps) {
  const { t } = useTranslation();
  const today = useToday();
  const handout = useHandout(asset.id);

  const submit = async (v: HandoutValues) => {
    const record = await handout.mutateAsync({
      ...v,
      expectedReturn: v.loan ? v.expectedReturn : null,
      signerName: v.signerName.trim(),
    });
    onDone(record);
  };

  return (
    <FormModal<HandoutValues>
      open={open}
      name="handout"
      title={t('assets.handout.title', { number: asset.number, name: asset.name })}
      initialValues={{
        loan: !choices.handout,
        personId: null,
        departmentId: null,
        locationId: asset.locationId,
        date: today,
        expectedReturn: null,
        signerName: '',
        signature: null,
        notes: '',
      }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => <HandoutFields form={form} choices={choices} />}
    </FormModal>
  );
}

interface HandoutFieldsProps {
  form: FormInstance<HandoutValues>;
  choices: HandoutModalProps['choices'];
}

function HandoutFields({ form, choices }: HandoutFieldsProps) {
  const { t } = useTranslation();
  const isLoan = Form.useWatch('loan', form);
  const personId = Form.useWatch('personId', form);
  const person = usePersonBrief(personId);
  // What we filled in last; a value different from it was typed by the user and is kept.
  const filled = useRef({ signerName: '', departmentId: null as number | null });

  useEffect(() => {
    const p = person.data;
    if (!p || p.id !== personId) return;
    const signer = form.getFieldValue('signerName') as string;
    if (!signer || signer === filled.current.signerName) {
      form.setFieldValue('signerName', p.name);
      filled.current.signerName = p.name;
    }
    const dept = form.getFieldValue('departmentId') as number | null;
    if (p.departmentId !== null && (dept === null || dept === filled.current.departmentId)) {
      form.setFieldValue('departmentId', p.departmentId);
      filled.current.departmentId = p.departmentId;
    }
  }, [person.data, personId, form]);

  const recipientRule = {
    validator: () =>
      form.getFieldValue('personId') || form.getFieldValue('departmentId')
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.recipient_required'))),
  };

  return (
    <>
      <Form.Item name="loan" style={{ marginTop: 12 }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: false, label: t('assets.handout.kindHandout'), disabled: !choices.handout },
            { value: true, label: t('assets.handout.kindLoan'), disabled: !choices.loan },
          ]}
          data-testid="handout-kind"
        />
      </Form.Item>
      <Form.Item name="personId" label={t('assets.handout.person')} rules={[recipientRule]} dependencies={['departmentId']}>
        <PersonPicker />
      </Form.Item>
      <Form.Item name="departmentId" label={t('assets.handout.department')} extra={t('assets.handout.departmentHint')}>
        <DepartmentPicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="locationId" label={t('assets.handout.location')}>
        <LocationPicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="date" label={t('assets.handout.date')} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker allowClear={false} style={{ width: 220 }} />
      </Form.Item>
      {isLoan && (
        <Form.Item
          name="expectedReturn"
          label={t('assets.handout.expectedReturn')}
          {...dateItemProps}
          rules={[
            {
              validator: (_, v: string | null) =>
                !v || v >= (form.getFieldValue('date') as string)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('assets.handout.returnBeforeDate'))),
            },
          ]}
        >
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
      )}
      <Form.Item name="signerName" label={t('assets.handout.signerName')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="signature" label={t('assets.handout.signature')} extra={t('assets.handout.signatureHint')}>
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
  );
}
