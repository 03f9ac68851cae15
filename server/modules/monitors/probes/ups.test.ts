// The UPS probe against Network UPS Tools for real (dummy-ups + upsd on loopback) playing a power
// cut, the driver going stale and away, and against fake upsd servers for the faults a real one
// does not produce: dropped connections, refusals, oversized or endless answers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { upsTarget, type MonitorSecrets, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { startNut, startDroppingUpsd, startScriptedUpsd, type FakeReply, type NutPeer } from '../../../test/peers/nut.js';
import { closedPort } from '../../../test/peers/smtp.js';
import { startSilentServer } from '../../../test/peers/tcp.js';
import type { ProbeContext, ProbeResult } from './probe.types.js';
import { upsProbe } from './ups.js';
import { splitWords } from './nut-client.js';

function ctx(secrets: MonitorSecrets = {}, extra: Partial<ProbeContext> = {}): ProbeContext {
  return { signal: new AbortController().signal, timeoutMs: 1500, secrets, memory: new Map(), now: () => Date.now(), ...extra };
}

function target(port: number, fields: Record<string, unknown> = {}): TargetOf<'ups'> {
  return upsTarget.parse({ kind: 'ups', host: '127.0.0.1', port, upsName: 'ups', ...fields });
}

/** Checks every 150 ms until `done` holds for a result; gives up after `ms`. */
async function pollUntil(check: () => Promise<ProbeResult>, done: (r: ProbeResult) => boolean, ms = 6000): Promise<ProbeResult[]> {
  const seen: ProbeResult[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const r = await check();
    seen.push(r);
    if (done(r)) return seen;
    await new Promise((res) => setTimeout(res, 150));
  }
  assert.fail(`condition not reached; last: ${JSON.stringify(seen.at(-1))}`);
}

describe('ups probe against NUT (dummy-ups + upsd)', () => {
  let nut: NutPeer;
  before(async () => {
    nut = await startNut();
  });
  after(async () => {
    await nut?.close();
  });

  test('on line: charge as the value, readings as metrics, status and model as facts', async () => {
    const r = await upsProbe(target(nut.port), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.value, 100);
    assert.deepEqual(r.metrics, {
      'ups.charge_pct': 100,
      'ups.runtime_s': 1800,
      'ups.load_pct': 35,
      'ups.input_v': 230.4,
      'ups.output_v': 229.8,
    });
    assert.deepEqual(r.facts, { status: 'OL CHRG', model: 'Test UPS Pro', mfr: 'Sysward' });
    assert.equal(r.condition, undefined);
    assert.ok(typeof r.latencyMs === 'number');
  });

  test('with the upsd.users login', async () => {
    const r = await upsProbe(target(nut.port, { username: nut.user }), ctx({ password: nut.password }));
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.doesNotMatch(JSON.stringify(r), new RegExp(nut.password));
  });

  test('an unknown UPS name', async () => {
    const r = await upsProbe(target(nut.port, { upsName: 'nosuchups' }), ctx());
    assert.deepEqual([r.ok, r.reason], [false, 'ups_unknown']);
  });

  test('a power cut: on battery with the charge falling, then low battery', async () => {
    await nut.cutPower();
    const check = () => upsProbe(target(nut.port), ctx());
    const toBattery = await pollUntil(check, (r) => r.condition === 'on_battery');
    const onBattery = toBattery.at(-1)!;
    assert.equal(onBattery.ok, true);
    assert.ok(typeof onBattery.value === 'number' && onBattery.value < 100);
    assert.equal(onBattery.metrics?.['ups.input_v'], 0);
    assert.match(onBattery.facts?.status ?? '', /\bOB\b/);
    const toLow = await pollUntil(check, (r) => r.condition === 'low_battery');
    const low = toLow.at(-1)!;
    assert.deepEqual([low.ok, low.value, low.metrics?.['ups.runtime_s'], low.facts?.status], [true, 10, 120, 'OB DISCHRG LB']);
    // Low battery wins over on battery even though both flags are set; the charge only fell.
    const charges = [...toBattery, ...toLow].map((r) => r.value).filter((v): v is number => typeof v === 'number');
    assert.deepEqual(
      charges,
      [...charges].sort((a, b) => b - a),
    );
  });

  test('the driver freezes: data stale after MAXAGE; the driver dies: not connected', async () => {
    nut.freezeDriver();
    const check = () => upsProbe(target(nut.port), ctx());
    const stale = (await pollUntil(check, (r) => r.reason === 'ups_stale')).at(-1)!;
    assert.deepEqual([stale.ok, stale.detail], [false, { code: 'DATA-STALE' }]);
    await nut.killDriver();
    const gone = (await pollUntil(check, (r) => r.detail?.code === 'DRIVER-NOT-CONNECTED')).at(-1)!;
    assert.deepEqual([gone.ok, gone.reason], [false, 'ups_stale']);
  });
});

