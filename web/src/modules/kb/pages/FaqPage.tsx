// 常见问题: the published FAQ for everyone, grouped by category, searchable, built for a phone.
// When nothing helps, the way to report a fault is one tap away.
import { AlertOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Flex, Grid, List, Segmented, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { KbArticleSummary } from '@shared/contracts/kb.js';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SearchInput } from '../../../ui/SearchInput';
import { useArticles, useKbCategories } from '../api';

/** The FAQ is small (dozens of entries): one request, grouped here. */
const FAQ_PAGE = 200;
const ALL = '*';
const FAQ_QUERY = { status: 'published', visibility: 'staff', sort: 'views', order: 'desc', pageSize: FAQ_PAGE } as const;

export default function FaqPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? ALL;
  const categories = useKbCategories();
  const faq = useArticles({ ...FAQ_QUERY, q, category: category === ALL ? undefined : category });
  // The whole FAQ says which categories hold articles (the API has no counts per category). It is
  // the same request as the unfiltered page, so it costs one more only while a filter is set.
  const whole = useArticles({ ...FAQ_QUERY, q: '', category: undefined });
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && value !== ALL) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Categories in the dictionary's order; articles without one, or in a category since removed, last.
  const groups = useMemo(() => {
    const items = faq.data?.items ?? [];
    const known = categories.data ?? [];
    const out: { key: string; label: string; items: KbArticleSummary[] }[] = [];
    for (const c of known) {
      const inIt = items.filter((a) => a.category === c.value);
      if (inIt.length) out.push({ key: c.value, label: c.label, items: inIt });
    }
    const knownValues = new Set(known.map((c) => c.value));
    const rest = items.filter((a) => !knownValues.has(a.category));
    if (rest.length) out.push({ key: '', label: t('kb.faq.other'), items: rest });
    return out;
  }, [faq.data, categories.data, t]);

  const articleList = (items: KbArticleSummary[]) => (
    <List
      size="small"
      dataSource={items}
      renderItem={(a) => (
        <List.Item key={a.id} style={{ paddingInline: 0 }}>
          <Link to={`/kb/articles/${a.id}`} style={{ display: 'block', width: '100%' }} data-testid="kb-faq-item">
            <Flex justify="space-between" align="center" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text strong>{a.title}</Typography.Text>
                {a.excerpt && (
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {a.excerpt}
                  </Typography.Text>
                )}
              </Flex>
              <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
            </Flex>
          </Link>
        </List.Item>
      )}
    />
  );

  // Only categories with articles (and the one chosen, so it stays visible); a single one is no choice.
  const used = new Set((whole.data?.items ?? []).map((a) => a.category));
  const offered = (categories.data ?? []).filter((c) => c.value === category || (c.enabled && used.has(c.value)));
  const usedCategories = offered.length > 1 || category !== ALL ? offered : [];

  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }} data-testid="kb-faq">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('kb.faq.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('kb.faq.intro')}</Typography.Paragraph>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <SearchInput value={q} onSearch={(v) => set('q', v)} placeholder={t('kb.faq.searchPlaceholder')} width="100%" />
        {usedCategories.length > 0 && (
          <div style={{ overflowX: 'auto' }}>
            <Segmented
              size={phone ? 'middle' : 'small'}
              value={category}
              onChange={(v) => set('category', String(v))}
              options={[{ value: ALL, label: t('common.showAll') }, ...usedCategories.map((c) => ({ value: c.value, label: c.label }))]}
              data-testid="kb-faq-category"
            />
          </div>
        )}
      </Flex>
      <ErrorAlert error={faq.error} onRetry={() => void faq.refetch()} />
      {faq.isLoading ? (
        <Spin style={{ display: 'block', marginTop: 32 }} />
      ) : groups.length === 0 ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={q || category !== ALL ? t('kb.faq.noMatch') : t('kb.faq.empty')}
            data-testid="empty-state"
          >
            <Link to="/tickets/report">
              <Button type="primary" icon={<AlertOutlined />}>
                {t('kb.faq.report')}
              </Button>
            </Link>
          </Empty>
        </Card>
      ) : q || category !== ALL || groups.length === 1 ? (
        <Card size="small">{articleList(groups.flatMap((g) => g.items))}</Card>
      ) : (
        <Collapse
          defaultActiveKey={groups.slice(0, 3).map((g) => g.key)}
          items={groups.map((g) => ({
            key: g.key,
            label: (
              <Flex justify="space-between">
                <span>{g.label}</span>
                <Typography.Text type="secondary">{g.items.length}</Typography.Text>
              </Flex>
            ),
            children: articleList(g.items),
          }))}
        />
      )}
      {groups.length > 0 && (
        <Card size="small" style={{ marginTop: 16 }}>
          <Flex wrap justify="space-between" align="center" gap={8}>
            <Typography.Text>{t('kb.faq.notSolved')}</Typography.Text>
            <Link to="/tickets/report">
              <Button type="primary" icon={<AlertOutlined />} data-testid="kb-faq-report">
                {t('kb.faq.report')}
              </Button>
            </Link>
          </Flex>
        </Card>
      )}
    </div>
  );
}
