import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSON_KINDS, STATUSES_BY_KIND, type Person, type PersonInput } from '@shared/contracts/org.js';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useCreatePerson, useUpdatePerson } from '../api';
import { DepartmentPicker } from './Pickers';

type Kind = Person['kind'];
interface PersonValues {
  name: string;
  number: string;
  kind: Kind;
  departmentId: number | null;
  position: string;
  phone: string;
  email: string;
  status: Person['status'];
  notes: string;
}

/** Status choices follow the kind: employees are 在职/离职, students 在读/毕业. */
function StatusField() {
  const { t } = useTranslation();
  const kind = Form.useWatch<Kind | undefined>('kind') ?? 'employee';
  return (
    <Form.Item name="status" label={t('fields.people.status')} rules={[{ required: true }]}>
      <Radio.Group optionType="button" options={STATUSES_BY_KIND[kind].map((s) => ({ value: s, label: t(`org.personStatus.${s}`) }))} />
    </Form.Item>
  );
}

interface PersonFormDrawerProps {
  editing: Person | 'new' | null;
  defaultDepartmentId?: number;
  onClose: () => void;
}

export function PersonFormDrawer({ editing, defaultDepartmentId, onClose }: PersonFormDrawerProps) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const current = editing !== 'new' ? editing : null;

  const initialValues: PersonValues = current
    ? { ...current, number: current.number ?? '' }
    : {
        name: '',
        number: '',
        kind: 'employee',
        departmentId: defaultDepartmentId ?? null,
        position: '',
        phone: '',
        email: '',
        status: 'active',
        notes: '',
      };

  const submit = (values: PersonValues) => {
    const input: PersonInput = { ...values, number: values.number.trim() || null };
    return current ? update.mutateAsync({ id: current.id, patch: input }) : create.mutateAsync(input);
  };

  return (
    <FormDrawer<PersonValues>
      open={editing !== null}
      name="person"
      title={current ? t('org.people.edit', { name: current.name }) : t('org.people.create')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => (
        <>
          <Form.Item name="name" label={t('fields.people.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="kind" label={t('fields.people.kind')}>
            <Radio.Group
              options={PERSON_KINDS.map((k) => ({ value: k, label: t(`org.personKind.${k}`) }))}
              // A status of the other kind is meaningless: start from that kind's first status.
              onChange={(e) => form.setFieldValue('status', STATUSES_BY_KIND[e.target.value as Kind][0])}
            />
          </Form.Item>
          <Form.Item name="number" label={t('fields.people.number')} extra={t('org.people.numberHint')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label={t('fields.people.department')}>
            <DepartmentPicker />
          </Form.Item>
          <Form.Item name="position" label={t('fields.people.position')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('fields.people.phone')}
            rules={[{ max: 40 }, { pattern: /^[0-9+\-() ]{3,40}$/, message: t('validation.invalid_phone') }]}
          >
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('fields.people.email')}
            rules={[{ max: 200 }, { type: 'email', message: t('validation.invalid_email') }]}
          >
            <Input inputMode="email" />
          </Form.Item>
          <StatusField />
          <Form.Item name="notes" label={t('fields.people.notes')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
