// The bell in the top bar: the unread count (asked for every minute), and on click the latest
// notifications; a click on one opens what it is about and marks it read.
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Popover, Spin, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../../lib/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useMarkRead, useNotifications, useUnreadCount } from '../api';
import { NotificationRows } from './NotificationRows';
import { useOpenNotification } from './open-notification';

const LATEST = 8;

export default function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount().data?.count ?? 0;
  const latest = useNotifications({ page: 1, pageSize: LATEST }, open);
  const markRead = useMarkRead();
  const openOne = useOpenNotification(() => setOpen(false));

  const go = (path: string) => {
    setOpen(false);
    void navigate(path);
  };
  const markAll = () => markRead.mutate({ all: true }, { onError: (err) => void message.error(errorText(t, err)) });

  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markRead.isPending}
          onClick={markAll}
          data-testid="notifications-mark-all"
        >
          {t('notify.markAllRead')}
        </Button>
      </Flex>
      <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />
      {latest.isLoading ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : (
        <div style={{ maxHeight: 400, overflowY: 'auto' }}>
          <NotificationRows items={latest.data?.items ?? []} onOpen={openOne} empty={t('notify.empty')} compact />
        </div>
      )}
      <Flex justify="space-between" style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, paddingTop: 8, marginTop: 4 }}>
        <Button type="link" size="small" onClick={() => go('/notifications')} data-testid="notifications-all">
          {t('notify.viewAll')}
        </Button>
        <Button type="link" size="small" onClick={() => go('/notifications?tab=preferences')}>
          {t('notify.preferences.title')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Button
        type="text"
        aria-label={count ? t('notify.bellUnread', { count }) : t('notify.title')}
        data-testid="notification-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
