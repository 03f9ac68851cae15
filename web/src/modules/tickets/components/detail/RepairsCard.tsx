// 送修: devices sent to a vendor for repair (vendor, contact, RMA number, sent and returned dates,
// cost) and the form that records one or, later, its return. The server moves the device to
// 维修中 and back; costs are typed in yuan and kept in fen.
import { EditOutlined, PlusOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Repair, Ticket } from '@shared/contracts/tickets.js';
import { FormDrawer } from '../../../../ui/FormDrawer';
import { useAddRepair, useUpdateRepair } from '../../api';
import { fenToYuanText, formatYuan, yuanToFen } from '../../money';
import { useToday } from '../../time';
import { VendorPicker } from '../Pickers';

interface Values {
  vendorId: number | null;
  contact: string;
  phone: string;
  rmaNumber: string;
  assetId: number | null;
  sentDate: Dayjs;
  returnedDate: Dayjs | null;
  cost: string;
  notes: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export type RepairEditing = Repair | 'new' | null;

/** `editing` lives with the page: the action bar's 送修 opens the same form. */
export function RepairsCard({
  ticket,
  editing,
  setEditing,
}: {
  ticket: Ticket;
  editing: RepairEditing;
  setEditing: (e: RepairEditing) => void;
}) {
  const { t, i18n } = useTranslation();
  const assetName = (id: number | null) => ticket.assets.find((a) => a.id === id);

  if (ticket.repairs.length === 0 && !ticket.can.work) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <ToolOutlined /> {t('tickets.repair.title')}
        </span>
      }
      extra={
        // A closed ticket takes no new repair; a late return is still recorded on the existing one.
        ticket.can.work &&
        ticket.state !== 'closed' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="repair-add">
            {t('tickets.repair.add')}
          </Button>
        )
      }
      data-testid="repairs-card"
    >
      {ticket.repairs.length === 0 && <Typography.Text type="secondary">{t('tickets.repair.empty')}</Typography.Text>}
      <Flex vertical gap={12}>
        {ticket.repairs.map((r) => {
          const a = assetName(r.assetId);
          return (
            <div key={r.id} data-testid="repair-item">
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{r.vendorName ?? t('tickets.repair.noVendor')}</Typography.Text>
                <Flex gap={4} align="center">
                  {r.returnedDate ? (
                    <Tag color="green">{t('tickets.repair.returned')}</Tag>
                  ) : (
                    <Tag color="orange">{t('tickets.repair.out')}</Tag>
                  )}
                  {ticket.can.work && (
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="repair-edit">
                      {r.returnedDate ? t('common.edit') : t('tickets.repair.registerReturn')}
                    </Button>
                  )}
                </Flex>
              </Flex>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'c', label: t('tickets.repair.contact'), children: [r.contact, r.phone].filter(Boolean).join(' ') || '—' },
                  { key: 'r', label: t('tickets.repair.rma'), children: r.rmaNumber || '—' },
                  { key: 'a', label: t('tickets.fields.asset'), children: a ? `${a.number} · ${a.name}` : '—' },
                  {
                    key: 'd',
                    label: t('tickets.repair.dates'),
                    children: `${r.sentDate} → ${r.returnedDate ?? t('tickets.repair.notBack')}`,
                  },
                  { key: 'f', label: t('tickets.repair.cost'), children: formatYuan(r.costFen, i18n.language) },
                  ...(r.notes
                    ? [{ key: 'n', label: t('tickets.repair.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</span> }]
                    : []),
                ]}
              />
            </div>
          );
        })}
      </Flex>
      <RepairDrawer ticket={ticket} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function RepairDrawer({ ticket, editing, onClose }: { ticket: Ticket; editing: RepairEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddRepair(ticket.id);
  const update = useUpdateRepair(ticket.id);
  const r = editing && editing !== 'new' ? editing : null;
  // The organisation's today (the day the server counts in), not the browser's.
  const today = dayjs(useToday());

  const submit = async (v: Values) => {
    const body = {
      vendorId: v.vendorId ?? null,
      contact: v.contact,
      phone: v.phone,
      rmaNumber: v.rmaNumber,
      assetId: v.assetId ?? null,
      sentDate: day(v.sentDate)!,
      returnedDate: day(v.returnedDate),
      costFen: yuanToFen(v.cost),
      notes: v.notes,
    };
    if (r) await update.mutateAsync({ repairId: r.id, patch: body });
    else await add.mutateAsync(body);
  };

  return (
    <FormDrawer<Values>
      open={editing !== null}
      title={r ? t('tickets.repair.editTitle') : t('tickets.repair.addTitle')}
      name="repair"
      onClose={onClose}
      onSubmit={submit}
      initialValues={{
        vendorId: r?.vendorId ?? null,
        contact: r?.contact ?? '',
        phone: r?.phone ?? '',
        rmaNumber: r?.rmaNumber ?? '',
        assetId: r ? r.assetId : (ticket.assets[0]?.id ?? null),
        sentDate: r ? dayjs(r.sentDate) : today,
        returnedDate: r?.returnedDate ? dayjs(r.returnedDate) : r ? today : null,
        cost: r ? fenToYuanText(r.costFen) : '',
        notes: r?.notes ?? '',
      }}
    >
      {(form) => (
        <>
          <Form.Item name="vendorId" label={t('tickets.repair.vendor')}>
            <VendorPicker
              initialLabel={r?.vendorName}
              onPicked={(v) => {
                if (!form.getFieldValue('contact')) form.setFieldValue('contact', v.contact);
                if (!form.getFieldValue('phone')) form.setFieldValue('phone', v.phone);
              }}
            />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="contact" label={t('tickets.repair.contact')} style={{ flex: 1 }}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="phone" label={t('tickets.repair.phone')} style={{ flex: 1 }}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </Flex>
          <Form.Item name="rmaNumber" label={t('tickets.repair.rma')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="assetId" label={t('tickets.fields.asset')} extra={t('tickets.repair.assetHint')}>
            <Select<number>
              allowClear
              options={ticket.assets.map((a) => ({ value: a.id, label: `${a.number} · ${a.name}` }))}
              placeholder={ticket.assets.length ? t('tickets.repair.pickAsset') : t('tickets.repair.noAssets')}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="sentDate" label={t('tickets.repair.sentDate')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="returnedDate" label={t('tickets.repair.returnedDate')}>
              <DatePicker />
            </Form.Item>
          </Flex>
          <Form.Item
            name="cost"
            label={t('tickets.repair.costYuan')}
            rules={[
              {
                validator: (_, v: string) =>
                  Number.isNaN(yuanToFen(v ?? '')) ? Promise.reject(new Error(t('tickets.repair.badCost'))) : Promise.resolve(),
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="notes" label={t('tickets.repair.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
