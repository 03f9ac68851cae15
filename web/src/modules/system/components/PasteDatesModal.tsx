// Paste the State Council's holiday notice as lines of "YYYY-MM-DD name" (ranges allowed); the
// preview says what will be marked and which lines could not be read before anything changes.
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testId } from '../../../ui/test-id';
import { parsePastedDates, type DayMark, type PasteMode } from './calendar-edit';

interface PasteDatesModalProps {
  open: boolean;
  onApply: (marks: DayMark[]) => void;
  onClose: () => void;
}

export function PasteDatesModal({ open, onApply, onClose }: PasteDatesModalProps) {
  return open ? <PasteDates onApply={onApply} onClose={onClose} /> : null;
}

function PasteDates({ onApply, onClose }: Omit<PasteDatesModalProps, 'open'>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<PasteMode>('auto');
  const { marks, badLines } = parsePastedDates(text, mode);
  const holidays = marks.filter((m) => m.kind === 'holiday').length;

  return (
    <Modal
      open
      width={640}
      title={t('workCalendar.paste.title')}
      okText={t('workCalendar.paste.apply', { n: marks.length })}
      okButtonProps={{ disabled: marks.length === 0, ...testId('paste-apply') }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => {
        onApply(marks);
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t('workCalendar.paste.intro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item>
          <Input.TextArea
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={'2026-10-01~2026-10-07 国庆节\n2026-09-27 国庆节调休上班\n2026-10-10 国庆节调休上班'}
            data-testid="paste-text"
          />
        </Form.Item>
        <Form.Item label={t('workCalendar.paste.mode')}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as PasteMode)}>
            <Radio value="auto">{t('workCalendar.paste.auto')}</Radio>
            <Radio value="holiday">{t('workCalendar.paste.allHolidays')}</Radio>
            <Radio value="workday">{t('workCalendar.paste.allWorkdays')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
      {marks.length > 0 && (
        <Alert type="info" showIcon title={t('workCalendar.paste.preview', { holidays, workdays: marks.length - holidays })} />
      )}
      {badLines.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('workCalendar.paste.badLines', { lines: badLines.slice(0, 20).join('、') })}
        />
      )}
    </Modal>
  );
}
