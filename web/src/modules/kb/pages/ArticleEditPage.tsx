// 写文章 / 编辑文章: kb/articles/new, kb/articles/:id/edit, and kb/articles/new?fromTicket=<id>,
// which asks the server for a draft built from that resolved ticket and opens it here.
import { App, Button, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { KbArticle, KbStatus } from '@shared/contracts/kb.js';
import { errorText } from '../../../lib/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useArticle, useCreateArticle, useDraftFromTicket, useUpdateArticle } from '../api';
import { ArticleForm, type ArticleValues } from '../components/ArticleForm';

const EMPTY: ArticleValues = { title: '', category: '', visibility: 'technicians', tags: [], bodyMarkdown: '' };

export default function ArticleEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const articleId = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
  const fromTicket = params.get('fromTicket');
  if (articleId !== undefined) return <EditExisting id={articleId} />;
  if (fromTicket && /^\d+$/.test(fromTicket)) return <DraftFromTicket ticketId={Number(fromTicket)} />;
  return <NewArticle />;
}

function NewArticle() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const submit = async (v: ArticleValues, status: KbStatus) => {
    const a = await create.mutateAsync({ ...v, status });
    void message.success(status === 'published' ? t('kb.editor.published') : t('kb.editor.draftSaved'));
    // A draft stays in the editor, where files can now be added; a published article is shown.
    void navigate(status === 'published' ? `/kb/articles/${a.id}` : `/kb/articles/${a.id}/edit`, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('kb.editor.newTitle')} description={t('kb.editor.newDescription')} />
      <ArticleForm initial={EMPTY} onSubmit={submit} onCancel={() => void navigate('/kb')} />
    </>
  );
}

function EditExisting({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const article = useArticle(id, { countView: false });
  const update = useUpdateArticle();
  // The version the editor started from: a save on top of someone else's is refused.
  const [base, setBase] = useState<number | null>(null);
  if (article.data && base === null) setBase(article.data.updatedAt);

  if (article.isLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!article.data)
    return (
      <>
        <PageHeader title={t('kb.editor.editTitle')} />
        <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />
      </>
    );
  const a = article.data;
  const submit = async (v: ArticleValues, status: KbStatus, overwrite: boolean) => {
    await update.mutateAsync({ id, patch: { ...v, status, ...(overwrite || base === null ? {} : { baseUpdatedAt: base }) } });
    void message.success(status === 'published' ? t('kb.editor.published') : t('kb.editor.draftSaved'));
    void navigate(`/kb/articles/${id}`);
  };
  return (
    <>
      <PageHeader
        title={t('kb.editor.editTitle')}
        description={
          a.sourceTicket ? (
            <Link to={`/tickets/${a.sourceTicket.id}`}>
              {t('kb.article.fromTicket', { number: a.sourceTicket.number, title: a.sourceTicket.title })}
            </Link>
          ) : undefined
        }
      />
      <ArticleForm
        initial={toValues(a)}
        article={{ id: a.id, status: a.status }}
        onSubmit={submit}
        onCancel={() => void navigate(`/kb/articles/${id}`)}
      />
    </>
  );
}

function toValues(a: KbArticle): ArticleValues {
  return { title: a.title, category: a.category, visibility: a.visibility, tags: a.tags, bodyMarkdown: a.bodyMarkdown };
}

function DraftFromTicket({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftFromTicket();
  const started = useRef(false);

  useEffect(() => {
    // Once per visit, also under React's development double effects: each call makes a draft.
    if (started.current) return;
    started.current = true;
    draft.mutate(ticketId, { onSuccess: (a) => void navigate(`/kb/articles/${a.id}/edit`, { replace: true }) });
  }, [draft, navigate, ticketId]);

  if (draft.error)
    return (
      <Result
        status="warning"
        title={t('kb.fromTicket.failed')}
        subTitle={errorText(t, draft.error)}
        extra={
          <Link to={`/tickets/${ticketId}`}>
            <Button type="primary">{t('kb.fromTicket.back')}</Button>
          </Link>
        }
        data-testid="kb-from-ticket-error"
      />
    );
  return (
    <Flex vertical align="center" gap={12} style={{ marginTop: 64 }}>
      <Spin />
      <Typography.Text type="secondary">{t('kb.fromTicket.working')}</Typography.Text>
    </Flex>
  );
}
