// The SNMP probe against Debian's real snmpd on loopback: v1, v2c and v3 (SHA-256/AES), every
// metric this machine's agent can answer, wrong credentials, and a check that leaves no socket open.
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { snmpTarget, type MonitorSecrets, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { freeUdpPort, startSnmpd, type SnmpdPeer } from '../../../test/peers/snmpd.js';
import type { ProbeContext } from './probe.types.js';
import { snmpProbe } from './snmp.js';

let peer: SnmpdPeer;
before(async () => {
  peer = await startSnmpd();
});
after(async () => {
  await peer?.close();
});

function ctx(secrets: MonitorSecrets, extra: Partial<ProbeContext> = {}): ProbeContext {
  return { signal: new AbortController().signal, timeoutMs: 1500, secrets, memory: new Map(), now: () => Date.now(), ...extra };
}

function target(fields: Record<string, unknown>): TargetOf<'snmp'> {
  return snmpTarget.parse({ kind: 'snmp', host: peer.host, port: peer.port, ...fields });
}

const v2 = () => ({ community: peer.community });
const v3 = () => ({ authKey: peer.v3.authKey, privKey: peer.v3.privKey });
const v3Target = (extra: Record<string, unknown> = {}) =>
  target({ version: '3', v3User: peer.v3.user, v3Level: 'authPriv', v3AuthProtocol: 'sha256', v3PrivProtocol: 'aes', ...extra });

/** Sockets this process holds open, from the kernel's own list of its descriptors. */
function openSockets(): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) n++;
    } catch {
      // closed while we looked
    }
  }
  return n;
}

