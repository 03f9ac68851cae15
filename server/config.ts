// The only reader of process.env. Every setting is parsed and validated here once, at start,
// so a bad value stops the process with a message that names the variable and the reason.
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  SYSWARD_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SYSWARD_HOST: z.string().min(1).default('0.0.0.0'),
  SYSWARD_DATA_DIR: z.string().min(1).default('./data'),
  SYSWARD_DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  SYSWARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SYSWARD_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SYSWARD_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  SYSWARD_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(20),
  SYSWARD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SYSWARD_RUN_JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  logLevel: z.infer<typeof schema>['SYSWARD_LOG_LEVEL'];
  trustProxy: boolean;
  secureCookies: 'auto' | 'true' | 'false';
  maxUploadBytes: number;
  runJobs: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('SYSWARD_') && v !== undefined && v !== ''));
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.SYSWARD_DATA_DIR);
  const url = e.SYSWARD_DATABASE_URL;
  const database: Config['database'] =
    url && !url.startsWith('sqlite:')
      ? { kind: 'postgres', url, poolSize: e.SYSWARD_DB_POOL_SIZE }
      : { kind: 'sqlite', file: url ? resolve(url.slice('sqlite:'.length)) : resolve(dataDir, 'sysward.db') };
  return Object.freeze({
    port: e.SYSWARD_PORT,
    host: e.SYSWARD_HOST,
    dataDir,
    database,
    logLevel: e.SYSWARD_LOG_LEVEL,
    trustProxy: e.SYSWARD_TRUST_PROXY,
    secureCookies: e.SYSWARD_SECURE_COOKIES,
    maxUploadBytes: e.SYSWARD_MAX_UPLOAD_MB * 1024 * 1024,
    runJobs: e.SYSWARD_RUN_JOBS,
  });
}

/**
 * Test-suite settings, also only read here: the PostgreSQL server the API tests create their
 * throwaway databases on, and whether a missing one is an error (CI) or a reported skip.
 */
export function testSettings(env: Record<string, string | undefined> = process.env) {
  return {
    postgresUrl: env.SYSWARD_TEST_POSTGRES_URL || null,
    requirePostgres: env.SYSWARD_TEST_REQUIRE_POSTGRES === 'true' || env.CI === 'true',
  };
}
