// Step 2: what the server understood from the file, before anything is written; the person
// can correct the column mapping and set the importer's options, and every row is checked again.
import { Alert, Button, Collapse, Descriptions, Flex, Spin, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMappingInput, ImportPreview } from '@shared/contracts/system.js';
import { ApiError } from '../../lib/api-client';
import { errorText, reasonText } from '../../lib/errors';
import { errorReportUrl } from './import-api';
import { MappingSummary, MappingTable, OptionsForm, columnLetter } from './MappingPanel';

interface PreviewStepProps {
  preview: ImportPreview;
  fieldLabel: (field: string) => string;
  onConfirm: () => void;
  onRestart: () => void;
  /** Sends a new mapping and options; resolves once the new preview is shown, throws if refused. */
  onRemap: (body: ImportMappingInput) => Promise<void>;
}

interface Draft {
  of: ImportPreview;
  mapping: (string | null)[];
  options: Record<string, boolean | string>;
}
const draftOf = (p: ImportPreview): Draft => ({ of: p, mapping: p.columns.map((c) => c.field), options: p.optionValues });

/** A refused mapping or option, with the page's own names for fields and options. */
function remapErrorText(t: TFunction, err: unknown, p: ImportPreview, fieldLabel: (f: string) => string): string {
  if (!(err instanceof ApiError) || (err.code !== 'import.bad_mapping' && err.code !== 'import.bad_options') || !err.details.length) {
    return errorText(t, err);
  }
  return err.details
    .map((d) => {
      const params = d.params ?? {};
      const field = typeof params.field === 'string' ? params.field : '';
      const option = p.options.find((o) => o.key === params.option);
      return t(`errors.reasons.${d.reason}`, {
        ...params,
        header: field ? fieldLabel(field) : '',
        ...(option
          ? {
              option: t(`imports.options.${p.kind}.${option.key}${option.kind === 'choice' ? '.label' : ''}`, { defaultValue: option.key }),
            }
          : {}),
        defaultValue: t(`errors.${err.code}`),
      });
    })
    .join(' ');
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

export function PreviewStep({ preview: p, fieldLabel, onConfirm, onRestart, onRemap }: PreviewStepProps) {
  const { t, i18n } = useTranslation();
  const hasErrors = p.errorCount > 0;
  // What the person has chosen; differs from the preview only while a required field has no
  // column (not sent: the server would refuse it) or while the new check runs. A new preview
  // from the server replaces it.
  const [draft, setDraft] = useState<Draft>(() => draftOf(p));
  if (draft.of !== p) setDraft(draftOf(p));
  const { mapping, options: optionValues } = draft.of === p ? draft : draftOf(p);
  const [busy, setBusy] = useState(false);
  const [remapError, setRemapError] = useState<unknown>(null);
  const missing = p.fields.filter((f) => f.required && !mapping.includes(f.key));
  const pending = missing.length > 0 || mapping.some((f, i) => f !== (p.columns[i]?.field ?? null));

  const apply = async (nextMapping: (string | null)[], nextOptions: Record<string, boolean | string>) => {
    setDraft({ of: p, mapping: nextMapping, options: nextOptions });
    setRemapError(null);
    if (p.fields.some((f) => f.required && !nextMapping.includes(f.key))) return;
    setBusy(true);
    try {
      await onRemap({ columns: nextMapping.map((field, index) => ({ index, field })), options: nextOptions });
    } catch (err) {
      setRemapError(err);
      setDraft(draftOf(p));
    } finally {
      setBusy(false);
    }
  };
  const needsAttention = missing.length > 0 || mapping.some((f) => f === null);
  const mapped = mapping.flatMap((f, i) => (f ? [`${p.headers[i]?.header || columnLetter(i)} → ${fieldLabel(f)}`] : []));

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

      {remapError !== null && (
        <Alert type="error" showIcon title={remapErrorText(t, remapError, p, fieldLabel)} data-testid="import-mapping-error" />
      )}

      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.missingRequired', { fields: missing.map((f) => fieldLabel(f.key)).join(t('import.listSeparator')) })}
          data-testid="import-missing-fields"
        />
      ) : hasErrors ? (
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

      <Spin spinning={busy} description={t('import.rechecking')}>
        <Flex vertical gap={16}>
          <Collapse
            size="small"
            defaultActiveKey={needsAttention ? ['mapping'] : []}
            items={[
              {
                key: 'mapping',
                label: (
                  <Flex gap={8} align="center" wrap>
                    <span>{t('import.columns')}</span>
                    <MappingSummary mapping={mapping} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {mapped.slice(0, 6).join(t('import.listSeparator'))}
                      {mapped.length > 6 ? ' …' : ''}
                    </Typography.Text>
                  </Flex>
                ),
                children: (
                  <Flex vertical gap={8}>
                    <Typography.Text type="secondary">{t('import.mappingHint')}</Typography.Text>
                    <MappingTable
                      preview={p}
                      mapping={mapping}
                      fieldLabel={fieldLabel}
                      disabled={busy}
                      onChange={(next) => void apply(next, optionValues)}
                    />
                  </Flex>
                ),
              },
            ]}
          />
          <OptionsForm
            kind={p.kind}
            options={p.options}
            values={optionValues}
            disabled={busy || missing.length > 0}
            onChange={(next) => void apply(mapping, next)}
          />
        </Flex>
      </Spin>

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
        <Button
          type="primary"
          disabled={hasErrors || p.validRows === 0 || busy || pending}
          onClick={onConfirm}
          data-testid="import-confirm"
        >
          {t('import.confirm', { rows: p.validRows })}
        </Button>
      </Flex>
    </Flex>
  );
}
