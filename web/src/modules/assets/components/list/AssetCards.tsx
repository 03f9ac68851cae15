// The asset list on a phone: one card per asset with what is needed on foot (number, name,
// status, where it is); a tap opens the asset. Same server paging as the table.
import { EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Asset } from '@shared/contracts/assets.js';
import type { Page } from '@shared/contracts/common.js';
import type { ListChange, ListState } from '../../../../lib/list-params';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { CardListPager } from '../../../../ui/CardListPager';
import { AssetStatusTag } from './AssetStatusTag';

interface AssetCardsProps {
  query: { data?: Page<Asset>; isLoading: boolean; isFetching: boolean; error: unknown; refetch: () => unknown };
  list: { state: ListState; update: (change: ListChange) => void };
  empty: ReactNode;
}

export function AssetCards({ query, list, empty }: AssetCardsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const items = query.data?.items ?? [];
  return (
    <Spin spinning={query.isFetching}>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Flex vertical gap={8} data-testid="asset-cards">
        {items.map((a) => (
          <Card key={a.id} size="small" hoverable onClick={() => void navigate(`/assets/${a.id}`)} data-testid="asset-card">
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.number}
                </Typography.Text>
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {a.name}
                </Typography.Text>
              </div>
              <AssetStatusTag status={a.status} />
            </Flex>
            <Flex wrap gap={12} style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                <EnvironmentOutlined /> {a.locationName ?? t('assets.list.noLocation')}
              </Typography.Text>
              {a.holderName && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <UserOutlined /> {a.holderName}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        ))}
        {!query.isLoading && !query.error && items.length === 0 && empty}
      </Flex>
      <CardListPager
        total={query.data?.total}
        page={list.state.page}
        pageSize={list.state.pageSize}
        onPage={(page) => list.update({ page })}
      />
    </Spin>
  );
}
