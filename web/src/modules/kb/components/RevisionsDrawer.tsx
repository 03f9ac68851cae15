// Earlier versions of an article, newest first: who wrote each and when, its text rendered, and
// "restore" (which saves it as a new version, so a restore can itself be undone).
import { HistoryOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Grid, List, Popconfirm, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useRestoreRevision, useRevision, useRevisions } from '../api';
import { MarkdownView } from './MarkdownView';

interface RevisionsDrawerProps {
  articleId: number;
  open: boolean;
  canRestore: boolean;
  onClose: () => void;
}

export function RevisionsDrawer({ articleId, open, canRestore, onClose }: RevisionsDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const phone = Grid.useBreakpoint().md === false;
  const revisions = useRevisions(articleId, open);
  const [shown, setShown] = useState<number | null>(null);
  const revision = useRevision(articleId, shown);
  const restore = useRestoreRevision();

  const doRestore = async (rev: number) => {
    try {
      await restore.mutateAsync({ id: articleId, rev });
      void message.success(t('kb.revisions.restored', { rev }));
      setShown(null);
      onClose();
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={phone ? '100%' : 720}
      title={
        <>
          <HistoryOutlined /> {t('kb.revisions.title')}
        </>
      }
      data-testid="kb-revisions"
    >
      <Typography.Paragraph type="secondary">{t('kb.revisions.hint')}</Typography.Paragraph>
      <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />
      <List
        loading={revisions.isLoading}
        dataSource={revisions.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kb.revisions.empty')} /> }}
        renderItem={(r) => (
          <List.Item
            key={r.rev}
            actions={[
              <Button
                key="show"
                type="link"
                size="small"
                onClick={() => setShown(shown === r.rev ? null : r.rev)}
                data-testid="kb-revision-show"
              >
                {shown === r.rev ? t('kb.revisions.hide') : t('kb.revisions.show')}
              </Button>,
              ...(canRestore
                ? [
                    <Popconfirm
                      key="restore"
                      title={t('kb.revisions.restoreConfirm', { rev: r.rev })}
                      description={t('kb.revisions.restoreHint')}
                      okText={t('kb.revisions.restore')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => doRestore(r.rev)}
                    >
                      <Button type="link" size="small" loading={restore.isPending} data-testid="kb-revision-restore">
                        {t('kb.revisions.restore')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={t('kb.revisions.item', { rev: r.rev, title: r.title })}
              description={t('kb.revisions.meta', {
                editor: r.editorName ?? t('kb.unknownUser'),
                editedAt: fmt.dateTime(r.editedAt),
                replacedBy: r.replacedByName ?? t('kb.unknownUser'),
                replacedAt: fmt.dateTime(r.replacedAt),
              })}
            />
          </List.Item>
        )}
      />
      {shown !== null && (
        <div style={{ marginTop: 16 }} data-testid="kb-revision-body">
          <Typography.Title level={5}>{revision.data?.title}</Typography.Title>
          <ErrorAlert error={revision.error} />
          {revision.isLoading ? (
            <Spin />
          ) : (
            revision.data && <MarkdownView source={revision.data.bodyMarkdown} testId="kb-revision-markdown" />
          )}
        </div>
      )}
    </Drawer>
  );
}