describe('snmp probe against snmpd', () => {
  test('system over v2c: description, name, uptime; a lower uptime next time is a reboot', async () => {
    const c = ctx(v2());
    const r = await snmpProbe(target({ metric: 'system' }), c);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.facts?.sysName, peer.sysName);
    assert.match(r.facts?.sysDescr ?? '', /Linux/);
    assert.match(r.facts?.sysUpTime ?? '', /^\d\d:\d\d:\d\d$/);
    assert.ok(typeof r.value === 'number' && r.value >= 0);
    assert.ok(typeof r.latencyMs === 'number' && r.latencyMs >= 0);
    assert.equal(r.facts?.rebooted, undefined);

    const again = await snmpProbe(target({ metric: 'system' }), c);
    assert.equal(again.facts?.rebooted, undefined);
    // As if the previous check had seen a day of uptime a minute ago.
    c.memory.set('snmp.system', { ticks: 8_640_000, at: Date.now() - 60_000 });
    const rebooted = await snmpProbe(target({ metric: 'system' }), c);
    assert.equal(rebooted.facts?.rebooted, 'yes');
  });

  test('interfaces over v2c: lo with its name and state, rates from the second check on', async () => {
    const c = ctx(v2());
    const first = await snmpProbe(target({ metric: 'interfaces' }), c);
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(first.facts?.['if.1.name'], 'lo');
    assert.equal(first.metrics?.['if.1.oper'], 1);
    assert.equal(first.metrics?.['if.1.in_bps'], undefined);
    assert.ok(typeof first.value === 'number' && first.value >= 0);
    await new Promise((r) => setTimeout(r, 300));
    const second = await snmpProbe(target({ metric: 'interfaces' }), c);
    assert.equal(second.ok, true);
    const bps = second.metrics?.['if.1.in_bps'];
    assert.ok(typeof bps === 'number' && bps >= 0, JSON.stringify(second.metrics));
    assert.ok(typeof second.metrics?.['if.1.out_bps'] === 'number');
    assert.equal(second.metrics?.['if.1.in_errors'], 0);
    assert.equal(second.metrics?.['if.1.in_discards'], 0);
  });

  test('interfaces filtered by ifIndex are fetched with GET and only they are reported', async () => {
    const c = ctx(v2());
    const r = await snmpProbe(target({ metric: 'interfaces', interfaces: [1] }), c);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(Object.keys(r.facts ?? {}), ['if.1.name']);
    assert.ok(Object.keys(r.metrics ?? {}).every((k) => k.startsWith('if.1.')));
    const none = await snmpProbe(target({ metric: 'interfaces', interfaces: [99_999] }), ctx(v2()));
    assert.equal(none.reason, 'snmp_no_such');
  });

  test('storage: fixed disks and RAM as used %, the fullest disk as the value', async () => {
    const r = await snmpProbe(target({ metric: 'storage' }), ctx(v2()));
    assert.equal(r.ok, true, JSON.stringify(r));
    const disks = Object.entries(r.metrics ?? {}).filter(([k]) => k.startsWith('disk.'));
    assert.ok(
      disks.some(([k]) => k === 'disk./.used_pct'),
      JSON.stringify(r.metrics),
    );
    assert.ok(typeof r.metrics?.['mem.used_pct'] === 'number');
    assert.equal(r.value, Math.max(...disks.map(([, v]) => v)));
  });

  test('cpu: UCD load average; processor load once snmpd has a minute of samples', async () => {
    const r = await snmpProbe(target({ metric: 'cpu' }), ctx(v2()));
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.ok(typeof r.metrics?.load1 === 'number' && r.metrics.load1 >= 0);
    // snmpd reports hrProcessorLoad only after its first minute; either way the value is a %.
    assert.ok(r.value === null || (typeof r.value === 'number' && r.value >= 0 && r.value <= 100));
  });

  test('oid: a number times the scale, a missing OID, a value that is text', async () => {
    const up = await snmpProbe(target({ metric: 'oid', oid: '1.3.6.1.2.1.1.3.0', scale: 0.01, unit: 's' }), ctx(v2()));
    assert.equal(up.ok, true, JSON.stringify(up));
    assert.ok(typeof up.value === 'number' && up.value >= 0);
    assert.equal(up.facts?.unit, 's');
    const missing = await snmpProbe(target({ metric: 'oid', oid: '1.3.6.1.4.1.99999.1.0' }), ctx(v2()));
    assert.deepEqual([missing.ok, missing.reason], [false, 'snmp_no_such']);
    const text = await snmpProbe(target({ metric: 'oid', oid: '1.3.6.1.2.1.1.1.0' }), ctx(v2()));
    assert.deepEqual([text.ok, text.reason], [false, 'snmp_bad_value']);
  });

  test('toner on a machine that is not a printer: no such table', async () => {
    const r = await snmpProbe(target({ metric: 'toner' }), ctx(v2()));
    assert.deepEqual([r.ok, r.reason], [false, 'snmp_no_such']);
  });

  test('v1: system, interfaces walked with GETNEXT, a missing OID', async () => {
    const sys = await snmpProbe(target({ version: '1', metric: 'system' }), ctx(v2()));
    assert.equal(sys.ok, true, JSON.stringify(sys));
    const ifs = await snmpProbe(target({ version: '1', metric: 'interfaces' }), ctx(v2()));
    assert.equal(ifs.ok, true, JSON.stringify(ifs));
    assert.equal(ifs.facts?.['if.1.name'], 'lo');
    const missing = await snmpProbe(target({ version: '1', metric: 'oid', oid: '1.3.6.1.4.1.99999.1.0' }), ctx(v2()));
    assert.equal(missing.reason, 'snmp_no_such');
  });

  test('v3 authPriv with SHA-256 and AES; wrong keys and unknown users are snmp_auth', async () => {
    const ok = await snmpProbe(v3Target({ metric: 'system' }), ctx(v3()));
    assert.equal(ok.ok, true, JSON.stringify(ok));
    assert.equal(ok.facts?.sysName, peer.sysName);
    const walk = await snmpProbe(v3Target({ metric: 'interfaces' }), ctx(v3()));
    assert.equal(walk.ok, true, JSON.stringify(walk));

    const wrongAuth = await snmpProbe(v3Target(), ctx({ ...v3(), authKey: 'not-the-key' }));
    assert.deepEqual([wrongAuth.ok, wrongAuth.reason], [false, 'snmp_auth']);
    // snmpd drops a request it cannot decrypt without a report: a wrong privacy key is silence.
    const wrongPriv = await snmpProbe(v3Target(), ctx({ ...v3(), privKey: 'not-the-key' }, { timeoutMs: 600 }));
    assert.deepEqual([wrongPriv.ok, wrongPriv.reason], [false, 'timeout']);
    const unknown = await snmpProbe(v3Target({ v3User: 'nobody' }), ctx(v3()));
    assert.deepEqual([unknown.ok, unknown.reason], [false, 'snmp_auth']);
    const noKey = await snmpProbe(v3Target(), ctx({}));
    assert.deepEqual([noKey.ok, noKey.reason], [false, 'snmp_auth']);
    // The keys never show up in what the check reports.
    for (const r of [wrongAuth, wrongPriv, unknown]) assert.doesNotMatch(JSON.stringify(r), new RegExp(peer.v3.authKey));
  });

  test('a wrong community looks like silence: timeout within twice the timeout', async () => {
    const started = Date.now();
    const r = await snmpProbe(target({ metric: 'system' }), ctx({ community: 'wrong' }, { timeoutMs: 600 }));
    assert.deepEqual([r.ok, r.reason, r.latencyMs], [false, 'timeout', null]);
    assert.ok(Date.now() - started < 1200);
    assert.doesNotMatch(JSON.stringify(r), new RegExp(peer.community));
  });

  test('an abort ends the check at once and closes its socket', async () => {
    const port = await freeUdpPort();
    const before = openSockets();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const r = await snmpProbe(
      snmpTarget.parse({ kind: 'snmp', host: '127.0.0.1', port, metric: 'interfaces' }),
      ctx(v2(), { timeoutMs: 5000, signal: controller.signal }),
    );
    assert.deepEqual([r.ok, r.reason], [false, 'timeout']);
    assert.ok(Date.now() - started < 400, `took ${Date.now() - started} ms`);
    assert.equal(openSockets(), before);
  });

  test('many checks in parallel leave no socket behind', async () => {
    const before = openSockets();
    const targets = [
      target({ metric: 'system' }),
      target({ metric: 'interfaces' }),
      target({ metric: 'storage' }),
      v3Target({ metric: 'cpu' }),
      target({ metric: 'oid', oid: '1.3.6.1.4.1.99999.1.0' }),
    ];
    const results = await Promise.all(Array.from({ length: 4 }, () => targets.map((t) => snmpProbe(t, ctx({ ...v2(), ...v3() })))).flat());
    assert.equal(results.length, 20);
    assert.equal(openSockets(), before);
  });

  test('hosts are checked again inside the probe', async () => {
    const bad = { ...target({}), host: '-oProxyCommand=x' } as TargetOf<'snmp'>;
    const r = await snmpProbe(bad, ctx(v2()));
    assert.deepEqual([r.ok, r.reason, r.detail], [false, 'error', { code: 'invalid_host' }]);
    const injected = { ...target({}), host: '127.0.0.1; rm -rf /' } as TargetOf<'snmp'>;
    assert.equal((await snmpProbe(injected, ctx(v2()))).detail?.code, 'invalid_host');
  });
});
