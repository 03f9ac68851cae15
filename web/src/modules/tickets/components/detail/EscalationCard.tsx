// 上报领导: a ticket that needs a leader's decision names the leader and why; the named leader
// writes the decision here (they see the ticket in their 待领导决定 list).
import { RiseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/contracts/tickets.js';
import { applyFieldErrors, errorText } from '../../../../lib/errors';
import { useFormat } from '../../../../lib/format';
import { useDecide, useEscalate } from '../../api';
import { LeaderPicker } from '../Pickers';
import { testId } from '../../../../ui/test-id';

export function EscalationCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const e = ticket.escalation;
  if (!e) return null;
  const pending = e.decision === null;
  return (
    <Card
      size="small"
      title={
        <span>
          <RiseOutlined /> {t('tickets.escalation.title')}
        </span>
      }
      extra={
        pending ? <Tag color="magenta">{t('tickets.escalation.pending')}</Tag> : <Tag color="green">{t('tickets.escalation.decided')}</Tag>
      }
      data-testid="escalation-card"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'l', label: t('tickets.escalation.leader'), children: e.leader?.name ?? '—' },
          { key: 'a', label: t('tickets.escalation.at'), children: fmt.dateTime(e.at) },
          { key: 'r', label: t('tickets.escalation.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</span> },
          ...(e.decision !== null
            ? [
                {
                  key: 'd',
                  label: t('tickets.escalation.decision'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{e.decision}</span>,
                },
                { key: 'da', label: t('tickets.escalation.decidedAt'), children: fmt.dateTime(e.decidedAt) },
              ]
            : []),
        ]}
      />
      {pending && ticket.can.decide && <DecisionBox ticket={ticket} />}
    </Card>
  );
}

function DecisionBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const decide = useDecide(ticket.id);
  const [text, setText] = useState('');
  return (
    <div style={{ marginTop: 12 }} data-testid="decision-box">
      <Typography.Text strong>{t('tickets.escalation.yourDecision')}</Typography.Text>
      <Input.TextArea
        value={text}
        onChange={(ev) => setText(ev.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        style={{ marginTop: 4 }}
        data-testid="decision-text"
      />
      {decide.error && <Alert type="error" showIcon title={errorText(t, decide.error)} style={{ marginTop: 8 }} />}
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={text.trim() === ''}
        loading={decide.isPending}
        onClick={() => decide.mutate({ decision: text }, { onSuccess: () => setText('') })}
        data-testid="decision-submit"
      >
        {t('tickets.escalation.submitDecision')}
      </Button>
    </div>
  );
}

interface EscalateValues {
  leaderUserId: number;
  reason: string;
}

export function EscalateModal({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EscalateValues>();
  const escalate = useEscalate(ticket.id);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: EscalateValues) => {
    setError(null);
    try {
      await escalate.mutateAsync(v);
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t('tickets.escalation.escalate')}
      okText={t('tickets.escalation.send')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: escalate.isPending, ...testId('escalate-ok') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EscalateValues> form={form} name="escalate" layout="vertical" onFinish={submit} preserve={false}>
        <Typography.Paragraph type="secondary">{t('tickets.escalation.hint')}</Typography.Paragraph>
        {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="leaderUserId"
          label={t('tickets.escalation.leader')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <LeaderPicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('tickets.escalation.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="escalate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
