// The working periods of a working day (08:30–12:00, 13:30–17:30 ...): one row each, added and
// removed freely; a period may run to midnight (24:00) for a round-the-clock desk.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MAX_WORK_PERIODS } from '@shared/contracts/calendar.js';
import { parseTime, type WorkPeriod } from '@shared/lib/work-calendar.js';

interface WorkPeriodsEditorProps {
  value: WorkPeriod[];
  onChange: (periods: WorkPeriod[]) => void;
}

const asTime = (hhmm: string): Dayjs | null => (/^\d{2}:\d{2}$/.test(hhmm) && hhmm !== '24:00' ? dayjs(`2000-01-01T${hhmm}`) : null);
const pad = (n: number) => String(n).padStart(2, '0');
const fromMinutes = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** A sensible next row: an hour after the last period ends, two hours long, within the day. */
function nextPeriod(periods: WorkPeriod[]): WorkPeriod {
  const last = periods[periods.length - 1];
  if (!last) return { start: '08:30', end: '12:00' };
  const start = Math.min(parseTime(last.end) + 60, 22 * 60);
  return { start: fromMinutes(start), end: fromMinutes(Math.min(start + 120, 23 * 60 + 55)) };
}

export function WorkPeriodsEditor({ value, onChange }: WorkPeriodsEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<WorkPeriod>) => onChange(value.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <Flex vertical gap={8}>
      {value.map((p, i) => {
        const minutes = Math.max(0, parseTime(p.end) - parseTime(p.start));
        return (
          <Flex key={i} gap={8} align="center" wrap data-testid={`period-${i}`}>
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              needConfirm={false}
              allowClear={false}
              value={asTime(p.start)}
              onChange={(v) => v && set(i, { start: v.format('HH:mm') })}
              aria-label={t('workCalendar.periodStart', { n: i + 1 })}
            />
            <span>–</span>
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              needConfirm={false}
              allowClear={false}
              disabled={p.end === '24:00'}
              value={asTime(p.end)}
              placeholder="24:00"
              onChange={(v) => v && set(i, { end: v.format('HH:mm') })}
              aria-label={t('workCalendar.periodEnd', { n: i + 1 })}
            />
            <Checkbox checked={p.end === '24:00'} onChange={(e) => set(i, { end: e.target.checked ? '24:00' : '23:55' })}>
              {t('workCalendar.toMidnight')}
            </Checkbox>
            <Typography.Text type="secondary">
              {t('workCalendar.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}
            </Typography.Text>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={value.length <= 1}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={t('workCalendar.removePeriod', { n: i + 1 })}
            />
          </Flex>
        );
      })}
      <div>
        <Button icon={<PlusOutlined />} disabled={value.length >= MAX_WORK_PERIODS} onClick={() => onChange([...value, nextPeriod(value)])}>
          {t('workCalendar.addPeriod')}
        </Button>
      </div>
    </Flex>
  );
}
