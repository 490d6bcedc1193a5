/**
 * The desktop core process for real: the built dist/core-process.mjs under child_process.fork
 * (the app starts the same file with Electron's utilityProcess), driven by the CoreClient the
 * main process uses. A second connection in this process holds the SQLite write lock where a
 * test needs the core to be busy: the core then waits in busy_timeout, deterministically, until
 * the test commits.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import type { PickFileRequest } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { CoreCallError, CoreClient } from '../../electron/desktop/core-client';
import { forkCore } from '../../electron/desktop/core-fork';
import { parseFromCore, parseToCore } from '../../electron/desktop/core-protocol';
import { registerIpc } from '../../electron/desktop/window';
import { tempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const CORE = path.join(ROOT, 'dist', 'core-process.mjs');
const dir = tempDir('desktop-core');

interface Started {
  client: CoreClient;
  events: AppEvent[];
  children: ChildProcess[];
  reports: string[];
}

const running: CoreClient[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.shutdown()));
});

function start(): Started {
  const events: AppEvent[] = [];
  const children: ChildProcess[] = [];
  const reports: string[] = [];
  const client = new CoreClient({
    spawn: () => forkCore(CORE, { started: (c) => children.push(c) }),
    onEvent: (e) => events.push(e),
    report: (m) => reports.push(m),
  });
  running.push(client);
  return { client, events, children, reports };
}

function newProject(name: string): string {
  const file = path.join(dir, `${name}.rodtrad`);
  Project.create(file, { name }).close();
  return file;
}

/** Takes the project's write lock from this process, as another app or a backup tool might. */
function holdWriteLock(file: string): { release(): void } {
  const db = new Database(file);
  db.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}

function track<T>(p: Promise<T>): { promise: Promise<T>; settled(): boolean } {
  let done = false;
  const promise = p.finally(() => (done = true));
  // the rejection is awaited by the test; this keeps it from counting as unhandled meanwhile
  promise.catch(() => undefined);
  return { promise, settled: () => done };
}

