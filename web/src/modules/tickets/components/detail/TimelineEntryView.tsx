// One entry of a ticket's timeline, written out for a person: what happened (state changes,
// assignments, repairs, escalation, links…) and any text, always as plain text. The facts come in
// `data`, shaped per kind by the server (tickets.*.ts where each entry is written). Assignments
// and linked devices carry the names they had then; older entries have ids only and are named
// from what the page knows now.
import { FilePdfOutlined, LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Flex, Image, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetEntryData, assignedEntryData, RESOLUTION_FIELDS, type Ticket, type TimelineEntry } from '@shared/contracts/tickets.js';
import { attachmentUrl } from '../../api';
import { useCategoryLabel } from '../../lookups-api';
import { durationText } from '../../time';

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

export const KIND_COLORS: Partial<Record<TimelineEntry['kind'], string>> = {
  created: 'blue',
  state: 'cyan',
  resolution: 'green',
  escalation: 'magenta',
  repair: 'purple',
  sla: 'red',
  note: 'gold',
};

function Text({ children }: { children: string }) {
  return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{children}</div>;
}

interface Names {
  /** User id → name, for assignments written without names. */
  user: (id: unknown) => string;
  /** Asset id → "number name", for device entries written without names. */
  asset: (id: number) => string;
}

function assignedLine(t: TFunction, data: Record<string, unknown>, names: Names): string {
  const parsed = assignedEntryData.safeParse(data);
  if (!parsed.success)
    return data.to == null ? t('tickets.timeline.unassigned') : t('tickets.timeline.assigned', { name: names.user(data.to) });
  const { from, to, fromName, toName } = parsed.data;
  const who = (id: number, kept: string | null | undefined) => kept || names.user(id);
  if (to === null)
    return from === null ? t('tickets.timeline.unassigned') : t('tickets.timeline.unassignedFrom', { name: who(from, fromName) });
  if (from === null) return t('tickets.timeline.assigned', { name: who(to, toName) });
  return t('tickets.timeline.reassigned', { from: who(from, fromName), to: who(to, toName) });
}

function assetLines(t: TFunction, data: Record<string, unknown>, names: Names): ReactNode {
  const parsed = assetEntryData.safeParse(data);
  const { added, removed, assets } = parsed.success ? parsed.data : { added: ids(data.added), removed: ids(data.removed), assets: [] };
  const kept = new Map((assets ?? []).map((a) => [a.id, `${a.number} ${a.name}`]));
  const label = (id: number) => kept.get(id) ?? names.asset(id);
  const sep = t('tickets.timeline.separator');
  return (
    <>
      {added.length > 0 && <div>{t('tickets.timeline.assetsAdded', { assets: added.map(label).join(sep) })}</div>}
      {removed.length > 0 && <div>{t('tickets.timeline.assetsRemoved', { assets: removed.map(label).join(sep) })}</div>}
    </>
  );
}

