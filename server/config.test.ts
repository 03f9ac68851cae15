import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults: port 8080 on all interfaces, SQLite in ./data', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.database.kind, 'sqlite');
  assert.ok(c.database.kind === 'sqlite' && c.database.file.endsWith('/data/sysward.db'));
  assert.ok(Object.isFrozen(c));
});

test('a PostgreSQL URL selects PostgreSQL', () => {
  const c = loadConfig({ SYSWARD_DATABASE_URL: 'postgres://u:p@db:5432/sysward', SYSWARD_DB_POOL_SIZE: '25' });
  assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u:p@db:5432/sysward', poolSize: 25 });
});

test('every bad value is named with its reason', () => {
  assert.throws(
    () => loadConfig({ SYSWARD_PORT: 'eighty', SYSWARD_DATABASE_URL: 'mysql://x', SYSWARD_LOG_LEVEL: 'loud', SYSWARD_TRUST_PROXY: 'yes' }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      for (const name of ['SYSWARD_PORT', 'SYSWARD_DATABASE_URL', 'SYSWARD_LOG_LEVEL', 'SYSWARD_TRUST_PROXY'])
        assert.match(err.message, new RegExp(name));
      return true;
    },
  );
  assert.throws(() => loadConfig({ SYSWARD_PORT: '70000' }), /SYSWARD_PORT/);
});
