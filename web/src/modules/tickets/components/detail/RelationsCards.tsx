// What a ticket is connected to: the devices (links to their pages) and other tickets (duplicate
// of, caused by, related), with the dialogs that change them.
import { DeleteOutlined, DesktopOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TICKET_LINK_KINDS, type Ticket } from '@shared/contracts/tickets.js';
import { errorText } from '../../../../lib/errors';
import { useCan } from '../../../../lib/session';
import { useAddLink, useRemoveLink, useSetTicketAssets, type LinkInput } from '../../api';
import { AssetsSelect, TicketPicker } from '../Pickers';
import { StateTag } from '../TicketTags';
import { testId } from '../../../../ui/test-id';

export function AssetsCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const ledger = can('assets:read');
  if (ticket.assets.length === 0 && !ticket.can.work) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <DesktopOutlined /> {t('tickets.fields.assets')}
        </span>
      }
      extra={
        ticket.can.work &&
        ledger && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="assets-edit">
            {t('tickets.assets.change')}
          </Button>
        )
      }
      data-testid="assets-card"
    >
      {ticket.assets.length === 0 && <Typography.Text type="secondary">{t('tickets.assets.empty')}</Typography.Text>}
      <Flex vertical gap={6}>
        {ticket.assets.map((a) => (
          <Flex key={a.id} justify="space-between" align="center" gap={8}>
            {/* The full record needs the ledger; anyone may open the label's card. */}
            <Link to={ledger ? `/assets/${a.id}` : `/a/${encodeURIComponent(a.number)}`} data-testid="ticket-asset">
              <span style={{ fontFamily: 'monospace' }}>{a.number}</span> {a.name}
            </Link>
            <Tag>{t(`assets.status.${a.status}`, { defaultValue: a.status })}</Tag>
          </Flex>
        ))}
      </Flex>
      {editing && <AssetsModal ticket={ticket} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function AssetsModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetTicketAssets(ticket.id);
  const [ids, setIds] = useState(ticket.assets.map((a) => a.id));
  return (
    <Modal
      open
      title={t('tickets.assets.change')}
      onOk={() => save.mutate(ids, { onSuccess: onClose })}
      okButtonProps={{ loading: save.isPending, ...testId('assets-save') }}
      onCancel={onClose}
    >
      {save.error && <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 12 }} />}
      <AssetsSelect value={ids} onChange={setIds} initial={ticket.assets} />
    </Modal>
  );
}

export function LinksCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const remove = useRemoveLink(ticket.id);
  const [adding, setAdding] = useState(false);
  if (ticket.links.length === 0 && !ticket.can.work) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <LinkOutlined /> {t('tickets.links.title')}
        </span>
      }
      extra={
        ticket.can.work && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="link-add">
            {t('tickets.links.add')}
          </Button>
        )
      }
      data-testid="links-card"
    >
      {remove.error && <Alert type="error" showIcon title={errorText(t, remove.error)} style={{ marginBottom: 8 }} />}
      {ticket.links.length === 0 && <Typography.Text type="secondary">{t('tickets.links.empty')}</Typography.Text>}
      <Flex vertical gap={10}>
        {ticket.links.map((l) => (
          <Flex
            key={`${l.direction}-${l.kind}-${l.ticket.id}`}
            justify="space-between"
            align="flex-start"
            gap={8}
            data-testid="ticket-link-item"
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`tickets.links.${l.direction}.${l.kind}`)}
              </Typography.Text>
              <span>
                <Link to={`/tickets/${l.ticket.id}`} style={{ fontFamily: 'monospace' }}>
                  {l.ticket.number}
                </Link>{' '}
                <StateTag state={l.ticket.state} />
              </span>
              <Typography.Text ellipsis>{l.ticket.title}</Typography.Text>
            </Flex>
            {ticket.can.work && l.direction === 'out' && (
              <Popconfirm
                title={t('tickets.links.removeConfirm')}
                onConfirm={() => remove.mutateAsync({ ticketId: l.ticket.id, kind: l.kind })}
              >
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            )}
          </Flex>
        ))}
      </Flex>
      {adding && <LinkModal ticket={ticket} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function LinkModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddLink(ticket.id);
  const [form] = Form.useForm<LinkInput>();
  return (
    <Modal
      open
      title={t('tickets.links.add')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, ...testId('link-save') }}
      onCancel={onClose}
    >
      <Form<LinkInput>
        form={form}
        layout="vertical"
        name="link"
        initialValues={{ kind: 'related' }}
        onFinish={(v) => add.mutate(v, { onSuccess: onClose })}
      >
        {add.error && <Alert type="error" showIcon title={errorText(t, add.error)} style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label={t('tickets.links.kind')}>
          <Select options={TICKET_LINK_KINDS.map((k) => ({ value: k, label: t(`tickets.links.out.${k}`) }))} />
        </Form.Item>
        <Form.Item name="ticketId" label={t('tickets.links.other')} rules={[{ required: true, message: t('validation.required') }]}>
          <TicketPicker excludeId={ticket.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
