// A WHOIS server on loopback (RFC 3912: one query line in, the answer, then close) with canned
// registry answers in the forms the probe must read, one answer without any expiry, one domain
// whose query is never answered, and a stream far longer than the probe reads.
import { createServer, type Socket } from 'node:net';

export const WHOIS_DOMAINS = {
  /** Verisign's form for .com; expires 2031-08-13T04:00:00Z. */
  verisign: 'example-verisign.com',
  /** CNNIC's form; expires 2027-03-01 12:00:00. */
  cnnic: 'example-cnnic.com.cn',
  /** A registrar's answer with only its own expiry line, with an offset. */
  registrar: 'example-registrar.net',
  /** .ru style paid-till. */
  paidTill: 'example-paid.ru',
  /** An answer that has no expiry date at all. */
  noExpiry: 'no-expiry.org',
  /** Expired a year before the test's clock. */
  expired: 'expired-domain.com',
  /** The query is read and never answered. */
  silent: 'never-answers.com',
  /** An answer of 1 MiB: the probe stops at its cap. */
  flood: 'flood.com',
} as const;

export const WHOIS_EXPIRY = {
  verisign: Date.UTC(2031, 7, 13, 4, 0, 0),
  cnnic: Date.UTC(2027, 2, 1, 12, 0, 0),
  registrar: Date.UTC(2029, 0, 15, 7, 0, 0),
  paidTill: Date.UTC(2026, 9, 2, 21, 0, 0),
} as const;

const ANSWERS: Record<string, string> = {
  [WHOIS_DOMAINS.verisign]: [
    `   Domain Name: ${WHOIS_DOMAINS.verisign.toUpperCase()}`,
    '   Registry Domain ID: 2336799_DOMAIN_COM-VRSN',
    '   Registrar WHOIS Server: whois.example-registrar.test',
    '   Updated Date: 2024-08-14T07:01:34Z',
    '   Creation Date: 1995-08-14T04:00:00Z',
    '   Registry Expiry Date: 2031-08-13T04:00:00Z',
    '   Registrar: Example Registrar, Inc.',
    '   Domain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited',
    '>>> Last update of whois database: 2025-01-01T00:00:00Z <<<',
    '',
    'NOTICE: The expiration date displayed in this record is the date the',
    "registrar's sponsorship of the domain name registration in the registry is",
    'currently set to expire.',
  ].join('\r\n'),
  [WHOIS_DOMAINS.cnnic]: [
    `Domain Name: ${WHOIS_DOMAINS.cnnic}`,
    'ROID: 20030312s10001s00012345-cn',
    'Domain Status: clientTransferProhibited',
    'Registrant: 示例网络科技有限公司',
    'Sponsoring Registrar: 示例注册服务机构',
    'Name Server: ns1.example.cn',
    'Registration Time: 2003-03-12 12:00:00',
    'Expiration Time: 2027-03-01 12:00:00',
    'DNSSEC: unsigned',
  ].join('\r\n'),
  [WHOIS_DOMAINS.registrar]: [
    `Domain Name: ${WHOIS_DOMAINS.registrar}`,
    'Updated Date: 2024-01-10T01:02:03-0700',
    'Creation Date: 2019-01-15T00:00:00-0700',
    'Registrar Registration Expiration Date: 2029-01-15T00:00:00-0700',
  ].join('\n'),
  [WHOIS_DOMAINS.paidTill]: [
    `domain:        ${WHOIS_DOMAINS.paidTill.toUpperCase()}`,
    'state:         REGISTERED, DELEGATED, VERIFIED',
    'created:       2004-10-02T20:00:00Z',
    'paid-till:     2026-10-02T21:00:00Z',
    'free-date:     2026-11-03',
  ].join('\n'),
  [WHOIS_DOMAINS.noExpiry]: [
    `Domain Name: ${WHOIS_DOMAINS.noExpiry}`,
    'Registrar: Example Registrar',
    'Status: connect',
    'Last update: 2025-01-01',
  ].join('\r\n'),
  [WHOIS_DOMAINS.expired]: ['Domain Name: EXPIRED-DOMAIN.COM', 'Registry Expiry Date: 2020-05-01T00:00:00Z'].join('\r\n'),
};

export interface WhoisPeer {
  host: string;
  port: number;
  /** Query lines received so far, without CR LF. */
  queries: string[];
  close(): Promise<void>;
}

export async function startWhoisPeer(): Promise<WhoisPeer> {
  const queries: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (s: string) => {
      buffer += s;
      const end = buffer.indexOf('\r\n');
      if (end < 0) return;
      const query = buffer.slice(0, end);
      queries.push(query);
      answer(socket, query.trim().toLowerCase());
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  return {
    host: '127.0.0.1',
    port,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(socket: Socket, domain: string): void {
  if (domain === WHOIS_DOMAINS.silent) return;
  if (domain === WHOIS_DOMAINS.flood) {
    const line = `% filler line without any date in it ${'x'.repeat(60)}\r\n`;
    socket.end(line.repeat(Math.ceil((1024 * 1024) / line.length)) + 'Registry Expiry Date: 2030-01-01T00:00:00Z\r\n');
    return;
  }
  socket.end(ANSWERS[domain] ?? `No match for "${domain.toUpperCase()}".\r\n`);
}
