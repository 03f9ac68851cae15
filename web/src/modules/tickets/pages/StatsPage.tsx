// 工单统计: a period (this month by default, last month, quarter, year, or any dates) and what
// happened in it: totals, mean response and resolution in working hours, share within target,
// opened vs resolved per day, by category, priority, state and assignee, the devices and places
// with the most faults. The figures come from the server's statistics query, which the monthly
// report reuses.
import { Card, Col, DatePicker, Empty, Flex, Progress, Row, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TICKET_PRIORITIES, TICKET_STATES, type TicketStats } from '@shared/contracts/tickets.js';
import { useCan } from '../../../lib/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useTicketStats } from '../api';
import { Chart } from '../components/stats/Chart';
import { useCategoryLabel } from '../lookups-api';
import { PERIODS, periodRange, useToday, workingHours, type Period } from '../time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function useRange(): { period: Period; range: { from: string; to: string } | null; set: (p: Period, from?: string, to?: string) => void } {
  const [params, setParams] = useSearchParams();
  const today = useToday();
  const asked = params.get('period') as Period | null;
  const period: Period = asked && PERIODS.includes(asked) ? asked : 'month';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = period === 'custom' ? (DATE.test(from) && DATE.test(to) ? { from, to } : null) : periodRange(period, today);
  const set = (p: Period, f?: string, t?: string) =>
    setParams(p === 'custom' ? { period: p, ...(f && t ? { from: f, to: t } : {}) } : p === 'month' ? {} : { period: p }, {
      replace: true,
    });
  return { period, range, set };
}

