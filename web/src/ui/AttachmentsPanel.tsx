// Files attached to a record (person, department, location; later assets). Upload shows its
// progress; downloads are plain links so the browser streams them.
import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Flex, List, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachment, attachmentList, type ATTACHABLE } from '@shared/contracts/system.js';
import { api } from '../lib/api-client';
import { errorText } from '../lib/errors';
import { useFormat } from '../lib/format';
import { uploadWithProgress } from '../lib/upload';
import { ConfirmDelete } from './ConfirmDelete';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';
import { FileUploadButton } from './FileUploadButton';

interface AttachmentsPanelProps {
  entityType: (typeof ATTACHABLE)[number];
  entityId: number;
  canWrite: boolean;
}

export function AttachmentsPanel({ entityType, entityId, canWrite }: AttachmentsPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const key = ['attachments', entityType, entityId];

  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api('/api/attachments', { query: { entityType, entityId }, schema: attachmentList, signal }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/api/attachments/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });

  const upload = async (file: File) => {
    // The server reads the fields before the file part, so they go first.
    const form = new FormData();
    form.append('entityType', entityType);
    form.append('entityId', String(entityId));
    form.append('file', file);
    setPercent(0);
    try {
      await uploadWithProgress({ url: '/api/attachments', form, schema: attachment, onProgress: setPercent });
      void message.success(t('attachments.uploaded', { name: file.name }));
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      void message.error(errorText(t, err));
    } finally {
      setPercent(null);
    }
  };

  return (
    <div data-testid="attachments-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <PaperClipOutlined /> {t('attachments.title')}
        </Typography.Title>
        {canWrite && <FileUploadButton onFile={upload} busy={percent !== null} testId="attachment-upload" />}
      </Flex>
      {percent !== null && <Progress percent={percent} size="small" />}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <List
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={canWrite ? t('attachments.emptyWritable') : t('attachments.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            actions={canWrite ? [<ConfirmDelete key="delete" name={item.fileName} onConfirm={() => remove.mutateAsync(item.id)} />] : []}
          >
            <List.Item.Meta
              title={
                <a href={`/api/attachments/${item.id}/download`} download={item.fileName}>
                  {item.fileName}
                </a>
              }
              description={`${fmt.fileSize(item.size)} · ${fmt.dateTime(item.createdAt)}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
