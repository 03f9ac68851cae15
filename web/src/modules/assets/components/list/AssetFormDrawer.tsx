// Create or edit an asset. The category comes first: its custom fields (inherited ones included)
// appear as typed inputs below it, and its service life and residual rate become the defaults.
// Prices are typed in yuan and sent as whole fen. Status changes of an existing asset go through
// the detail page (checked transitions), so the edit form leaves the status alone.
import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSET_STATUSES,
  STATUSES_NEEDING_REASON,
  type Asset,
  type AssetInput,
  type AssetStatus,
  type Category,
} from '@shared/contracts/assets.js';
import { FormDrawer } from '../../../../ui/FormDrawer';
import { DepartmentPicker, LocationPicker, PersonPicker } from '../../../org';
import { useAssetSettings, useCategories, useCreateAsset, useUpdateAsset, type AssetPatch } from '../../api';
import { CategoryPicker } from './CategoryPicker';
import { CustomFieldItem, useFormatRule } from './CustomFieldItem';
import { dateItemProps, withFieldErrors } from './form-helpers';
import { fenToYuanText, yuanToFen } from './money';

type CustomValue = string | number | string[] | null | undefined;
export interface AssetFormValues {
  categoryId: number | null;
  name: string;
  number: string;
  brand: string;
  model: string;
  serial: string;
  status: AssetStatus;
  statusReason: string;
  locationId: number | null;
  departmentId: number | null;
  holderPersonId: number | null;
  purchaseDate: string | null;
  /** Yuan as typed ('5600.50'). */
  price: string | null;
  supplier: string;
  orderNumber: string;
  warrantyEnd: string | null;
  lifeMonths: number | null;
  residualRate: number | null;
  hostname: string;
  ip: string;
  mac: string;
  notes: string;
  custom: Record<string, CustomValue>;
}

/** Statuses a new asset may start in (disposal ends a life, it does not begin one). */
const START_STATUSES = ASSET_STATUSES.filter((s) => s !== 'disposed');

function initialValuesOf(current: Asset | null, defaults: { categoryId?: number; category?: Category }): AssetFormValues {
  if (current)
    return {
      ...current,
      serial: current.serial ?? '',
      price: current.priceFen === null ? null : fenToYuanText(current.priceFen),
      custom: { ...current.custom },
    };
  return {
    categoryId: defaults.categoryId ?? null,
    name: '',
    number: '',
    brand: '',
    model: '',
    serial: '',
    status: 'in_stock',
    statusReason: '',
    locationId: null,
    departmentId: null,
    holderPersonId: null,
    purchaseDate: null,
    price: null,
    supplier: '',
    orderNumber: '',
    warrantyEnd: null,
    lifeMonths: defaults.category?.defaultLifeMonths ?? null,
    residualRate: defaults.category?.defaultResidualRate ?? null,
    hostname: '',
    ip: '',
    mac: '',
    notes: '',
    custom: {},
  };
}

/** Empty custom values are left out: the server treats a missing key as "not recorded". */
function cleanCustom(values: Record<string, CustomValue> | undefined): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

function toPayload(v: AssetFormValues): Omit<AssetInput, 'status' | 'statusReason'> {
  return {
    number: v.number.trim(),
    name: v.name,
    categoryId: v.categoryId!,
    brand: v.brand ?? '',
    model: v.model ?? '',
    serial: v.serial?.trim() || null,
    locationId: v.locationId ?? null,
    departmentId: v.departmentId ?? null,
    holderPersonId: v.holderPersonId ?? null,
    purchaseDate: v.purchaseDate ?? null,
    priceFen: yuanToFen(v.price),
    supplier: v.supplier ?? '',
    orderNumber: v.orderNumber ?? '',
    warrantyEnd: v.warrantyEnd ?? null,
    lifeMonths: v.lifeMonths ?? null,
    residualRate: v.residualRate ?? null,
    hostname: v.hostname ?? '',
    ip: v.ip ?? '',
    mac: v.mac ?? '',
    notes: v.notes ?? '',
    custom: cleanCustom(v.custom),
  };
}

interface AssetFormDrawerProps {
  editing: Asset | 'new' | null;
  /** Category preselected for a new asset (the one the list is filtered to). */
  defaultCategoryId?: number;
  onClose: () => void;
  /** Called with the saved asset (e.g. to open it). */
  onSaved?: (asset: Asset) => void;
}

export function AssetFormDrawer({ editing, defaultCategoryId, onClose, onSaved }: AssetFormDrawerProps) {
  const { t } = useTranslation();
  const categories = useCategories();
  const create = useCreateAsset();
  const update = useUpdateAsset();
  const current = editing !== 'new' ? editing : null;
  const formRef = useRef<FormInstance<AssetFormValues> | null>(null);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);

  const initialValues = initialValuesOf(current, {
    categoryId: defaultCategoryId,
    category: defaultCategoryId !== undefined ? byId.get(defaultCategoryId) : undefined,
  });

  const submit = (values: AssetFormValues) => {
    const fieldKeys = new Set(byId.get(values.categoryId ?? -1)?.effectiveFields.map((f) => f.key) ?? []);
    return withFieldErrors(
      formRef.current,
      t,
      async () => {
        const payload = toPayload(values);
        const saved = current
          ? await update.mutateAsync({ id: current.id, patch: payload as AssetPatch })
          : await create.mutateAsync({ ...payload, status: values.status, statusReason: values.statusReason ?? '' });
        onSaved?.(saved);
        return saved;
      },
      {
        rename: { priceFen: 'price' },
        isField: (path) => path.length === 2 && path[0] === 'custom' && fieldKeys.has(String(path[1])),
      },
    );
  };

  return (
    <FormDrawer<AssetFormValues>
      open={editing !== null}
      name="asset"
      title={current ? t('assets.form.editTitle', { number: current.number }) : t('assets.form.createTitle')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => <AssetFields form={form} formRef={formRef} current={current} categories={byId} />}
    </FormDrawer>
  );
}

