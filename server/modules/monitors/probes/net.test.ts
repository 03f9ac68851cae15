// The TCP, ping and DNS probes against real peers on loopback: a listener, a closed port, a black
// hole that never completes the handshake, the system's ping at 127.0.0.1 and ::1, and dnsmasq
// serving a test zone. Hostile addresses must be refused before anything is contacted or spawned.
// Run: node --import tsx --test server/modules/monitors/probes/net.test.ts
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DNS_RECORDS, startDnsPeer, startSilentDns, type DnsPeer } from '../../../test/peers/dns.js';
import { closedPort, startBlackHole, startTcpListener, type BlackHole, type TcpPeer } from '../../../test/peers/tcp.js';
import { dnsProbe } from './dns.js';
import { netFailure } from './net-errors.js';
import { parsePingOutput, pingArgs, pingProbe } from './ping.js';
import type { ProbeContext } from './probe.types.js';
import { tcpProbe } from './tcp.js';

function ctx(timeoutMs = 1000, signal: AbortSignal = new AbortController().signal): ProbeContext {
  return { signal, timeoutMs, secrets: {}, memory: new Map(), now: () => Date.now() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPWrap').length;
}

/** Child processes of this test process whose command is `comm` (read from /proc). */
async function children(comm: string): Promise<number> {
  let n = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
    if (m && m[1] === comm && Number(m[2]) === process.pid) n++;
  }
  return n;
}

let markerDir = '';
let marker = '';
const hostile = () => [
  `127.0.0.1;touch ${marker}`,
  `$(touch ${marker})`,
  '$(id)',
  '-oProxyCommand=x',
  '`reboot`',
  '127.0.0.1 && touch x',
  '127.0.0.1\ntouch x',
  '',
  '-c',
  '--help',
];

before(async () => {
  markerDir = await mkdtemp(join(tmpdir(), 'sysward-probe-net-'));
  marker = join(markerDir, 'x');
});
after(() => rm(markerDir, { recursive: true, force: true }));

describe('tcp probe', () => {
  let listener: TcpPeer;
  let hole: BlackHole;
  before(async () => {
    listener = await startTcpListener();
    hole = await startBlackHole();
  });
  after(async () => {
    await listener?.close();
    await hole?.close();
  });

  test('an open port connects and reports the connect time', async () => {
    const r = await tcpProbe({ kind: 'tcp', host: '127.0.0.1', port: listener.port }, ctx());
    assert.equal(r.ok, true);
    assert.equal(typeof r.latencyMs, 'number');
    assert.ok(r.latencyMs! >= 0 && r.latencyMs! < 1000);
    assert.equal(Math.round(r.latencyMs! * 10), r.latencyMs! * 10);
  });

  test('a loopback port where nothing listens is refused', async () => {
    const r = await tcpProbe({ kind: 'tcp', host: '127.0.0.1', port: await closedPort() }, ctx());
    assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'refused', detail: { code: 'ECONNREFUSED' } });
  });

  test('::1 works as an address', async (t) => {
    const r = await tcpProbe({ kind: 'tcp', host: '::1', port: await closedPort() }, ctx());
    if (r.reason === 'unreachable' || r.detail?.code === 'EADDRNOTAVAIL') return t.skip('no IPv6 on loopback');
    assert.equal(r.reason, 'refused');
  });

  test('a black hole times out within the timeout and leaves no socket open', async () => {
    const before = openSockets();
    const started = Date.now();
    const r = await tcpProbe({ kind: 'tcp', host: hole.host, port: hole.port }, ctx(600));
    const took = Date.now() - started;
    assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'timeout' });
    assert.ok(took >= 550 && took < 1200, `took ${took} ms`);
    await sleep(50);
    assert.ok(openSockets() <= before, 'a socket was left open');
  });

  test('an abort stops a hanging connect at once', async () => {
    const before = openSockets();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const started = Date.now();
    const r = await tcpProbe({ kind: 'tcp', host: hole.host, port: hole.port }, ctx(5000, ac.signal));
    assert.equal(r.reason, 'timeout');
    assert.ok(Date.now() - started < 400);
    await sleep(50);
    assert.ok(openSockets() <= before, 'a socket was left open');
  });

  test('hostile hosts and ports are refused without any connection', async () => {
    const accepted = listener.accepted;
    for (const host of hostile()) {
      const r = await tcpProbe({ kind: 'tcp', host, port: listener.port }, ctx());
      assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'error', detail: { code: 'invalid_host' } }, host);
    }
    for (const port of [0, -1, 65536, 1.5, Number.NaN]) {
      const r = await tcpProbe({ kind: 'tcp', host: '127.0.0.1', port }, ctx());
      assert.equal(r.detail?.code, 'invalid_port');
    }
    assert.equal(listener.accepted, accepted);
  });
});

