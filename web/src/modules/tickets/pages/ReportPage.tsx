// 报修: the fault report anyone signed in fills in, built for a phone first. What is wrong, where,
// which device (their own, or a scanned label; /tickets/report?asset=<number> arrives with it),
// how urgent, photos, a phone number. FAQ suggestions appear while they type. After sending, the
// ticket number and a link; after an error, everything typed is still there.
import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Grid, Input, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { TICKET_PRIORITIES, type Ticket, type TicketPriority } from '@shared/contracts/tickets.js';
import type { assetCard } from '@shared/contracts/assets.js';
import { ApiError } from '../../../lib/api-client';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LocationPicker } from '../../org';
import { useCreateTicket } from '../api';
import { CategorySelect } from '../components/Pickers';
import { DeviceChooser, type DeviceOption } from '../components/report/DeviceChooser';
import { PhotoUploader, usePhotoUploads } from '../components/report/PhotoUploader';
import { PlacePicker } from '../components/report/PlacePicker';
import { Suggestions } from '../components/report/Suggestions';
import { fetchAssetCard, useAssetCardByNumber } from '../lookups-api';

type Card = z.infer<typeof assetCard>;

interface Values {
  title: string;
  description: string;
  category: string;
  locationId: number | null;
  place: string;
  assetIds: number[];
  priority: TicketPriority;
  contactPhone: string;
}

const PAGE = { maxWidth: 640, margin: '0 auto' } as const;

const toOption = (c: Card): DeviceOption => ({ id: c.id, number: c.number, name: c.name, detail: c.locationName });