interface AssetFieldsProps {
  form: FormInstance<AssetFormValues>;
  formRef: RefObject<FormInstance<AssetFormValues> | null>;
  current: Asset | null;
  categories: Map<number, Category>;
}

function AssetFields({ form, formRef, current, categories }: AssetFieldsProps) {
  const { t } = useTranslation();
  // The drawer's submit needs this form to place nested (custom.<key>) server errors.
  useEffect(() => {
    formRef.current = form;
  }, [form, formRef]);
  const settings = useAssetSettings(!current);
  const categoryId = Form.useWatch('categoryId', form);
  const status = Form.useWatch('status', form);
  const category = categoryId ? categories.get(categoryId) : undefined;
  const ipRule = useFormatRule('ip');
  const macRule = useFormatRule('mac');
  const half = { xs: 24, sm: 12 };

  /** A new category brings its defaults, unless the user had typed their own. */
  const onCategoryChange = (next: number | null) => {
    const before = categories.get(form.getFieldValue('categoryId') as number);
    const after = next ? categories.get(next) : undefined;
    const life = form.getFieldValue('lifeMonths') as number | null;
    const rate = form.getFieldValue('residualRate') as number | null;
    if (life == null || life === before?.defaultLifeMonths) form.setFieldValue('lifeMonths', after?.defaultLifeMonths ?? null);
    if (rate == null || rate === before?.defaultResidualRate) form.setFieldValue('residualRate', after?.defaultResidualRate ?? null);
  };

  return (
    <>
      <Form.Item
        name="categoryId"
        label={t('assets.fields.category')}
        rules={[{ required: true, message: t('assets.form.categoryRequired') }]}
      >
        <CategoryPicker allowClear={false} onChange={onCategoryChange} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('assets.fields.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
      >
        <Input placeholder={t('assets.form.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="number"
        label={t('assets.fields.number')}
        rules={current ? [{ required: true, whitespace: true, message: t('validation.required') }, { max: 40 }] : [{ max: 40 }]}
        extra={
          !current &&
          (settings.data ? t('assets.form.numberAuto', { example: settings.data.numberExample }) : t('assets.form.numberAutoPlain'))
        }
      >
        <Input placeholder={current ? undefined : t('assets.form.numberPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="brand" label={t('assets.fields.brand')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="model" label={t('assets.fields.model')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="serial" label={t('assets.fields.serial')} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>

      {category && category.effectiveFields.length > 0 && (
        <>
          <Divider titlePlacement="start">{t('assets.form.customSection', { category: category.name })}</Divider>
          <Row gutter={12}>
            {category.effectiveFields.map((def) => (
              <Col key={def.key} {...half}>
                <CustomFieldItem def={def} />
              </Col>
            ))}
          </Row>
        </>
      )}

      <Divider titlePlacement="start">{t('assets.form.usageSection')}</Divider>
      {!current && (
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="status" label={t('assets.fields.status')}>
              <Select options={START_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))} />
            </Form.Item>
          </Col>
          {STATUSES_NEEDING_REASON.includes(status) && (
            <Col {...half}>
              <Form.Item
                name="statusReason"
                label={t('assets.fields.statusReason')}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}
              >
                <Input />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="locationId" label={t('assets.fields.location')}>
            <LocationPicker />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="departmentId" label={t('assets.fields.department')}>
            <DepartmentPicker />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="holderPersonId" label={t('assets.fields.holder')}>
        <PersonPicker initialLabel={current?.holderName} />
      </Form.Item>

      <Divider titlePlacement="start">{t('assets.form.purchaseSection')}</Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="purchaseDate" label={t('assets.fields.purchaseDate')} {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="price"
            label={t('assets.fields.price')}
            rules={[
              {
                validator: (_, v: string | null) =>
                  Number.isNaN(yuanToFen(v)) ? Promise.reject(new Error(t('assets.form.invalidPrice'))) : Promise.resolve(),
              },
            ]}
          >
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="supplier" label={t('assets.fields.supplier')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="orderNumber" label={t('assets.fields.orderNumber')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="warrantyEnd" label={t('assets.fields.warrantyEnd')} {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="lifeMonths" label={t('assets.fields.lifeMonths')}>
            <InputNumber min={1} max={600} precision={0} suffix={t('assets.form.months')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="residualRate" label={t('assets.fields.residualRate')}>
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {category && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('assets.form.defaultsHint', {
            category: category.name,
            life: category.defaultLifeMonths ?? '—',
            rate: category.defaultResidualRate ?? '—',
          })}
        </Typography.Paragraph>
      )}

      <Divider titlePlacement="start">{t('assets.form.networkSection')}</Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="hostname" label={t('assets.fields.hostname')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ip" label={t('assets.fields.ip')} rules={[{ max: 45 }, ipRule]}>
            <Input placeholder={t('assets.form.placeholder.ip')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mac" label={t('assets.fields.mac')} rules={[macRule]}>
            <Input placeholder={t('assets.form.placeholder.mac')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('assets.fields.notes')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
