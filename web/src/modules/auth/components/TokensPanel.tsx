// Personal API tokens for scripts. The secret is shown once, right after creation.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@shared/contracts/auth.js';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useFormat } from '../../../lib/format';
import { useRevokeToken, useTokens, type TokenCreated } from '../api';
import { TokenCreateModal } from './TokenCreateModal';
import { TokenSecretModal } from './TokenSecretModal';

function tokenState(token: ApiToken, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt != null) return 'revoked';
  if (token.expiresAt != null && token.expiresAt <= now) return 'expired';
  return 'active';
}
const STATE_COLOR = { active: 'green', expired: 'orange', revoked: 'default' } as const;

export function TokensPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  // "Expired" as of when the list was fetched (rendering stays pure).
  const now = tokens.dataUpdatedAt;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('account.tokens.hint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-button">
          {t('account.tokens.create')}
        </Button>
      </Flex>
      <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        loading={tokens.isLoading}
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description={t('account.tokens.empty')} /> }}
        columns={[
          { key: 'name', title: t('account.tokens.name'), dataIndex: 'name' },
          { key: 'prefix', title: t('account.tokens.prefix'), render: (_, tk) => <Typography.Text code>{tk.prefix}…</Typography.Text> },
          {
            key: 'permissions',
            title: t('account.tokens.permissions'),
            render: (_, tk) => tk.permissions.map((p) => <Tag key={p}>{t(`permissions.${p}`)}</Tag>),
          },
          { key: 'createdAt', title: t('common.createdAt'), render: (_, tk) => fmt.dateTime(tk.createdAt) },
          {
            key: 'expiresAt',
            title: t('account.tokens.expiresAt'),
            render: (_, tk) => (tk.expiresAt == null ? t('account.tokens.never') : fmt.dateTime(tk.expiresAt)),
          },
          {
            key: 'lastUsedAt',
            title: t('account.tokens.lastUsedAt'),
            render: (_, tk) => (tk.lastUsedAt == null ? t('account.tokens.notUsed') : fmt.dateTime(tk.lastUsedAt)),
          },
          {
            key: 'state',
            title: t('common.status'),
            render: (_, tk) => {
              const s = tokenState(tk, now);
              return <Tag color={STATE_COLOR[s]}>{t(`account.tokens.state.${s}`)}</Tag>;
            },
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, tk) =>
              tokenState(tk, now) === 'active' && (
                <ConfirmDelete
                  name={tk.name}
                  question={t('account.tokens.revokeConfirm', { name: tk.name })}
                  actionText={t('account.tokens.revoke')}
                  doneText={t('account.tokens.revoked')}
                  onConfirm={() => revoke.mutateAsync(tk.id)}
                />
              ),
          },
        ]}
      />
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
