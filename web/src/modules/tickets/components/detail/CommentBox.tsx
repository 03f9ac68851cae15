// Writing on the timeline: a public comment (the reporter reads it) or, for technicians, an
// internal note (shown in another colour, never to the reporter), with the minutes this step
// took and photos or files. The text stays in the box if sending fails.
import { LockOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, InputNumber, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/contracts/tickets.js';
import { errorText } from '../../../../lib/errors';
import { useComment } from '../../api';
import { PhotoUploader, usePhotoUploads } from '../report/PhotoUploader';

export const NOTE_STYLE = { background: '#fffbe6', borderColor: '#ffe58f' } as const;

export function CommentBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const comment = useComment(ticket.id);
  const photos = usePhotoUploads();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attaching, setAttaching] = useState(false);

  const send = async () => {
    setError(null);
    try {
      await comment.mutateAsync({
        body,
        internal: ticket.can.internalNotes && internal,
        minutes: ticket.can.work ? (minutes ?? 0) : 0,
        attachmentIds: photos.ids,
      });
      setBody('');
      setMinutes(null);
      photos.clear();
      setAttaching(false);
    } catch (err) {
      setError(err);
    }
  };

  const note = ticket.can.internalNotes && internal;
  return (
    <Card size="small" style={note ? NOTE_STYLE : undefined} data-testid="comment-box">
      {ticket.can.internalNotes && (
        <Segmented
          value={internal ? 'note' : 'comment'}
          onChange={(v) => setInternal(v === 'note')}
          options={[
            { value: 'comment', label: t('tickets.comment.public') },
            { value: 'note', label: t('tickets.comment.internal'), icon: <LockOutlined /> },
          ]}
          style={{ marginBottom: 8 }}
          data-testid="comment-internal"
        />
      )}
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={10_000}
        placeholder={
          note
            ? t('tickets.comment.notePlaceholder')
            : ticket.can.work
              ? t('tickets.comment.placeholder')
              : t('tickets.comment.reporterPlaceholder')
        }
        data-testid="comment-body"
      />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <LockOutlined /> {t('tickets.comment.internalHint')}
        </Typography.Text>
      )}
      {attaching && (
        <div style={{ marginTop: 8 }}>
          <PhotoUploader uploads={photos} compact />
        </div>
      )}
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginTop: 8 }} />}
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginTop: 8 }}>
        <Flex wrap gap={8} align="center">
          {!attaching && (
            <Button size="small" onClick={() => setAttaching(true)} data-testid="comment-attach">
              {t('tickets.comment.attach')}
            </Button>
          )}
          {ticket.can.work && (
            <InputNumber<number>
              size="small"
              min={0}
              max={10_000}
              precision={0}
              value={minutes}
              onChange={setMinutes}
              placeholder={t('tickets.comment.minutes')}
              suffix={t('tickets.comment.minutesUnit')}
              style={{ width: 150 }}
              data-testid="comment-minutes"
            />
          )}
        </Flex>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={body.trim() === '' || photos.busy}
          loading={comment.isPending}
          onClick={() => void send()}
          data-testid="comment-send"
        >
          {note ? t('tickets.comment.sendNote') : t('tickets.comment.send')}
        </Button>
      </Flex>
    </Card>
  );
}
