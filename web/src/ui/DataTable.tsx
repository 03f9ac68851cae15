// antd Table bound to a server-side paged query and to the list state in the URL: the server
// sorts and pages, the table only shows one page. Tables scroll sideways on narrow screens.
import { Table, type TableProps } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '@shared/contracts/common.js';
import type { ListChange, ListState } from '../lib/list-params';
import { ErrorAlert } from './ErrorAlert';

interface PagedQuery<T> {
  data?: Page<T>;
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface DataTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'loading' | 'columns'> {
  /** Sortable columns have `sorter: true` and `key` = the server's sort name. */
  columns: ColumnsType<T>;
  query: PagedQuery<T>;
  list: { state: ListState; update: (change: ListChange) => void; pageSizes: number[] };
  /** Shown when the page is empty: say what to do next. */
  empty: ReactNode;
}

export function DataTable<T extends { id: number | string }>({ columns, query, list, empty, ...rest }: DataTableProps<T>) {
  const { t } = useTranslation();
  const { state, update, pageSizes } = list;

  const controlled = columns.map((c) => {
    if (!('sorter' in c) || !c.sorter) return c;
    const active = c.key !== undefined && String(c.key) === state.sort;
    return { ...c, sortOrder: active ? (state.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null };
  });

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      if (s?.order && s.columnKey !== undefined) update({ sort: String(s.columnKey), order: s.order === 'descend' ? 'desc' : 'asc' });
      else update({ sort: undefined, order: undefined });
    } else if (extra.action === 'paginate') {
      const size = pagination.pageSize ?? state.pageSize;
      update(size !== state.pageSize ? { pageSize: size } : { page: pagination.current ?? 1 });
    }
  };

  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Table<T>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        {...rest}
        columns={controlled}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        onChange={onChange}
        locale={{ emptyText: query.isLoading || query.error ? ' ' : empty }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: query.data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          showTotal: (total) => t('table.total', { total }),
          responsive: true,
        }}
      />
    </>
  );
}
