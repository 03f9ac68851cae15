// One ticket, for the people who work it and for its reporter: header and actions, details, the
// resolution record, the comment box and the timeline; beside them the devices, related tickets,
// vendor repairs and the leader's decision. What each person sees and may do is the server's
// answer (`ticket.can`, and timelines without internal entries for reporters).
import { Button, Col, Grid, Result, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useTicket } from '../api';
import { CommentBox } from '../components/detail/CommentBox';
import { EscalationCard } from '../components/detail/EscalationCard';
import { AssetsCard, LinksCard } from '../components/detail/RelationsCards';
import { RepairsCard, type RepairEditing } from '../components/detail/RepairsCard';
import { RecordCard, TicketDetails, TicketHeader } from '../components/detail/TicketInfo';
import { Suggestions } from '../components/report/Suggestions';
import { TicketTimeline } from '../components/detail/TicketTimeline';

const GAP = 12;

export default function TicketPage() {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().lg !== false;
  const raw = useParams().id ?? '';
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
  const query = useTicket(id);
  const [repair, setRepair] = useState<RepairEditing>(null);

  if (id === undefined || (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)))
    return (
      <Result
        status="404"
        title={t('tickets.detail.notFound')}
        subTitle={t('tickets.detail.notFoundHint')}
        extra={
          <Link to="/tickets/mine">
            <Button type="primary">{t('tickets.nav.mine')}</Button>
          </Link>
        }
        data-testid="ticket-not-found"
      />
    );
  if (query.isLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (query.error || !query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const ticket = query.data;
  const open = ticket.state !== 'resolved' && ticket.state !== 'closed';
  const side = (
    <>
      {/* While it is worked on: how similar faults were solved before. */}
      {ticket.can.work && open && (
        <Suggestions text={`${ticket.title}\n${ticket.description}`} excludeId={ticket.id} title={t('tickets.suggest.forTicket')} />
      )}
      <EscalationCard ticket={ticket} />
      <AssetsCard ticket={ticket} />
      <LinksCard ticket={ticket} />
      <RepairsCard ticket={ticket} editing={repair} setEditing={setRepair} />
    </>
  );
  const stack = { display: 'flex', flexDirection: 'column', gap: GAP } as const;

  return (
    <Row gutter={[GAP, GAP]} data-testid="ticket-page">
      <Col xs={24} lg={16} style={stack}>
        <TicketHeader ticket={ticket} onRepair={() => setRepair('new')} />
        <TicketDetails ticket={ticket} />
        <RecordCard ticket={ticket} />
        {!wide && side}
        {ticket.can.comment && <CommentBox ticket={ticket} />}
        <TicketTimeline ticket={ticket} />
      </Col>
      {wide && (
        <Col lg={8} style={stack}>
          {side}
        </Col>
      )}
    </Row>
  );
}
