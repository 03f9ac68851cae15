// 文章: one article for anyone who may read it (staff: published FAQ). The rendered Markdown,
// its files, tags, the ticket it came from, "was this helpful", and for technicians the
// revisions drawer, editing and deleting.
import { ArrowLeftOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useArticle, useDeleteArticle } from '../api';
import { ArticleFiles } from '../components/ArticleFiles';
import { CategoryTag, StatusTag, TagList, VisibilityTag } from '../components/ArticleTags';
import { FeedbackBox } from '../components/FeedbackBox';
import { MarkdownView } from '../components/MarkdownView';
import { RevisionsDrawer } from '../components/RevisionsDrawer';

export default function ArticlePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const articleId = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const article = useArticle(articleId, { countView: true });
  const remove = useDeleteArticle();
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const technician = can('kb:read');
  const back = technician ? '/kb' : '/kb/faq';

  if (articleId === undefined || (article.error instanceof ApiError && article.error.status === 404))
    return (
      <Result
        status="404"
        title={t('kb.article.notFound')}
        subTitle={t('kb.article.notFoundHint')}
        extra={
          <Link to={back}>
            <Button type="primary">{technician ? t('kb.article.backToList') : t('kb.article.backToFaq')}</Button>
          </Link>
        }
      />
    );
  if (article.isLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!article.data) return <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />;
  const a = article.data;

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }} data-testid="kb-article">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Link to={back}>
          <ArrowLeftOutlined /> {technician ? t('kb.article.backToList') : t('kb.article.backToFaq')}
        </Link>
        <Flex wrap gap={8}>
          {technician && (
            <Button icon={<HistoryOutlined />} onClick={() => setRevisionsOpen(true)} data-testid="kb-open-revisions">
              {t('kb.revisions.open', { count: a.revisionCount })}
            </Button>
          )}
          {a.can.edit && (
            <>
              <Link to={`/kb/articles/${a.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="kb-edit">
                  {t('common.edit')}
                </Button>
              </Link>
              <ConfirmDelete
                name={a.title}
                onConfirm={async () => {
                  await remove.mutateAsync(a.id);
                  void navigate('/kb', { replace: true });
                }}
              />
            </>
          )}
        </Flex>
      </Flex>

      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="kb-article-title">
          {a.title}
        </Typography.Title>
        <Flex wrap gap={4} align="center" style={{ marginBottom: 8 }}>
          {technician && <VisibilityTag visibility={a.visibility} />}
          <StatusTag status={a.status} />
          <CategoryTag category={a.category} />
          <TagList tags={a.tags} onPick={technician ? (tag) => void navigate(`/kb?tag=${encodeURIComponent(tag)}`) : undefined} />
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 16 }}>
          {t('kb.article.meta', {
            updatedAt: fmt.dateTime(a.updatedAt),
            editor: a.updatedByName ?? a.authorName ?? t('kb.unknownUser'),
            views: a.views,
          })}
        </Typography.Text>
        {a.sourceTicket && technician && (
          <Typography.Paragraph>
            <Link to={`/tickets/${a.sourceTicket.id}`} data-testid="kb-source-ticket">
              {t('kb.article.fromTicket', { number: a.sourceTicket.number, title: a.sourceTicket.title })}
            </Link>
          </Typography.Paragraph>
        )}
        {a.bodyMarkdown.trim() ? (
          <MarkdownView source={a.bodyMarkdown} />
        ) : (
          <Typography.Text type="secondary">{t('kb.article.emptyBody')}</Typography.Text>
        )}
        <ArticleFiles articleId={a.id} canWrite={a.can.edit} />
      </Card>

      {a.status === 'published' && <FeedbackBox key={a.id} article={a} />}
      {technician && (
        <RevisionsDrawer articleId={a.id} open={revisionsOpen} canRestore={a.can.edit} onClose={() => setRevisionsOpen(false)} />
      )}
    </div>
  );
}
