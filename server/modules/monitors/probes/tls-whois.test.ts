// The TLS certificate probe against loopback HTTPS servers with fresh self-signed certificates (one
// near expiry, one expired), and the WHOIS probe against a loopback WHOIS server answering in the
// registries' own forms. Hostile hosts, silent servers and black holes are covered for both.
// Run: node --import tsx --test server/modules/monitors/probes/tls-whois.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHttpPeer, startHttpsPeer, type HttpPeer } from '../../../test/peers/http.js';
import { closedPort, startBlackHole, startSilentServer, type BlackHole, type TcpPeer } from '../../../test/peers/tcp.js';
import { startWhoisPeer, WHOIS_DOMAINS, WHOIS_EXPIRY, type WhoisPeer } from '../../../test/peers/whois.js';
import { daysUntil } from './net-errors.js';
import type { ProbeContext } from './probe.types.js';
import { tlsProbe } from './tls.js';
import { parseReferral, parseWhoisDate, parseWhoisExpiry, whoisProbe, whoisServerFor } from './whois.js';

const DAY = 86_400_000;

function ctx(timeoutMs = 2000, opts: { signal?: AbortSignal; now?: number } = {}): ProbeContext {
  const now = opts.now;
  return {
    signal: opts.signal ?? new AbortController().signal,
    timeoutMs,
    secrets: {},
    memory: new Map(),
    now: () => now ?? Date.now(),
  };
}

const hostile = ['127.0.0.1;touch /tmp/sysward-x', '$(id)', '-oProxyCommand=x', '`reboot`', 'a b', '', '--help'];

let silent: TcpPeer;
let hole: BlackHole;
before(async () => {
  [silent, hole] = await Promise.all([startSilentServer(), startBlackHole()]);
});
after(async () => {
  await Promise.all([silent?.close(), hole?.close()]);
});

describe('tls probe', () => {
  let near: HttpPeer;
  let expired: HttpPeer;
  let plain: HttpPeer;
  before(async () => {
    [near, expired, plain] = await Promise.all([startHttpsPeer({ days: 5 }), startHttpsPeer({ days: -2 }), startHttpPeer()]);
  });
  after(async () => {
    await Promise.all([near?.close(), expired?.close(), plain?.close()]);
  });
  const target = (port: number, over: { host?: string; servername?: string } = {}) => ({
    kind: 'tls' as const,
    host: '127.0.0.1',
    port,
    servername: '',
    ...over,
  });

  test('a certificate 5 days from expiry: value 5, names, date and why it does not verify', async () => {
    const r = await tlsProbe(target(near.port), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.value, 5);
    assert.ok(r.latencyMs! >= 0);
    assert.equal(r.facts?.subject, 'localhost');
    assert.equal(r.facts?.issuer, 'localhost');
    assert.equal(r.facts?.verified, 'no');
    assert.equal(r.facts?.verify_error, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.ok(Math.abs(Date.parse(r.facts!.valid_to!) - (Date.now() + 5 * DAY)) < 5 * 60_000);
    assert.equal((await tlsProbe(target(near.port, { servername: 'localhost' }), ctx())).value, 5);
  });

  test('the check counts from the engine clock: ten days later the same certificate has expired', async () => {
    const r = await tlsProbe(target(near.port), ctx(2000, { now: Date.now() + 10 * DAY }));
    assert.deepEqual([r.ok, r.reason, r.value], [false, 'cert_expired', -5]);
  });

  test('an expired certificate is cert_expired with negative days', async () => {
    const r = await tlsProbe(target(expired.port), ctx());
    assert.equal(r.ok, false);
    assert.equal(r.reason, 'cert_expired');
    assert.equal(r.value, -2);
    assert.equal(r.facts?.verify_error, 'CERT_HAS_EXPIRED');
  });

  test('a server that does not speak TLS is tls_error; silence and a black hole time out; a closed port is refused', async () => {
    const plainText = await tlsProbe(target(plain.port), ctx());
    assert.equal(plainText.reason, 'tls_error');
    assert.match(String(plainText.detail?.code), /^[A-Z0-9_]+$/);
    for (const port of [silent.port, hole.port]) {
      const started = Date.now();
      const r = await tlsProbe(target(port), ctx(500));
      assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'timeout' });
      assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    }
    assert.equal((await tlsProbe(target(await closedPort()), ctx())).reason, 'refused');
  });

  test('an abort stops the handshake at once', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const started = Date.now();
    assert.equal((await tlsProbe(target(silent.port), ctx(10_000, { signal: ac.signal }))).reason, 'timeout');
    assert.ok(Date.now() - started < 400);
  });

  test('hostile hosts and server names are refused', async () => {
    for (const host of hostile) assert.equal((await tlsProbe(target(near.port, { host }), ctx())).detail?.code, 'invalid_host', host);
    for (const servername of ['$(id)', 'a;b', '-x']) {
      assert.equal((await tlsProbe(target(near.port, { servername }), ctx())).detail?.code, 'invalid_servername', servername);
    }
    assert.equal((await tlsProbe(target(0), ctx())).detail?.code, 'invalid_port');
  });
});

