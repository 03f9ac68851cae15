// Ticket numbers inside text the asset pages show (a status reason, a history or maintenance
// entry a ticket wrote): found so they can be linked, the rest left as the text it is.

/** A ticket number: the settings' prefix (1–6 capitals), the date, the day's sequence. */
const TICKET_NUMBER = /\b[A-Z]{1,6}-\d{8}-\d{4,}\b/g;

/** The text in pieces, in order: plain strings, and ticket numbers marked `ticket`. */
export function ticketRefParts(text: string): { text: string; ticket: boolean }[] {
  const parts: { text: string; ticket: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(TICKET_NUMBER)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), ticket: false });
    parts.push({ text: m[0], ticket: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), ticket: false });
  return parts;
}