/** The static and dynamic imports of a built file, followed through dist/ (chunks). */
function loadedFrom(entry: string, seen = new Set<string>()): { files: Set<string>; packages: Set<string> } {
  const packages = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\s*\(?\s*)["']([^"']+)["']/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec));
      else packages.add(spec);
    }
    for (const m of text.matchAll(/require\(["']([^"'.][^"']*)["']\)/g)) packages.add(m[1]!);
  };
  walk(entry);
  return { files: seen, packages };
}

describe('the desktop core process', () => {
  it('opens a project, answers calls and pushes events', async () => {
    const file = newProject('Öppna');
    const { client, events } = start();
    expect(await client.open(file)).toMatchObject({ name: 'Öppna', file });
    expect(events).toContainEqual({ type: 'project', file });
    const { id } = (await client.call('codes.create', { name: 'Samverkan' })) as { id: number };
    // the core emits `changed` before it replies, on the same channel, so it is here already
    expect(events.at(-1)).toMatchObject({ type: 'changed', method: 'codes.create' });
    expect(await client.call('codes.tree', {})).toEqual([expect.objectContaining({ id, name: 'Samverkan' })]);
    expect(await client.call('app.info', {})).toMatchObject({ host: 'desktop', project: file });
    // a job's progress comes through too, before its reply
    expect(await client.call('project.check', { jobId: 'kontroll' })).toEqual({ ok: true, problems: [] });
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []));
    expect(progress.at(-1)).toMatchObject({ jobId: 'kontroll', phase: 'done' });
  });

  it('creates the sample project when asked to open it and it is missing', async () => {
    const { client } = start();
    const file = path.join(dir, 'exempel.rodtrad');
    const info = (await client.open(file, true)) as { counts: { documents: number } };
    expect(info.counts.documents).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(true);
  });

  it('sends a UserError back with code, message and messageSv; bad params and unknown methods too', async () => {
    const { client } = start();
    const failure = await client.call('project.info', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CoreCallError);
    expect((failure as CoreCallError).wire).toEqual({ code: 'no-project', message: 'no project is open', messageSv: 'inget projekt är öppet' });
    expect(await client.invoke('project.info', {})).toEqual({ ok: false, error: { code: 'no-project', message: 'no project is open', messageSv: 'inget projekt är öppet' } });
    expect(await client.invoke('codes.create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(await client.invoke('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const missing = path.join(dir, 'finns-inte.rodtrad');
    expect(await client.open(missing).catch((e: CoreCallError) => e.wire.code)).not.toBe('internal');
  });

  it("round-trips the core's dialog request to the host's dialog function", async () => {
    const { client } = start();
    // before the window exists there is no dialog to show: an error, not a hang
    expect(await client.invoke('host.pickFile', { purpose: 'import' })).toMatchObject({ ok: false, error: { code: 'dialog-failed', message: 'the file dialog failed: this window has no file dialogs' } });
    const asked: PickFileRequest[] = [];
    client.dialogs = {
      pickFile: async (request) => {
        asked.push(request);
        return ['/hem/forskare/intervju 1.docx', '/hem/forskare/intervju 2.docx'];
      },
    };
    const request = { purpose: 'import', title: 'Importera', extensions: ['docx', 'txt'], multiple: true } as const;
    expect(await client.call('host.pickFile', request)).toEqual({ supported: true, paths: ['/hem/forskare/intervju 1.docx', '/hem/forskare/intervju 2.docx'] });
    expect(asked).toEqual([request]);
    client.dialogs = { pickFile: async () => Promise.reject(new Error('no display')) };
    const failed = await client.invoke('host.pickFile', { purpose: 'openProject' });
    expect(failed).toEqual({ ok: false, error: { code: 'dialog-failed', message: 'the file dialog failed: no display', messageSv: 'fildialogen misslyckades: no display' } });
  });

  it('the main side keeps answering while the core waits on a locked database', async () => {
    const file = newProject('Upptagen');
    const { client } = start();
    await client.open(file);
    const lock = holdWriteLock(file);
    const slow = track(client.call('codes.create', { name: 'Väntar på låset' }));

    // what the main process does meanwhile: answer the renderer where it can without the
    // core (a call from a foreign frame), and handle messages on its own event loop
    const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => handlers.set(ch, fn) } as never, (m, p) => client.invoke(m, p));
    const [ipc] = [...handlers.values()];
    expect(await ipc!({ senderFrame: { url: 'https://evil.example/' } }, 'project.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const channel = new MessageChannel();
    const echoed = new Promise((resolve) => channel.port2.once('message', resolve));
    channel.port1.postMessage('fortfarande här');
    expect(await echoed).toBe('fortfarande här');
    channel.port1.close();
    // the core cannot have written: this process still holds the lock
    expect(slow.settled()).toBe(false);

    lock.release();
    expect(await slow.promise).toMatchObject({ id: expect.any(Number) });
    expect(await client.call('project.info', {})).toMatchObject({ counts: { codes: 1 } });
  });

  it('a core that dies rejects the pending call with a clear error, restarts and reopens the project', async () => {
    const file = newProject('Krasch');
    const { client, children, events, reports } = start();
    await client.open(file);
    const lock = holdWriteLock(file);
    const pending = track(client.call('codes.create', { name: 'Blir aldrig klar' }));
    const openEvents = events.filter((e) => e.type === 'project').length;
    children[0]!.kill('SIGKILL');

    const failure = (await pending.promise.catch((e: unknown) => e)) as CoreCallError;
    expect(failure).toBeInstanceOf(CoreCallError);
    expect(failure.wire).toMatchObject({ code: 'core-stopped' });
    expect(failure.message).toBe('the core process stopped before "codes.create" finished; it has been restarted, try again');
    expect(failure.wire.messageSv).toContain('har startats om');
    expect(reports.join('\n')).toContain('the core process stopped');
    lock.release();

    // the next call goes to the new process, after it has reopened the same project
    expect(await client.call('project.info', {})).toMatchObject({ file, counts: { codes: 0 } });
    expect(children).toHaveLength(2);
    expect(client.restartCount).toBe(1);
    expect(events.filter((e) => e.type === 'project').length).toBe(openEvents + 1);
    expect(await client.call('codes.create', { name: 'Efter omstarten' })).toMatchObject({ id: expect.any(Number) });
  });

  it('stops restarting a core that keeps dying, and then fails calls at once', async () => {
    let spawned = 0;
    const client = new CoreClient({
      // a core that exits before it is ready, every time
      spawn: () => (spawned++, forkCore(path.join(ROOT, 'tests', 'foundation', 'fixtures', 'exits-at-once.mjs'))),
      onEvent: () => undefined,
      maxRestarts: 2,
    });
    running.push(client);
    const failure = (method: string): Promise<string> => client.call(method, {}).then(String, (e: CoreCallError) => e.message);
    expect(await failure('project.info')).toMatch(/it has been restarted, try again$/);
    expect(await failure('app.info')).toMatch(/it has been restarted, try again$/);
    expect(await failure('codes.tree')).toMatch(/keeps stopping; restart Rödtråd$/);
    expect(await failure('project.info')).toBe('the core process is not running, so "project.info" cannot run; restart Rödtråd');
    expect(spawned).toBe(3);
  });

  it('shuts down cleanly: the process exits with 0 and later calls are refused', async () => {
    const file = newProject('Stäng');
    const { client, children } = start();
    await client.open(file);
    const exited = new Promise<number | null>((resolve) => children[0]!.once('exit', resolve));
    await client.shutdown();
    expect(await exited).toBe(0);
    expect(await client.invoke('project.info', {})).toMatchObject({ ok: false, error: { code: 'core-stopped', message: 'Rödtråd is closing, so "project.info" did not run' } });
    // the core closed the project: no -wal file is left beside it
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('checks every message strictly at both ends', async () => {
    expect(parseToCore({ type: 'call', id: 1, method: 'project.info', params: {} })).toMatchObject({ ok: true });
    expect(parseToCore({ type: 'call', id: 1, method: 'project.info', params: {}, extra: 1 })).toMatchObject({ ok: false, id: 1 });
    expect(parseToCore({ type: 'open', id: 2, file: '' })).toMatchObject({ ok: false, id: 2 });
    expect(parseToCore('shutdown')).toMatchObject({ ok: false, problem: expect.stringContaining('expected one of call, open, dialog-reply, shutdown') });
    expect(parseFromCore({ type: 'event', event: { type: 'changed' } })).toMatchObject({ ok: false });
    expect(parseFromCore({ type: 'dialog', id: 3, request: { purpose: 'format-disk' } })).toMatchObject({ ok: false, id: 3 });
    expect(parseFromCore({ type: 'reply', id: 4, ok: false, error: { code: 'x', message: 'y' } })).toMatchObject({ ok: true });

    // and the real core process answers a request it cannot read instead of ignoring it
    const replies: unknown[] = [];
    const child = forkCore(CORE);
    const answered = new Promise<void>((resolve) =>
      child.onMessage((m) => {
        replies.push(m);
        if ((m as { type?: string }).type === 'ready') child.postMessage({ type: 'call', id: 9, method: '' } as never);
        if ((m as { type?: string }).type === 'reply') resolve();
      }),
    );
    await answered;
    const exited = new Promise((resolve) => child.onExit(resolve));
    child.postMessage({ type: 'shutdown' });
    expect(await exited).toBe(0);
    expect(replies.find((m) => (m as { type?: string }).type === 'reply')).toMatchObject({ type: 'reply', id: 9, ok: false, error: { code: 'bad-message', message: expect.stringContaining('method') } });
  });

  it('the main process bundle never loads SQLite or the core', () => {
    const main = loadedFrom(path.join(ROOT, 'dist', 'main.mjs'));
    expect([...main.packages].filter((p) => /sqlite|lunr|docx|exceljs|jszip/.test(p))).toEqual([]);
    expect(main.packages).toContain('electron');
    const core = loadedFrom(CORE);
    expect([...core.packages].some((p) => p.startsWith('better-sqlite3'))).toBe(true);
  });
});