describe('ping probe', () => {
  test('the arguments put the host after -- with the family flag', () => {
    assert.deepEqual(pingArgs('127.0.0.1', 3, 2000), ['-n', '-c', '3', '-W', '1.5', '-i', '0.2', '-4', '--', '127.0.0.1']);
    assert.deepEqual(pingArgs('::1', 1, 500).slice(-3), ['-6', '--', '::1']);
    assert.deepEqual(pingArgs('router.lan', 2, 1000).slice(-2), ['--', 'router.lan']);
    assert.equal(pingArgs('127.0.0.1', 10, 500)[4], '0.2');
  });

  test('127.0.0.1 answers: no loss, round-trip times', async () => {
    const r = await pingProbe({ kind: 'ping', host: '127.0.0.1', count: 3 }, ctx(2000));
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.value, 0);
    assert.equal(r.metrics?.loss, 0);
    assert.ok(r.metrics!.rtt_min! <= r.metrics!.rtt_max!);
    assert.ok(r.latencyMs! >= 0 && r.latencyMs! < 100);
  });

  test('::1 answers', async (t) => {
    const r = await pingProbe({ kind: 'ping', host: '::1', count: 1 }, ctx(1500));
    if (!r.ok && r.reason !== 'packet_loss') return t.skip(`no IPv6 ping here (${r.reason})`);
    assert.equal(r.ok, true);
  });

  test('hostile hosts are refused without spawning ping', async () => {
    const before = await children('ping');
    for (const host of hostile()) {
      const r = await pingProbe({ kind: 'ping', host, count: 1 }, ctx());
      assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'error', detail: { code: 'invalid_host' } }, host);
    }
    assert.equal(await children('ping'), before);
    assert.equal(existsSync(marker), false);
  });

  test('the timeout ends a long run with what was seen, and ping is gone', async () => {
    const started = Date.now();
    const r = await pingProbe({ kind: 'ping', host: '127.0.0.1', count: 10 }, ctx(700));
    assert.ok(Date.now() - started < 1400, `took ${Date.now() - started} ms`);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.value, 0);
    await sleep(50);
    assert.equal(await children('ping'), 0);
  });

  test('an abort kills ping within about 100 ms', async () => {
    const ac = new AbortController();
    const pending = pingProbe({ kind: 'ping', host: '127.0.0.1', count: 10 }, ctx(10_000, ac.signal));
    await sleep(150);
    const aborted = Date.now();
    ac.abort();
    await pending;
    assert.ok(Date.now() - aborted < 250, `took ${Date.now() - aborted} ms`);
    await sleep(50);
    assert.equal(await children('ping'), 0);
  });

  test('every echo lost is packet_loss (a route into nothing, in a network namespace of its own)', async (t) => {
    if (process.getuid?.() !== 0) return t.skip('needs root for a network namespace');
    const probe = fileURLToPath(new URL('./ping.ts', import.meta.url));
    const script = `import { pingProbe } from ${JSON.stringify(probe)};
const r = await pingProbe({ kind: 'ping', host: '10.254.0.2', count: 2 }, { signal: new AbortController().signal, timeoutMs: 1500, secrets: {}, memory: new Map(), now: Date.now });
console.log(JSON.stringify(r));`;
    // Only lo exists in the new namespace; 10.254.0.0/24 is routed into it and never answered.
    const setup = 'ip link set lo up && ip route add 10.254.0.0/24 dev lo && exec "$0" --import tsx --input-type=module -e "$1"';
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn('unshare', ['-n', 'sh', '-c', setup, process.execPath, script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      child.on('error', () => resolve({ code: -1, stdout }));
      child.on('close', (code) => resolve({ code, stdout }));
    });
    if (out.code !== 0) return t.skip('cannot make a network namespace here');
    const r = JSON.parse(out.stdout.trim().split('\n').pop()!);
    assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'packet_loss', value: 100, metrics: { loss: 100 } });
  });

  test("ping's report is read: partial loss, all lost, unreachable, unknown name, duplicates", () => {
    const partial = [
      'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.',
      '64 bytes from 10.0.0.9: icmp_seq=1 ttl=64 time=1.20 ms',
      '64 bytes from 10.0.0.9: icmp_seq=1 ttl=64 time=1.90 ms (DUP!)',
      '64 bytes from 10.0.0.9: icmp_seq=3 ttl=64 time=2.81 ms',
      '',
      '--- 10.0.0.9 ping statistics ---',
      '4 packets transmitted, 2 received, +1 duplicates, 50% packet loss, time 608ms',
      'rtt min/avg/max/mdev = 1.200/2.005/2.810/0.805 ms',
    ].join('\n');
    assert.deepEqual(parsePingOutput(partial, '', 4), {
      ok: true,
      latencyMs: 2,
      value: 50,
      metrics: { loss: 50, rtt_min: 1.2, rtt_max: 2.8 },
    });

    const lost =
      'PING 10.254.0.2 (10.254.0.2) 56(84) bytes of data.\n\n--- 10.254.0.2 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 405ms\n';
    assert.equal(parsePingOutput(lost, '', 3).reason, 'packet_loss');

    const unreachable = [
      'PING 10.0.0.7 (10.0.0.7) 56(84) bytes of data.',
      'From 10.0.0.1 icmp_seq=1 Destination Host Unreachable',
      'From 10.0.0.1 icmp_seq=2 Destination Host Unreachable',
      '--- 10.0.0.7 ping statistics ---',
      '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1001ms',
    ].join('\n');
    assert.equal(parsePingOutput(unreachable, '', 2).reason, 'unreachable');
    assert.deepEqual(parsePingOutput('', 'ping: nonexistent.invalid: Name or service not known\n', 1), {
      ok: false,
      latencyMs: null,
      reason: 'dns_failed',
    });
    assert.equal(parsePingOutput('', 'ping: connect: Network is unreachable\n', 1).reason, 'unreachable');
    assert.equal(parsePingOutput('', 'ping: socket: Operation not permitted\n', 1).detail?.code, 'EPERM');

    // Interrupted before the summary: loss is counted over the echoes asked for.
    const cut = '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0,05 ms\n';
    assert.deepEqual(parsePingOutput(cut, '', 2), {
      ok: true,
      latencyMs: 0.1,
      value: 50,
      metrics: { loss: 50, rtt_min: 0.1, rtt_max: 0.1 },
    });
  });

  test('system errors map to reasons', () => {
    assert.equal(netFailure(Object.assign(new Error('x'), { code: 'ENOTFOUND' })).reason, 'dns_failed');
    assert.equal(netFailure(Object.assign(new Error('x'), { code: 'EAI_AGAIN' })).reason, 'dns_failed');
    assert.equal(netFailure(Object.assign(new Error('x'), { code: 'EHOSTUNREACH' })).reason, 'unreachable');
    assert.equal(netFailure(Object.assign(new Error('x'), { code: 'ENETUNREACH' })).reason, 'unreachable');
    assert.equal(netFailure(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).reason, 'timeout');
    assert.deepEqual(netFailure(Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' })), {
      reason: 'tls_error',
      detail: { code: 'CERT_HAS_EXPIRED' },
    });
    assert.deepEqual(netFailure(Object.assign(new Error('<script>'), { code: 'bad code <b>' })), {
      reason: 'error',
      detail: { code: 'unknown' },
    });
    assert.deepEqual(netFailure('boom'), { reason: 'error', detail: { code: 'unknown' } });
  });
});

