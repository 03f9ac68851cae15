// An article's files: images as thumbnails, everything as a download link, read through the
// article so FAQ readers get them too. Writers upload and delete; in the editor an image can be
// put into the text as Markdown that points at our own address.
import { FileOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, List, Progress, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { FileUploadButton } from '../../../ui/FileUploadButton';
import { KB_KEY, articleFileUrl, uploadArticleFile, useArticleAttachments, useDeleteArticleFile } from '../api';

interface ArticleFilesProps {
  articleId: number;
  canWrite: boolean;
  /** In the editor: puts a reference to the file into the text. */
  onInsert?: (markdown: string) => void;
}

const isImage = (mime: string) => mime.startsWith('image/');
/** Brackets and parentheses would end the Markdown early. */
const markdownLabel = (name: string) => name.replace(/[[\]()\\]/g, ' ').trim() || 'file';

export function ArticleFiles({ articleId, canWrite, onInsert }: ArticleFilesProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const files = useArticleAttachments(articleId);
  const remove = useDeleteArticleFile();

  const upload = async (file: File) => {
    setPercent(0);
    try {
      await uploadArticleFile(articleId, file, setPercent);
      void message.success(t('attachments.uploaded', { name: file.name }));
      await qc.invalidateQueries({ queryKey: KB_KEY });
    } catch (err) {
      void message.error(errorText(t, err));
    } finally {
      setPercent(null);
    }
  };

  const items = files.data ?? [];
  if (!canWrite && !files.isLoading && !files.error && items.length === 0) return null;

  return (
    <div data-testid="kb-files" style={{ marginTop: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <PaperClipOutlined /> {t('kb.files.title')}
        </Typography.Title>
        {canWrite && <FileUploadButton onFile={upload} busy={percent !== null} testId="kb-file-upload" />}
      </Flex>
      {percent !== null && <Progress percent={percent} size="small" />}
      <ErrorAlert error={files.error} onRetry={() => void files.refetch()} />
      <List
        size="small"
        loading={files.isLoading}
        dataSource={items}
        locale={{ emptyText: <EmptyState description={t('kb.files.emptyWritable')} /> }}
        renderItem={(f) => {
          const url = articleFileUrl(articleId, f.id);
          const actions = [];
          if (onInsert)
            actions.push(
              <Button
                key="insert"
                type="link"
                size="small"
                icon={isImage(f.mime) ? <PictureOutlined /> : <FileOutlined />}
                onClick={() =>
                  onInsert(isImage(f.mime) ? `![${markdownLabel(f.fileName)}](${url})` : `[${markdownLabel(f.fileName)}](${url})`)
                }
                data-testid="kb-file-insert"
              >
                {t('kb.files.insert')}
              </Button>,
            );
          if (canWrite) actions.push(<ConfirmDelete key="delete" name={f.fileName} onConfirm={() => remove.mutateAsync(f.id)} />);
          return (
            <List.Item actions={actions}>
              <List.Item.Meta
                avatar={
                  isImage(f.mime) ? (
                    <Image src={url} alt={f.fileName} width={48} height={48} style={{ objectFit: 'cover' }} />
                  ) : (
                    <FileOutlined />
                  )
                }
                title={
                  <a href={url} download={f.fileName}>
                    {f.fileName}
                  </a>
                }
                description={`${fmt.fileSize(f.size)} · ${fmt.dateTime(f.createdAt)}`}
              />
            </List.Item>
          );
        }}
      />
    </div>
  );
}
