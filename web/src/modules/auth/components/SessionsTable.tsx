// Where this account is signed in; any session but the current one can be ended.
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useFormat } from '../../../lib/format';
import { useRevokeSession, useSessions } from '../api';

/** "Chrome 126 on Windows"-like short text; the full user agent is in the tooltip. */
function shortAgent(ua: string): string {
  const browser = /(Edg|Firefox|Chrome|Safari)\/([\d]+)/.exec(ua);
  const os = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(ua);
  if (!browser) return ua.slice(0, 40);
  const name = browser[1] === 'Edg' ? 'Edge' : browser[1];
  return `${name} ${browser[2]}${os ? ` · ${os[1]}` : ''}`;
}

export function SessionsTable() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sessions = useSessions();
  const revoke = useRevokeSession();

  return (
    <>
      <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
      <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        loading={sessions.isLoading}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'device',
            title: t('account.sessions.device'),
            render: (_, s) => (
              <Tooltip title={s.userAgent}>
                <span>{shortAgent(s.userAgent)}</span>
                {s.current && (
                  <Tag color="green" style={{ marginLeft: 8 }}>
                    {t('account.sessions.current')}
                  </Tag>
                )}
              </Tooltip>
            ),
          },
          { key: 'ip', title: t('account.sessions.ip'), dataIndex: 'ip' },
          { key: 'createdAt', title: t('account.sessions.createdAt'), render: (_, s) => fmt.dateTime(s.createdAt) },
          { key: 'lastSeenAt', title: t('account.sessions.lastSeenAt'), render: (_, s) => fmt.dateTime(s.lastSeenAt) },
          { key: 'expiresAt', title: t('account.sessions.expiresAt'), render: (_, s) => fmt.dateTime(s.expiresAt) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, s) =>
              s.current ? null : (
                <ConfirmDelete
                  name={shortAgent(s.userAgent)}
                  question={t('account.sessions.revokeConfirm')}
                  actionText={t('account.sessions.revoke')}
                  doneText={t('account.sessions.revoked')}
                  onConfirm={() => revoke.mutateAsync(s.id)}
                />
              ),
          },
        ]}
      />
    </>
  );
}
