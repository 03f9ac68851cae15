// One day of the calendar: leave it to its weekday's rule, or make it a holiday (放假) or a
// make-up working day (调休上班), with the name the calendar shows.
import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoWeekday, type WorkCalendar } from '@shared/lib/work-calendar.js';
import type { DayKind } from './calendar-edit';

interface DayEditModalProps {
  date: string | null;
  calendar: WorkCalendar;
  onApply: (date: string, kind: DayKind | null, name: string) => void;
  onClose: () => void;
}

export function DayEditModal({ date, calendar, onApply, onClose }: DayEditModalProps) {
  return date ? <DayEditor key={date} date={date} calendar={calendar} onApply={onApply} onClose={onClose} /> : null;
}

function DayEditor({ date, calendar, onApply, onClose }: DayEditModalProps & { date: string }) {
  const { t, i18n } = useTranslation();
  const holiday = calendar.holidays.find((d) => d.date === date);
  const workday = calendar.workdays.find((d) => d.date === date);
  const [kind, setKind] = useState<DayKind | 'default'>(holiday ? 'holiday' : workday ? 'workday' : 'default');
  const [name, setName] = useState((holiday ?? workday)?.name ?? '');
  const weekday = isoWeekday(date);
  const weekdayName = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
  const byRule = calendar.weekdays.includes(weekday) ? t('workCalendar.ruleWorking') : t('workCalendar.ruleOff');

  return (
    <Modal
      open
      title={`${date} ${weekdayName}`}
      okText={t('workCalendar.applyDay')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => {
        onApply(date, kind === 'default' ? null : kind, name);
        onClose();
      }}
    >
      <Form layout="vertical">
        <Form.Item label={t('workCalendar.dayKind')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as DayKind | 'default')} data-testid="day-kind">
            <Radio value="default">{t('workCalendar.byRule', { rule: byRule })}</Radio>
            <Radio value="holiday">{t('workCalendar.holiday')}</Radio>
            <Radio value="workday">{t('workCalendar.workday')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('workCalendar.dayName')} extra={t('workCalendar.dayNameHint')}>
          <Input
            value={name}
            maxLength={50}
            disabled={kind === 'default'}
            onChange={(e) => setName(e.target.value)}
            data-testid="day-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
