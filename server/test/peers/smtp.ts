// A real SMTP server on loopback for tests (never a mock of the protocol): plain connection
// (STARTTLS disabled), AUTH PLAIN/LOGIN with one account (a wrong password gets 535), and every
// accepted message kept decoded (MIME words, quoted-printable, base64) for assertions.
import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpPeerOptions {
  /** The account to sign in with; without one, no sign-in is asked for. */
  user?: string;
  password?: string;
  /** Recipients to refuse with 550 (e.g. to test a rejected address). */
  rejectRecipient?: (address: string) => boolean;
  /** Listen on this port (0: any free one). */
  port?: number;
}

export interface ReceivedMail {
  /** Envelope sender and recipients. */
  from: string;
  to: string[];
  /** The From: header (display name and address), decoded. */
  fromHeader: { name: string; address: string } | null;
  subject: string;
  text: string;
  /** false when the message has no HTML part. */
  html: string | false;
  /** Header names, lower case, and their raw values. */
  headers: Map<string, unknown>;
  raw: string;
}

export interface SmtpPeer {
  host: string;
  port: number;
  user: string | undefined;
  password: string | undefined;
  /** Messages received so far, in arrival order. */
  messages: ReceivedMail[];
  /** Sign-ins refused so far. */
  authFailures: number;
  /** Resolves once `count` messages have arrived in total; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpPeer(opts: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let authFailures = 0;
  const needsAuth = opts.user !== undefined;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: needsAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !needsAuth,
    // Loopback only: sign-in over the plain connection is what the test is about.
    allowInsecureAuth: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === opts.user && auth.password === opts.password) return callback(null, { user: auth.username });
      authFailures++;
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (opts.rejectRecipient?.(address.address)) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const from = parsed.from?.value[0];
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              fromHeader: from ? { name: from.name, address: from.address ?? '' } : null,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html ?? false,
              headers: parsed.headers as Map<string, unknown>,
              raw: raw.toString('utf8'),
            });
            for (const w of waiters) w();
            callback();
          })
          .catch(callback);
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });

  return {
    host: '127.0.0.1',
    port,
    user: opts.user,
    password: opts.password,
    messages,
    get authFailures() {
      return authFailures;
    },
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port where nothing listens: a mail server that is down. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  const port = await new Promise<number>((resolve) => {
    probe.listen(0, '127.0.0.1', () => {
      const addr = probe.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
