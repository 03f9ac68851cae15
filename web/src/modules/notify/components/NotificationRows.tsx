// Notifications as clickable rows (the bell's panel and the full list share them). A row is a
// button for the keyboard too: Enter or Space opens it.
import { Empty, theme } from 'antd';
import type { Notification } from '@shared/contracts/notify.js';
import { NotificationItem } from './NotificationItem';

interface Props {
  items: Notification[];
  onOpen: (n: Notification) => void;
  empty: string;
  compact?: boolean;
}

export function NotificationRows({ items, onOpen, empty, compact = false }: Props) {
  const { token } = theme.useToken();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid="empty-state" />;
  return (
    <div role="list">
      {items.map((n, i) => (
        <div key={n.id} role="listitem" style={{ borderTop: i ? `1px solid ${token.colorBorderSecondary}` : undefined }}>
          <div
            role="button"
            tabIndex={0}
            onClick={() => onOpen(n)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(n);
              }
            }}
            style={{ cursor: 'pointer', padding: compact ? '8px 4px' : '12px 8px', borderRadius: token.borderRadius }}
            onMouseEnter={(e) => (e.currentTarget.style.background = token.colorFillTertiary)}
            onMouseLeave={(e) => (e.currentTarget.style.background = '')}
          >
            <NotificationItem n={n} compact={compact} />
          </div>
        </div>
      ))}
    </div>
  );
}
