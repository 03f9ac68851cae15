// 群机器人与 Webhook: the group robots (DingTalk, WeCom, Feishu) and webhooks alerts and
// notifications can go to. The list shows where each posts (host only: the full address carries
// the token), whether it signs, and a test button whose result is said in words.
import { CheckOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyRobot } from '@shared/contracts/notify-robots.js';
import { errorText } from '../../../lib/errors';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useDeleteRobot, useRobots, useTestRobot } from '../api';
import { failureText } from './failure-text';
import { RobotForm } from './RobotForm';

type TestOutcome = { ok: true } | { ok: false; text: string };

export function RobotsPanel() {
  const { t } = useTranslation();
  const robots = useRobots();
  const remove = useDeleteRobot();
  const test = useTestRobot();
  const [editing, setEditing] = useState<NotifyRobot | 'new' | null>(null);
  const [outcomes, setOutcomes] = useState<Record<number, TestOutcome>>({});

  const runTest = (robot: NotifyRobot) =>
    test.mutate(robot.id, {
      onSuccess: (res) =>
        setOutcomes((o) => ({
          ...o,
          [robot.id]: res.ok
            ? { ok: true }
            : { ok: false, text: failureText(t, { reason: res.reason ?? 'unknown', smtpCode: null }, 'robot') },
        })),
      onError: (err) => setOutcomes((o) => ({ ...o, [robot.id]: { ok: false, text: errorText(t, err) } })),
    });

  const columns: ColumnsType<NotifyRobot> = [
    {
      key: 'name',
      title: t('notify.robots.name'),
      render: (_, r) => {
        const outcome = outcomes[r.id];
        return (
          <>
            <div>{r.name}</div>
            {outcome && (
              <Typography.Text
                type={outcome.ok ? 'success' : 'danger'}
                style={{ display: 'block', fontSize: 12, maxWidth: 320, whiteSpace: 'normal' }}
                data-testid={`robot-test-result-${r.id}`}
              >
                {outcome.ok ? t('notify.robots.testOk') : t('notify.robots.testFailed', { reason: outcome.text })}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    { key: 'kind', title: t('notify.robots.kind'), render: (_, r) => t(`notify.robots.kinds.${r.kind}`) },
    {
      key: 'host',
      title: t('notify.robots.urlHost'),
      render: (_, r) => <Typography.Text code>{r.urlHost}</Typography.Text>,
    },
    {
      key: 'enabled',
      title: t('common.status'),
      render: (_, r) => <Tag color={r.enabled ? 'success' : 'default'}>{r.enabled ? t('notify.robots.on') : t('notify.robots.off')}</Tag>,
    },
    {
      key: 'secret',
      title: t('notify.robots.secretSet'),
      align: 'center',
      render: (_, r) =>
        r.secretSet ? <CheckOutlined aria-label={t('common.yes')} /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            icon={<SendOutlined />}
            loading={test.isPending && test.variables === r.id}
            onClick={() => runTest(r)}
            data-testid={`robot-test-${r.id}`}
          >
            {t('notify.robots.test')}
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`robot-edit-${r.id}`}>
            {t('common.edit')}
          </Button>
          <ConfirmDelete name={r.name} onConfirm={() => remove.mutateAsync(r.id)} />
        </Space>
      ),
    },
  ];

  const items = robots.data?.items ?? [];
  return (
    <Card
      title={t('notify.robots.title')}
      style={{ maxWidth: 1100 }}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="robot-add">
          {t('notify.robots.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('notify.robots.description')}</Typography.Paragraph>
      <ErrorAlert error={robots.error} onRetry={() => void robots.refetch()} />
      {robots.isSuccess && items.length === 0 ? (
        <EmptyState
          description={
            <Flex vertical gap={4} style={{ maxWidth: 640, margin: '0 auto', textAlign: 'left' }}>
              <Typography.Text>{t('notify.robots.empty')}</Typography.Text>
              <Typography.Text type="secondary">{t('notify.robots.howDingtalk')}</Typography.Text>
              <Typography.Text type="secondary">{t('notify.robots.howWecom')}</Typography.Text>
              <Typography.Text type="secondary">{t('notify.robots.howFeishu')}</Typography.Text>
            </Flex>
          }
          actions={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('notify.robots.add')}
            </Button>
          }
        />
      ) : (
        <Table<NotifyRobot>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={robots.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      <RobotForm editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
