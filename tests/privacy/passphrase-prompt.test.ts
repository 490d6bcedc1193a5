/**
 * An encrypted project the host is asked to open (the desktop's command line or the OS, a
 * core restart, `rodtrad serve`) is not opened by the host: the core keeps it waiting, the
 * page asks the user, and the passphrase comes back through the one validated IPC entry
 * point as `project.unlock`, which names no file. So the passphrase is in no command line,
 * environment or log. The desktop core runs for real (dist/core-process.mjs under
 * child_process.fork, as the app's utilityProcess runs it), driven by the main process's
 * CoreClient behind registerIpc; the browser mode flow is in tests/e2e/passphrase.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { CoreCallError, CoreClient } from '../../electron/desktop/core-client';
import type { CoreReply } from '../../electron/desktop/core-protocol';
import { forkCore } from '../../electron/desktop/core-fork';
import { registerIpc } from '../../electron/desktop/window';
import { tempDir } from '../helpers/tmp';

const CORE = path.resolve(__dirname, '../../dist/core-process.mjs');
const dir = tempDir('rodtrad-passphrase-prompt');
const PASSPHRASE = 'korrekt-häst-batteri-7781';

const running: CoreClient[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.shutdown()));
});

function encryptedProject(name: string): string {
  const file = path.join(dir, `${name}.rodtrad`);
  Project.create(file, { name, passphrase: PASSPHRASE }).close();
  return file;
}

/** The desktop as main.ts wires it: a CoreClient behind the one IPC channel, called as a frame of the app. */
function desktop() {
  const events: AppEvent[] = [];
  const reports: string[] = [];
  const children: ChildProcess[] = [];
  const client = new CoreClient({
    spawn: () => forkCore(CORE, { started: (c) => children.push(c) }),
    onEvent: (e) => events.push(e),
    report: (m) => reports.push(m),
  });
  running.push(client);
  const handlers = new Map<string, (...a: unknown[]) => Promise<CoreReply>>();
  registerIpc({ handle: (ch: string, fn: (...a: unknown[]) => Promise<CoreReply>) => handlers.set(ch, fn) } as never, (m, p) => client.invoke(m, p));
  const ipc = [...handlers.values()][0]!;
  const fromPage = (method: string, params: unknown = {}): Promise<CoreReply> => ipc({ senderFrame: { url: 'app://rodtrad/index.html' } }, method, params);
  return { client, events, reports, children, fromPage };
}

describe('the passphrase of a project named on the command line or by the OS', () => {
  it('the desktop core keeps it waiting, the page unlocks it through the IPC entry point; a wrong passphrase leaves the file untouched', async () => {
    const file = encryptedProject('Krypterad');
    const { client, events, reports, children, fromPage } = desktop();
    // what main.ts does with a project from argv or the OS's open-file
    const opened = (await client.open(file).catch((e: unknown) => e)) as CoreCallError;
    expect(opened).toBeInstanceOf(CoreCallError);
    expect(opened.wire.code).toBe('passphrase-needed');
    expect(events).toContainEqual({ type: 'locked', file });
    expect(await fromPage('app.info')).toMatchObject({ ok: true, result: { project: null, locked: file } });

    const bytes = readFileSync(file);
    expect(await fromPage('project.unlock', { passphrase: 'fel' })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(await fromPage('app.info')).toMatchObject({ ok: true, result: { locked: file } });
    // a frame that is not the app's cannot try passphrases
    const handlers = new Map<string, (...a: unknown[]) => Promise<CoreReply>>();
    registerIpc({ handle: (ch: string, fn: (...a: unknown[]) => Promise<CoreReply>) => handlers.set(ch, fn) } as never, (m, p) => client.invoke(m, p));
    expect(await [...handlers.values()][0]!({ senderFrame: { url: 'https://evil.example/' } }, 'project.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await fromPage('project.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, result: { file, encrypted: true } });
    expect(await fromPage('app.info')).toMatchObject({ ok: true, result: { project: file, locked: null } });
    expect(await fromPage('project.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'nothing-locked' } });

    // nowhere but in the core's memory: not the core's command line or environment, not a log line
    const child = children[0]!;
    expect(child.spawnargs.join(' ')).not.toContain(PASSPHRASE);
    expect(Object.values(process.env).join('\n')).not.toContain(PASSPHRASE);
    expect(reports.join('\n')).not.toContain(PASSPHRASE);
    expect(JSON.stringify(events)).not.toContain(PASSPHRASE);
  });

  it('a core restarted after a crash cannot reopen an encrypted project by itself: it waits for the passphrase again', async () => {
    const file = encryptedProject('Omstart');
    const { client, events, children, fromPage } = desktop();
    await client.open(file).catch(() => undefined);
    expect(await fromPage('project.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const before = events.filter((e) => e.type === 'locked').length;
    // the client's own exit listener (which restarts the core) runs before this one
    const exited = new Promise((resolve) => children[0]!.once('exit', resolve));
    children[0]!.kill('SIGKILL');
    await exited;
    // the next call goes to the restarted core after its reopen, which found the project encrypted
    expect(await fromPage('app.info')).toMatchObject({ ok: true, result: { project: null, locked: file } });
    expect(events.filter((e) => e.type === 'locked').length).toBe(before + 1);
    expect(await fromPage('project.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, result: { file } });
  });

  it('a session with nothing waiting refuses project.unlock; a plain project named by the host just opens', async () => {
    const s = new Session('browser');
    await expect(dispatch(s, 'project.unlock', { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'nothing-locked' });
    const plain = path.join(dir, 'oppen.rodtrad');
    Project.create(plain).close();
    expect(s.openOrLock(plain)?.file).toBe(plain);
    expect(s.locked).toBeNull();
    s.dispose();
  });
});