export default function ReportPage() {
  const [params] = useSearchParams();
  const number = params.get('asset')?.trim() || undefined;
  const prefill = useAssetCardByNumber(number);
  const [done, setDone] = useState<Ticket | null>(null);
  const [round, setRound] = useState(0);

  if (done) {
    const another = () => {
      setDone(null);
      setRound(round + 1);
    };
    return <Submitted ticket={done} onAnother={another} />;
  }
  // The form's first values depend on the scanned device: wait for it (a failed lookup just says so).
  if (number && prefill.isLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  return <ReportForm key={round} number={number} card={prefill.data} cardError={prefill.error} onDone={setDone} />;
}

interface ReportFormProps {
  number?: string;
  card?: Card;
  cardError: unknown;
  onDone: (t: Ticket) => void;
}

function ReportForm({ number, card, cardError, onDone }: ReportFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const create = useCreateTicket();
  const photos = usePhotoUploads();
  const [error, setError] = useState<unknown>(null);
  const [scanning, setScanning] = useState(false);
  const technician = can('tickets:write');
  // Staff may report only on devices they hold; another device is named in the text instead.
  const usable = (c: Card) => c.mine || technician;
  const [extra, setExtra] = useState<DeviceOption[]>(card && usable(card) ? [toOption(card)] : []);
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const priority = Form.useWatch('priority', form) ?? 'normal';

  const noteDevice = (c: Card) => {
    const line = t('tickets.report.deviceLine', { number: c.number, name: c.name });
    const text = form.getFieldValue('description') as string;
    if (!text.includes(line)) form.setFieldValue('description', text ? `${line}\n${text}` : line);
    if (!form.getFieldValue('place') && c.locationName) form.setFieldValue('place', c.locationName);
  };

  const onScan = async (scanned: string) => {
    setScanning(true);
    try {
      const c = await fetchAssetCard(scanned);
      if (usable(c)) {
        setExtra((list) => [toOption(c), ...list.filter((x) => x.id !== c.id)]);
        const ids = (form.getFieldValue('assetIds') as number[]) ?? [];
        if (!ids.includes(c.id)) form.setFieldValue('assetIds', [...ids, c.id]);
      } else {
        noteDevice(c);
        void message.info(t('tickets.report.notYoursNoted', { number: c.number }));
      }
    } catch (err) {
      const notFound = err instanceof ApiError && (err.status === 404 || err.status === 400);
      void message.error(notFound ? t('tickets.report.labelNotFound', { number: scanned }) : errorText(t, err));
    } finally {
      setScanning(false);
    }
  };

  const initial: Values = {
    title: '',
    description: card && !usable(card) ? t('tickets.report.deviceLine', { number: card.number, name: card.name }) : '',
    category: '',
    locationId: null,
    place: card && !usable(card) ? (card.locationName ?? '') : '',
    assetIds: card && usable(card) ? [card.id] : [],
    priority: 'normal',
    contactPhone: '',
  };

  const submit = async (v: Values) => {
    setError(null);
    try {
      const created = await create.mutateAsync({
        ...v,
        locationId: v.locationId ?? null,
        attachmentIds: photos.ids,
        source: number ? 'scan' : 'self',
      });
      onDone(created);
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    }
  };

  return (
    <div style={PAGE}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('tickets.report.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tickets.report.intro')}</Typography.Paragraph>
      {number && cardError != null && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('tickets.report.labelNotFound', { number })} />
      )}
      {card && !usable(card) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('tickets.report.notYoursNoted', { number: card.number })} />
      )}
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        name="report"
        layout="vertical"
        size={phone ? 'large' : 'middle'}
        initialValues={initial}
        onFinish={submit}
        scrollToFirstError={{ block: 'center' }}
        data-testid="report-form"
      >
        <Card size="small" title={t('tickets.report.what')} style={{ marginBottom: 12 }}>
          <Form.Item
            name="title"
            label={t('tickets.fields.title')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={120} placeholder={t('tickets.report.titlePlaceholder')} />
          </Form.Item>
          <Form.Item name="description" label={t('tickets.fields.description')}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={10_000}
              placeholder={t('tickets.report.descriptionPlaceholder')}
            />
          </Form.Item>
          <Suggestions text={`${title}\n${description}`} />
          <Form.Item name="category" label={t('tickets.fields.category')} style={{ marginTop: 12, marginBottom: 0 }}>
            <CategorySelect placeholder={t('tickets.report.categoryPlaceholder')} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('tickets.report.where')} style={{ marginBottom: 12 }}>
          {/* Those who read the organisation pick from its tree; anyone else searches the places. */}
          <Form.Item name="locationId" label={t('tickets.fields.location')}>
            {can('org:read') ? <LocationPicker /> : <PlacePicker />}
          </Form.Item>
          <Form.Item name="place" label={t('tickets.fields.place')} style={{ marginBottom: 0 }}>
            <Input maxLength={120} placeholder={t('tickets.report.placePlaceholder')} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('tickets.report.device')} style={{ marginBottom: 12 }}>
          <Form.Item name="assetIds" style={{ marginBottom: 0 }}>
            <DeviceChooser extra={extra} onScan={(n) => void onScan(n)} scanning={scanning} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('tickets.report.urgency')} style={{ marginBottom: 12 }}>
          <Form.Item name="priority" style={{ marginBottom: 4 }}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
              data-testid="report-priority"
            />
          </Form.Item>
          <Typography.Text type="secondary">{t(`tickets.report.priorityHint.${priority}`)}</Typography.Text>
        </Card>

        <Card size="small" title={t('tickets.report.photos')} style={{ marginBottom: 12 }}>
          <PhotoUploader uploads={photos} />
        </Card>

        <Card size="small" title={t('tickets.report.contact')} style={{ marginBottom: 16 }}>
          <Form.Item name="contactPhone" label={t('tickets.fields.contactPhone')} style={{ marginBottom: 0 }}>
            <Input maxLength={40} inputMode="tel" autoComplete="tel" placeholder={t('tickets.report.phonePlaceholder')} />
          </Form.Item>
        </Card>

        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={create.isPending}
          disabled={photos.busy}
          data-testid="report-submit"
        >
          {photos.busy ? t('tickets.photos.waiting') : t('tickets.report.submit')}
        </Button>
      </Form>
    </div>
  );
}

function Submitted({ ticket, onAnother }: { ticket: Ticket; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={PAGE}>
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={t('tickets.report.doneTitle')}
        subTitle={
          <Flex vertical gap={4} align="center">
            <span>{t('tickets.report.doneNumber')}</span>
            <Typography.Text strong copyable style={{ fontSize: 20, fontFamily: 'monospace' }} data-testid="report-number">
              {ticket.number}
            </Typography.Text>
            <span>{t('tickets.report.doneHint')}</span>
          </Flex>
        }
        extra={
          <Flex vertical gap={8} style={{ maxWidth: 320, margin: '0 auto' }}>
            <Link to={`/tickets/${ticket.id}`}>
              <Button type="primary" size="large" block data-testid="report-open">
                {t('tickets.report.open')}
              </Button>
            </Link>
            <Link to="/tickets/mine">
              <Button size="large" block>
                {t('tickets.nav.mine')}
              </Button>
            </Link>
            <Button size="large" type="link" onClick={onAnother} data-testid="report-another">
              {t('tickets.report.another')}
            </Button>
          </Flex>
        }
        data-testid="report-done"
      />
    </div>
  );
}
