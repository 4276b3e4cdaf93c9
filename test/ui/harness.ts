/**
 * Sidebars and dialogs in a real browser, answered by the real server: build/Code.js runs in a vm over the
 * fake SpreadsheetApp, the page gets exactly the HTML that HtmlService served, and `google.script.run`
 * is a shim whose calls go to runFunction in that vm. No network: every request but the page is refused
 * and recorded, so a page that needs a web font or a CDN fails its test.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'node:vm';
import { type Browser as PlaywrightBrowser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type GasEnvironment, runFunction } from '../fakes/gas-globals';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser-server';
import { SHARED_DEMO_ENV } from '../helpers/demo';

export { CHROMIUM };
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const ORIGIN = 'https://script.houkatsu.test';

/** describe, or describe.skip with the reason in its name when Debian's chromium is not installed. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  console.warn(`[test/ui] ${name}: skipped, ${CHROMIUM} is absent (apt-get install chromium-headless-shell)`);
  describe.skip(`${name} (skipped: ${CHROMIUM} is absent; apt-get install chromium-headless-shell)`, body);
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A browser context of its own for a test file, in the one Chromium of the test run (test/helpers/browser-server.js,
 * started by the first file that asks). Without the run's shared folder (jest started with another configuration)
 * the file launches a Chromium for itself.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromiumOfTheRun();
  // The people who use the add-on: Japanese in Japan. Dates the page draws and the browser's own texts follow.
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  return {
    context,
    async close() {
      await context.close();
      // Disconnects from the shared server, or ends the file's own browser.
      await browser.close();
    },
  };
}

async function chromiumOfTheRun(): Promise<PlaywrightBrowser> {
  const dir = process.env[SHARED_DEMO_ENV];
  if (!dir) return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    mkdirSync(join(dir, 'browser-started'));
    const owner = process.env.HOUKATSU_TEST_MAIN_PID ?? String(process.pid);
    spawn(process.execPath, [join(__dirname, '..', 'helpers', 'browser-server.js'), dir, owner], { stdio: 'ignore', detached: true }).unref();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const address = join(dir, 'browser.json');
  const deadline = Date.now() + 60_000;
  while (!existsSync(address)) {
    if (Date.now() > deadline) throw new Error(`Chromium did not start for the test run in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const started = JSON.parse(readFileSync(address, 'utf8')) as { wsEndpoint?: string; error?: string };
  if (!started.wsEndpoint) throw new Error(`Chromium did not start for the test run: ${started.error ?? 'no address'}`);
  return chromium.connect(started.wsEndpoint);
}

/** What google.script.run does in Apps Script, over a function exposed by the test. */
const SHIM = `(() => {
  window.__calls = [];
  window.__pending = 0;
  window.__closed = false;
  function runner(success, failure) {
    return new Proxy({}, {
      get(_, prop) {
        if (prop === 'withSuccessHandler') return (fn) => runner(fn, failure);
        if (prop === 'withFailureHandler') return (fn) => runner(success, fn);
        return (...args) => {
          window.__pending++;
          window.__calls.push(String(prop));
          window.__gasRun(String(prop), JSON.stringify(args)).then((r) => {
            window.__pending--;
            // Apps Script calls the handlers asynchronously, after the call returns.
            setTimeout(() => (r.ok ? success && success(r.value) : failure && failure(new Error(r.message))), 0);
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() { window.__closed = true; } } } };
})();`;

export interface ServedPage {
  readonly page: Page;
  /** Requests the page made other than for itself (none is allowed). */
  readonly requests: string[];
  /** Waits until no server call is running. */
  settle(): Promise<void>;
  screenshot(name: string): Promise<string>;
}

/** What the one tab of a browser context shows now: the page it serves and the script that answers it. */
interface Screen {
  script: Context;
  html: string;
  requests: string[];
}

/**
 * The one tab of each browser context, set up once (the server shim, the routes) and navigated to each screen a test
 * opens, as Apps Script shows one sidebar or dialog at a time: a new tab per screen cost Chromium a renderer each.
 */
const tabs = new WeakMap<BrowserContext, { page: Page; screen: Screen }>();

async function tabOf(context: BrowserContext, screen: Screen): Promise<Page> {
  const known = tabs.get(context);
  if (known && !known.page.isClosed()) {
    known.screen = screen;
    return known.page;
  }
  const page = await context.newPage();
  const tab = { page, screen };
  tabs.set(context, tab);
  await page.exposeFunction('__gasRun', (name: string, argsJson: string) => {
    try {
      const value = runFunction(tab.screen.script, name, ...(JSON.parse(argsJson) as unknown[]));
      // The return value crosses as JSON, as google.script.run serialises it.
      return { ok: true, value: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(SHIM);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/page.html`) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: tab.screen.html });
      return;
    }
    tab.screen.requests.push(url);
    await route.abort();
  });
  return page;
}

/**
 * Opens served HTML at a sidebar's or dialog's size, with google.script.run answered by the vm. The screen opened
 * before in the same context is gone (its tab now shows this one), as a sidebar replaces the one before in Sheets.
 */
export async function openServed(
  browser: Browser,
  env: GasEnvironment,
  script: Context,
  html: string,
  size: { width: number; height: number },
): Promise<ServedPage> {
  const requests: string[] = [];
  const page = await tabOf(browser.context, { script, html, requests });
  await page.setViewportSize(size);
  await page.goto(`${ORIGIN}/page.html`);
  void env;
  return {
    page,
    requests,
    async settle() {
      await page.waitForFunction(() => (window as unknown as { __pending: number }).__pending === 0);
      // Let the handler (scheduled with setTimeout) draw.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 20)));
    },
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
  };
}

/** The HTML of the last sidebar or dialog the server showed. */
export function lastShown(env: GasEnvironment, kind: 'sidebar' | 'modal'): string {
  const shown = env.ui.shown.filter((s) => s.kind === kind).pop();
  if (!shown || !('html' in shown)) throw new Error(`no ${kind} was shown`);
  return shown.html;
}

/** Apps Script sidebars are 300 px wide; dialogs take the size the server asked for, less their title bar. */
export const SIDEBAR = { width: 300, height: 760 };