describe('dns probe', () => {
  let dns: DnsPeer;
  let silent: DnsPeer;
  before(async () => {
    dns = await startDnsPeer();
    silent = await startSilentDns();
  });
  after(async () => {
    await dns?.close();
    await silent?.close();
  });
  const target = (over: Partial<Parameters<typeof dnsProbe>[0]>) => ({
    kind: 'dns' as const,
    name: DNS_RECORDS.www.name,
    recordType: 'A' as const,
    expected: '',
    server: dns.host,
    serverPort: dns.port,
    ...over,
  });

  test('A, AAAA, CNAME, MX and TXT records resolve and match what is expected', async () => {
    const r = await dnsProbe(target({ expected: DNS_RECORDS.www.a }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.ok(r.latencyMs! >= 0);
    assert.equal(r.facts?.answers, DNS_RECORDS.www.a);
    assert.equal((await dnsProbe(target({ recordType: 'AAAA', expected: 'FD00:0:0::3' }), ctx())).ok, true);
    assert.equal(
      (await dnsProbe(target({ name: DNS_RECORDS.alias.name, recordType: 'CNAME', expected: 'WWW.sysward.test.' }), ctx())).ok,
      true,
    );
    assert.equal((await dnsProbe(target({ name: DNS_RECORDS.alias.name, expected: DNS_RECORDS.www.a }), ctx())).ok, true);
    assert.equal((await dnsProbe(target({ name: DNS_RECORDS.mx.name, recordType: 'MX', expected: 'Mail.Sysward.Test.' }), ctx())).ok, true);
    assert.equal((await dnsProbe(target({ name: DNS_RECORDS.txt.name, recordType: 'TXT', expected: 'V=SPF1 -all' }), ctx())).ok, true);
    assert.equal((await dnsProbe(target({ name: `${DNS_RECORDS.www.name}.` }), ctx())).ok, true);
  });

  test('an answer other than the expected one is dns_mismatch with what came back', async () => {
    const r = await dnsProbe(target({ expected: '10.9.9.9' }), ctx());
    assert.deepEqual(r, { ok: false, latencyMs: r.latencyMs, reason: 'dns_mismatch', detail: { got: DNS_RECORDS.www.a } });
    const mx = await dnsProbe(target({ name: DNS_RECORDS.mx.name, recordType: 'MX', expected: 'other.example' }), ctx());
    assert.equal(mx.detail?.got, DNS_RECORDS.mx.exchange);
  });

  test('NXDOMAIN and a refused .invalid name are dns_failed; no record of that type is no_records', async () => {
    assert.deepEqual(await dnsProbe(target({ name: DNS_RECORDS.missing }), ctx()), {
      ok: false,
      latencyMs: null,
      reason: 'dns_failed',
      detail: { code: 'ENOTFOUND' },
    });
    const invalid = await dnsProbe(target({ name: 'does-not-exist.invalid' }), ctx());
    assert.equal(invalid.reason, 'dns_failed');
    assert.equal((await dnsProbe(target({ name: DNS_RECORDS.mx.name, recordType: 'NS' }), ctx())).reason, 'no_records');
    assert.equal((await dnsProbe(target({ recordType: 'MX' }), ctx())).reason, 'no_records');
  });

  test('a server that never answers times out within the timeout; an abort cancels at once', async () => {
    const started = Date.now();
    const r = await dnsProbe(target({ server: silent.host, serverPort: silent.port }), ctx(600));
    assert.equal(r.reason, 'timeout');
    assert.ok(Date.now() - started < 1200, `took ${Date.now() - started} ms`);

    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    const aborted = await dnsProbe(target({ server: silent.host, serverPort: silent.port }), ctx(5000, ac.signal));
    assert.equal(aborted.reason, 'timeout');
    assert.ok(Date.now() - t0 < 400);
  });

  test('hostile names, servers and record types are refused', async () => {
    for (const name of hostile()) assert.equal((await dnsProbe(target({ name }), ctx())).detail?.code, 'invalid_host', name);
    for (const server of ['dns.example.com', '127.0.0.1;id', '$(id)', '1.2.3']) {
      assert.equal((await dnsProbe(target({ server }), ctx())).detail?.code, 'invalid_server', server);
    }
    assert.equal((await dnsProbe(target({ recordType: 'ANY' as 'A' }), ctx())).detail?.code, 'invalid_record_type');
    assert.equal((await dnsProbe(target({ recordType: 'constructor' as 'A' }), ctx())).detail?.code, 'invalid_record_type');
    assert.equal((await dnsProbe(target({ serverPort: 70000 }), ctx())).detail?.code, 'invalid_port');
  });
});