export default function StatsPage() {
  const { t } = useTranslation();
  const { period, range, set } = useRange();
  const stats = useTicketStats(range);
  const s = stats.data;

  return (
    <>
      <PageHeader
        title={t('tickets.nav.stats')}
        description={range ? t('tickets.stats.range', range) : t('tickets.stats.pickRange')}
        actions={
          <Flex wrap gap={8}>
            <Segmented
              value={period}
              onChange={(p) => set(p as Period, range?.from, range?.to)}
              options={PERIODS.map((p) => ({ value: p, label: t(`tickets.stats.period.${p}`) }))}
              data-testid="stats-period"
            />
            {period === 'custom' && (
              <DatePicker.RangePicker
                value={range ? [dayjs(range.from), dayjs(range.to)] : null}
                onChange={(v) => v?.[0] && v[1] && set('custom', v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD'))}
                allowClear={false}
              />
            )}
          </Flex>
        }
      />
      <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      {s && <StatsBody s={s} loading={stats.isFetching} />}
      {!s && !stats.error && range && <Card loading />}
    </>
  );
}

function Kpi({ title, value, suffix, testId }: { title: string; value: string | number | null; suffix?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} value={value ?? t('tickets.stats.noData')} suffix={value === null ? undefined : suffix} />
    </Card>
  );
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Every value of the vocabulary in its own order (urgent before low), zero where nothing came. */
function inOrder(keys: readonly string[], buckets: { key: string; count: number }[]) {
  const counts = new Map(buckets.map((b) => [b.key, b.count]));
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

function StatsBody({ s, loading }: { s: TicketStats; loading: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const categoryLabel = useCategoryLabel();
  const hours = t('tickets.stats.hoursUnit');
  const maxAssignee = Math.max(1, ...s.byAssignee.map((a) => a.count));
  const bar = (keys: { key: string; count: number }[], label: (k: string) => string, color: string) => ({
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'category' as const, data: keys.map((k) => label(k.key)) },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [{ type: 'bar' as const, data: keys.map((k) => k.count), itemStyle: { color }, barMaxWidth: 40 }],
  });

  return (
    <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity .2s' }}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={8} xl={4}>
          <Kpi testId="kpi-total" title={t('tickets.stats.total')} value={s.total} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Kpi testId="kpi-response" title={t('tickets.stats.meanResponse')} value={workingHours(s.meanResponseMinutes)} suffix={hours} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Kpi
            testId="kpi-resolution"
            title={t('tickets.stats.meanResolution')}
            value={workingHours(s.meanResolutionMinutes)}
            suffix={hours}
          />
        </Col>
        <Col xs={12} md={12} xl={5}>
          <Kpi testId="kpi-response-target" title={t('tickets.stats.responseWithin')} value={percent(s.responseWithinTarget)} suffix="%" />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Kpi
            testId="kpi-resolution-target"
            title={t('tickets.stats.resolutionWithin')}
            value={percent(s.resolutionWithinTarget)}
            suffix="%"
          />
        </Col>
      </Row>
      {s.total === 0 ? (
        <Card>
          <Empty description={t('tickets.stats.empty')} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24}>
            <Card size="small" title={t('tickets.stats.daily')}>
              <Chart
                testId="chart-daily"
                option={{
                  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  xAxis: { type: 'category', data: s.daily.map((d) => d.date.slice(5)) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    { name: t('tickets.stats.opened'), type: 'line', data: s.daily.map((d) => d.opened) },
                    { name: t('tickets.stats.resolved'), type: 'line', data: s.daily.map((d) => d.resolved) },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tickets.stats.byCategory')}>
              <Chart
                testId="chart-category"
                option={{
                  tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
                  legend: { type: 'scroll', bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['35%', '65%'],
                      top: -20,
                      data: s.byCategory.map((c) => ({
                        name: c.key ? categoryLabel(c.key) : t('tickets.stats.uncategorised'),
                        value: c.count,
                      })),
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tickets.stats.byPriority')}>
              <Chart
                testId="chart-priority"
                option={bar(inOrder(TICKET_PRIORITIES, s.byPriority), (k) => t(`tickets.priority.${k}`, { defaultValue: k }), '#fa8c16')}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tickets.stats.byState')}>
              <Chart
                testId="chart-state"
                option={bar(inOrder(TICKET_STATES, s.byState), (k) => t(`tickets.state.${k}`, { defaultValue: k }), '#1677ff')}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tickets.stats.byAssignee')} style={{ height: '100%' }}>
              <Table
                size="small"
                rowKey={(a) => String(a.userId)}
                pagination={false}
                dataSource={s.byAssignee}
                data-testid="stats-assignees"
                columns={[
                  { key: 'n', title: t('tickets.fields.assignee'), render: (_, a) => a.name ?? t('tickets.list.unassigned') },
                  {
                    key: 'c',
                    title: t('tickets.stats.count'),
                    render: (_, a) => (
                      <Flex align="center" gap={8} style={{ minWidth: 160 }}>
                        <Progress
                          percent={(a.count / maxAssignee) * 100}
                          status="normal"
                          strokeColor="#1677ff"
                          showInfo={false}
                          size="small"
                          style={{ flex: 1, margin: 0 }}
                        />
                        <span>{a.count}</span>
                      </Flex>
                    ),
                  },
                  { key: 'r', title: t('tickets.stats.resolved'), dataIndex: 'resolved' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tickets.stats.topAssets')}>
              <Table
                size="small"
                rowKey="assetId"
                pagination={false}
                dataSource={s.topAssets}
                locale={{ emptyText: t('tickets.stats.noAssets') }}
                data-testid="stats-assets"
                columns={[
                  {
                    key: 'a',
                    title: t('tickets.fields.asset'),
                    render: (_, a) =>
                      can('assets:read') ? (
                        <Link to={`/assets/${a.assetId}`}>
                          <span style={{ fontFamily: 'monospace' }}>{a.number}</span> {a.name}
                        </Link>
                      ) : (
                        `${a.number} ${a.name}`
                      ),
                  },
                  {
                    key: 'c',
                    title: t('tickets.stats.count'),
                    render: (_, a) => <Link to={`/tickets?view=all&assetId=${a.assetId}`}>{a.count}</Link>,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tickets.stats.topLocations')}>
              <Table
                size="small"
                rowKey={(l) => `${l.locationId ?? ''}|${l.name}`}
                pagination={false}
                dataSource={s.topLocations}
                locale={{ emptyText: t('tickets.stats.noLocations') }}
                data-testid="stats-locations"
                columns={[
                  {
                    key: 'l',
                    title: t('tickets.fields.location'),
                    render: (_, l) => l.name || <Typography.Text type="secondary">{t('tickets.stats.noPlace')}</Typography.Text>,
                  },
                  {
                    key: 'c',
                    title: t('tickets.stats.count'),
                    render: (_, l) =>
                      l.locationId !== null ? <Link to={`/tickets?view=all&locationId=${l.locationId}`}>{l.count}</Link> : l.count,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
