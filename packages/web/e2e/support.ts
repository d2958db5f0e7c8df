import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Locator, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { createApp, createServices, openDatabase, type DatabaseHandle, type Services } from '../../server/src/index.js';
import { loadDemo } from '../../server/src/demo/seed.js';
import { DEMO_PASSWORD } from '../../server/src/demo/organs.js';

/**
 * The real server over PGlite with the demo loaded, serving the built web app, and Debian's
 * chromium driven by playwright-core: what a user meets, minus the network.
 */
export const WEB_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
/** Screenshots of single screens for review (committed beside the tests, not shown in the README). */
export const REVIEW_SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CHROMIUM = process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium';
/**
 * A browser test walks through many pages; on a 2-core machine busy with other test files a step
 * can take seconds. The limits are there to end a hung test, not to time the pages (`npm run
 * bench:web` does that).
 */
const STEP_TIMEOUT_MS = 60_000;
/** A request the server must answer: longer than a step, since a busy CI machine queues it behind other files' work. */
const ANSWER_TIMEOUT_MS = 120_000;
vi.setConfig({ testTimeout: 240_000 });

export interface E2eApp {
  readonly baseUrl: string;
  readonly services: Services;
  readonly database: DatabaseHandle;
  /** Moves the server's today (the demo is loaded as of `today`). */
  setToday(date: string): void;
  close(): Promise<void>;
}

export async function startApp(today = '2026-11-23'): Promise<E2eApp> {
  if (!existsSync(`${WEB_DIR}index.html`))
    throw new Error(`网页端尚未构建：找不到 ${WEB_DIR}index.html（先运行 npm run build）`);
  const database = await openDatabase({});
  await loadDemo(database.db, today);
  let now = today;
  const services = createServices(database.db, { today: () => now });
  const app = createApp(services, { webDir: WEB_DIR });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    database,
    setToday: (date) => {
      now = date;
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * What the Content-Security-Policy refused in any page since the last test ended: the browser
 * reports each refusal as a console error and a `securitypolicyviolation` event. A test that
 * leaves one fails (see `e2eSession`), so the suite proves the app runs under the policy.
 */
const violations: string[] = [];
const CSP_CONSOLE = /Content Security Policy|CSP violation/i;

/** A fresh page at the size the back office must work at (1366×768), in Chinese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`),
      true,
    );
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && CSP_CONSOLE.test(message.text())) violations.push(message.text());
  });
  return context.newPage();
}

/** The refusals seen since the last call, forgotten. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** Fails the test that just ran if the policy refused anything in it. */
function assertNoViolations(): void {
  const found = takeViolations();
  if (found.length) throw new Error(`内容安全策略（CSP）拦截了 ${found.length} 项：\n${found.join('\n')}`);
}

export async function login(page: Page, app: E2eApp, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Clicks `button` and waits for the server's answer to the request it sends (`method` to a path
 * matching `path`), so that a refusal fails with its status and message, a form that never sent
 * fails with the errors it shows, and a loaded machine gets the server's time rather than the
 * locator's minute.
 */
export async function clickForAnswer(page: Page, button: Locator, path: RegExp, method = 'POST'): Promise<Response> {
  const answered = page
    .waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === method, {
      timeout: ANSWER_TIMEOUT_MS,
    })
    .catch(async (error: unknown) => {
      const shown = await page.locator('.ant-form-item-explain-error, .ant-alert-message').allTextContents();
      throw new Error(`${method} ${path} 未得到回应；页面显示：${shown.join('；') || '（无）'}`, { cause: error });
    });
  await button.click();
  const response = await answered;
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true);
  return response;
}

/** Saves a screenshot of the page under docs/screenshots/ (committed, shown in the README), or `directory`. */
export async function screenshot(page: Page, name: string, directory = SCREENSHOTS): Promise<void> {
  await mkdir(directory, { recursive: true });
  await page.screenshot({ path: `${directory}${name}.png` });
}

/**
 * The app and the browser for one test file: started before its tests, closed after them. Read
 * `session.app` and `session.browser` inside the tests.
 */
export function e2eSession(today?: string): { readonly app: E2eApp; readonly browser: Browser } {
  const session = {} as { app: E2eApp; browser: Browser };
  beforeAll(async () => {
    [session.app, session.browser] = await Promise.all([startApp(today), launchBrowser()]);
  });
  afterEach(assertNoViolations);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}

/**
 * Picks `option` in the dialog's select `label`, and sees it in the field: a click during the
 * list's opening animation can miss, so a pick that does not show is tried again.
 */
export async function chooseOption(page: Page, dialog: Locator, label: string, option: string): Promise<void> {
  const shown = dialog.locator('.ant-select-content, .ant-select-selection-item').getByText(option);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      // The list may still be open from a missed pick: a click on the field would close it.
      const item = page.locator(`.ant-select-item-option[title="${option}"]`);
      if (!(await item.isVisible())) await dialog.getByRole('combobox', { name: label }).click({ timeout: 10_000 });
      await item.click({ timeout: 10_000 });
      await shown.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
