/**
 * The core side of the desktop protocol: one Session (host 'desktop') that answers `call`
 * messages through `dispatch`, pushes its events, and asks the main process for native
 * dialogs. It runs over any port (Electron's parentPort, Node's fork IPC, a worker), so the
 * same code is what the tests and the benchmark exercise.
 */
import { dispatch, toWireError } from '../core/api/dispatch';
import { Session, type PickFileRequest } from '../core/api/session';
import { UserError } from '../core/errors';
import { stopIdleJobWorkers } from '../core/jobs/run';
import { ensureSampleProject } from '../core/sample/sample-project';
import { parseToCore, type CoreReply, type FromCore, type ToCore } from './core-protocol';

export interface CorePort {
  post(message: FromCore): void;
  onMessage(listener: (raw: unknown) => void): void;
}

/** One call through the contract, as every host makes it; never throws. */
export async function invokeDirect(session: Session, method: string, params: unknown): Promise<CoreReply> {
  try {
    return { ok: true, result: await dispatch(session, method as never, params) };
  } catch (e) {
    return { ok: false, error: toWireError(e) };
  }
}

export interface CoreServerOptions {
  /** Called once the session is closed after a `shutdown` message; the entry exits the process. */
  onShutdown(): void;
  /** Where problems that have no request to answer are reported (stderr in the entry). */
  report(message: string): void;
}

export function serveCore(port: CorePort, options: CoreServerOptions): Session {
  const session = new Session('desktop');
  const dialogs = new Map<number, { resolve(paths: string[]): void; reject(e: Error): void }>();
  let nextDialog = 0;
  let stopping = false;

  session.dialogs = {
    pickFile: (request: PickFileRequest) =>
      new Promise<string[]>((resolve, reject) => {
        const id = ++nextDialog;
        dialogs.set(id, { resolve, reject });
        port.post({ type: 'dialog', id, request });
      }),
  };
  session.on((event) => port.post({ type: 'event', event }));

  const answer = (id: number, reply: CoreReply): void => port.post(reply.ok ? { type: 'reply', id, ok: true, result: reply.result } : { type: 'reply', id, ok: false, error: reply.error });

  const handle = async (message: ToCore): Promise<void> => {
    switch (message.type) {
      case 'call':
        answer(message.id, await invokeDirect(session, message.method, message.params));
        return;
      case 'open':
        try {
          if (message.sample) await ensureSampleProject(message.file);
        } catch (e) {
          answer(message.id, { ok: false, error: toWireError(e) });
          return;
        }
        // the file comes from main (argv or the sample project), not from the page: trusted like a dialog's pick
        session.rememberPicked([message.file]);
        {
          const reply = await invokeDirect(session, 'project.open', { path: message.file });
          // an encrypted project waits for the page to ask for its passphrase (project.unlock):
          // main never sees the passphrase, so it is in no command line, environment or log
          if (!reply.ok && reply.error.code === 'passphrase-needed') session.lock(message.file);
          answer(message.id, reply);
        }
        return;
      case 'dialog-reply': {
        const waiting = dialogs.get(message.id);
        if (!waiting) return options.report(`core: a dialog reply for unknown request ${message.id}`);
        dialogs.delete(message.id);
        if ('paths' in message) waiting.resolve(message.paths);
        else waiting.reject(new UserError('dialog-failed', `the file dialog failed: ${message.error}`, undefined, `fildialogen misslyckades: ${message.error}`));
        return;
      }
      case 'shutdown':
        if (stopping) return;
        stopping = true;
        for (const d of dialogs.values()) d.reject(new UserError('closing', 'the app is closing', undefined, 'appen stängs'));
        dialogs.clear();
        session.dispose();
        await stopIdleJobWorkers();
        options.onShutdown();
        return;
    }
  };

  port.onMessage((raw) => {
    const parsed = parseToCore(raw);
    if (!parsed.ok) {
      if (parsed.id === undefined) return options.report(`core: ignored a message it cannot read (${parsed.problem})`);
      return answer(parsed.id, { ok: false, error: { code: 'bad-message', message: `the core cannot read this request: ${parsed.problem}` } });
    }
    void handle(parsed.message).catch((e: unknown) => options.report(`core: ${String(e)}`));
  });
  port.post({ type: 'ready', pid: process.pid });
  return session;
}
