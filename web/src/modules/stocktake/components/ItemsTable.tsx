// One list of the stocktake's assets (found, missing or misplaced), server-paged with search, with
// the actions a counter needs from a desk: mark found by hand, undo, move misplaced assets.
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemState, Stocktake, StocktakeItem } from '@shared/contracts/stocktake.js';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import type { ListChange, ListState } from '../../../lib/list-params';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { SearchInput } from '../../../ui/SearchInput';
import { useMarkFound, useStocktakeItems, useUndoFound } from '../api';
import { formatYuan } from './format';
import { ApplyLocationsButton } from './StocktakeActions';

interface ItemsTableProps {
  stocktake: Stocktake;
  state: Exclude<ItemState, 'all'>;
  list: { state: ListState; update: (change: ListChange) => void; pageSizes: number[]; hasFilters: boolean };
  writable: boolean;
}

export function ItemsTable({ stocktake, state, list, writable }: ItemsTableProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const query = useStocktakeItems(stocktake.id, stocktake.version, {
    state,
    page: list.state.page,
    pageSize: list.state.pageSize,
    q: list.state.q || undefined,
  });
  const mark = useMarkFound();
  const undo = useUndoFound();
  const [selected, setSelected] = useState<number[]>([]);
  const open = stocktake.status === 'open';
  const noPlace = t('stocktake.result.noPlace');

  const columns: ColumnsType<StocktakeItem> = [
    {
      key: 'number',
      title: t('stocktake.items.number'),
      fixed: 'left',
      render: (_, i) => <Link to={`/assets/${i.assetId}`}>{i.number}</Link>,
    },
    { key: 'name', title: t('stocktake.items.name'), dataIndex: 'name' },
    { key: 'category', title: t('stocktake.items.category'), dataIndex: 'categoryName' },
    { key: 'location', title: t('stocktake.items.location'), render: (_, i) => i.locationPath ?? noPlace },
  ];
  if (state === 'missing')
    columns.push(
      { key: 'holder', title: t('stocktake.items.holder'), render: (_, i) => i.holderName ?? i.departmentName ?? '' },
      { key: 'price', title: t('stocktake.items.price'), align: 'right', render: (_, i) => formatYuan(i.priceFen, i18n.language) },
    );
  else
    columns.push(
      {
        key: 'foundLocation',
        title: t('stocktake.items.foundLocation'),
        render: (_, i) => (
          <Space size={4} wrap>
            <span>{i.foundLocationPath ?? ''}</span>
            {i.manual && <Tag>{t('stocktake.items.manual')}</Tag>}
            {i.appliedAt !== null && <Tag color="success">{t('stocktake.items.applied')}</Tag>}
          </Space>
        ),
      },
      { key: 'foundBy', title: t('stocktake.items.foundBy'), render: (_, i) => `${i.foundBy ?? ''} ${fmt.dateTime(i.foundAt)}` },
    );
  if (writable && open)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, i) =>
        !i.found ? (
          <Button size="small" onClick={() => mark.mutate({ id: stocktake.id, itemId: i.id, input: {} })} data-testid="mark-found">
            {t('stocktake.items.markFound')}
          </Button>
        ) : (
          i.appliedAt === null && (
            <Button size="small" onClick={() => undo.mutate({ id: stocktake.id, itemId: i.id })} data-testid="undo-found">
              {t('stocktake.items.undo')}
            </Button>
          )
        ),
    });

  const empty = list.state.q ? (
    <EmptyState description={t('stocktake.items.noMatch')} />
  ) : (
    <EmptyState description={t(`stocktake.items.empty.${state}`)} />
  );
  const canMove = writable && state === 'misplaced';
  const pendingMoves = stocktake.counts.misplaced - stocktake.counts.applied;
  const failure = mark.error ?? undo.error;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchInput value={list.state.q} onSearch={(q) => list.update({ q })} placeholder={t('stocktake.items.search')} width={300} />
        {canMove && (
          <ApplyLocationsButton stocktakeId={stocktake.id} itemIds={selected} pending={pendingMoves} onDone={() => setSelected([])} />
        )}
        {canMove && <Typography.Text type="secondary">{t('stocktake.apply.hint')}</Typography.Text>}
      </Space>
      {failure != null && <Typography.Paragraph type="danger">{errorText(t, failure)}</Typography.Paragraph>}
      <DataTable<StocktakeItem>
        columns={columns}
        query={query}
        list={list}
        empty={empty}
        data-testid={`items-${state}`}
        rowSelection={
          canMove
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(Number)),
                getCheckboxProps: (i) => ({ disabled: i.appliedAt !== null }),
              }
            : undefined
        }
      />
    </>
  );
}
