// The `sysward` command: start, migrate, create-admin, backup, restore, seed-demo.
import { createInterface } from 'node:readline/promises';
import { ConfigError, loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemActor } from './core/actor.js';
import { standaloneDeps } from './core/standalone.js';
import { AppError } from './core/errors.js';
import { createUsersService } from './modules/auth/index.js';
import { startServer } from './main.js';
import { backupTo, restoreFrom } from './db/backup.js';
import { seedDemo } from '../scripts/demo/seed.js';

const HELP = `Usage: sysward <command>

  start                     run the server (the default)
  migrate                   apply database migrations and exit
  create-admin              create an administrator
      --login <login> --name <name> [--password-stdin]
      (asks for anything not given; the password is never taken from the command line)
  backup <file>             write a consistent backup of the database and attachments
  restore <file>            replace the database and attachments with a backup
  seed-demo                 fill an empty database with a fictional school and company

Configuration comes from SYSWARD_* environment variables (see README).`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
  }
  const answer = await rl.question(question);
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer.trim();
}

async function withDatabase<T>(fn: (c: ReturnType<typeof connect>, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const connection = connect(config.database);
  try {
    await migrateToLatest(connection.db);
    return await fn(connection, config);
  } finally {
    await connection.close();
  }
}

async function main(args: string[]): Promise<void> {
  const [command = 'start', ...rest] = args;
  switch (command) {
    case 'start':
      return startServer(loadConfig());
    case 'migrate':
      return withDatabase(async (c) => console.log(`migrations applied (${c.kind})`));
    case 'create-admin':
      return withDatabase(async ({ db }) => {
        const login = flag(rest, 'login') ?? (await ask('Login: '));
        const name = flag(rest, 'name') ?? (await ask('Name: '));
        const password = rest.includes('--password-stdin') ? await readStdin() : await ask('Password: ', true);
        const users = createUsersService(standaloneDeps(db));
        const user = await users.create(systemActor('cli'), { login, name, password, roles: ['admin'], personId: null, language: null });
        console.log(`administrator "${user.login}" created (id ${user.id})`);
      });
    case 'backup': {
      const file = rest[0];
      if (!file) throw new Error('backup needs a file name');
      return withDatabase(async (c, config) => {
        const summary = await backupTo(c, config.dataDir, file);
        console.log(`backup written to ${file}: ${summary.rows} rows in ${summary.tables} tables, ${summary.files} attachments`);
      });
    }
    case 'restore': {
      const file = rest[0];
      if (!file) throw new Error('restore needs a file name');
      return withDatabase(async (c, config) => {
        const summary = await restoreFrom(c, config.dataDir, file);
        console.log(`restored from ${file}: ${summary.rows} rows in ${summary.tables} tables, ${summary.files} attachments`);
      });
    }
    case 'seed-demo':
      return withDatabase(async (c) => {
        const summary = await seedDemo(c.db);
        console.log(summary);
      });
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      process.exit(2);
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError && err.code === 'auth.weak_password') {
    console.error(
      `password too weak (${err.details.map((d) => d.reason).join(', ')}): use at least 10 characters with letters and digits, not containing the login`,
    );
  } else if (err instanceof AppError) console.error(`${err.code}${err.details.length ? `: ${JSON.stringify(err.details)}` : ''}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
