// A whole year at a glance: twelve small months, Monday first. Holidays and make-up working
// days stand out in colour; weekends are dimmed; a click on a day opens its editor.
import { Col, Flex, Row, Typography, theme } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { dateOfDay, dayNumber, isWorkingDay, type WorkCalendar } from '@shared/lib/work-calendar.js';

interface YearCalendarProps {
  year: number;
  calendar: WorkCalendar;
  /** Today in the organisation's time zone, 'YYYY-MM-DD'. */
  today: string;
  onDayClick: (date: string) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Localised names: months and Monday-first weekdays, from Intl (no translation keys needed). */
function useNames(lang: string) {
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat(lang, { weekday: 'narrow', timeZone: 'UTC' });
    return {
      months: Array.from({ length: 12 }, (_, m) => month.format(Date.UTC(2026, m, 1))),
      // 2024-01-01 was a Monday.
      weekdays: Array.from({ length: 7 }, (_, d) => weekday.format(Date.UTC(2024, 0, 1 + d))),
    };
  }, [lang]);
}

export function YearCalendar({ year, calendar, today, onDayClick }: YearCalendarProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const names = useNames(i18n.language);
  const holidays = useMemo(() => new Map(calendar.holidays.map((d) => [d.date, d.name])), [calendar.holidays]);
  const workdays = useMemo(() => new Map(calendar.workdays.map((d) => [d.date, d.name])), [calendar.workdays]);

  const cellStyle = (date: string): CSSProperties => {
    const base: CSSProperties = {
      width: '100%',
      aspectRatio: '1',
      border: date === today ? `1px solid ${token.colorPrimary}` : '1px solid transparent',
      borderRadius: token.borderRadiusSM,
      background: 'transparent',
      cursor: 'pointer',
      padding: 0,
      fontSize: 12,
      color: token.colorText,
    };
    if (holidays.has(date)) return { ...base, background: token.colorErrorBg, color: token.colorError, fontWeight: 600 };
    if (workdays.has(date)) return { ...base, background: token.colorWarningBg, color: token.colorWarningText, fontWeight: 600 };
    if (!isWorkingDay(date, calendar)) return { ...base, color: token.colorTextQuaternary };
    return base;
  };

  const month = (m: number) => {
    const first = dayNumber(`${year}-${pad(m + 1)}-01`);
    const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const lead = (((first + 3) % 7) + 7) % 7; // Monday = 0
    const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, d) => dateOfDay(first + d))];
    return (
      <div data-testid={`month-${m + 1}`}>
        <Typography.Text strong>{names.months[m]}</Typography.Text>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4 }}>
          {names.weekdays.map((w, i) => (
            <div key={`w${i}`} style={{ textAlign: 'center', fontSize: 11, color: token.colorTextSecondary }}>
              {w}
            </div>
          ))}
          {cells.map((date, i) => {
            if (!date) return <div key={`e${i}`} />;
            const name = holidays.get(date) ?? workdays.get(date);
            const kind = holidays.has(date) ? t('workCalendar.holiday') : workdays.has(date) ? t('workCalendar.workday') : '';
            const label = [date, kind, name].filter(Boolean).join(' · ');
            return (
              <button key={date} type="button" style={cellStyle(date)} title={label} aria-label={label} onClick={() => onDayClick(date)}>
                {Number(date.slice(8))}
              </button>
            );
          })}
        </div>
      </div>
    );
  };

  const swatch = (background: string, color: string): CSSProperties => ({
    display: 'inline-block',
    width: 14,
    height: 14,
    borderRadius: 3,
    background,
    border: `1px solid ${color}`,
    marginRight: 6,
    verticalAlign: 'middle',
  });

  return (
    <>
      <Row gutter={[24, 16]}>
        {Array.from({ length: 12 }, (_, m) => (
          <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
            {month(m)}
          </Col>
        ))}
      </Row>
      <Flex gap={16} wrap style={{ marginTop: 16 }}>
        <span>
          <span style={swatch(token.colorErrorBg, token.colorError)} />
          {t('workCalendar.holiday')}
        </span>
        <span>
          <span style={swatch(token.colorWarningBg, token.colorWarningText)} />
          {t('workCalendar.workday')}
        </span>
        <span>
          <span style={swatch('transparent', token.colorTextQuaternary)} />
          {t('workCalendar.weekendOff')}
        </span>
        <Typography.Text type="secondary">{t('workCalendar.clickHint')}</Typography.Text>
      </Flex>
    </>
  );
}
