// The resolution record (问题描述、分析原因、处理方案、处理结果、预防措施). For urgent/high and
// important tickets the last four are required: they are marked, and when the server refuses
// (tickets.record_required) its list of missing fields lands on those fields, keeping the text.
// The same form closes an unresolved ticket that needs the record.
import { Alert, Button, Drawer, Flex, Form, Grid, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES_NEEDING_RECORD, RESOLUTION_FIELDS, type Ticket } from '@shared/contracts/tickets.js';
import { ApiError } from '../../../../lib/api-client';
import { applyFieldErrors, errorText } from '../../../../lib/errors';
import { useTransition } from '../../api';

type Field = (typeof RESOLUTION_FIELDS)[number];
type Values = Record<Field, string>;

export function needsRecord(ticket: Pick<Ticket, 'priority' | 'important'>): boolean {
  return ticket.important || PRIORITIES_NEEDING_RECORD.includes(ticket.priority);
}

/** Fields the server named as missing: details carry 'resolution.cause', 'cause' or the names in params. */
function missingFields(err: ApiError): Field[] {
  const names = new Set<string>();
  for (const d of err.details) {
    if (d.field) names.add(d.field.split('.').pop()!);
    const listed = d.params?.fields;
    if (Array.isArray(listed)) for (const f of listed) if (typeof f === 'string') names.add(f);
  }
  return RESOLUTION_FIELDS.filter((f) => names.has(f));
}

interface ResolveDrawerProps {
  ticket: Ticket;
  open: boolean;
  /** resolved: the usual; closed: closing without a separate resolution step. */
  to: 'resolved' | 'closed';
  onClose: () => void;
}

export function ResolveDrawer({ ticket, open, to, onClose }: ResolveDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={to === 'resolved' ? t('tickets.resolve.title') : t('tickets.resolve.closeTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ResolveForm ticket={ticket} to={to} onClose={onClose} />
    </Drawer>
  );
}

function ResolveForm({ ticket, to, onClose }: Omit<ResolveDrawerProps, 'open'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const transition = useTransition(ticket.id);
  const [error, setError] = useState<unknown>(null);
  const strict = needsRecord(ticket);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await transition.mutateAsync({ to, resolution: v });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'tickets.record_required') {
        const missing = missingFields(err);
        form.setFields(missing.map((name) => ({ name, errors: [t('tickets.resolve.requiredHere')] })));
        if (missing.length === 0) setError(err);
        else form.scrollToField(missing[0]!, { block: 'center' });
      } else if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="resolve"
      layout="vertical"
      onFinish={submit}
      initialValues={{ ...ticket.record, problem: ticket.record.problem || ticket.description }}
      data-testid="resolve-form"
    >
      <Alert
        type={strict ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={strict ? t('tickets.resolve.strictHint') : t('tickets.resolve.hint')}
      />
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
      {RESOLUTION_FIELDS.map((f) => (
        <Form.Item
          key={f}
          name={f}
          label={t(`tickets.record.${f}`)}
          required={strict && f !== 'problem'}
          extra={t(`tickets.record.hint.${f}`)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} data-testid={`record-${f}`} />
        </Form.Item>
      ))}
      <Typography.Paragraph type="secondary">{t('tickets.resolve.afterHint')}</Typography.Paragraph>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={transition.isPending} data-testid="resolve-submit">
          {to === 'resolved' ? t('tickets.actions.resolve') : t('tickets.actions.close')}
        </Button>
      </Flex>
    </Form>
  );
}
