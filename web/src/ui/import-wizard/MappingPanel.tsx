// Inside step 2: which column of the file feeds which field, and the importer's options. The
// server matched the headers it knows; here the person corrects it (files from other systems
// have odd headers). Every change is checked again on the server by PreviewStep.
import { Checkbox, Flex, Radio, Select, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportOptionSpecDto, ImportPreview } from '@shared/contracts/system.js';

/** Value of the "do not import" choice; field keys are never empty. */
const NONE = '';

/** Excel's name of a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Label of an option (boolean: `imports.options.<kind>.<key>`; choice: `….<key>.label`). */
export function optionLabel(t: TFunction, kind: string, spec: ImportOptionSpecDto): string {
  const key = spec.kind === 'choice' ? `imports.options.${kind}.${spec.key}.label` : `imports.options.${kind}.${spec.key}`;
  return t(key, { defaultValue: spec.key });
}

interface MappingTableProps {
  preview: ImportPreview;
  /** The field of each column as the person has chosen it (may not be sent yet). */
  mapping: (string | null)[];
  fieldLabel: (field: string) => string;
  disabled: boolean;
  onChange: (mapping: (string | null)[]) => void;
}

export function MappingTable({ preview: p, mapping, fieldLabel, disabled, onChange }: MappingTableProps) {
  const { t } = useTranslation();
  const columnOf = new Map<string, number>();
  mapping.forEach((f, i) => {
    if (f) columnOf.set(f, i);
  });
  const headerText = (index: number) => p.headers[index]?.header || t('import.untitledColumn', { letter: columnLetter(index) });

  const choose = (index: number, value: string) => {
    const field = value === NONE ? null : value;
    // A field comes from one column: taking it here takes it off the column that had it.
    onChange(mapping.map((f, i) => (i === index ? field : field !== null && f === field ? null : f)));
  };

  return (
    <Table
      size="small"
      rowKey="index"
      dataSource={p.headers}
      pagination={false}
      scroll={{ y: 360 }}
      data-testid="import-mapping"
      columns={[
        {
          key: 'column',
          title: t('import.fileColumn'),
          width: '30%',
          render: (_, h) => (
            <Flex gap={8} align="center">
              <Typography.Text type="secondary" style={{ minWidth: 24 }}>
                {columnLetter(h.index)}
              </Typography.Text>
              <Typography.Text ellipsis={{ tooltip: true }}>{headerText(h.index)}</Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'samples',
          title: t('import.columnSamples'),
          render: (_, h) => (
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 280 }}>
              {h.samples.length ? h.samples.join(' · ') : t('import.columnEmpty')}
            </Typography.Text>
          ),
        },
        {
          key: 'field',
          title: t('import.targetField'),
          width: 240,
          render: (_, h) => (
            <Select
              size="small"
              style={{ width: '100%' }}
              value={mapping[h.index] ?? NONE}
              disabled={disabled}
              onChange={(v: string) => choose(h.index, v)}
              data-testid={`import-map-${h.index}`}
              aria-label={t('import.targetFieldOf', { column: headerText(h.index) })}
              options={[
                { value: NONE, label: <Typography.Text type="secondary">{t('import.doNotImport')}</Typography.Text> },
                ...p.fields.map((f) => {
                  const other = columnOf.get(f.key);
                  return {
                    value: f.key,
                    label: (
                      <Flex gap={4} align="center">
                        <span>{fieldLabel(f.key)}</span>
                        {f.required && <Typography.Text type="danger">*</Typography.Text>}
                        {other !== undefined && other !== h.index && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('import.fieldTakenBy', { column: columnLetter(other) })}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  };
                }),
              ]}
            />
          ),
        },
      ]}
    />
  );
}

interface OptionsFormProps {
  kind: string;
  options: ImportOptionSpecDto[];
  values: Record<string, boolean | string>;
  disabled: boolean;
  onChange: (values: Record<string, boolean | string>) => void;
}

export function OptionsForm({ kind, options, values, disabled, onChange }: OptionsFormProps) {
  const { t } = useTranslation();
  if (options.length === 0) return null;
  return (
    <div data-testid="import-options">
      <Typography.Title level={5}>{t('import.options')}</Typography.Title>
      <Flex vertical gap={8}>
        {options.map((o) =>
          o.kind === 'boolean' ? (
            <Checkbox
              key={o.key}
              checked={values[o.key] === true}
              disabled={disabled}
              onChange={(e) => onChange({ ...values, [o.key]: e.target.checked })}
              data-testid={`import-option-${o.key}`}
            >
              {optionLabel(t, kind, o)}
            </Checkbox>
          ) : (
            <Flex key={o.key} gap={12} align="center" wrap>
              <span>{optionLabel(t, kind, o)}</span>
              <Radio.Group
                size="small"
                optionType="button"
                value={values[o.key]}
                disabled={disabled}
                onChange={(e) => onChange({ ...values, [o.key]: e.target.value as string })}
                data-testid={`import-option-${o.key}`}
                options={o.choices.map((c) => ({ value: c, label: t(`imports.options.${kind}.${o.key}.${c}`, { defaultValue: c }) }))}
              />
            </Flex>
          ),
        )}
      </Flex>
    </div>
  );
}

/** "3 of 5 columns imported" next to the panel's title. */
export function MappingSummary({ mapping }: { mapping: (string | null)[] }) {
  const { t } = useTranslation();
  const used = mapping.filter((f) => f !== null).length;
  return <Tag>{t('import.columnsUsed', { used, total: mapping.length })}</Tag>;
}
