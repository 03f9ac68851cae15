// The less frequent filters of the asset list, in a drawer: where it is and who has it, brand,
// model, supplier, dates, price, network, and the chosen category's own fields. Nothing changes
// until "apply", so typing a brand does not reload the list at every letter.
import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
  theme,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Category, CustomFieldDef } from '@shared/contracts/assets.js';
import { useOpeningKey } from '../../../../ui/FormDrawer';
import { DepartmentPicker, LocationPicker, PersonPicker } from '../../../org';
import { CategoryPicker } from './CategoryPicker';
import { customFilterParam, DRAWER_FILTERS, parseCustomFilter, type AssetFilters, type CustomFilter } from './list-query';

type Range = [Dayjs | null, Dayjs | null] | null;
type CustomInput = string | string[] | { min?: number | null; max?: number | null } | undefined;
interface FilterValues {
  categoryId: number | null;
  locationId: number | null;
  departmentId: number | null;
  holderPersonId: number | null;
  brand: string;
  model: string;
  supplier: string;
  purchase: Range;
  warranty: Range;
  priceMin: string | null;
  priceMax: string | null;
  hasIp: 'true' | 'false' | 'any';
  includeDisposed: boolean;
  custom: Record<string, CustomInput>;
}

interface FilterDrawerProps {
  open: boolean;
  onClose: () => void;
  filters: AssetFilters;
  onApply: (filters: AssetFilters) => void;
  categories: Map<number, Category>;
  /** Shown when no category tree is beside the list (phones, narrow windows). */
  showCategory: boolean;
  /** Name of the holder in the URL, when the current page knows it. */
  holderName?: string | null;
}

export function FilterDrawer(props: FilterDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const opening = useOpeningKey(props.open);
  return (
    <Drawer open={props.open} onClose={props.onClose} title={t('assets.filters.title')} size={screens.md ? 480 : '100%'} destroyOnHidden>
      <FilterForm key={opening} {...props} />
    </Drawer>
  );
}

const id = (v: string | undefined) => (v ? Number(v) : null);
const day = (v: string | undefined) => (v ? dayjs(v) : null);
const range = (from: string | undefined, to: string | undefined): Range => (from || to ? [day(from), day(to)] : null);
const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const str = (n: number | null | undefined) => (n === null || n === undefined ? undefined : String(n));

