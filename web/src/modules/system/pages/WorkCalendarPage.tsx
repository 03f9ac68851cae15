// The work calendar (工作日历): which weekdays work, the working hours, and the year's holidays
// and make-up working days. Service targets of fault tickets count in this time, so the page
// shows what a week holds and when "4 working hours from now" would end.
import { CalendarOutlined, LeftOutlined, RightOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarOf, workCalendar } from '@shared/contracts/calendar.js';
import { addWorkingMinutes, isoWeekday, weeklyWorkingMinutes, type WorkCalendar } from '@shared/lib/work-calendar.js';
import { errorText, reasonText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { markDay, markDays, type DayKind } from '../components/calendar-edit';
import { DayEditModal } from '../components/DayEditModal';
import { PasteDatesModal } from '../components/PasteDatesModal';
import { WorkPeriodsEditor } from '../components/WorkPeriodsEditor';
import { YearCalendar } from '../components/YearCalendar';
import { useSaveWorkCalendar, useWorkCalendar } from '../work-calendar-api';

const PREVIEW_MINUTES = 240;

function dateIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

interface DateRow {
  id: string;
  date: string;
  name: string;
  kind: DayKind;
}

export default function WorkCalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const query = useWorkCalendar();
  const save = useSaveWorkCalendar();
  const [draft, setDraft] = useState<WorkCalendar | null>(null);
  // One "now" per visit: the preview and today's mark stay put while the page is edited.
  const [now] = useState(() => Date.now());
  const today = dateIn(now, fmt.timeZone);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [editingDay, setEditingDay] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);

  const saved = useMemo(() => (query.data ? calendarOf(query.data) : null), [query.data]);
  const cal = draft ?? saved;
  const change = (next: WorkCalendar) => setDraft(next);

  const weekdayName = useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
    return (iso: number) => f.format(Date.UTC(2024, 0, iso)); // 2024-01-01 was a Monday
  }, [i18n.language]);

  if (!cal) {
    return (
      <>
        <PageHeader title={t('nav.workCalendar')} description={t('workCalendar.description')} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        {query.isLoading && <Spin />}
      </>
    );
  }

  // The same rules the server applies, checked as the administrator edits.
  const check = workCalendar.safeParse(cal);
  const problems = check.success
    ? []
    : check.error.issues.map((issue) => {
        const [list, index] = issue.path;
        const where =
          list === 'periods' && typeof index === 'number'
            ? t('workCalendar.periodN', { n: index + 1 })
            : (list === 'holidays' || list === 'workdays') && typeof index === 'number'
              ? (cal[list][index]?.date ?? '')
              : t(`workCalendar.section.${String(list ?? 'weekdays')}`, { defaultValue: String(list ?? '') });
        const reason = issue.code === 'custom' || /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code;
        const p = issue as { minimum?: unknown; maximum?: unknown; origin?: unknown };
        return `${where}: ${reasonText(t, { reason, params: { minimum: p.minimum, maximum: p.maximum, origin: p.origin } })}`;
      });

  const weekly = weeklyWorkingMinutes(cal);
  let preview: string;
  try {
    preview = t('workCalendar.preview', {
      hours: PREVIEW_MINUTES / 60,
      due: fmt.dateTime(addWorkingMinutes(now, PREVIEW_MINUTES, cal, fmt.timeZone)),
    });
  } catch {
    preview = t('workCalendar.noWorkingTime');
  }

  const submit = async () => {
    try {
      const sorted = { ...cal, periods: [...cal.periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)) };
      await save.mutateAsync(sorted);
      setDraft(null);
      void message.success(t('common.saved'));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  const rows: DateRow[] = [
    ...cal.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...cal.workdays.map((d) => ({ ...d, kind: 'workday' as const })),
  ]
    .filter((d) => d.date.startsWith(`${year}-`))
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => ({ ...d, id: d.date }));

  return (
    <>
      <PageHeader
        title={t('nav.workCalendar')}
        description={t('workCalendar.description')}
        actions={
          <Space>
            {draft && <Button onClick={() => setDraft(null)}>{t('workCalendar.discard')}</Button>}
            <Button
              type="primary"
              onClick={() => void submit()}
              loading={save.isPending}
              disabled={!draft || problems.length > 0}
              data-testid="form-submit"
            >
              {t('common.save')}
            </Button>
          </Space>
        }
      />
      {draft && <Alert type="warning" showIcon title={t('workCalendar.unsaved')} style={{ marginBottom: 16 }} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('workCalendar.problems')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.slice(0, 10).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('workCalendar.hoursTitle')}>
            <Typography.Paragraph strong>{t('workCalendar.section.weekdays')}</Typography.Paragraph>
            <Checkbox.Group
              value={cal.weekdays}
              onChange={(v) => change({ ...cal, weekdays: [...v].sort((a, b) => a - b) })}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayName(d) }))}
              data-testid="weekdays"
            />
            <Typography.Paragraph strong style={{ marginTop: 16 }}>
              {t('workCalendar.section.periods')}
            </Typography.Paragraph>
            <WorkPeriodsEditor value={cal.periods} onChange={(periods) => change({ ...cal, periods })} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('workCalendar.summaryTitle')}>
            <Statistic
              title={t('workCalendar.weeklyTotal')}
              value={t('workCalendar.hoursMinutes', { hours: Math.floor(weekly / 60), minutes: weekly % 60 })}
              data-testid="weekly-total"
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {preview}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('workCalendar.timeZoneNote', { timeZone: fmt.timeZone })}</Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={
              <Flex align="center" gap={8}>
                <CalendarOutlined />
                <Button
                  type="text"
                  size="small"
                  icon={<LeftOutlined />}
                  onClick={() => setYear(year - 1)}
                  aria-label={t('workCalendar.prevYear')}
                />
                <span data-testid="calendar-year">{t('workCalendar.yearTitle', { year })}</span>
                <Button
                  type="text"
                  size="small"
                  icon={<RightOutlined />}
                  onClick={() => setYear(year + 1)}
                  aria-label={t('workCalendar.nextYear')}
                />
              </Flex>
            }
            extra={
              <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)} data-testid="paste-dates">
                {t('workCalendar.paste.open')}
              </Button>
            }
          >
            <YearCalendar year={year} calendar={cal} today={today} onDayClick={setEditingDay} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('workCalendar.datesTitle', { year, n: rows.length })}>
            <Table<DateRow>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rows}
              locale={{ emptyText: t('workCalendar.noDates') }}
              columns={[
                { key: 'date', title: t('workCalendar.date'), render: (_, r) => `${r.date} ${weekdayName(isoWeekday(r.date))}` },
                {
                  key: 'kind',
                  title: t('workCalendar.dayKind'),
                  render: (_, r) => <Tag color={r.kind === 'holiday' ? 'red' : 'orange'}>{t(`workCalendar.${r.kind}`)}</Tag>,
                },
                { key: 'name', title: t('workCalendar.dayName'), dataIndex: 'name' },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_, r) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditingDay(r.date)}>
                        {t('common.edit')}
                      </Button>
                      <Button type="link" size="small" danger onClick={() => change(markDay(cal, r.date, null, ''))}>
                        {t('workCalendar.clearDay')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <DayEditModal
        date={editingDay}
        calendar={cal}
        onApply={(date, kind, name) => change(markDay(cal, date, kind, name))}
        onClose={() => setEditingDay(null)}
      />
      <PasteDatesModal open={pasting} onApply={(marks) => change(markDays(cal, marks))} onClose={() => setPasting(false)} />
    </>
  );
}
