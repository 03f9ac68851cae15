// buildTestApp(): the real server (every module, real HTTP layer through inject) on a freshly
// migrated database: a temporary SQLite file, or a throwaway database on a real PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, testSettings, type Config } from '../config.js';
import { connect, type Connection } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { ModuleContext } from '../core/module.js';

export type Dialect = 'sqlite' | 'postgres';

/** The dialects this run covers. CI always has both; a developer without PostgreSQL is told. */
export function dialects(): Dialect[] {
  const { postgresUrl, requirePostgres } = testSettings();
  if (!postgresUrl) {
    if (requirePostgres) throw new Error('SYSWARD_TEST_POSTGRES_URL is not set, but PostgreSQL tests are required');
    console.log('# PostgreSQL API tests skipped: SYSWARD_TEST_POSTGRES_URL is not set (npm test starts one)');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

export interface TestApp {
  app: FastifyInstance;
  ctx: ModuleContext;
  connection: Connection;
  config: Readonly<Config>;
  dialect: Dialect;
  close(): Promise<void>;
}

let counter = 0;

export async function buildTestApp(dialect: Dialect, overrides: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sysward-test-'));
  let dropDatabase = async () => {};
  let databaseUrl: string;
  if (dialect === 'postgres') {
    const adminUrl = testSettings().postgresUrl!;
    const name = `sw_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    databaseUrl = `sqlite:${join(dataDir, 'test.db')}`;
  }
  const config = loadConfig({
    SYSWARD_DATA_DIR: dataDir,
    SYSWARD_DATABASE_URL: databaseUrl,
    SYSWARD_LOG_LEVEL: 'silent',
    SYSWARD_DB_POOL_SIZE: '4',
    ...overrides,
  });
  const connection = connect(config.database);
  await migrateToLatest(connection.db);
  const { app, ctx } = await buildApp({ config, connection, logger: false });
  await app.ready();
  return {
    app,
    ctx,
    connection,
    config,
    dialect,
    async close() {
      await app.close();
      // A test may have closed the database itself (health); cleaning up goes on regardless.
      await connection.close().catch(() => {});
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export interface Client {
  cookie: string;
  csrf: string;
  userId: number;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  raw(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'sysward_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `sysward_session=${c.value}`;
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string, userId: number): Client {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    cookie,
    csrf,
    userId,
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, body, headers) => send('POST', url, body, headers),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    delete: (url) => send('DELETE', url),
    raw: (opts) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
  };
}

export const ADMIN = { login: 'admin', name: '系统管理员', password: 'Sysward-2026-pass' };

export async function signIn(app: FastifyInstance, login: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  const me = res.json();
  return clientFor(app, sessionCookie(res), me.csrfToken, me.user.id);
}

/** Runs first-run setup and returns the administrator's client. */
export async function setupAdmin(app: FastifyInstance): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: ADMIN });
  if (res.statusCode !== 200) throw new Error(`setup failed ${res.statusCode}: ${res.body}`);
  const me = res.json();
  return clientFor(app, sessionCookie(res), me.csrfToken, me.user.id);
}

let userCounter = 0;
/** Creates a user with the given roles (through the API, as the admin) and signs them in. */
export async function userWithRoles(app: FastifyInstance, admin: Client, roles: string[], personId: number | null = null): Promise<Client> {
  const login = `u${++userCounter}_${roles.join('_')}`.slice(0, 60);
  const password = 'Test-pass-2026';
  const res = await admin.post('/api/users', { login, name: `用户${userCounter}`, password, roles, personId });
  if (res.statusCode !== 200) throw new Error(`user create failed ${res.statusCode}: ${res.body}`);
  return signIn(app, login, password);
}
