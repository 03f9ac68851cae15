// One notification as a row: unread ones in bold with a dot; the text is plain text (React
// escapes it), several lines kept as lines.
import { Badge, Flex, Typography } from 'antd';
import type { Notification } from '@shared/contracts/notify.js';
import { useFormat } from '../../../lib/format';

export function NotificationItem({ n, compact = false }: { n: Notification; compact?: boolean }) {
  const fmt = useFormat();
  const unread = n.readAt === null;
  return (
    <Flex gap={8} align="flex-start" style={{ minWidth: 0, width: '100%' }} data-testid={`notification-${n.id}`}>
      <Badge status={unread ? 'processing' : 'default'} style={{ marginTop: 2, visibility: unread ? 'visible' : 'hidden' }} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} ellipsis={compact} style={{ display: 'block' }}>
          {n.title}
        </Typography.Text>
        {n.body && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={compact ? { rows: 2 } : false}
            style={{ marginBottom: 0, whiteSpace: 'pre-line', fontSize: compact ? 12 : undefined }}
          >
            {n.body}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fmt.dateTime(n.createdAt)}
        </Typography.Text>
      </div>
    </Flex>
  );
}
