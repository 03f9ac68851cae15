// "My notification preferences": for each group of notifications, whether it also comes by
// email. The in-app list always receives them. A switch saves at once.
import { App, Card, Empty, Flex, Spin, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferences } from '@shared/contracts/notify.js';
import { errorText } from '../../../lib/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { usePreferences, useSavePreferences } from '../api';

type Group = NotificationPreferences['groups'][number];

export function PreferencesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefs = usePreferences();
  const save = useSavePreferences();

  const toggle = (group: string, channel: string, enabled: boolean) =>
    save.mutate(
      { items: [{ group, channel, enabled }] },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => void message.error(errorText(t, err)),
      },
    );

  // Labels come from the modules that registered the events; an unknown key shows as itself.
  const label = (key: string) => t(key, { defaultValue: key });
  const channels = prefs.data?.channels ?? [];
  const columns: ColumnsType<Group> = [
    {
      key: 'group',
      title: t('notify.preferences.group'),
      render: (_, g) => (
        <>
          <Typography.Text strong>{label(g.labelKey)}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
            {g.events.map((e) => label(e.labelKey)).join(t('notify.preferences.separator'))}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      key: 'inbox',
      title: t('notify.channels.inbox'),
      width: 120,
      render: () => <Switch checked disabled size="small" aria-label={t('notify.channels.inbox')} />,
    },
    ...channels.map((c) => ({
      key: c.key,
      title: label(c.labelKey),
      width: 120,
      render: (_: unknown, g: Group) => (
        <Switch
          size="small"
          checked={g.enabled[c.key] ?? true}
          loading={save.isPending && save.variables?.items[0]?.group === g.key}
          onChange={(on) => toggle(g.key, c.key, on)}
          aria-label={`${label(g.labelKey)} ${label(c.labelKey)}`}
          data-testid={`pref-${g.key}-${c.key}`}
        />
      ),
    })),
  ];

  return (
    <Card style={{ maxWidth: 760 }}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('notify.preferences.description')}</Typography.Text>
        <ErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />
        {prefs.isLoading && <Spin />}
        {prefs.data && (
          <Table<Group>
            rowKey="key"
            size="middle"
            pagination={false}
            columns={columns}
            dataSource={prefs.data.groups}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.preferences.none')} /> }}
          />
        )}
      </Flex>
    </Card>
  );
}
