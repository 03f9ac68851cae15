// Browser-test harness: the real server (built pages from web/dist) on a fresh SQLite database on
// a free loopback port, and Debian's Chromium driven by playwright-core.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { connect, type Db } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface Harness {
  baseUrl: string;
  db: Db;
  browser: Browser;
  newPage(opts?: { mobile?: boolean }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** More Chromium switches, e.g. a fake camera (--use-fake-device-for-media-stream ...). */
  chromiumArgs?: string[];
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(process.cwd(), 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const dataDir = await mkdtemp(join(tmpdir(), 'sysward-e2e-'));
  const config = loadConfig({ SYSWARD_DATA_DIR: dataDir, SYSWARD_LOG_LEVEL: 'silent', SYSWARD_HOST: '127.0.0.1', SYSWARD_PORT: '0' });
  const connection = connect(config.database);
  await migrateToLatest(connection.db);
  const { app } = await buildApp({ config, connection, logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.chromiumArgs ?? []),
    ],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: address,
    db: connection.db,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext(
        opts.mobile
          ? {
              viewport: { width: 390, height: 844 },
              deviceScaleFactor: 2,
              isMobile: true,
              hasTouch: true,
              locale: 'zh-CN',
              timezoneId: 'Asia/Shanghai',
            }
          : { viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
      });
      // Scripts run only from our origin: an injected <script> would have to come from a user's text.
      page.on('dialog', (d) => {
        errors.push(`unexpected dialog: ${d.message()}`);
        void d.dismiss();
      });
      return { page, context, errors };
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await connection.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
