// An audit entry's before/after as a field-by-field table, changed fields marked. Values are
// rendered as text, never as markup.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '@shared/contracts/system.js';
import { useFormat } from '../../../lib/format';

/** Where the field names of an entity type are translated (fields.<namespace>.<field>). */
const FIELD_NAMESPACE: Record<string, string> = {
  person: 'people',
  department: 'departments',
  location: 'locations',
  dictionary: 'dictionaries',
  dictionary_item: 'dictionaryItems',
  user: 'users',
  api_token: 'apiTokens',
  settings: 'settings',
};

interface Row {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

export function AuditDiff({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const rows: Row[] = [...new Set([...Object.keys(before), ...Object.keys(after)])].map((field) => ({
    field,
    before: before[field],
    after: after[field],
    changed: JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;

  const ns = FIELD_NAMESPACE[entry.entityType];
  const label = (field: string) => (ns ? t(`fields.${ns}.${field}`, { defaultValue: field }) : field);

  const show = (field: string, v: unknown) => {
    if (v === undefined || v === null || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    // Timestamps are epoch ms in fields named ...At: show them as dates, in the org time zone.
    if (typeof v === 'number' && /At$/.test(field) && v > 1e11) return fmt.dateTime(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };

  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'field',
          title: t('audit.field'),
          render: (_, r) => (
            <>
              {label(r.field)} {r.changed && entry.before && entry.after && <Tag color="orange">{t('audit.changed')}</Tag>}
            </>
          ),
        },
        {
          key: 'before',
          title: t('audit.before'),
          render: (_, r) => <span style={{ whiteSpace: 'pre-wrap' }}>{show(r.field, r.before)}</span>,
        },
        {
          key: 'after',
          title: t('audit.after'),
          render: (_, r) => <span style={{ whiteSpace: 'pre-wrap' }}>{show(r.field, r.after)}</span>,
        },
      ]}
    />
  );
}
