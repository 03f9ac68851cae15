// 新建工单: a technician registers a fault on someone's behalf (a phone call, someone at the desk)
// or records a 临时任务 a leader handed out. Opens the new ticket once saved.
import { Form, Input, Radio, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TICKET_PRIORITIES, type TicketKind, type TicketPriority } from '@shared/contracts/tickets.js';
import { useCan } from '../../../../lib/session';
import { FormDrawer } from '../../../../ui/FormDrawer';
import { LocationPicker, PersonPicker } from '../../../org';
import { useCreateTicket } from '../../api';
import { AssetsSelect, CategorySelect, TechnicianPicker } from '../Pickers';

/** Sources a technician registers from (self and scan are the reporter's own). */
const ON_BEHALF = ['phone', 'walk_in', 'email', 'other'] as const;

interface Values {
  kind: TicketKind;
  title: string;
  description: string;
  category: string;
  priority: TicketPriority;
  important: boolean;
  reporterPersonId: number | null;
  source: (typeof ON_BEHALF)[number];
  contactPhone: string;
  locationId: number | null;
  place: string;
  assetIds: number[];
  assigneeUserId: number | null;
}

export function CreateTicketDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();

  const submit = async (v: Values) => {
    const created = await create.mutateAsync({
      ...v,
      reporterPersonId: v.reporterPersonId ?? null,
      locationId: v.locationId ?? null,
      assigneeUserId: v.assigneeUserId ?? null,
    });
    void navigate(`/tickets/${created.id}`);
  };

  return (
    <FormDrawer<Values>
      open={open}
      title={t('tickets.create.title')}
      name="ticket"
      onClose={onClose}
      onSubmit={submit}
      submitText={t('tickets.create.submit')}
      initialValues={{
        kind: 'fault',
        priority: 'normal',
        important: false,
        source: 'phone',
        category: '',
        description: '',
        place: '',
        contactPhone: '',
        assetIds: [],
        reporterPersonId: null,
        locationId: null,
        assigneeUserId: null,
      }}
    >
      {(form) => <CreateFields form={form} />}
    </FormDrawer>
  );
}

function CreateFields({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const can = useCan();
  const task = Form.useWatch('kind', form) === 'task';
  return (
    <>
      <Form.Item name="kind" label={t('tickets.fields.kind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'fault', label: t('tickets.kind.fault') },
            { value: 'task', label: t('tickets.kind.task') },
          ]}
          data-testid="create-kind"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('tickets.fields.title')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="description" label={t('tickets.fields.description')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item
        name="reporterPersonId"
        label={task ? t('tickets.create.requestedBy') : t('tickets.fields.reporter')}
        extra={task ? undefined : t('tickets.create.reporterHint')}
      >
        <PersonPicker />
      </Form.Item>
      <Form.Item name="source" label={t('tickets.fields.source')}>
        <Select options={ON_BEHALF.map((s) => ({ value: s, label: t(`tickets.source.${s}`) }))} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('tickets.fields.contactPhone')}>
        <Input maxLength={40} inputMode="tel" />
      </Form.Item>
      <Form.Item name="category" label={t('tickets.fields.category')}>
        <CategorySelect />
      </Form.Item>
      <Form.Item name="priority" label={t('tickets.fields.priority')}>
        <Radio.Group optionType="button" options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
      </Form.Item>
      <Form.Item name="important" label={t('tickets.fields.important')} valuePropName="checked" extra={t('tickets.create.importantHint')}>
        <Switch />
      </Form.Item>
      <Form.Item name="locationId" label={t('tickets.fields.location')}>
        <LocationPicker />
      </Form.Item>
      <Form.Item name="place" label={t('tickets.fields.place')}>
        <Input maxLength={120} />
      </Form.Item>
      {can('assets:read') && (
        <Form.Item name="assetIds" label={t('tickets.fields.assets')}>
          <AssetsSelect />
        </Form.Item>
      )}
      <Form.Item name="assigneeUserId" label={t('tickets.fields.assignee')}>
        <TechnicianPicker />
      </Form.Item>
    </>
  );
}
