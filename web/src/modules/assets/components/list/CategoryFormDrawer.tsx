// Create or edit an asset category: name, parent, code (used by the number pattern's {CAT}),
// default service life and residual rate (new assets start with them), and its custom fields.
import { Col, Form, Input, InputNumber, Row, Divider, type FormInstance } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, CustomFieldDef } from '@shared/contracts/assets.js';
import { FormDrawer } from '../../../../ui/FormDrawer';
import { useCreateCategory, useUpdateCategory } from '../../api';
import { CategoryPicker } from './CategoryPicker';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { withFieldErrors } from './form-helpers';

interface CategoryValues {
  name: string;
  code: string;
  parentId: number | null;
  sortOrder: number;
  defaultLifeMonths: number | null;
  defaultResidualRate: number | null;
  fields: CustomFieldDef[];
}

const FIELD_PROPS = ['key', 'label', 'type', 'options', 'required', 'unit'];

interface CategoryFormDrawerProps {
  /** A category to edit, or { parentId } for a new one (null: top level). */
  editing: Category | { parentId: number | null } | null;
  categories: Map<number, Category>;
  onClose: () => void;
}

export function CategoryFormDrawer({ editing, categories, onClose }: CategoryFormDrawerProps) {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const current = editing && 'id' in editing ? editing : null;
  const formRef = useRef<FormInstance<CategoryValues> | null>(null);

  const initialValues: CategoryValues = current
    ? { ...current, code: current.code ?? '' }
    : {
        name: '',
        code: '',
        parentId: editing?.parentId ?? null,
        sortOrder: 0,
        defaultLifeMonths: null,
        defaultResidualRate: null,
        fields: [],
      };

  const submit = (v: CategoryValues) => {
    const fields = (v.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      options: f.type === 'select' || f.type === 'multiselect' ? (f.options ?? []) : [],
      required: !!f.required,
      unit: f.type === 'number' || f.type === 'text' ? (f.unit ?? '') : '',
    }));
    const input = {
      name: v.name,
      code: v.code?.trim() || null,
      parentId: v.parentId ?? null,
      sortOrder: v.sortOrder ?? 0,
      defaultLifeMonths: v.defaultLifeMonths ?? null,
      defaultResidualRate: v.defaultResidualRate ?? null,
      fields,
    };
    return withFieldErrors(
      formRef.current,
      t,
      () => (current ? update.mutateAsync({ id: current.id, patch: input }) : create.mutateAsync(input)),
      {
        isField: (path) =>
          path.length === 3 &&
          path[0] === 'fields' &&
          typeof path[1] === 'number' &&
          path[1] < fields.length &&
          FIELD_PROPS.includes(String(path[2])),
      },
    );
  };

  return (
    <FormDrawer<CategoryValues>
      open={editing !== null}
      name="category"
      title={current ? t('assets.categories.editTitle', { name: current.name }) : t('assets.categories.createTitle')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => <CategoryFields form={form} formRef={formRef} current={current} categories={categories} />}
    </FormDrawer>
  );
}

interface CategoryFieldsProps {
  form: FormInstance<CategoryValues>;
  formRef: RefObject<FormInstance<CategoryValues> | null>;
  current: Category | null;
  categories: Map<number, Category>;
}

function CategoryFields({ form, formRef, current, categories }: CategoryFieldsProps) {
  const { t } = useTranslation();
  // The drawer's submit needs this form to place nested (fields.<i>.key) server errors.
  useEffect(() => {
    formRef.current = form;
  }, [form, formRef]);
  const parentId = Form.useWatch('parentId', form);
  const inherited = parentId ? (categories.get(parentId)?.effectiveFields ?? []) : [];
  return (
    <>
      <Form.Item
        name="name"
        label={t('assets.categories.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}
      >
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="parentId" label={t('assets.categories.parent')}>
            <CategoryPicker excludeSubtreeOf={current?.id} placeholder={t('assets.categories.topLevel')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="code" label={t('assets.categories.code')} extra={t('assets.categories.codeHint')} rules={[{ max: 20 }]}>
            <Input placeholder="PC" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="defaultLifeMonths" label={t('assets.categories.lifeMonths')}>
            <InputNumber min={1} max={600} precision={0} suffix={t('assets.form.months')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="defaultResidualRate" label={t('assets.categories.residualRate')}>
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="sortOrder" label={t('assets.categories.sortOrder')} tooltip={t('assets.categories.sortOrderHint')}>
            <InputNumber min={-100000} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('assets.categories.fieldsTitle')}</Divider>
      <CustomFieldsEditor form={form} inherited={inherited} hasAssets={(current?.assetCount ?? 0) > 0} />
    </>
  );
}
