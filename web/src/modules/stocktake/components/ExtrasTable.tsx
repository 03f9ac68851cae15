// Codes scanned that are not in the stocktake's list: labels no asset has (未知标签), and assets
// that exist but were outside the scope (another building, bought after the start).
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExtraKind, Stocktake, StocktakeExtra } from '@shared/contracts/stocktake.js';
import { useFormat } from '../../../lib/format';
import type { ListChange, ListState } from '../../../lib/list-params';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { SearchInput } from '../../../ui/SearchInput';
import { useStocktakeExtras } from '../api';

interface ExtrasTableProps {
  stocktake: Stocktake;
  kind: ExtraKind;
  list: { state: ListState; update: (change: ListChange) => void; pageSizes: number[] };
}

export function ExtrasTable({ stocktake, kind, list }: ExtrasTableProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useStocktakeExtras(stocktake.id, stocktake.version, {
    kind,
    page: list.state.page,
    pageSize: list.state.pageSize,
    q: list.state.q || undefined,
  });
  const noPlace = t('stocktake.result.noPlace');
  const columns: ColumnsType<StocktakeExtra> =
    kind === 'unknown'
      ? [
          {
            key: 'code',
            title: t('stocktake.extras.code'),
            render: (_, x) => <Typography.Text style={{ wordBreak: 'break-all' }}>{x.code}</Typography.Text>,
          },
        ]
      : [
          {
            key: 'asset',
            title: t('stocktake.extras.asset'),
            render: (_, x) =>
              x.assetId ? <Link to={`/assets/${x.assetId}`}>{`${x.assetNumber ?? ''} ${x.assetName ?? ''}`}</Link> : x.code,
          },
          { key: 'ledger', title: t('stocktake.extras.ledgerLocation'), render: (_, x) => x.assetLocationPath ?? noPlace },
        ];
  columns.push(
    { key: 'seenAt', title: t('stocktake.extras.seenAt'), render: (_, x) => x.locationPath ?? '' },
    { key: 'times', title: t('stocktake.extras.times'), dataIndex: 'times', align: 'right' },
    { key: 'lastAt', title: t('stocktake.extras.lastAt'), render: (_, x) => `${x.foundBy} ${fmt.dateTime(x.lastAt)}` },
  );
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <SearchInput value={list.state.q} onSearch={(q) => list.update({ q })} placeholder={t('stocktake.extras.search')} />
      </div>
      <DataTable<StocktakeExtra>
        columns={columns}
        query={query}
        list={list}
        empty={<EmptyState description={list.state.q ? t('stocktake.items.noMatch') : t(`stocktake.extras.empty.${kind}`)} />}
        data-testid={`extras-${kind}`}
      />
    </>
  );
}
