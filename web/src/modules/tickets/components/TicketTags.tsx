// The small coloured words a ticket is recognised by: state, priority, kind, importance, and the
// service clock with the time left or overdue.
import { ClockCircleOutlined, StarFilled } from '@ant-design/icons';
import { Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketKind, TicketPriority, TicketState, TicketSummary } from '@shared/contracts/tickets.js';
import { useFormat } from '../../../lib/format';
import { dueText, useNow } from '../time';
import { currentClock, PRIORITY_COLORS, STATE_COLORS, STATE_STEP, STEP_COUNT, type ClockName } from '../vocabulary';

export function StateTag({ state }: { state: TicketState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="ticket-state">
      {t(`tickets.state.${state}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} data-testid="ticket-priority">
      {t(`tickets.priority.${priority}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: TicketKind }) {
  const { t } = useTranslation();
  return kind === 'task' ? <Tag color="purple">{t('tickets.kind.task')}</Tag> : null;
}

export function ImportantMark({ important }: { important: boolean }) {
  const { t } = useTranslation();
  if (!important) return null;
  return (
    <Tooltip title={t('tickets.fields.important')}>
      <StarFilled style={{ color: '#faad14' }} aria-label={t('tickets.fields.important')} />
    </Tooltip>
  );
}

type Clock = TicketSummary['response'];

/** One clock: "还剩 35 分钟" (orange when near), "已超时 2 小时" (red), or how it ended. */
export function ClockText({ name, clock, withName }: { name: ClockName; clock: Clock; withName?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const label = withName ? `${t(`tickets.sla.${name}`)} ` : '';
  if (clock.status === 'none' || clock.dueAt === null)
    return <Typography.Text type="secondary">{label + t('tickets.sla.none')}</Typography.Text>;
  const due = t('tickets.sla.dueAt', { at: fmt.dateTime(clock.dueAt) });
  if (clock.status === 'met' || clock.status === 'missed') {
    return (
      <Tooltip title={due}>
        <Tag color={clock.status === 'met' ? 'green' : 'red'} data-testid={`clock-${name}`}>
          {label + t(`tickets.sla.${clock.status}`)}
        </Tag>
      </Tooltip>
    );
  }
  const rel = dueText(t, clock.dueAt, now);
  const color = rel.overdue || clock.status === 'breached' ? 'red' : clock.status === 'near' ? 'orange' : 'default';
  return (
    <Tooltip title={due}>
      <Tag color={color} icon={<ClockCircleOutlined />} data-testid={`clock-${name}`}>
        {label + rel.text}
      </Tag>
    </Tooltip>
  );
}

/** The clock that matters for a row of a list. */
export function DueTag({ ticket }: { ticket: Pick<TicketSummary, 'response' | 'resolution'> }) {
  const current = currentClock(ticket);
  if (!current) return null;
  return <ClockText name={current.name} clock={current.clock} withName />;
}

/** The reporter's view of how far along it is: reported → taken → worked on → solved → done. */
export function TicketProgress({ state, width, label }: { state: TicketState; width?: number; label?: boolean }) {
  const { t } = useTranslation();
  const step = STATE_STEP[state];
  const bar = (
    <Progress
      steps={STEP_COUNT}
      percent={(step / STEP_COUNT) * 100}
      showInfo={false}
      size={width ? [width / STEP_COUNT, 6] : 'small'}
      strokeColor={state === 'closed' || state === 'resolved' ? '#52c41a' : undefined}
      aria-label={t(`tickets.progress.${state}`)}
    />
  );
  if (!label) return <Tooltip title={t(`tickets.progress.${state}`)}>{bar}</Tooltip>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      {bar}
      <Typography.Text type={state === 'resolved' ? 'warning' : 'secondary'} style={{ fontSize: 12 }} data-testid="ticket-progress">
        {t(`tickets.progress.${state}`)}
      </Typography.Text>
    </span>
  );
}
