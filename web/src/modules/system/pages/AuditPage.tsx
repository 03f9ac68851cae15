// The audit trail: who changed what, when, from where. Read-only; newest first (server order).
import { DatePicker, Input, Select, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '@shared/contracts/system.js';
import { startOfDayInZone, useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { useAudit } from '../api';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../audit-vocabulary';
import { AuditDiff } from '../components/AuditDiff';
import { UserPicker } from '../components/UserPicker';

const FILTERS = ['userId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

export default function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const list = useListParams(FILTERS);
  const { state, update } = list;
  const f = state.filters;

  // The chosen days are days in the organisation's time zone, whatever the browser's zone is.
  const dayStart = (d: string | undefined, plusDays = 0) => {
    if (!d) return undefined;
    const day = dayjs(d).add(plusDays, 'day');
    return startOfDayInZone(day.year(), day.month() + 1, day.date(), fmt.timeZone);
  };
  const audit = useAudit({
    page: state.page,
    pageSize: state.pageSize,
    userId: f.userId,
    entityType: f.entityType,
    entityId: f.entityId,
    action: f.action,
    from: dayStart(f.from),
    // The server's `to` is exclusive: the start of the day after the last chosen one.
    to: dayStart(f.to, 1),
  });

  // Leaving the field unchanged must not send the user back to page 1.
  const setEntityId = (text: string) => {
    const entityId = text.trim() || undefined;
    if (entityId !== f.entityId) update({ filters: { entityId } });
  };
  const entityLabel = (type: string) => t(`audit.entities.${type}`, { defaultValue: type });
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  const range: [Dayjs, Dayjs] | null = f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null;

  const columns: ColumnsType<AuditEntryDto> = [
    { key: 'at', title: t('audit.at'), render: (_, e) => fmt.dateTime(e.at), fixed: 'left' },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) => (
        <>
          {e.actorName}
          {e.actorKind !== 'user' && (
            <Tag style={{ marginLeft: 6 }}>{t(`audit.actorKinds.${e.actorKind}`, { defaultValue: e.actorKind })}</Tag>
          )}
        </>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, e) => (
        <Tooltip title={e.action}>
          <span>{actionLabel(e.action)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, e) => {
        if (!e.entityType) return '';
        // Settings are one row per part (org, tickets, workCalendar …): its name, not an id.
        if (e.entityType === 'settings' && e.entityId)
          return `${entityLabel(e.entityType)} · ${t(`audit.settingsParts.${e.entityId}`, { defaultValue: e.entityId })}`;
        return `${entityLabel(e.entityType)} #${e.entityId}`;
      },
    },
    { key: 'summary', title: t('audit.summary'), dataIndex: 'summary' },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip' },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filterAction')}
          value={f.action}
          style={{ width: 150 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          onChange={(action) => update({ filters: { action } })}
          data-testid="filter-action"
        />
        {can('users:read') && (
          <UserPicker value={f.userId ? Number(f.userId) : undefined} onChange={(id) => update({ filters: { userId: id?.toString() } })} />
        )}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filterEntityType')}
          value={f.entityType}
          style={{ width: 150 }}
          options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e) }))}
          onChange={(entityType) => update({ filters: { entityType } })}
          data-testid="filter-entity-type"
        />
        <Input
          allowClear
          placeholder={t('audit.filterEntityId')}
          defaultValue={f.entityId}
          key={f.entityId ?? ''}
          style={{ width: 120 }}
          onPressEnter={(e) => setEntityId(e.currentTarget.value)}
          onBlur={(e) => setEntityId(e.currentTarget.value)}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(days) => update({ filters: { from: days?.[0]?.format(DAY), to: days?.[1]?.format(DAY) } })}
          data-testid="filter-dates"
        />
      </ListToolbar>
      <DataTable<AuditEntryDto>
        columns={columns}
        query={audit}
        list={list}
        empty={<EmptyState description={list.hasFilters ? t('audit.noMatch') : t('audit.empty')} />}
        expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} />, rowExpandable: (e) => e.before !== null || e.after !== null }}
      />
    </>
  );
}
