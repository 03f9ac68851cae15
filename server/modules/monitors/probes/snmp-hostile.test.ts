// The SNMP probe against agents that misbehave or say awkward things: a programmable agent
// (net-snmp's Agent) with a machine-room sensor, a printer's supplies, counters that wrap between
// two polls, text where a number should be, hostile strings; and agents that answer with garbage.
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { snmpTarget, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { AGENT_OIDS, startCorruptingProxy, startGarbageAgent, startSnmpAgent, type SnmpAgentPeer } from '../../../test/peers/snmp-agent.js';
import type { ProbeContext } from './probe.types.js';
import { agentRestarted, counterRate, wrapLimit } from './snmp-rates.js';
import { snmpProbe } from './snmp.js';

let agent: SnmpAgentPeer;
before(async () => {
  agent = await startSnmpAgent();
});
after(async () => {
  await agent?.close();
});

let clock = 1_700_000_000_000;
function ctx(extra: Partial<ProbeContext> = {}): ProbeContext {
  return {
    signal: new AbortController().signal,
    timeoutMs: 1000,
    secrets: { community: agent.community },
    memory: new Map(),
    now: () => clock,
    ...extra,
  };
}

function target(fields: Record<string, unknown>, port = agent.port): TargetOf<'snmp'> {
  return snmpTarget.parse({ kind: 'snmp', host: '127.0.0.1', port, ...fields });
}

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

describe('counter arithmetic', () => {
  test('a 32-bit counter that wraps gives the bytes since, a 64-bit one too', () => {
    assert.equal(counterRate({ value: 4_294_967_000n, width: 32 }, { value: 704n, width: 32 }, 10, 12_500_000), 100);
    assert.equal(counterRate({ value: 2n ** 64n - 10n, width: 64 }, { value: 990n, width: 64 }, 10, 12_500_000), 100);
  });
  test('a backwards jump more than the link could carry is a reset, not a wrap', () => {
    assert.equal(counterRate({ value: 1000n, width: 32 }, { value: 10n, width: 32 }, 10, 12_500_000), null);
    assert.equal(counterRate({ value: 10n, width: 64 }, { value: 5n, width: 64 }, 10, 12_500_000), null);
    // error counters without a known speed: always a reset
    assert.equal(counterRate({ value: 10n, width: 32 }, { value: 5n, width: 32 }, 10, wrapLimit('inErrors', null)), null);
  });
  test('no rate across a change of counter width or without time passing', () => {
    assert.equal(counterRate({ value: 10n, width: 32 }, { value: 20n, width: 64 }, 10, null), null);
    assert.equal(counterRate({ value: 10n, width: 32 }, { value: 20n, width: 32 }, 0, null), null);
  });
  test('sysUpTime going back is a restart, unless the 497-day wrap explains it', () => {
    assert.equal(agentRestarted({ ticks: 500_000, at: 0 }, { ticks: 1000, at: 60_000 }), true);
    assert.equal(agentRestarted({ ticks: 2 ** 32 - 3000, at: 0 }, { ticks: 3000, at: 60_000 }), false);
    assert.equal(agentRestarted({ ticks: 1000, at: 0 }, { ticks: 7000, at: 60_000 }), false);
  });
});

describe('snmp probe against a programmable agent', () => {
  test('a sensor in tenths of a degree, humidity as text, Counter64 and a large Gauge', async () => {
    const temp = await snmpProbe(target({ metric: 'oid', oid: AGENT_OIDS.temperature, scale: 0.1, unit: '°C' }), ctx());
    assert.deepEqual([temp.ok, temp.value, temp.facts?.unit], [true, 23.5, '°C']);
    const humidity = await snmpProbe(target({ metric: 'oid', oid: AGENT_OIDS.humidityText, unit: '%' }), ctx());
    assert.deepEqual([humidity.ok, humidity.value], [true, 45.5]);
    const c64 = await snmpProbe(target({ metric: 'oid', oid: AGENT_OIDS.counter64 }), ctx());
    assert.deepEqual([c64.ok, c64.value], [true, 12_345_678_901_234]);
    const gauge = await snmpProbe(target({ metric: 'oid', oid: AGENT_OIDS.gauge }), ctx());
    assert.deepEqual([gauge.ok, gauge.value], [true, 4_000_000_000]);
  });

  test('garbage bytes and "n/a" are not numbers; an absent OID is no such object', async () => {
    for (const oid of [AGENT_OIDS.garbage, AGENT_OIDS.notANumber]) {
      const r = await snmpProbe(target({ metric: 'oid', oid }), ctx());
      assert.deepEqual([r.ok, r.reason, r.detail], [false, 'snmp_bad_value', undefined]);
    }
    const absent = await snmpProbe(target({ metric: 'oid', oid: AGENT_OIDS.absent }), ctx());
    assert.deepEqual([absent.ok, absent.reason], [false, 'snmp_no_such']);
  });

  test("the agent's strings become printable facts of at most 200 characters", async () => {
    const r = await snmpProbe(target({ metric: 'system' }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    const name = r.facts?.sysName ?? '';
    assert.ok(name.startsWith('evil name <b>xxx'), name);
    assert.ok(Array.from(name).length <= 200);
    assert.doesNotMatch(name, /\p{C}/u);
  });

  test('interfaces: a 32-bit counter wraps between polls and gives the true rate', async () => {
    const c = ctx();
    const t = target({ metric: 'interfaces' });
    agent.setUptime(100_000);
    agent.setInterface(1, { inOctets: 4_294_967_000, outOctets: 1000, inErrors: 5 });
    const first = await snmpProbe(t, c);
    assert.equal(first.ok, true, JSON.stringify(first));
    // port2 is configured up and its link is down; port3 is shut down, which is no alarm.
    assert.equal(first.value, 1);
    assert.deepEqual([first.metrics?.['if.1.oper'], first.metrics?.['if.2.oper'], first.metrics?.['if.3.oper']], [1, 0, 0]);
    assert.equal(first.facts?.['if.1.name'], 'port1');
    assert.doesNotMatch(first.facts?.['if.3.name'] ?? '', /\p{C}/u);

    clock += 10_000;
    agent.setUptime(101_000);
    // 1000 bytes in, across the wrap; 5000 bytes out; 20 more errors.
    agent.setInterface(1, { inOctets: 704, outOctets: 6000, inErrors: 25 });
    const second = await snmpProbe(t, c);
    assert.equal(second.metrics?.['if.1.in_bps'], 800);
    assert.equal(second.metrics?.['if.1.out_bps'], 4000);
    assert.equal(second.metrics?.['if.1.in_errors'], 2);
    assert.equal(second.metrics?.['if.1.out_errors'], 0);

    // Backwards by a little: as a wrap it would be 3.4 Gbit/s on a 100 Mbit/s port, so a reset.
    clock += 10_000;
    agent.setUptime(102_000);
    agent.setInterface(1, { inOctets: 100, outOctets: 7000, inErrors: 0 });
    const reset = await snmpProbe(t, c);
    assert.equal(reset.metrics?.['if.1.in_bps'], undefined);
    assert.equal(reset.metrics?.['if.1.in_errors'], undefined);
    assert.equal(reset.metrics?.['if.1.out_bps'], 800);

    // The agent restarted (uptime went back): no rate for anything this time, then normal again.
    clock += 10_000;
    agent.setUptime(500);
    agent.setInterface(1, { inOctets: 200, outOctets: 8000 });
    const restarted = await snmpProbe(t, c);
    assert.equal(restarted.facts?.rebooted, 'yes');
    assert.equal(restarted.metrics?.['if.1.in_bps'], undefined);
    assert.equal(restarted.metrics?.['if.1.out_bps'], undefined);
    clock += 10_000;
    agent.setUptime(1500);
    agent.setInterface(1, { inOctets: 1200, outOctets: 8000 });
    const normal = await snmpProbe(t, c);
    assert.deepEqual([normal.metrics?.['if.1.in_bps'], normal.metrics?.['if.1.out_bps'], normal.facts?.rebooted], [800, 0, undefined]);
  });

  test('interfaces over v1 (GETNEXT) and with a filter (GET)', async () => {
    const v1 = await snmpProbe(target({ metric: 'interfaces', version: '1' }), ctx());
    assert.equal(v1.ok, true, JSON.stringify(v1));
    assert.deepEqual(Object.keys(v1.facts ?? {}).sort(), ['if.1.name', 'if.2.name', 'if.3.name']);
    const only = await snmpProbe(target({ metric: 'interfaces', interfaces: [2] }), ctx());
    assert.deepEqual([only.value, Object.keys(only.facts ?? {})], [1, ['if.2.name']]);
  });

  test('storage: fixed disks only, pseudo file systems skipped, RAM as mem.used_pct', async () => {
    const r = await snmpProbe(target({ metric: 'storage' }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(r.metrics, { 'disk./.used_pct': 50, 'disk./data.used_pct': 90, 'mem.used_pct': 25 });
    assert.equal(r.value, 90);
  });

  test('cpu: processors averaged, load average from UCD text', async () => {
    const r = await snmpProbe(target({ metric: 'cpu' }), ctx());
    assert.deepEqual([r.ok, r.value, r.metrics], [true, 30, { load1: 0.42, cpus: 2 }]);
  });

  test('toner: known levels as %, "some remains" and unknown as states, the lowest as the value', async () => {
    const r = await snmpProbe(target({ metric: 'toner' }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(r.metrics, { 'toner.1.pct': 30, 'toner.4.pct': 12 });
    assert.equal(r.value, 12);
    assert.equal(r.facts?.['toner.1.name'], 'Black Toner');
    assert.equal(r.facts?.['toner.4.name'], '品红墨粉');
    assert.equal(r.facts?.['toner.2.state'], 'some_remaining');
    assert.equal(r.facts?.['toner.3.state'], 'unknown');
  });

  test('a wrong community gets no answer at all', async () => {
    const r = await snmpProbe(target({ metric: 'system' }), ctx({ secrets: { community: 'public' }, timeoutMs: 500 }));
    assert.deepEqual([r.ok, r.reason], [false, 'timeout']);
  });
});

describe('agents that answer with garbage', () => {
  for (const mode of ['random', 'truncated'] as const) {
    test(`${mode} answers: protocol_error or timeout, no crash, no socket left`, async (t) => {
      const garbage = await startGarbageAgent(mode);
      t.after(() => garbage.close());
      const before = openSockets();
      const started = Date.now();
      const metrics = ['system', 'interfaces', 'storage', 'cpu', 'oid', 'toner'] as const;
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          metrics.map((metric) => snmpProbe(target({ metric, oid: AGENT_OIDS.temperature }, garbage.port), ctx({ timeoutMs: 500 }))),
        ).flat(),
      );
      assert.ok(garbage.requests > 0);
      for (const r of results) {
        assert.equal(r.ok, false);
        assert.ok(r.reason === 'protocol_error' || r.reason === 'timeout', JSON.stringify(r));
      }
      if (mode === 'random') assert.ok(results.some((r) => r.reason === 'protocol_error'));
      assert.ok(Date.now() - started < 1000);
      assert.equal(openSockets(), before);
    });
  }

  test('real answers with bytes changed or cut short: a reason for each, never a crash', async (t) => {
    const before = openSockets();
    const proxy = await startCorruptingProxy(agent.port);
    t.after(() => proxy.close());
    const metrics = ['system', 'interfaces', 'storage', 'cpu', 'oid', 'toner'] as const;
    for (let round = 0; round < 8; round++) {
      const results = await Promise.all(
        metrics.flatMap((metric) =>
          (['1', '2c'] as const).map((version) =>
            snmpProbe(target({ metric, version, oid: AGENT_OIDS.temperature }, proxy.port), ctx({ timeoutMs: 300 })),
          ),
        ),
      );
      for (const r of results) {
        assert.equal(typeof r.ok, 'boolean');
        if (!r.ok) assert.ok(r.reason, JSON.stringify(r));
        assert.doesNotMatch(JSON.stringify(r.detail ?? {}), /[^\w":,{}.-]/);
      }
    }
    assert.ok(proxy.requests > 0);
    await proxy.close();
    assert.equal(openSockets(), before);
  });

  test('v3 against garbage: the discovery fails cleanly', async (t) => {
    const garbage = await startGarbageAgent('random');
    t.after(() => garbage.close());
    const r = await snmpProbe(
      target({ version: '3', v3User: 'u', v3Level: 'authPriv', metric: 'system' }, garbage.port),
      ctx({ secrets: { authKey: 'authkey123', privKey: 'privkey123' }, timeoutMs: 500 }),
    );
    assert.equal(r.ok, false);
    assert.ok(r.reason === 'protocol_error' || r.reason === 'timeout');
  });
});
