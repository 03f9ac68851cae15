// The ticket's timeline, newest first, 50 entries a page with "load more". Files written together
// with a comment (same person, same instant) are shown with it; internal notes sit on a yellow
// card with a lock (the server never sends them to the reporter).
import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket, TimelineEntry } from '@shared/contracts/tickets.js';
import { useFormat } from '../../../../lib/format';
import { useCan } from '../../../../lib/session';
import { EmptyState } from '../../../../ui/EmptyState';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useLeaderCandidates, useTechnicians, useTimeline } from '../../api';
import { NOTE_STYLE } from './CommentBox';
import { KIND_COLORS, TimelineEntryView } from './TimelineEntryView';

interface Item {
  entry: TimelineEntry;
  files: TimelineEntry[];
}

const together = (a: TimelineEntry, b: TimelineEntry) => a.at === b.at && (a.actor?.id ?? null) === (b.actor?.id ?? null);

/** Newest first: a comment's files were written after it, so they come just before it in the list. */
export function groupEntries(entries: TimelineEntry[]): Item[] {
  const out: Item[] = [];
  let files: TimelineEntry[] = [];
  const flush = () => {
    if (files.length) out.push({ entry: files[0]!, files: [...files].reverse() });
    files = [];
  };
  for (const e of entries) {
    if (e.kind === 'attachment') {
      if (files.length && !together(files[0]!, e)) flush();
      files.push(e);
      continue;
    }
    if (files.length && together(files[0]!, e) && (e.kind === 'comment' || e.kind === 'note' || e.kind === 'created')) {
      out.push({ entry: e, files: [...files].reverse() });
      files = [];
      continue;
    }
    flush();
    out.push({ entry: e, files: [] });
  }
  flush();
  return out;
}

export function TicketTimeline({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const timeline = useTimeline(ticket.id);
  // For entries written before names were kept: technicians (and, for those who work tickets, every active user).
  const techs = useTechnicians(can('tickets:read'));
  const users = useLeaderCandidates(can('tickets:write'));
  const userName = (id: unknown) =>
    [...(techs.data ?? []), ...(users.data ?? [])].find((u) => u.id === id)?.name ??
    (ticket.assignee && ticket.assignee.id === id ? ticket.assignee.name : `#${String(id)}`);
  const assetName = (id: number) => {
    const a = ticket.assets.find((x) => x.id === id);
    return a ? `${a.number} ${a.name}` : `#${id}`;
  };

  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const items = groupEntries(entries);

  return (
    <Card size="small" title={t('tickets.timeline.title')} data-testid="ticket-timeline">
      <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      {timeline.isLoading && <Skeleton active />}
      {!timeline.isLoading && items.length === 0 && !timeline.error && <EmptyState description={t('tickets.timeline.empty')} />}
      <Timeline
        style={{ marginTop: 8 }}
        items={items.map(({ entry: e, files }) => {
          const note = e.kind === 'note';
          const body = <TimelineEntryView ticket={ticket} entry={e} files={files} names={{ user: userName, asset: assetName }} />;
          return {
            key: e.id,
            color: KIND_COLORS[e.kind] ?? 'gray',
            content: (
              <div>
                <Flex wrap gap={8} align="baseline">
                  <Typography.Text strong>{e.actor?.name ?? t('tickets.timeline.system')}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmt.dateTime(e.at)}
                  </Typography.Text>
                  {note && (
                    <Typography.Text style={{ fontSize: 12, color: '#ad6800' }}>
                      <LockOutlined /> {t('tickets.comment.internal')}
                    </Typography.Text>
                  )}
                </Flex>
                {note ? (
                  <div
                    style={{
                      ...NOTE_STYLE,
                      border: `1px solid ${NOTE_STYLE.borderColor}`,
                      borderRadius: 6,
                      padding: '6px 10px',
                      marginTop: 4,
                    }}
                  >
                    {body}
                  </div>
                ) : (
                  body
                )}
              </div>
            ),
          };
        })}
      />
      {timeline.hasNextPage && (
        <Button block onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} data-testid="timeline-more">
          {t('tickets.timeline.more')}
        </Button>
      )}
    </Card>
  );
}
