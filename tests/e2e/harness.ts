/**
 * End-to-end harness: a fresh copy of the sample project served in browser mode by the real
 * built CLI (`rodtrad serve`), driven by Debian's Chromium through playwright-core.
 * Screenshots go to tests/e2e/__screenshots__/ (git-ignored) to be looked at.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sv-SE'],
  });
}

/** Starts `rodtrad serve` on a fresh sample project and opens it in Chromium. */
export interface StartOptions {
  project?: string;
  locale?: string;
  viewport?: { width: number; height: number };
  /** Extra environment for `rodtrad serve` (e.g. RODTRAD_BROWSE_ROOT, RODTRAD_PASSPHRASE). */
  env?: NodeJS.ProcessEnv;
  /** Called with the page before it loads anything (to watch its requests from the first one). */
  beforeLoad?(page: Page): void;
}

export async function startApp(options: StartOptions = {}): Promise<E2E> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rodtrad-e2e-'));
  let projectFile = options.project;
  if (!projectFile) {
    projectFile = path.join(dir, 'exempel.rodtrad');
    const made = spawnSync(process.execPath, [BIN, 'sample', projectFile], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`rodtrad sample failed: ${made.stderr}`);
  }
  const server = spawn(process.execPath, [BIN, 'serve', projectFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  const url = await waitForUrl(server);
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: options.locale ?? 'sv-SE', viewport: options.viewport ?? { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  options.beforeLoad?.(page);
  await page.goto(url);
  // the page trades the start link's one-time code for its session credential before it calls anything
  await page.waitForFunction(() => sessionStorage.getItem('rodtrad.token'));
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
      await browser.close();
      server.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`rodtrad serve printed no URL: ${out}`)), 20_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/#start=[\w-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
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
