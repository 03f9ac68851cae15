// Monitors through the API on both databases: create, edit, switch off, delete; check now against
// a real listener on loopback and a closed port; the push URL; secrets that never come back nor
// reach the audit trail; groups; and hostile input that changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, ok } from '../../test/fixtures.js';
import { closedPort, startTcpListener, type TcpPeer } from '../../test/peers/tcp.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import { monitoringEngineOf } from './index.js';

const COMMUNITY = 'c0mmunity-Secret-7Q';
const AUTH_KEY = 'snmpv3-auth-key-Xy1';
const PRIV_KEY = 'snmpv3-priv-key-Zw2';

for (const dialect of dialects()) {
  describe(`monitors API (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let listener: TcpPeer;
    let deadPort: number;

    const db = () => t.connection.db;
    const count = async (table: 'monitors' | 'monitor_groups' | 'audit_log') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tcp = (name: string, port: number, extra: Record<string, unknown> = {}) =>
      admin.post('/api/monitors', { name, target: { kind: 'tcp', host: '127.0.0.1', port }, retries: 0, ...extra });

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      staff = await userWithRoles(t.app, admin, ['staff']);
      listener = await startTcpListener();
      deadPort = await closedPort();
    });
    after(async () => {
      await listener?.close();
      await t?.close();
    });

    it('adds a TCP check, checks it now (up), lists and counts it', async () => {
      const created = ok(await tcp('文件服务器 SMB', listener.port));
      assert.equal(created.pushToken, null);
      assert.equal(created.monitor.status.state, 'pending');
      const { status } = ok(await admin.post(`/api/monitors/${created.monitor.id}/check`));
      assert.equal(status.state, 'ok');
      assert.ok(status.latencyMs !== null && status.latencyMs >= 0);
      await monitoringEngineOf(t.ctx).flush();
      const list = ok(await admin.get('/api/monitors?state=ok'));
      assert.ok(list.items.some((m: { id: number }) => m.id === created.monitor.id));
      const counts = ok(await admin.get('/api/monitors/counts'));
      assert.ok(counts.byState.ok >= 1);
      assert.equal(counts.byState.unreachable, 0);
    });

    it('a closed port is critical with the reason, and the change is in the history', async () => {
      const { monitor } = ok(await tcp('没人监听的端口', deadPort));
      const { status } = ok(await admin.post(`/api/monitors/${monitor.id}/check`));
      assert.equal(status.state, 'critical');
      assert.equal(status.reason, 'refused');
      await monitoringEngineOf(t.ctx).flush();
      const events = ok(await admin.get(`/api/monitors/${monitor.id}/events`));
      assert.equal(events.items[0].to, 'critical');
      assert.equal(events.items[0].reason, 'refused');
      const problemsFirst = ok(await admin.get('/api/monitors'));
      assert.equal(problemsFirst.items[0].status.state, 'critical');
      const uptime = ok(await admin.get(`/api/monitors/${monitor.id}/uptime`));
      assert.equal(uptime.day, 0);
    });

    it('with retries, one failure is not yet a state change', async () => {
      const { monitor } = ok(await tcp('重试两次', deadPort, { retries: 2 }));
      const first = ok(await admin.post(`/api/monitors/${monitor.id}/check`));
      assert.equal(first.status.state, 'pending');
      ok(await admin.post(`/api/monitors/${monitor.id}/check`));
      const third = ok(await admin.post(`/api/monitors/${monitor.id}/check`));
      assert.equal(third.status.state, 'critical');
    });

    it('keeps SNMP secrets write-only: never in a response, a list or the audit trail; left out keeps them', async () => {
      const body = {
        name: '核心交换机',
        target: { kind: 'snmp', host: '127.0.0.1', port: deadPort, version: '3', v3User: 'monitor', metric: 'interfaces' },
        secrets: { authKey: AUTH_KEY, privKey: PRIV_KEY },
      };
      const res = await admin.post('/api/monitors', body);
      const { monitor } = ok(res);
      assert.deepEqual(monitor.secretsSet.sort(), ['authKey', 'privKey']);
      const edited = await admin.put(`/api/monitors/${monitor.id}`, {
        ...body,
        name: '核心交换机 S5735',
        secrets: { community: COMMUNITY },
      });
      assert.deepEqual(ok(edited).secretsSet.sort(), ['authKey', 'community', 'privKey']);
      const cleared = ok(await admin.put(`/api/monitors/${monitor.id}`, { ...body, secrets: { privKey: '' } }));
      assert.deepEqual(cleared.secretsSet.sort(), ['authKey', 'community']);
      const everything = [
        res.body,
        edited.body,
        (await admin.get(`/api/monitors/${monitor.id}`)).body,
        (await admin.get('/api/monitors?pageSize=500')).body,
        JSON.stringify(await db().selectFrom('audit_log').selectAll().execute()),
      ].join('\n');
      for (const secret of [COMMUNITY, AUTH_KEY, PRIV_KEY]) assert.ok(!everything.includes(secret), `${secret} leaked`);
      // The engine still has them.
      const stored = await db().selectFrom('monitor_secrets').select('data').where('monitor_id', '=', monitor.id).executeTakeFirstOrThrow();
      assert.ok(String(stored.data).includes(AUTH_KEY));
    });

    it('a push check: the token is shown once, its calls make it ok, a replaced or unknown token is 404', async () => {
      const created = ok(
        await admin.post('/api/monitors', { name: '夜间异地备份', target: { kind: 'push', graceSeconds: 60 }, intervalS: 86_400 }),
      );
      const token: string = created.pushToken;
      assert.match(token, /^[A-Za-z0-9_-]{20,64}$/);
      assert.ok(!(await admin.get(`/api/monitors/${created.monitor.id}`)).body.includes(token));
      const audit = JSON.stringify(await db().selectFrom('audit_log').selectAll().execute());
      assert.ok(!audit.includes(token), 'the push token reached the audit trail');

      ok(await t.app.inject({ method: 'GET', url: `/api/push/${token}?status=up&value=42` }));
      const engine = monitoringEngineOf(t.ctx);
      await engine.drainPushes();
      await engine.flush();
      assert.equal(ok(await admin.get(`/api/monitors/${created.monitor.id}`)).status.state, 'ok');

      const replaced = ok(await admin.post(`/api/monitors/${created.monitor.id}/push-token`));
      assert.notEqual(replaced.pushToken, token);
      fails(await t.app.inject({ method: 'GET', url: `/api/push/${token}` }), 404);
      fails(await t.app.inject({ method: 'GET', url: `/api/push/${'x'.repeat(30)}` }), 404);
      fails(await t.app.inject({ method: 'GET', url: '/api/push/short' }), 400);
      ok(await t.app.inject({ method: 'POST', url: `/api/push/${replaced.pushToken}?status=down&msg=${encodeURIComponent('磁盘已满')}` }));
      // Not a push check: no token to replace.
      const { monitor: other } = ok(await tcp('不是推送', listener.port));
      fails(await admin.post(`/api/monitors/${other.id}/push-token`), 400, 'monitors.not_push');
    });

    it('switches off and on, edits, and deletes with its history', async () => {
      const { monitor } = ok(await tcp('待删除', listener.port));
      ok(await admin.post(`/api/monitors/${monitor.id}/check`));
      const off = ok(await admin.put(`/api/monitors/${monitor.id}/enabled`, { enabled: false }));
      assert.equal(off.enabled, false);
      const counts = ok(await admin.get('/api/monitors/counts'));
      assert.ok(counts.disabled >= 1);
      ok(await admin.put(`/api/monitors/${monitor.id}/enabled`, { enabled: true }));
      const edited = ok(
        await admin.put(`/api/monitors/${monitor.id}`, {
          name: '改名后',
          target: { kind: 'tcp', host: 'localhost', port: 22 },
          intervalS: 30,
        }),
      );
      assert.equal(edited.name, '改名后');
      assert.equal(edited.intervalS, 30);
      ok(await admin.delete(`/api/monitors/${monitor.id}`));
      fails(await admin.get(`/api/monitors/${monitor.id}`), 404);
      await monitoringEngineOf(t.ctx).flush();
      const left = await db().selectFrom('monitor_results').select('monitor_id').where('monitor_id', '=', monitor.id).execute();
      assert.equal(left.length, 0);
      const trail = await db()
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity_type', '=', 'monitor')
        .where('entity_id', '=', String(monitor.id))
        .execute();
      assert.deepEqual(trail.map((r) => r.action).sort(), ['create', 'delete', 'update', 'update', 'update'].sort());
    });

    it('groups: add, list with counts, a taken name, delete leaves the monitors ungrouped', async () => {
      const group = ok(await admin.post('/api/monitor-groups', { name: '机房 A', publicSlug: 'jifang-a', publicTitle: '机房 A 状态' }));
      fails(await admin.post('/api/monitor-groups', { name: '机房 A' }), 409, 'monitors.group_name_taken');
      fails(await admin.post('/api/monitor-groups', { name: '机房 B', publicSlug: 'jifang-a' }), 409, 'monitors.slug_taken');
      const { monitor } = ok(await tcp('机房 A 的交换机', listener.port, { groupId: group.id }));
      assert.equal(monitor.groupName, '机房 A');
      const groups = ok(await admin.get('/api/monitor-groups'));
      assert.equal(groups.items.find((g: { id: number }) => g.id === group.id).monitorCount, 1);
      const inGroup = ok(await admin.get(`/api/monitors?groupId=${group.id}`));
      assert.deepEqual(
        inGroup.items.map((m: { id: number }) => m.id),
        [monitor.id],
      );
      ok(await admin.delete(`/api/monitor-groups/${group.id}`));
      assert.equal(ok(await admin.get(`/api/monitors/${monitor.id}`)).groupId, null);
    });

    it('refuses hostile and wrong input with a translated error and writes nothing', async () => {
      const before = { monitors: await count('monitors'), groups: await count('monitor_groups') };
      const bad: [unknown, string][] = [
        [{ name: 'x', target: { kind: 'ping', host: '127.0.0.1; rm -rf /' } }, 'invalid_monitor_host'],
        [{ name: 'x', target: { kind: 'ping', host: '$(reboot)' } }, 'invalid_monitor_host'],
        [{ name: 'x', target: { kind: 'tcp', host: '`id`', port: 22 } }, 'invalid_monitor_host'],
        [{ name: 'x', target: { kind: 'ping', host: '-oProxyCommand=x' } }, 'invalid_monitor_host'],
        [{ name: 'x', target: { kind: 'http', url: 'file:///etc/passwd' } }, 'invalid_monitor_url'],
        [
          { name: 'x', target: { kind: 'http', url: 'http://a/', headers: [{ name: 'X', value: 'a\r\nInjected: 1' }] } },
          'invalid_header_value',
        ],
        [{ name: 'x', target: { kind: 'snmp', host: '10.0.0.1', metric: 'oid', oid: '1.3.6;ls' } }, 'invalid_oid'],
        [{ name: 'x', target: { kind: 'ups', host: '127.0.0.1', upsName: 'ups@x y' } }, 'invalid_ups_name'],
        [{ name: 'x', target: { kind: 'tcp', host: '127.0.0.1', port: 70_000 } }, 'too_big'],
        [{ name: 'x', target: { kind: 'tcp', host: '127.0.0.1', port: '22' } }, 'invalid_type'],
        [{ name: 'x', target: { kind: 'telnet', host: '127.0.0.1' } }, 'invalid_union'],
        [{ target: { kind: 'tcp', host: '127.0.0.1', port: 22 } }, 'invalid_type'],
        [{ name: 'x', target: { kind: 'tcp', host: '127.0.0.1', port: 22 }, intervalS: 5 }, 'too_small'],
        [{ name: 'x', target: { kind: 'tcp', host: '127.0.0.1', port: 22 }, intervalS: 10, timeoutMs: 9000 }, 'timeout_exceeds_interval'],
        [
          {
            name: 'x',
            target: { kind: 'tcp', host: '127.0.0.1', port: 22 },
            thresholds: [{ on: 'latency', direction: 'above', warn: 500, crit: 100 }],
          },
          'threshold_order',
        ],
        [{ name: 'x', target: { kind: 'tcp', host: '127.0.0.1', port: 22 }, evil: true }, 'unrecognized_keys'],
      ];
      for (const [body, reason] of bad) {
        const err = fails(await admin.post('/api/monitors', body), 400, 'validation.failed');
        assert.ok(
          err.details.some((d) => d.reason === reason),
          `${JSON.stringify(body)} → ${JSON.stringify(err.details)}`,
        );
      }
      // References that do not exist, and a dependency cycle.
      fails(await tcp('x', 22, { groupId: 999_999 }), 400, 'monitors.invalid_reference');
      fails(await tcp('x', 22, { assetId: 999_999 }), 400, 'monitors.invalid_reference');
      fails(await tcp('x', 22, { parentId: 999_999 }), 400, 'monitors.invalid_reference');
      assert.equal(await count('monitors'), before.monitors);
      const { monitor: a } = ok(await tcp('上级', listener.port));
      const { monitor: b } = ok(await tcp('下级', listener.port, { parentId: a.id }));
      fails(await admin.put(`/api/monitors/${a.id}`, { name: '上级', target: a.target, parentId: b.id }), 400, 'monitors.parent_cycle');
      fails(await admin.put(`/api/monitors/${a.id}`, { name: '上级', target: a.target, parentId: a.id }), 400, 'monitors.parent_cycle');

      // Script and SQL-looking text are stored as text and come back as text.
      const script = "<script>alert(1)</script>'; DROP TABLE monitors; --";
      const stored = ok(await tcp(script, listener.port, { notes: script }));
      assert.equal(stored.monitor.name, script);
      const search = ok(await admin.get(`/api/monitors?q=${encodeURIComponent("' OR 1=1 --")}`));
      assert.equal(search.total, 0);
      assert.ok((await count('monitors')) > 0);

      // Unknown ids, wrong id types, wrong list parameters.
      fails(await admin.get('/api/monitors/999999'), 404);
      fails(await admin.get('/api/monitors/abc'), 400);
      fails(await admin.post('/api/monitors/999999/check'), 404);
      fails(await admin.get('/api/monitors?state=broken'), 400);
      fails(await admin.get(`/api/monitors/${a.id}/series?from=10&to=5`), 400);
      fails(await admin.delete('/api/monitor-groups/999999'), 404);
      fails(await admin.post('/api/monitor-groups', { name: 'G', publicSlug: 'Bad Slug!' }), 400);
      assert.equal(await count('monitor_groups'), before.groups);
    });

    it('checks the caller: anonymous 401, staff 403, a forged session 401', async () => {
      const { monitor } = ok(await tcp('权限', listener.port));
      const anon = await t.app.inject({ method: 'GET', url: '/api/monitors' });
      assert.equal(anon.statusCode, 401);
      fails(await staff.get('/api/monitors'), 403);
      fails(await staff.get(`/api/monitors/${monitor.id}`), 403);
      fails(await staff.post('/api/monitors', { name: 'x', target: { kind: 'tcp', host: '127.0.0.1', port: 22 } }), 403);
      fails(await staff.delete(`/api/monitors/${monitor.id}`), 403);
      fails(await staff.post(`/api/monitors/${monitor.id}/check`), 403);
      const forged = await t.app.inject({
        method: 'GET',
        url: '/api/monitors',
        headers: { cookie: 'sysward_session=forged-session-value' },
      });
      assert.equal(forged.statusCode, 401);
      // A write without the CSRF token is refused even with a good cookie.
      const noCsrf = await t.app.inject({ method: 'DELETE', url: `/api/monitors/${monitor.id}`, headers: { cookie: admin.cookie } });
      assert.equal(noCsrf.statusCode, 403);
      ok(await admin.get(`/api/monitors/${monitor.id}`));
    });
  });
}
