import { Empty } from 'antd';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  /** Says what is missing and what to do next, e.g. "还没有人员，点击「新建人员」或「导入」". */
  description: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ description, actions }: EmptyStateProps) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} data-testid="empty-state">
      {actions}
    </Empty>
  );
}
