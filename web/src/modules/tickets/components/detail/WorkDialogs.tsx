// Two small technician dialogs: assigning the ticket, and editing its fields (title, text,
// category, priority, importance, place, phone). A priority change moves the service targets.
import { Alert, Form, Input, Modal, Radio, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type Ticket, type TicketPriority } from '@shared/contracts/tickets.js';
import { errorText } from '../../../../lib/errors';
import { useCan } from '../../../../lib/session';
import { FormDrawer } from '../../../../ui/FormDrawer';
import { LocationPicker } from '../../../org';
import { useAssign, useUpdateTicket } from '../../api';
import { CategorySelect, TechnicianPicker } from '../Pickers';
import { testId } from '../../../../ui/test-id';

export function AssignModal({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const assign = useAssign(ticket.id);
  const [userId, setUserId] = useState<number | null>(ticket.assignee?.id ?? null);
  return (
    <Modal
      open={open}
      title={t('tickets.actions.assign')}
      onOk={() => assign.mutate({ assigneeUserId: userId }, { onSuccess: onClose })}
      okButtonProps={{ loading: assign.isPending, ...testId('assign-ok') }}
      onCancel={onClose}
      destroyOnHidden
    >
      {assign.error && <Alert type="error" showIcon title={errorText(t, assign.error)} style={{ marginBottom: 12 }} />}
      <TechnicianPicker value={userId} onChange={setUserId} initialLabel={ticket.assignee?.name} style={{ width: '100%' }} />
    </Modal>
  );
}

interface EditValues {
  title: string;
  description: string;
  category: string;
  priority: TicketPriority;
  important: boolean;
  locationId: number | null;
  place: string;
  contactPhone: string;
}

export function EditDrawer({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const update = useUpdateTicket(ticket.id);
  return (
    <FormDrawer<EditValues>
      open={open}
      title={t('tickets.edit.title', { number: ticket.number })}
      name="ticketEdit"
      onClose={onClose}
      onSubmit={(v) => update.mutateAsync({ ...v, locationId: v.locationId ?? null })}
      initialValues={{
        title: ticket.title,
        description: ticket.description,
        category: ticket.category,
        priority: ticket.priority,
        important: ticket.important,
        locationId: ticket.locationId,
        place: ticket.place,
        contactPhone: ticket.contactPhone,
      }}
    >
      {() => (
        <>
          <Form.Item
            name="title"
            label={t('tickets.fields.title')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="description" label={t('tickets.fields.description')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10_000} />
          </Form.Item>
          <Form.Item name="category" label={t('tickets.fields.category')}>
            <CategorySelect />
          </Form.Item>
          <Form.Item name="priority" label={t('tickets.fields.priority')} extra={t('tickets.edit.priorityHint')}>
            <Radio.Group optionType="button" options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
          </Form.Item>
          <Form.Item
            name="important"
            label={t('tickets.fields.important')}
            valuePropName="checked"
            extra={t('tickets.create.importantHint')}
          >
            <Switch />
          </Form.Item>
          {can('org:read') && (
            <Form.Item name="locationId" label={t('tickets.fields.location')}>
              <LocationPicker />
            </Form.Item>
          )}
          <Form.Item name="place" label={t('tickets.fields.place')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('tickets.fields.contactPhone')}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