describe('ups probe against faulty servers', () => {
  test('a connection dropped half-way through the list', async (t) => {
    const peer = await startDroppingUpsd();
    t.after(() => peer.close());
    const r = await upsProbe(target(peer.port), ctx());
    assert.equal(r.ok, false);
    assert.equal(r.reason, 'protocol_error');
    assert.ok(r.detail?.code === 'connection_closed' || r.detail?.code === 'ECONNRESET', JSON.stringify(r));
  });

  test('a connection dropped before any answer', async (t) => {
    const peer = await startScriptedUpsd(() => null);
    t.after(() => peer.close());
    const r = await upsProbe(target(peer.port), ctx());
    assert.equal(r.ok, false);
    assert.ok(r.reason === 'protocol_error' || r.reason === 'error', JSON.stringify(r));
  });

  const listing =
    (lines: string[]) =>
    (line: string): FakeReply =>
      line.startsWith('LIST VAR')
        ? `BEGIN LIST VAR ups\n${lines.join('\n')}\nEND LIST VAR ups\n`
        : line === 'LOGOUT'
          ? 'OK Goodbye\n'
          : 'OK\n';

  test('login refusals are ups_access, and the password goes out quoted on its own line', async (t) => {
    for (const code of ['ACCESS-DENIED', 'USERNAME-REQUIRED', 'PASSWORD-REQUIRED', 'INVALID-PASSWORD']) {
      const peer = await startScriptedUpsd((line) => (line.startsWith('PASSWORD') ? `ERR ${code}\n` : 'OK\n'));
      t.after(() => peer.close());
      const r = await upsProbe(target(peer.port, { username: 'mon user' }), ctx({ password: 'p"a\\ss word' }));
      assert.deepEqual([r.ok, r.reason, r.detail], [false, 'ups_access', { code }]);
      assert.deepEqual(peer.received, ['USERNAME "mon user"', 'PASSWORD "p\\"a\\\\ss word"']);
    }
  });

  test('without a username nothing but LIST VAR and LOGOUT is sent', async (t) => {
    const peer = await startScriptedUpsd(listing(['VAR ups ups.status "OL"', 'VAR ups battery.charge "88"']));
    t.after(() => peer.close());
    const r = await upsProbe(target(peer.port), ctx({ password: 'ignored' }));
    assert.deepEqual([r.ok, r.value], [true, 88]);
    await new Promise((res) => setTimeout(res, 50));
    assert.deepEqual(peer.received, ['LIST VAR ups', 'LOGOUT']);
  });

  test('escaped values, hostile text in the model, replace battery and overload', async (t) => {
    const peer = await startScriptedUpsd(
      listing([
        'VAR ups ups.status "OL RB OVER"',
        'VAR ups ups.model "Smart \\"UPS\\" \\\\ 1500\u0007\u202e"',
        'VAR ups battery.charge "n/a"',
      ]),
    );
    t.after(() => peer.close());
    const r = await upsProbe(target(peer.port), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.facts?.model, 'Smart "UPS" \\ 1500');
    assert.equal(r.value, null);
    assert.equal(r.condition, 'overload');
  });

  test('a line over 4 KiB, more than 500 variables, a malformed line: protocol_error', async (t) => {
    const cases: [string[], string][] = [
      [[`VAR ups ups.model "${'x'.repeat(5000)}"`], 'line_too_long'],
      [Array.from({ length: 600 }, (_, i) => `VAR ups x.v${i} "1"`), 'too_many'],
      [['VAR ups ups.status "OL'], 'bad_var_line'],
      [['VAR other ups.status "OL"'], 'bad_var_line'],
      [['VAR ups ups.charge "1" extra'], 'bad_var_line'],
    ];
    for (const [lines, code] of cases) {
      const peer = await startScriptedUpsd(listing(lines));
      t.after(() => peer.close());
      const r = await upsProbe(target(peer.port), ctx());
      assert.equal(r.reason, 'protocol_error', JSON.stringify(r));
      assert.ok(String(r.detail?.code).startsWith(code), JSON.stringify(r));
    }
  });

  test('an endless stream without newlines is cut off, not buffered', async (t) => {
    const peer = await startScriptedUpsd((line) => (line.startsWith('LIST') ? 'B'.repeat(256 * 1024) : 'OK\n'));
    t.after(() => peer.close());
    const r = await upsProbe(target(peer.port), ctx());
    assert.deepEqual([r.reason, r.detail], ['protocol_error', { code: 'line_too_long' }]);
  });

  test('status WAIT and unknown ERR codes', async (t) => {
    const wait = await startScriptedUpsd(listing(['VAR ups ups.status "WAIT"']));
    t.after(() => wait.close());
    assert.equal((await upsProbe(target(wait.port), ctx())).reason, 'ups_stale');
    const odd = await startScriptedUpsd(() => 'ERR <script>alert(1)</script>\n');
    t.after(() => odd.close());
    const r = await upsProbe(target(odd.port), ctx());
    assert.deepEqual([r.reason, r.detail], ['protocol_error', { code: 'unknown_err' }]);
  });

  test('refused, silent (timeout within twice the timeout), aborted', async (t) => {
    const refused = await upsProbe(target(await closedPort()), ctx());
    assert.equal(refused.reason, 'refused');
    const silent = await startSilentServer();
    t.after(() => silent.close());
    const started = Date.now();
    const r = await upsProbe(target(silent.port), ctx({}, { timeoutMs: 500 }));
    assert.deepEqual([r.ok, r.reason], [false, 'timeout']);
    assert.ok(Date.now() - started < 1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const t0 = Date.now();
    const aborted = await upsProbe(target(silent.port), ctx({}, { timeoutMs: 5000, signal: controller.signal }));
    assert.equal(aborted.reason, 'timeout');
    assert.ok(Date.now() - t0 < 200);
  });

  test('names, hosts and passwords that could inject commands are refused before connecting', async (t) => {
    const peer = await startScriptedUpsd(() => 'OK\n');
    t.after(() => peer.close());
    const base = target(peer.port);
    const cases: [TargetOf<'ups'>, MonitorSecrets, string][] = [
      [{ ...base, upsName: 'ups\nFSD ups' }, {}, 'invalid_ups_name'],
      [{ ...base, host: '-oProxyCommand=x' }, {}, 'invalid_host'],
      [{ ...base, username: 'mon\nINSTCMD ups shutdown.return' }, {}, 'invalid_username'],
      [{ ...base, username: 'mon' }, { password: 'x\nFSD ups' }, 'invalid_password'],
    ];
    for (const [tg, secrets, code] of cases) {
      const r = await upsProbe(tg, ctx(secrets));
      assert.deepEqual([r.ok, r.reason, r.detail], [false, 'error', { code }]);
    }
    assert.deepEqual(peer.received, []);
  });

  test('the quoting upsd uses is read back word by word', () => {
    assert.deepEqual(splitWords('VAR ups ups.model "A \\"B\\" \\\\ C"'), ['VAR', 'ups', 'ups.model', 'A "B" \\ C']);
    assert.equal(splitWords('VAR ups x "unterminated'), null);
    assert.equal(splitWords('VAR ups x "a"b'), null);
  });
});
