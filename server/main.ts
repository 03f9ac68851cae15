// Process entry: config → database → migrations → listen. Stops cleanly on SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { readSettings } from './core/settings.js';

export async function startServer(config: Readonly<Config>): Promise<void> {
  const connection = connect(config.database);
  await migrateToLatest(connection.db);
  const { app, ctx } = await buildApp({ config, connection });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  if (config.runJobs) ctx.scheduler.start((await readSettings(connection.db)).timeZone);
  app.log.info(`Sysward is ready on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${connection.kind})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    await startServer(loadConfig());
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
}
