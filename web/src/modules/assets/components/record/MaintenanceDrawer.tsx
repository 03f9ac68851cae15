// Record (or correct) a maintenance visit: what was done, by whom, at what cost, and when the
// next one is due. Upgrades and part replacements also say what changed (内存 8G → 16G), which
// is what the upgrade history shows.
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAINTENANCE_KINDS, type Maintenance } from '@shared/contracts/assets.js';
import { FormDrawer } from '../../../../ui/FormDrawer';
import { useSaveMaintenance } from '../../record-api';
import { dateItemProps } from '../list/form-helpers';
import { fenToYuanText, yuanToFen } from '../list/money';
import { useToday } from './record-format';

type Kind = Maintenance['kind'];
interface MaintenanceValues {
  date: string;
  kind: Kind;
  description: string;
  upgradeItem: string;
  upgradeFrom: string;
  upgradeTo: string;
  parts: string;
  /** Yuan as typed ('350.00'). */
  cost: string | null;
  performer: string;
  vendor: string;
  result: string;
  nextDue: string | null;
}

/** Kinds whose records say what changed from what to what. */
export const CHANGE_KINDS: readonly Kind[] = ['upgrade', 'part_replacement'];

interface MaintenanceDrawerProps {
  assetId: number;
  /** A record to edit, 'new', or null when closed. */
  editing: Maintenance | 'new' | null;
  onClose: () => void;
}

export function MaintenanceDrawer({ assetId, editing, onClose }: MaintenanceDrawerProps) {
  const { t } = useTranslation();
  const today = useToday();
  const save = useSaveMaintenance(assetId);
  const current = editing !== 'new' ? editing : null;

  const initialValues: MaintenanceValues = current
    ? { ...current, cost: current.costFen === null ? null : fenToYuanText(current.costFen) }
    : {
        date: today,
        kind: 'repair',
        description: '',
        upgradeItem: '',
        upgradeFrom: '',
        upgradeTo: '',
        parts: '',
        cost: null,
        performer: '',
        vendor: '',
        result: '',
        nextDue: null,
      };

  const submit = ({ cost, ...v }: MaintenanceValues) => {
    const changes = CHANGE_KINDS.includes(v.kind);
    return save.mutateAsync({
      id: current?.id ?? null,
      body: {
        ...v,
        costFen: yuanToFen(cost),
        upgradeItem: changes ? v.upgradeItem : '',
        upgradeFrom: changes ? v.upgradeFrom : '',
        upgradeTo: changes ? v.upgradeTo : '',
      },
    });
  };

  return (
    <FormDrawer<MaintenanceValues>
      open={editing !== null}
      name="maintenance"
      title={current ? t('assets.maintenance.editTitle') : t('assets.maintenance.createTitle')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {() => <MaintenanceFields />}
    </FormDrawer>
  );
}

function MaintenanceFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch<Kind | undefined>('kind');
  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };
  return (
    <>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="date" label={t('assets.maintenance.date')} rules={[{ required: true }]} {...dateItemProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="kind" label={t('assets.maintenance.kindLabel')} rules={[{ required: true }]}>
            <Select
              options={MAINTENANCE_KINDS.map((k) => ({ value: k, label: t(`assets.maintenance.kind.${k}`) }))}
              data-testid="maintenance-kind"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label={t('assets.maintenance.description')}
        rules={[{ required: true, whitespace: true }, { max: 500 }]}
      >
        <Input.TextArea rows={2} placeholder={t('assets.maintenance.descriptionPlaceholder')} />
      </Form.Item>
      {kind && CHANGE_KINDS.includes(kind) && (
        <Row gutter={12}>
          <Col {...third}>
            <Form.Item name="upgradeItem" label={t('assets.maintenance.upgradeItem')} rules={[{ max: 50 }]}>
              <Input placeholder={t('assets.maintenance.upgradeItemPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="upgradeFrom" label={t('assets.maintenance.upgradeFrom')} rules={[{ max: 100 }]}>
              <Input placeholder="8G" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="upgradeTo" label={t('assets.maintenance.upgradeTo')} rules={[{ max: 100 }]}>
              <Input placeholder="16G" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="parts" label={t('assets.maintenance.parts')} rules={[{ max: 500 }]}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="performer" label={t('assets.maintenance.performer')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="vendor" label={t('assets.maintenance.vendor')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="cost" label={t('assets.maintenance.cost')}>
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="nextDue" label={t('assets.maintenance.nextDue')} extra={t('assets.maintenance.nextDueHint')} {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="result" label={t('assets.maintenance.result')} rules={[{ max: 500 }]}>
        <Input />
      </Form.Item>
    </>
  );
}
