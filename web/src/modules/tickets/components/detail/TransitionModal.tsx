// Changing a ticket's state: the targets TICKET_TRANSITIONS allows from here (resolving has its
// own form). Waiting needs what it waits for; reopening and closing without a resolution ask why.
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_TRANSITIONS, WAITING_FOR, type Ticket, type TicketState } from '@shared/contracts/tickets.js';
import { applyFieldErrors, errorText } from '../../../../lib/errors';
import { useTransition } from '../../api';
import { testId } from '../../../../ui/test-id';

type Waiting = (typeof WAITING_FOR)[number];
interface Values {
  to: TicketState;
  waitingFor?: Waiting;
  reason: string;
}

/** States a technician may move to from here through this dialog. */
export function dialogTargets(state: TicketState): TicketState[] {
  return TICKET_TRANSITIONS[state].filter((s) => s !== 'resolved');
}

interface TransitionModalProps {
  ticket: Ticket;
  /** null = closed; a state = open with it chosen. */
  initial: TicketState | null;
  /** Only these targets (a reporter's reopen); default: every target from here. */
  only?: TicketState[];
  onClose: () => void;
}

export function TransitionModal({ ticket, initial, only, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const transition = useTransition(ticket.id);
  const [error, setError] = useState<unknown>(null);
  const to = Form.useWatch('to', form) ?? initial;
  const targets = only ?? dialogTargets(ticket.state);
  const reopening = to === 'in_progress' && (ticket.state === 'resolved' || ticket.state === 'closed');
  const reasonRequired = reopening;

  const submit = async (v: Values) => {
    setError(null);
    try {
      await transition.mutateAsync({ to: v.to, reason: v.reason ?? '', waitingFor: v.to === 'waiting' ? v.waitingFor : undefined });
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };

  return (
    <Modal
      open={initial !== null}
      title={reopening && only ? t('tickets.actions.reopen') : t('tickets.transition.title')}
      okText={t('tickets.transition.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: transition.isPending, ...testId('transition-ok') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="transition"
        layout="vertical"
        onFinish={submit}
        initialValues={{ to: initial ?? undefined, reason: '' }}
      >
        {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
        {targets.length > 1 && (
          <Form.Item name="to" label={t('tickets.transition.to')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group
              optionType="button"
              options={targets.map((s) => ({ value: s, label: t(`tickets.state.${s}`) }))}
              data-testid="transition-to"
            />
          </Form.Item>
        )}
        {targets.length <= 1 && (
          <Form.Item name="to" hidden>
            <Input />
          </Form.Item>
        )}
        {to === 'waiting' && (
          <Form.Item
            name="waitingFor"
            label={t('tickets.fields.waitingFor')}
            rules={[{ required: true, message: t('tickets.transition.waitingRequired') }]}
          >
            <Radio.Group
              options={WAITING_FOR.map((w) => ({ value: w, label: t(`tickets.waitingFor.${w}`) }))}
              data-testid="transition-waiting"
            />
          </Form.Item>
        )}
        {to === 'closed' && ticket.state !== 'resolved' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('tickets.transition.closeUnresolvedHint')} />
        )}
        <Form.Item
          name="reason"
          label={reopening ? t('tickets.transition.reopenReason') : t('tickets.transition.reason')}
          rules={reasonRequired ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="transition-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
