// 知识库: every article for technicians. Search (two Chinese characters are enough), filters on
// category, tag, status and visibility, FAQ and internal badges, drafts marked. A table on a
// desktop, cards on a phone; the list state lives in the URL.
import { PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, List, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { KB_STATUSES, KB_VISIBILITIES, type KbArticleSummary } from '@shared/contracts/kb.js';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ListToolbar } from '../../../ui/ListToolbar';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchInput } from '../../../ui/SearchInput';
import { useArticles, useKbCategories, useKbTags } from '../api';
import { StatusTag, TagList, VisibilityTag, useCategoryLabel } from '../components/ArticleTags';

const FILTERS = ['category', 'tag', 'status', 'visibility'] as const;

export default function KbListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(FILTERS);
  const { state, update, hasFilters, clearFilters } = list;
  const f = state.filters;
  const categories = useKbCategories();
  const tags = useKbTags();
  const categoryLabel = useCategoryLabel();
  const articles = useArticles({
    q: state.q,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    category: f.category,
    tag: f.tag,
    status: f.status,
    visibility: f.visibility,
  });
  const writable = can('kb:write');
  const pickTag = (tag: string) => update({ filters: { tag } });

  const columns: ColumnsType<KbArticleSummary> = [
    {
      key: 'title',
      title: t('kb.fields.title'),
      sorter: true,
      render: (_, a) => (
        <Flex vertical gap={2} style={{ maxWidth: 520 }}>
          <Link to={`/kb/articles/${a.id}`} data-testid="kb-row-title">
            {a.title}
          </Link>
          {a.excerpt && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {a.excerpt}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'badges',
      title: t('kb.fields.visibility'),
      render: (_, a) => (
        <Flex wrap gap={4}>
          <VisibilityTag visibility={a.visibility} />
          <StatusTag status={a.status} />
        </Flex>
      ),
    },
    { key: 'category', title: t('kb.fields.category'), render: (_, a) => categoryLabel(a.category) },
    { key: 'tags', title: t('kb.fields.tags'), render: (_, a) => <TagList tags={a.tags} onPick={pickTag} /> },
    { key: 'views', title: t('kb.fields.views'), sorter: true, align: 'right', render: (_, a) => a.views },
    {
      key: 'helpful',
      title: t('kb.fields.helpful'),
      sorter: true,
      align: 'right',
      render: (_, a) => t('kb.helpfulCounts', { yes: a.helpfulYes, no: a.helpfulNo }),
    },
    { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, render: (_, a) => fmt.dateTime(a.updatedAt) },
  ];

  const empty = hasFilters ? (
    <EmptyState description={t('kb.list.noMatch')} actions={<Button onClick={clearFilters}>{t('common.clearFilters')}</Button>} />
  ) : (
    <EmptyState
      description={writable ? t('kb.list.emptyWritable') : t('kb.list.empty')}
      actions={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/kb/articles/new')}>
            {t('kb.list.new')}
          </Button>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('kb.list.title')}
        description={t('kb.list.description')}
        actions={
          <>
            <Link to="/kb/faq">
              <Button icon={<QuestionCircleOutlined />}>{t('kb.nav.faq')}</Button>
            </Link>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/kb/articles/new')} data-testid="kb-new">
                {t('kb.list.new')}
              </Button>
            )}
          </>
        }
      />
      <ListToolbar hasFilters={hasFilters} onClear={clearFilters}>
        <SearchInput
          value={state.q}
          onSearch={(q) => update({ q })}
          placeholder={t('kb.list.searchPlaceholder')}
          width={phone ? '100%' : 260}
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('kb.fields.category')}
          value={f.category}
          loading={categories.isLoading}
          options={(categories.data ?? []).map((c) => ({ value: c.value, label: c.label }))}
          onChange={(v?: string) => update({ filters: { category: v } })}
          data-testid="kb-filter-category"
        />
        <Select
          allowClear
          showSearch
          style={{ minWidth: 140 }}
          placeholder={t('kb.fields.tags')}
          value={f.tag}
          loading={tags.isLoading}
          options={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
          onChange={(v?: string) => update({ filters: { tag: v } })}
          data-testid="kb-filter-tag"
        />
        <Select
          allowClear
          style={{ minWidth: 110 }}
          placeholder={t('kb.fields.status')}
          value={f.status}
          options={KB_STATUSES.map((s) => ({ value: s, label: t(`kb.status.${s}`) }))}
          onChange={(v?: string) => update({ filters: { status: v } })}
          data-testid="kb-filter-status"
        />
        <Select
          allowClear
          style={{ minWidth: 130 }}
          placeholder={t('kb.fields.visibility')}
          value={f.visibility}
          options={KB_VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibility.${v}`) }))}
          onChange={(v?: string) => update({ filters: { visibility: v } })}
          data-testid="kb-filter-visibility"
        />
      </ListToolbar>
      {phone ? (
        <>
          <ErrorAlert error={articles.error} onRetry={() => void articles.refetch()} />
          <List
            loading={articles.isFetching}
            dataSource={articles.data?.items ?? []}
            locale={{ emptyText: articles.isLoading ? ' ' : empty }}
            pagination={
              (articles.data?.total ?? 0) > state.pageSize
                ? {
                    current: state.page,
                    pageSize: state.pageSize,
                    total: articles.data?.total,
                    onChange: (page) => update({ page }),
                    size: 'small',
                  }
                : false
            }
            renderItem={(a) => (
              <Card
                size="small"
                style={{ marginBottom: 8 }}
                onClick={() => void navigate(`/kb/articles/${a.id}`)}
                hoverable
                data-testid="kb-card"
              >
                <Typography.Text strong>{a.title}</Typography.Text>
                <Flex wrap gap={4} style={{ margin: '6px 0' }}>
                  <VisibilityTag visibility={a.visibility} />
                  <StatusTag status={a.status} />
                  {a.category && <Typography.Text type="secondary">{categoryLabel(a.category)}</Typography.Text>}
                </Flex>
                {a.excerpt && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {a.excerpt}
                  </Typography.Paragraph>
                )}
              </Card>
            )}
          />
        </>
      ) : (
        <DataTable<KbArticleSummary> columns={columns} query={articles} list={list} empty={empty} data-testid="kb-table" />
      )}
    </>
  );
}
