// Reminders as short rows (asset, what is due, when): the phone's layout of the reminder lists
// and the home widget's, where a wide table would have to scroll sideways.
import { Flex, List, Typography, type ListProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function AssetLink({ id, number, name }: { id: number; number: string; name: string }) {
  return (
    <Link to={`/assets/${id}`} data-testid="reminder-asset">
      <Typography.Text style={{ fontFamily: 'monospace' }}>{number}</Typography.Text> {name}
    </Link>
  );
}

export interface ReminderRow {
  key: string;
  asset: { id: number; number: string; name: string };
  what: ReactNode;
  when: ReactNode;
}

interface ReminderRowsProps {
  rows: ReminderRow[];
  loading: boolean;
  empty: ReactNode;
  pagination?: ListProps<ReminderRow>['pagination'];
}

export function ReminderRows({ rows, loading, empty, pagination = false }: ReminderRowsProps) {
  return (
    <List<ReminderRow>
      size="small"
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      locale={{ emptyText: loading ? ' ' : empty }}
      renderItem={(r) => (
        <List.Item key={r.key} data-testid="reminder-row" style={{ paddingInline: 0 }}>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
            <span style={{ minWidth: 0 }}>
              <AssetLink {...r.asset} />
              <br />
              <Typography.Text type="secondary">{r.what}</Typography.Text>
            </span>
            {r.when}
          </Flex>
        </List.Item>
      )}
    />
  );
}