function FilterForm({ onClose, filters: f, onApply, categories, showCategory, holderName }: FilterDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const { token } = theme.useToken();
  const categoryId = Form.useWatch('categoryId', form) ?? id(f.categoryId);
  const category = categoryId ? categories.get(categoryId) : undefined;
  const half = { xs: 24, sm: 12 };

  const initialValues: FilterValues = {
    categoryId: id(f.categoryId),
    locationId: id(f.locationId),
    departmentId: id(f.departmentId),
    holderPersonId: id(f.holderPersonId),
    brand: f.brand ?? '',
    model: f.model ?? '',
    supplier: f.supplier ?? '',
    purchase: range(f.purchaseFrom, f.purchaseTo),
    warranty: range(f.warrantyFrom, f.warrantyTo),
    priceMin: f.priceMin ?? null,
    priceMax: f.priceMax ?? null,
    hasIp: f.hasIp === 'true' || f.hasIp === 'false' ? f.hasIp : 'any',
    includeDisposed: f.includeDisposed === 'true',
    custom: parseCustomFilter(f.custom),
  };

  const apply = (v: FilterValues) => {
    const custom: CustomFilter = {};
    for (const def of category?.effectiveFields ?? []) {
      const value = v.custom?.[def.key];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string' || Array.isArray(value)) custom[def.key] = value;
      else custom[def.key] = { min: value.min ?? undefined, max: value.max ?? undefined };
    }
    const next: AssetFilters = {
      locationId: str(v.locationId),
      departmentId: str(v.departmentId),
      holderPersonId: str(v.holderPersonId),
      brand: v.brand?.trim() || undefined,
      model: v.model?.trim() || undefined,
      supplier: v.supplier?.trim() || undefined,
      purchaseFrom: ymd(v.purchase?.[0]),
      purchaseTo: ymd(v.purchase?.[1]),
      warrantyFrom: ymd(v.warranty?.[0]),
      warrantyTo: ymd(v.warranty?.[1]),
      priceMin: v.priceMin || undefined,
      priceMax: v.priceMax || undefined,
      hasIp: v.hasIp === 'any' ? undefined : v.hasIp,
      includeDisposed: v.includeDisposed ? 'true' : undefined,
      custom: customFilterParam(custom),
    };
    if (showCategory) next.categoryId = str(v.categoryId);
    onApply(next);
    onClose();
  };

  const clear = () => {
    const cleared: AssetFilters = Object.fromEntries(DRAWER_FILTERS.map((n) => [n, undefined]));
    cleared.includeDisposed = undefined;
    if (showCategory) cleared.categoryId = undefined;
    onApply(cleared);
    onClose();
  };

  return (
    <Form<FilterValues> form={form} name="filters" layout="vertical" initialValues={initialValues} onFinish={apply}>
      {showCategory && (
        <Form.Item name="categoryId" label={t('assets.fields.category')}>
          <CategoryPicker placeholder={t('assets.filters.anyCategory')} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="locationId" label={t('assets.fields.location')} extra={t('assets.filters.subtreeHint')}>
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
        <PersonPicker initialLabel={holderName} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="brand" label={t('assets.fields.brand')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="model" label={t('assets.fields.model')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="supplier" label={t('assets.fields.supplier')}>
            <Input allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="purchase" label={t('assets.filters.purchaseRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="warranty" label={t('assets.filters.warrantyRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('assets.filters.priceRange')}>
        <Flex gap={8} align="center">
          <Form.Item name="priceMin" noStyle>
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ flex: 1 }} placeholder={t('assets.filters.min')} />
          </Form.Item>
          <span>–</span>
          <Form.Item name="priceMax" noStyle>
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ flex: 1 }} placeholder={t('assets.filters.max')} />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="hasIp" label={t('assets.filters.hasIp')}>
            <Select
              options={[
                { value: 'any', label: t('assets.filters.hasIpAny') },
                { value: 'true', label: t('assets.filters.hasIpYes') },
                { value: 'false', label: t('assets.filters.hasIpNo') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="includeDisposed" valuePropName="checked" label=" ">
            <Checkbox data-testid="filter-include-disposed">{t('assets.filters.includeDisposed')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">
        {category ? t('assets.filters.customOf', { category: category.name }) : t('assets.filters.custom')}
      </Divider>
      {category ? (
        category.effectiveFields.length ? (
          category.effectiveFields.map((def) => <CustomFilterItem key={def.key} def={def} />)
        ) : (
          <Typography.Paragraph type="secondary">{t('assets.filters.noCustomFields')}</Typography.Paragraph>
        )
      ) : (
        <Typography.Paragraph type="secondary">{t('assets.filters.customHint')}</Typography.Paragraph>
      )}

      <Flex justify="flex-end" gap={8} style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgElevated }}>
        <Button onClick={clear} data-testid="filters-clear">
          {t('assets.filters.clear')}
        </Button>
        <Button type="primary" htmlType="submit" data-testid="filters-apply">
          {t('assets.filters.apply')}
        </Button>
      </Flex>
    </Form>
  );
}

/** Text fields match by "contains", choices by "any of", numbers by a range. */
function CustomFilterItem({ def }: { def: CustomFieldDef }) {
  const { t } = useTranslation();
  const name = ['custom', def.key];
  if (def.type === 'number')
    return (
      <Form.Item label={def.unit ? `${def.label}（${def.unit}）` : def.label}>
        <Flex gap={8} align="center">
          <Form.Item name={[...name, 'min']} noStyle>
            <InputNumber style={{ flex: 1 }} placeholder={t('assets.filters.min')} />
          </Form.Item>
          <span>–</span>
          <Form.Item name={[...name, 'max']} noStyle>
            <InputNumber style={{ flex: 1 }} placeholder={t('assets.filters.max')} />
          </Form.Item>
        </Flex>
      </Form.Item>
    );
  if (def.type === 'select' || def.type === 'multiselect')
    return (
      <Form.Item name={name} label={def.label}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('assets.filters.anyOf')}
          options={def.options.map((o) => ({ value: o, label: o }))}
        />
      </Form.Item>
    );
  return (
    <Form.Item name={name} label={def.label}>
      <Input allowClear placeholder={t('assets.filters.contains')} />
    </Form.Item>
  );
}
