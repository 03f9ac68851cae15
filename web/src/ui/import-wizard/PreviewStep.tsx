// Step 2: what the server understood from the file, before anything is written.
import { Alert, Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@shared/contracts/system.js';
import { reasonText } from '../../lib/errors';
import { errorReportUrl } from './import-api';

interface PreviewStepProps {
  preview: ImportPreview;
  fieldLabel: (field: string) => string;
  onConfirm: () => void;
  onRestart: () => void;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Columns of the sample: mapped fields in file order, then anything else the rows carry, but
 *  not internal ids (a department id means nothing to a reader; its name is in another column). */
function sampleFields(p: ImportPreview): string[] {
  const fields = p.columns.map((c) => c.field).filter((f): f is string => !!f);
  for (const row of p.sample) for (const k of Object.keys(row)) if (!fields.includes(k)) fields.push(k);
  // A mapped field the sample rows do not carry (resolved to an id) would be an empty column.
  const carried = (f: string) => p.sample.some((row) => f in row);
  return fields.filter((f) => f !== 'row' && f !== 'action' && !/Id$/.test(f) && carried(f));
}

export function PreviewStep({ preview: p, fieldLabel, onConfirm, onRestart }: PreviewStepProps) {
  const { t, i18n } = useTranslation();
  const hasErrors = p.errorCount > 0;

  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'file', label: t('import.fileName'), children: p.fileName, span: 2 },
          {
            key: 'enc',
            label: t('import.encoding'),
            children: p.encoding ? t(`import.encodings.${p.encoding}`, { defaultValue: p.encoding }) : t('import.encodingNone'),
          },
          { key: 'hdr', label: t('import.headerRow'), children: p.headerRow },
          { key: 'total', label: t('import.totalRows'), children: p.totalRows },
          { key: 'valid', label: t('import.validRows'), children: p.validRows },
          { key: 'creates', label: t('import.creates'), children: p.creates },
          { key: 'updates', label: t('import.updates'), children: p.updates },
        ]}
      />

      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          title={t('import.hasErrors', { errors: p.errorCount })}
          description={
            <>
              {t('import.errorReport')}{' '}
              <a href={errorReportUrl(p.id, 'xlsx', i18n.language)} download data-testid="import-errors-xlsx">
                {t('import.formatXlsx')}
              </a>
              {' · '}
              <a href={errorReportUrl(p.id, 'csv', i18n.language)} download>
                {t('import.formatCsv')}
              </a>
              {p.errors.length < p.errorCount && <div>{t('import.errorsTruncated', { shown: p.errors.length })}</div>}
            </>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('import.ready', { creates: p.creates, updates: p.updates })} />
      )}

      <div>
        <Typography.Title level={5}>{t('import.columns')}</Typography.Title>
        <Flex wrap gap={8}>
          {p.columns.map((c, i) => (
            <Tag key={`${i}-${c.header}`} color={c.field ? 'blue' : 'default'}>
              {c.header} → {c.field ? fieldLabel(c.field) : t('import.ignored')}
            </Tag>
          ))}
        </Flex>
      </div>

      {hasErrors && (
        <Table
          size="small"
          rowKey={(r) => `${r.row}-${r.field ?? ''}-${r.reason}`}
          dataSource={p.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="import-errors"
          columns={[
            { key: 'row', title: t('import.row'), dataIndex: 'row', width: 80 },
            { key: 'field', title: t('import.field'), render: (_, r) => (r.field ? fieldLabel(r.field) : '') },
            { key: 'reason', title: t('import.reason'), render: (_, r) => reasonText(t, { reason: r.reason }) },
            { key: 'value', title: t('import.value'), render: (_, r) => r.value ?? '' },
          ]}
        />
      )}

      {p.sample.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('import.sample')}</Typography.Title>
          <Table
            size="small"
            rowKey={(row) => String(row.row)}
            dataSource={p.sample}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'row', title: t('import.row'), render: (_: unknown, row: Record<string, unknown>) => cellText(row.row) },
              {
                key: 'action',
                title: t('import.action'),
                render: (_: unknown, row: Record<string, unknown>) =>
                  row.action === 'update' ? t('import.willUpdate') : t('import.willCreate'),
              },
              ...sampleFields(p).map((f) => ({
                key: f,
                title: fieldLabel(f),
                render: (_: unknown, row: Record<string, unknown>) => cellText(row[f]),
              })),
            ]}
          />
        </div>
      )}

      <Flex justify="flex-end" gap={8}>
        <Button onClick={onRestart}>{t('import.chooseAnother')}</Button>
        <Button type="primary" disabled={hasErrors || p.validRows === 0} onClick={onConfirm} data-testid="import-confirm">
          {t('import.confirm', { rows: p.validRows })}
        </Button>
      </Flex>
    </Flex>
  );
}
