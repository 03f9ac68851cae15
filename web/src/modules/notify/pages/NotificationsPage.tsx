// Everything that was sent to me, newest first, with "unread only" and "mark all read"; and my
// email preferences in the second tab (the bell's "preferences" link opens it).
import { App, Button, Card, Flex, Pagination, Segmented, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../../lib/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useMarkRead, useNotifications, useUnreadCount } from '../api';
import { NotificationRows } from '../components/NotificationRows';
import { PreferencesPanel } from '../components/PreferencesPanel';
import { useOpenNotification } from '../components/open-notification';

const TABS = ['list', 'preferences'] as const;
const PAGE_SIZE = 20;

function InboxList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unread });
  const count = useUnreadCount().data?.count ?? 0;
  const markRead = useMarkRead();
  const openOne = useOpenNotification();

  const set = (next: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: true },
    );

  const total = list.data?.total ?? 0;
  return (
    <Card>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          value={unread ? 'unread' : 'all'}
          onChange={(v) => set({ unread: v === 'unread' ? 'true' : undefined, page: undefined })}
          options={[
            { value: 'all', label: t('notify.filter.all') },
            { value: 'unread', label: t('notify.filter.unread', { count }) },
          ]}
          data-testid="notifications-filter"
        />
        <Button
          disabled={count === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true }, { onError: (err) => void message.error(errorText(t, err)) })}
        >
          {t('notify.markAllRead')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Spin spinning={list.isFetching}>
        {list.data && (
          <NotificationRows items={list.data.items} onOpen={openOne} empty={unread ? t('notify.emptyUnread') : t('notify.empty')} />
        )}
        {!list.data && <div style={{ minHeight: 120 }} />}
      </Spin>
      {total > PAGE_SIZE && (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            showTotal={(n) => t('table.total', { total: n })}
            onChange={(p) => set({ page: p === 1 ? undefined : String(p) })}
          />
        </Flex>
      )}
    </Card>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'list';
  return (
    <>
      <PageHeader title={t('notify.title')} description={t('notify.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'list' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'list', label: t('notify.tabs.list'), children: <InboxList /> },
          { key: 'preferences', label: t('notify.preferences.title'), children: <PreferencesPanel /> },
        ]}
      />
    </>
  );
}
