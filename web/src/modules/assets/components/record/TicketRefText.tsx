// Text that may name a ticket (a status reason "GZ-20261204-0001", a repair entry the ticket wrote
// on closing): each ticket number becomes a link to the tickets list searched by it, since the
// asset data carries only the number. The rest stays plain text; nothing is rendered as HTML.
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../../lib/session';
import { ticketRefParts } from './ticket-ref';

export function TicketRefText({ text }: { text: string }) {
  // Without the tickets list a link would only lead to a refusal.
  const linked = useCan()('tickets:read');
  return (
    <>
      {ticketRefParts(text).map((p, i) =>
        p.ticket && linked ? (
          <Link key={i} to={`/tickets?q=${encodeURIComponent(p.text)}`} data-testid="ticket-ref">
            {p.text}
          </Link>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