describe('whois probe', () => {
  let whois: WhoisPeer;
  before(async () => {
    whois = await startWhoisPeer();
  });
  after(() => whois?.close());
  const NOW = Date.UTC(2026, 0, 1);
  const target = (domain: string, over: { server?: string; serverPort?: number } = {}) => ({
    kind: 'whois' as const,
    domain,
    server: whois.host,
    serverPort: whois.port,
    ...over,
  });

  test('registry forms: Verisign, CNNIC, a registrar with an offset, paid-till', async () => {
    const cases = [
      [WHOIS_DOMAINS.verisign, WHOIS_EXPIRY.verisign],
      [WHOIS_DOMAINS.cnnic, WHOIS_EXPIRY.cnnic],
      [WHOIS_DOMAINS.registrar, WHOIS_EXPIRY.registrar],
      [WHOIS_DOMAINS.paidTill, WHOIS_EXPIRY.paidTill],
    ] as const;
    for (const [domain, expiry] of cases) {
      const r = await whoisProbe(target(domain), ctx(2000, { now: NOW }));
      assert.equal(r.ok, true, `${domain}: ${JSON.stringify(r)}`);
      assert.equal(r.value, daysUntil(expiry, NOW), domain);
      assert.equal(r.facts?.expires, new Date(expiry).toISOString(), domain);
      assert.equal(r.facts?.server, whois.host);
    }
    assert.ok(whois.queries.includes(WHOIS_DOMAINS.cnnic));
  });

  test('no expiry in the answer, or an unregistered name: whois_no_expiry; an expired domain counts below zero', async () => {
    assert.equal((await whoisProbe(target(WHOIS_DOMAINS.noExpiry), ctx())).reason, 'whois_no_expiry');
    assert.equal((await whoisProbe(target('unregistered-name.com'), ctx())).reason, 'whois_no_expiry');
    const r = await whoisProbe(target(WHOIS_DOMAINS.expired), ctx(2000, { now: NOW }));
    assert.equal(r.value, daysUntil(Date.UTC(2020, 4, 1), NOW));
    assert.ok(r.value! < 0);
  });

  test('a server that never answers times out; a black hole too; a closed port is refused', async () => {
    for (const t of [target(WHOIS_DOMAINS.silent), target('example.com', { serverPort: hole.port })]) {
      const started = Date.now();
      assert.deepEqual(await whoisProbe(t, ctx(500)), { ok: false, latencyMs: null, reason: 'timeout' });
      assert.ok(Date.now() - started < 1000);
    }
    assert.equal((await whoisProbe(target('example.com', { serverPort: await closedPort() }), ctx())).reason, 'refused');
  });

  test('an endless answer is read up to 64 KiB only', async () => {
    const started = Date.now();
    const r = await whoisProbe(target(WHOIS_DOMAINS.flood), ctx(3000));
    assert.equal(r.reason, 'whois_no_expiry');
    assert.ok(Date.now() - started < 2000);
  });

  test('hostile domains and servers are refused before any query', async () => {
    const asked = whois.queries.length;
    for (const domain of [...hostile, 'localhost']) {
      assert.equal((await whoisProbe(target(domain), ctx())).detail?.code, 'invalid_host', domain);
    }
    for (const server of ['$(id)', 'whois.example.com;id', '-h']) {
      assert.equal((await whoisProbe(target('example.com', { server }), ctx())).detail?.code, 'invalid_server', server);
    }
    assert.equal(whois.queries.length, asked);
  });

  test('the expiry line and date forms, the suffix table and the IANA referral', () => {
    assert.equal(parseWhoisDate('2027-03-01 12:00:00'), Date.UTC(2027, 2, 1, 12));
    assert.equal(parseWhoisDate('2027-03-01T12:00:00.000+08:00'), Date.UTC(2027, 2, 1, 4));
    assert.equal(parseWhoisDate('2027/03/01'), Date.UTC(2027, 2, 1));
    assert.equal(parseWhoisDate('2027.03.01'), Date.UTC(2027, 2, 1));
    assert.equal(parseWhoisDate('01-Mar-2027'), Date.UTC(2027, 2, 1));
    assert.equal(parseWhoisDate('1.3.2027'), Date.UTC(2027, 2, 1));
    assert.equal(parseWhoisDate('2027-13-01'), null);
    assert.equal(parseWhoisDate('never'), null);
    assert.equal(parseWhoisExpiry('expires............: 1.3.2027\n'), Date.UTC(2027, 2, 1));
    assert.equal(parseWhoisExpiry('Expiry date:  10-Dec-2027\n'), Date.UTC(2027, 11, 10));
    // The registry's line wins over the registrar's, wherever each stands.
    assert.equal(
      parseWhoisExpiry('Registrar Registration Expiration Date: 2028-01-01\nRegistry Expiry Date: 2029-01-01T00:00:00Z\n'),
      Date.UTC(2029, 0, 1),
    );
    assert.equal(parseWhoisExpiry('Expiration Time: soon\n'), null);

    assert.equal(whoisServerFor('example.com'), 'whois.verisign-grs.com');
    assert.equal(whoisServerFor('www.example.net.'), 'whois.verisign-grs.com');
    assert.equal(whoisServerFor('example.com.cn'), 'whois.cnnic.cn');
    assert.equal(whoisServerFor('example.cn'), 'whois.cnnic.cn');
    assert.equal(whoisServerFor('example.org'), 'whois.pir.org');
    assert.equal(whoisServerFor('example.museum'), null);
    assert.equal(parseReferral('% IANA WHOIS server\r\ndomain:       MUSEUM\r\nrefer:        whois.nic.museum\r\n'), 'whois.nic.museum');
    assert.equal(parseReferral('refer: $(id)\n'), null);
    assert.equal(parseReferral('domain: EXAMPLE\n'), null);
  });
});
