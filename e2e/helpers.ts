/// <reference lib="dom" />
// What the browser tests share beyond the server and browser lifecycle (harness.ts): seeding
// through the API, signing in through the login form, picking from a tree select, and reading
// what a link serves. One copy, so a change to the login form or the setup API is fixed once.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page, Request } from 'playwright-core';
import type { Harness } from './harness.js';

/** Rows of the page's own list (not of a preview table in a dialog or drawer). */
export const LIST_ROWS = '.ant-layout-content .ant-table-row';

/** Waits until the page's own list shows exactly `count` rows (a search or filter has answered). */
export async function waitForRowCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([sel, want]) => document.querySelectorAll(sel as string).length === want, [LIST_ROWS, count]);
}

/** An administrator's API session: the cookie, and the CSRF token every write must carry. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

/**
 * First-run setup through the API (the setup page itself is walked through in first-day): creates
 * the first administrator and returns their session, so a test seeds its data without clicks.
 */
export async function setupViaApi(
  h: Harness,
  { name, login = 'admin', password }: { name: string; login?: string; password: string },
): Promise<ApiSession> {
  const res = await fetch(h.baseUrl + '/api/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, login, password }),
  });
  assert.equal(res.status, 200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sysward_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** A JSON call signed by `session`; a refusal fails the test with the server's answer in the message. */
export async function apiCall<T = unknown>(h: Harness, session: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(h.baseUrl + path, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Signs in through the login form, as a user does. Without `path`: opens the login page and waits
 * for the signed-in layout. With `path`: opens that page, is sent to the login page (which keeps
 * where it came from in `next`), signs in and waits to be sent on; the caller checks where to.
 */
export async function signInPage(
  h: Harness,
  page: Page,
  { login = 'admin', password, path }: { login?: string; password: string; path?: string },
): Promise<void> {
  await page.goto(h.baseUrl + (path ?? '/login'));
  if (path) await page.waitForURL('**/login?next=**');
  await page.fill('#login_login', login);
  await page.fill('#login_password', password);
  await page.getByTestId('login-submit').click();
  if (path) await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  else await page.getByTestId('user-menu').waitFor();
}

/** Picks a node in the tree select of a form field (again if a busy machine swallowed the click). */
export async function pickTreeNode(page: Page, fieldId: string, name: string): Promise<void> {
  const chosen = () =>
    page.waitForFunction(
      ([id, n]) => !!document.getElementById(id!)?.closest('.ant-form-item')?.textContent?.includes(n!),
      [fieldId, name],
      { timeout: 3000 },
    );
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(`#${fieldId}`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
    try {
      await chosen();
      return;
    } catch {
      // the dropdown may still be open or closed: the next attempt clicks the field again
    }
  }
  throw new Error(`could not pick ${name} in #${fieldId}`);
}

/** The bytes behind a link, fetched with the page's own cookies (its session). */
export async function fetchBytes(page: Page, url: string): Promise<{ type: string; body: Buffer }> {
  const res = await page.request.get(url);
  assert.equal(res.status(), 200, `${url}: ${res.status()}`);
  return { type: res.headers()['content-type'] ?? '', body: await res.body() };
}

/** Clicks something that downloads a file; returns the name the server suggested and the bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

/** Asserts that `bytes` are a PDF file (its magic number), whatever the name or header said. */
export function assertPdf(bytes: Buffer): void {
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
}

/**
 * Clicks something that opens a PDF in a new tab (a printable slip or label sheet); checks the
 * tab's response and the bytes, closes the tab, and returns the PDF's URL for further checks.
 */
export async function opensPdf(page: Page, urlPart: string, click: () => Promise<void>): Promise<URL> {
  const [request] = await Promise.all([page.context().waitForEvent('request', (r: Request) => r.url().includes(urlPart)), click()]);
  const response = await request.response();
  assert.equal(response?.headers()['content-type'], 'application/pdf');
  const { type, body } = await fetchBytes(page, request.url());
  assert.equal(type, 'application/pdf');
  assertPdf(body);
  for (const other of page.context().pages()) if (other !== page) await other.close();
  return new URL(request.url());
}
