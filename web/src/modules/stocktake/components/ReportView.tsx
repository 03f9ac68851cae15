// The closed stocktake's report on screen: the fixed-asset summary (book, found, missing, bought
// this year, in number and value), then the breakdowns by category and by location with a bar of
// how much of each was found, and the downloads.
import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Col, Progress, Row, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ReportGroup, StocktakeReport } from '@shared/contracts/stocktake.js';
import { reportUrl } from '../api';
import { formatYuan, percentOf } from './format';

function SummaryCard({ title, count, lines, testId }: { title: string; count: number; lines: string[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600 }}>{t('stocktake.report.count', { n: count })}</div>
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </Card>
  );
}

function GroupTable({ groups, first, fallback }: { groups: ReportGroup[]; first: string; fallback: string }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatYuan(fen, i18n.language);
  const columns: ColumnsType<ReportGroup> = [
    { key: 'name', title: first, render: (_, g) => g.name ?? fallback },
    {
      key: 'rate',
      title: t('stocktake.report.rate'),
      width: 200,
      render: (_, g) => (
        <Progress
          percent={percentOf(g.found, g.expected)}
          size="small"
          status={g.missing ? 'exception' : 'success'}
          format={() => `${g.found} / ${g.expected}`}
        />
      ),
    },
    { key: 'missing', title: t('stocktake.report.missing'), dataIndex: 'missing', align: 'right' },
    { key: 'misplaced', title: t('stocktake.report.misplaced'), dataIndex: 'misplaced', align: 'right' },
    { key: 'value', title: t('stocktake.report.value'), align: 'right', render: (_, g) => money(g.valueFen) },
    { key: 'net', title: t('stocktake.report.netValue'), align: 'right', render: (_, g) => money(g.netValueFen) },
    { key: 'missingValue', title: t('stocktake.report.missingValue'), align: 'right', render: (_, g) => money(g.missingValueFen) },
  ];
  return (
    <Table<ReportGroup>
      rowKey={(g) => String(g.id ?? 'none')}
      size="small"
      columns={columns}
      dataSource={groups}
      scroll={{ x: 'max-content' }}
      // A stored report of bounded size (one row per category or location), paged on screen.
      pagination={{ pageSize: 20, hideOnSinglePage: true, responsive: true }}
    />
  );
}

export function ReportView({ stocktakeId, report }: { stocktakeId: number; report: StocktakeReport }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatYuan(fen, i18n.language);
  const r = report;
  return (
    <Card title={t('stocktake.report.title', { date: r.closeDate })} data-testid="stocktake-report">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<FileExcelOutlined />} href={reportUrl(stocktakeId, 'xlsx')} download data-testid="download-xlsx">
          {t('stocktake.report.xlsx')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={reportUrl(stocktakeId, 'pdf')} download data-testid="download-pdf">
          {t('stocktake.report.pdf')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}>
          <SummaryCard
            testId="report-book"
            title={t('stocktake.report.book')}
            count={r.book.count}
            lines={[
              t('stocktake.report.valueLine', { value: money(r.book.valueFen) }),
              t('stocktake.report.netLine', { value: money(r.book.netValueFen) }),
            ]}
          />
        </Col>
        <Col xs={12} lg={6}>
          <SummaryCard
            testId="report-found"
            title={t('stocktake.report.found')}
            count={r.found.count}
            lines={[t('stocktake.report.valueLine', { value: money(r.found.valueFen) })]}
          />
        </Col>
        <Col xs={12} lg={6}>
          <SummaryCard
            testId="report-missing"
            title={t('stocktake.report.missingTitle')}
            count={r.missing.count}
            lines={[t('stocktake.report.valueLine', { value: money(r.missing.valueFen) })]}
          />
        </Col>
        <Col xs={12} lg={6}>
          <SummaryCard
            testId="report-bought"
            title={t('stocktake.report.bought', { year: r.year })}
            count={r.boughtThisYear.count}
            lines={[
              t('stocktake.report.valueLine', { value: money(r.boughtThisYear.valueFen) }),
              t('stocktake.report.boughtFound', { n: r.boughtThisYear.found }),
            ]}
          />
        </Col>
      </Row>
      {r.book.unpriced > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('stocktake.report.unpriced', { n: r.book.unpriced })}
        </Typography.Paragraph>
      )}
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'category',
            label: t('stocktake.report.byCategory'),
            children: <GroupTable groups={r.byCategory} first={t('stocktake.items.category')} fallback="" />,
          },
          {
            key: 'location',
            label: t('stocktake.report.byLocation'),
            children: <GroupTable groups={r.byLocation} first={t('stocktake.items.location')} fallback={t('stocktake.result.noPlace')} />,
          },
        ]}
      />
    </Card>
  );
}
