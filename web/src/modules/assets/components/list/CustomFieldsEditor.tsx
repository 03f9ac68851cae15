// The custom fields a category adds to its assets (内存, 操作系统, 端口数 ...): label, key, type,
// choices, unit, required; added, removed and reordered here. Fields inherited from the parent
// categories are listed above them, read-only (they are edited on the parent).
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES, type CustomFieldDef } from '@shared/contracts/assets.js';

const KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;
const CHOICE_TYPES: readonly string[] = ['select', 'multiselect'];
const UNIT_TYPES: readonly string[] = ['number', 'text'];

/** A key not yet used by the category's own or inherited fields: field_1, field_2, ... */
function freeKey(taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`field_${n}`)) return `field_${n}`;
}

export function fieldSummary(t: TFunction, f: CustomFieldDef): string {
  const type = t(`assets.fieldType.${f.type}`);
  return f.unit ? `${f.label}（${type}，${f.unit}）` : `${f.label}（${type}）`;
}

interface CustomFieldsEditorProps {
  form: FormInstance;
  inherited: readonly CustomFieldDef[];
  /** Whether this category already has assets (changing a key then leaves their values behind). */
  hasAssets: boolean;
}

export function CustomFieldsEditor({ form, inherited, hasAssets }: CustomFieldsEditorProps) {
  const { t } = useTranslation();
  const own = (Form.useWatch('fields', form) as CustomFieldDef[] | undefined) ?? [];
  const inheritedKeys = inherited.map((f) => f.key);

  return (
    <>
      {inherited.length > 0 && (
        <div style={{ marginBottom: 12 }} data-testid="inherited-fields">
          <Typography.Text type="secondary">{t('assets.categories.inherited')}</Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {inherited.map((f) => (
              <Tag key={f.key}>{fieldSummary(t, f)}</Tag>
            ))}
          </Flex>
        </div>
      )}
      <Form.List name="fields">
        {(items, { add, remove, move }) => (
          <Flex vertical gap={8}>
            {items.map((item, index) => {
              const type = own[index]?.type ?? 'text';
              return (
                <Card
                  key={item.key}
                  size="small"
                  styles={{ body: { paddingBottom: 0 } }}
                  data-testid="custom-field-card"
                  title={own[index]?.label || t('assets.categories.newField')}
                  extra={
                    <span>
                      <Form.Item name={[item.name, 'required']} valuePropName="checked" noStyle>
                        <Checkbox style={{ marginRight: 8 }}>{t('assets.categories.fieldRequired')}</Checkbox>
                      </Form.Item>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                        aria-label={t('assets.columns.moveUp')}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label={t('assets.columns.moveDown')}
                      />
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(index)}
                        aria-label={t('common.delete')}
                      />
                    </span>
                  }
                >
                  <Row gutter={8}>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[item.name, 'label']}
                        label={t('assets.categories.fieldLabel')}
                        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}
                      >
                        <Input placeholder={t('assets.categories.fieldLabelPlaceholder')} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[item.name, 'key']}
                        label={t('assets.categories.fieldKey')}
                        tooltip={hasAssets ? t('assets.categories.fieldKeyChangeHint') : t('assets.categories.fieldKeyHint')}
                        rules={[
                          { required: true, message: t('validation.required') },
                          { pattern: KEY_RE, message: t('validation.invalid_key') },
                          {
                            validator: (_, v: string) =>
                              inheritedKeys.includes(v) || own.filter((f) => f?.key === v).length > 1
                                ? Promise.reject(new Error(t('validation.duplicate_key')))
                                : Promise.resolve(),
                          },
                        ]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[item.name, 'type']} label={t('assets.categories.fieldType')}>
                        <Select options={CUSTOM_FIELD_TYPES.map((ft) => ({ value: ft, label: t(`assets.fieldType.${ft}`) }))} />
                      </Form.Item>
                    </Col>
                    {UNIT_TYPES.includes(type) && (
                      <Col xs={12} sm={6}>
                        <Form.Item name={[item.name, 'unit']} label={t('assets.categories.fieldUnit')} rules={[{ max: 20 }]}>
                          <Input placeholder="GB" />
                        </Form.Item>
                      </Col>
                    )}
                    {CHOICE_TYPES.includes(type) && (
                      <Col span={24}>
                        <Form.Item
                          name={[item.name, 'options']}
                          label={t('assets.categories.fieldOptions')}
                          extra={t('assets.categories.fieldOptionsHint')}
                          rules={[{ required: true, type: 'array', min: 1, message: t('validation.options_required') }]}
                        >
                          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
                        </Form.Item>
                      </Col>
                    )}
                  </Row>
                </Card>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  key: freeKey([...inheritedKeys, ...own.map((f) => f?.key)]),
                  label: '',
                  type: 'text',
                  options: [],
                  required: false,
                  unit: '',
                })
              }
              data-testid="add-custom-field"
            >
              {t('assets.categories.addField')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