/** The one-line description of what happened; null when the body says it all (comments). */
function headline(t: TFunction, e: TimelineEntry, names: Names, category: (v: string) => string): ReactNode {
  const d = e.data;
  const state = (s: unknown) => t(`tickets.state.${str(s)}`, { defaultValue: str(s) });
  switch (e.kind) {
    case 'created':
      if (d.kind === 'task') return t('tickets.timeline.createdTask');
      return d.source && d.source !== 'self' && d.source !== 'scan'
        ? t('tickets.timeline.registered', { source: t(`tickets.source.${str(d.source)}`, { defaultValue: str(d.source) }) })
        : t('tickets.timeline.reported');
    case 'comment':
    case 'note':
      return null;
    case 'state':
      if (d.auto) return t('tickets.timeline.autoClosed');
      if (d.to === 'waiting' && d.waitingFor)
        return t('tickets.timeline.waiting', { for: t(`tickets.waitingFor.${str(d.waitingFor)}`, { defaultValue: str(d.waitingFor) }) });
      return t('tickets.timeline.state', { from: state(d.from), to: state(d.to) });
    case 'assigned':
      return assignedLine(t, d, names);
    case 'priority':
      return t('tickets.timeline.priority', {
        from: t(`tickets.priority.${str(d.from)}`, { defaultValue: str(d.from) }),
        to: t(`tickets.priority.${str(d.to)}`, { defaultValue: str(d.to) }),
      });
    case 'fields': {
      const changes = (d.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
      const fields = Array.isArray(d.fields) ? (d.fields as string[]) : Object.keys(changes);
      const label = (f: string) => t(`tickets.fields.${f}`, { defaultValue: f });
      // Short values read well inline; long text and ids are only named.
      const shown = (f: string, v: unknown) =>
        f === 'category'
          ? category(str(v)) || t('tickets.timeline.none')
          : f === 'important'
            ? v
              ? t('common.yes')
              : t('common.no')
            : str(v) || t('tickets.timeline.none');
      const detail = fields
        .filter((f) => ['title', 'category', 'important', 'place', 'contactPhone'].includes(f) && changes[f])
        .map((f) => t('tickets.timeline.fieldChange', { field: label(f), from: shown(f, changes[f]!.from), to: shown(f, changes[f]!.to) }));
      return (
        <>
          {t('tickets.timeline.fields', { fields: fields.map(label).join(t('tickets.timeline.separator')) })}
          {detail.map((x) => (
            <Typography.Text key={x} type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {x}
            </Typography.Text>
          ))}
        </>
      );
    }
    case 'attachment':
      return t('tickets.timeline.attachment');
    case 'time':
      return t('tickets.timeline.time', { d: durationText(t, e.minutes) });
    case 'repair': {
      const vendor = str(d.vendorName);
      const at = { vendor, date: str(d.sentDate) };
      if (d.change === 'returned') {
        const back = { vendor, date: str(d.returnedDate) };
        return vendor ? t('tickets.timeline.repairReturned', back) : t('tickets.timeline.repairReturnedBare', back);
      }
      if (d.change === 'updated') return vendor ? t('tickets.timeline.repairUpdated', { vendor }) : t('tickets.timeline.repairUpdatedBare');
      const sent = vendor ? t('tickets.timeline.repairSent', at) : t('tickets.timeline.repairSentBare', at);
      return d.rmaNumber ? `${sent} ${t('tickets.timeline.repairRma', { rma: str(d.rmaNumber) })}` : sent;
    }
    case 'escalation':
      return d.change === 'decided' ? t('tickets.timeline.decided') : t('tickets.timeline.escalated', { name: str(d.leaderName) });
    case 'link': {
      const other = (
        <Link key="t" to={`/tickets/${str(d.ticketId)}`} style={{ fontFamily: 'monospace' }}>
          {str(d.number)}
        </Link>
      );
      const relation = t(`tickets.links.${d.direction === 'in' ? 'in' : 'out'}.${str(d.kind)}`, { defaultValue: str(d.kind) });
      return (
        <>
          {d.change === 'removed' ? t('tickets.timeline.linkRemoved', { relation }) : t('tickets.timeline.linkAdded', { relation })} {other}
        </>
      );
    }
    case 'asset':
      return assetLines(t, d, names);
    case 'resolution':
      return t('tickets.timeline.resolution');
    case 'sla':
      return t(`tickets.timeline.sla.${d.level === 'breached' ? 'breached' : 'near'}`, {
        clock: t(`tickets.sla.${d.clock === 'response' ? 'response' : 'resolution'}`),
      });
  }
}

function Files({ ticketId, files }: { ticketId: number; files: TimelineEntry[] }) {
  return (
    <Flex wrap gap={8} style={{ marginTop: 6 }}>
      <Image.PreviewGroup>
        {files.map((f) => {
          const url = attachmentUrl(ticketId, Number(f.data.attachmentId));
          const name = str(f.data.fileName);
          return str(f.data.mime).startsWith('image/') ? (
            <Image
              key={f.id}
              src={url}
              alt={name}
              width={88}
              height={88}
              style={{ objectFit: 'cover', borderRadius: 6 }}
              data-testid="timeline-image"
            />
          ) : (
            <a key={f.id} href={url} target="_blank" rel="noreferrer" data-testid="timeline-file">
              {str(f.data.mime) === 'application/pdf' ? <FilePdfOutlined /> : <PaperClipOutlined />} {name}
            </a>
          );
        })}
      </Image.PreviewGroup>
    </Flex>
  );
}

interface EntryProps {
  ticket: Ticket;
  entry: TimelineEntry;
  /** Attachment entries written with this one (the photos of a comment). */
  files: TimelineEntry[];
  names: Names;
}

export function TimelineEntryView({ ticket, entry: e, files, names }: EntryProps) {
  const { t } = useTranslation();
  const category = useCategoryLabel();
  const line = headline(t, e, names, category);
  const record = e.kind === 'resolution' ? (e.data as Record<string, unknown>) : null;
  return (
    <div data-testid={`timeline-${e.kind}`}>
      {line && <div>{line}</div>}
      {e.body && e.kind !== 'created' && <Text>{e.body}</Text>}
      {record && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 4 }}
          items={RESOLUTION_FIELDS.filter((f) => str(record[f])).map((f) => ({
            key: f,
            label: t(`tickets.record.${f}`),
            children: <Text>{str(record[f])}</Text>,
          }))}
        />
      )}
      {e.minutes > 0 && e.kind !== 'time' && (
        <Tag style={{ marginTop: 4 }}>{t('tickets.timeline.spent', { d: durationText(t, e.minutes) })}</Tag>
      )}
      {files.length > 0 && <Files ticketId={ticket.id} files={files} />}
      {e.internal && e.kind !== 'note' && ticket.can.internalNotes && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {/* The leader the ticket was escalated to reads the escalation entries too. */}
          <LockOutlined /> {e.kind === 'escalation' ? t('tickets.timeline.internalAndLeader') : t('tickets.timeline.internalOnly')}
        </Typography.Text>
      )}
    </div>
  );
}
