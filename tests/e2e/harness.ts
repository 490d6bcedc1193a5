/**
 * End-to-end harness: a fresh project for every test (by default a copy of the sample
 * project) served in browser mode by the real built CLI (`rodtrad serve`), driven by Debian's
 * Chromium through playwright-core. Tests wait for state (locators, expect.poll), never for time.
 * Screenshots go to tests/e2e/__screenshots__/ (git-ignored) to be looked at.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { needTool, skipUnless } from '../helpers/reference';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'rodtrad.mjs');
export const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', '__screenshots__');

export interface E2E {
  browser: Browser;
  page: Page;
  url: string;
  baseUrl: string;
  projectFile: string;
  dir: string;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export const CHROMIUM = process.env.RODTRAD_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium is a tool like LibreOffice: without it every e2e test is skipped with one line
 * saying so (and fails in CI). Use as `describe.skipIf(noChromium)(…)`.
 */
export const noChromium = skipUnless('e2e (browser mode in Chromium)', needTool(CHROMIUM));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sv-SE'],
  });
}

export interface AppOptions {
  /** The project to serve: made in the test's own temp folder; default a fresh copy of the sample project. */
  project?: (dir: string) => string | Promise<string>;
  locale?: string;
  viewport?: { width: number; height: number };
  /** Extra environment for `rodtrad serve` (e.g. RODTRAD_BROWSE_ROOT), or a function of the test's own folder. */
  env?: NodeJS.ProcessEnv | ((dir: string) => NodeJS.ProcessEnv);
  /** Called with the page before it loads anything (to watch its requests from the first one). */
  beforeLoad?(page: Page): void;
}

/** One Chromium per test file; each test gets its own context (storage, session), server and project. */
let fileBrowser: Promise<Browser> | undefined;

let template: string | undefined;
/**
 * The sample project made once per test file by the real CLI (`rodtrad sample`); each test gets a copy of it.
 * Its coder is chosen, so a test's first coding is not held up by the question of who codes
 * (tests/e2e/teams.test.ts asks it in a project of its own).
 */
export function sampleTemplate(): string {
  if (template) return template;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rodtrad-e2e-sample-')), 'exempel.rodtrad');
  for (const args of [['sample', file], ['coder', file, '--set', 'Testkodare']]) {
    const made = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`rodtrad ${args[0]} failed: ${made.stderr}`);
  }
  template = file;
  return file;
}

/** Starts `rodtrad serve` on a fresh project and opens it in a fresh browser context. */
export async function startApp(options: AppOptions = {}): Promise<E2E> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rodtrad-e2e-'));
  let projectFile: string;
  if (options.project) projectFile = await options.project(dir);
  else {
    projectFile = path.join(dir, 'exempel.rodtrad');
    copyFileSync(sampleTemplate(), projectFile);
  }
  const extra = typeof options.env === 'function' ? options.env(dir) : options.env;
  // the user's own settings (recent projects, default folder) are never touched by a test
  const env = { ...process.env, RODTRAD_HOME: path.join(dir, '.rodtrad-home'), ...extra };
  const server = spawn(process.execPath, [BIN, 'serve', projectFile], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const stopped = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  let context: BrowserContext | undefined;
  const errors: string[] = [];
  let page: Page;
  let url: string;
  try {
    url = await waitForUrl(server);
    fileBrowser ??= launchBrowser();
    const browser = await fileBrowser;
    context = await browser.newContext({ locale: options.locale ?? 'sv-SE', viewport: options.viewport ?? { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    options.beforeLoad?.(page);
    await page.goto(url);
    // the page trades the start link's one-time code for its session credential before it calls anything
    await page.waitForFunction(() => sessionStorage.getItem('rodtrad.token'));
  } catch (e) {
    // nothing of a set-up that failed half-way stays behind
    await context?.close();
    server.kill('SIGTERM');
    await stopped;
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const browser = context.browser()!;
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    page,
    url,
    baseUrl: url.replace(/\/#start=.*$/, ''),
    projectFile,
    dir,
    async screenshot(name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await context!.close();
      server.kill('SIGTERM');
      // the server has let go of the project before its folder goes
      await stopped;
      rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}

/**
 * A fresh app for every test of the describe block it is called in: its own project, server
 * and browser context, so no test starts from what an earlier one left behind. Returns a
 * getter for the current test's app.
 */
export function appPerTest(options: AppOptions = {}): () => E2E {
  let app: E2E | undefined;
  beforeEach(async () => {
    app = await startApp(options);
  });
  afterEach(async () => {
    const done = app;
    app = undefined;
    await done?.close();
  });
  afterAll(async () => {
    const browser = fileBrowser;
    fileBrowser = undefined;
    await (await browser)?.close();
    if (template) rmSync(path.dirname(template), { recursive: true, force: true });
    template = undefined;
  });
  return () => {
    if (!app) throw new Error('no app: appPerTest() gives one inside a test only');
    return app;
  };
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    // no timer: a server that never prints its URL fails the hook at vitest's hook timeout
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/#start=[\w-]+/.exec(out);
      if (m) resolve(m[0]);
    });
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.on('exit', (code) => reject(new Error(`rodtrad serve exited (${code}): ${out}`)));
  });
}

/** Calls the core through the page's own HTTP bridge (the same session credential the UI uses), to set up or check state. */
export async function callApi<T>(page: Page, method: string, params: unknown = {}): Promise<T> {
  return page.evaluate(
    async ({ method, params }) => {
      const token = sessionStorage.getItem('rodtrad.token') ?? '';
      const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-rodtrad-token': token }, body: JSON.stringify(params) });
      const body = (await res.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.result;
    },
    { method, params },
  ) as Promise<T>;
}
