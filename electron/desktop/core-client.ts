/**
 * The main process's side of the core process: starts it, forwards calls by request id,
 * answers its dialog requests with the host's native dialogs, passes its events on, and
 * restarts it when it dies. A call whose process died rejects with a clear error; no call
 * waits for an answer that cannot come. No Electron import: `spawn` is the only thing the
 * host provides (utilityProcess in main.ts, child_process.fork in tests and the benchmark).
 */
import type { AppEvent } from '../../shared/contract';
import type { HostDialogs } from '../core/api/session';
import { parseFromCore, type CoreReply, type FromCore, type ToCore, type WireErrorShape } from './core-protocol';

/** A started core process, whatever started it. */
export interface CoreChild {
  postMessage(message: ToCore): void;
  onMessage(listener: (raw: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreClientOptions {
  spawn(): CoreChild;
  onEvent(event: AppEvent): void;
  /** Crashes, restarts and unreadable messages: things to log, none of them a call's answer. */
  report?(message: string): void;
  /** Restarts allowed in a row without one answered call in between (a core that dies on start must not loop). */
  maxRestarts?: number;
}

/** A call that failed: `wire` is what the renderer gets, the same shape as from any host. */
export class CoreCallError extends Error {
  constructor(readonly wire: WireErrorShape) {
    super(wire.message);
    this.name = 'CoreCallError';
  }
}

interface Pending {
  label: string;
  resolve(result: unknown): void;
  reject(e: CoreCallError): void;
}

export class CoreClient {
  /** Native dialogs for the core's `host.pickFile`; set once the window exists. */
  dialogs: HostDialogs | undefined;
  private child: CoreChild | null = null;
  private readonly outbox: ToCore[] = [];
  private ready = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private restartsInARow = 0;
  private restarts = 0;
  private stopped: Promise<void> | null = null;
  private stoppedResolve: (() => void) | null = null;
  /** The project the core had open, reopened after a restart. */
  private projectFile: string | null = null;
  /** While a restarted core reopens the project, only that request goes out; later calls wait for it. */
  private holdFor: number | null = null;

  constructor(private readonly options: CoreClientOptions) {
    this.start();
  }

  /** How many times the core process was restarted after it died. */
  get restartCount(): number {
    return this.restarts;
  }

  /** One API method in the core process; rejects with CoreCallError. */
  call(method: string, params: unknown): Promise<unknown> {
    return this.request(method, (id) => ({ type: 'call', id, method, params }));
  }

  /** The same call as a reply object (what the IPC handler returns); never rejects. */
  async invoke(method: string, params: unknown): Promise<CoreReply> {
    try {
      return { ok: true, result: await this.call(method, params) };
    } catch (e) {
      return { ok: false, error: e instanceof CoreCallError ? e.wire : { code: 'internal', message: `internal error: ${String(e)}` } };
    }
  }

  /** Opens a project in the core; with `sample`, the sample project is created there first if missing. */
  open(file: string, sample = false): Promise<unknown> {
    return this.request(`open ${file}`, (id) => ({ type: 'open', id, file, sample }));
  }

  /** Asks the core to close its project and exit, and waits until it has. */
  shutdown(): Promise<void> {
    if (this.stopped) return this.stopped;
    this.stopped = new Promise<void>((resolve) => (this.stoppedResolve = resolve));
    if (!this.child) this.stoppedResolve?.();
    else if (this.ready) this.child.postMessage({ type: 'shutdown' });
    else this.child.kill(); // nothing of a core that has not started needs closing
    return this.stopped;
  }

  private request(label: string, build: (id: number) => ToCore, hold = false): Promise<unknown> {
    if (this.stopped) return Promise.reject(new CoreCallError(closing(label)));
    if (!this.child) return Promise.reject(new CoreCallError(unavailable(label)));
    const id = ++this.nextId;
    if (hold) this.holdFor = id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { label, resolve, reject });
      this.send(build(id));
    });
  }

  private mayGo(message: ToCore): boolean {
    if (!this.ready || !this.child) return false;
    return this.holdFor === null || message.type === 'dialog-reply' || ('id' in message && message.id === this.holdFor);
  }

  private send(message: ToCore): void {
    // until the core says it listens, messages wait here (a utilityProcess may not have spawned yet)
    if (this.mayGo(message) && this.outbox.length === 0) this.child?.postMessage(message);
    else {
      this.outbox.push(message);
      this.flush();
    }
  }

  private flush(): void {
    const waiting = this.outbox.splice(0);
    for (const m of waiting) {
      if (this.mayGo(m)) this.child?.postMessage(m);
      else this.outbox.push(m);
    }
  }

  private start(): void {
    const child = this.options.spawn();
    this.child = child;
    this.ready = false;
    child.onMessage((raw) => {
      if (this.child === child) this.receive(raw);
    });
    child.onExit((code) => {
      if (this.child === child) this.exited(code);
    });
  }

  private receive(raw: unknown): void {
    const parsed = parseFromCore(raw);
    if (!parsed.ok) {
      this.report(`core sent a message the main process cannot read (${parsed.problem})`);
      if (parsed.id !== undefined) this.settle(parsed.id, { ok: false, error: { code: 'internal', message: `internal error: unreadable reply from the core (${parsed.problem})` } });
      return;
    }
    this.handle(parsed.message);
  }

  private handle(message: FromCore): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.flush();
        if (this.stopped) this.child?.postMessage({ type: 'shutdown' });
        return;
      case 'reply':
        // the reopen after a restart does not count: a core that dies right after it must not loop
        if (message.id !== this.holdFor) this.restartsInARow = 0;
        this.settle(message.id, message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
        return;
      case 'event':
        if (message.event.type === 'project') this.projectFile = message.event.file;
        // an encrypted project waiting for its passphrase waits again in a restarted core
        if (message.event.type === 'locked') this.projectFile = message.event.file;
        this.options.onEvent(message.event);
        return;
      case 'dialog':
        void this.answerDialog(message.id, message.request);
        return;
    }
  }

  private async answerDialog(id: number, request: Extract<FromCore, { type: 'dialog' }>['request']): Promise<void> {
    const child = this.child;
    let reply: ToCore;
    if (!this.dialogs) reply = { type: 'dialog-reply', id, error: 'this window has no file dialogs' };
    else {
      try {
        reply = { type: 'dialog-reply', id, paths: await this.dialogs.pickFile(request) };
      } catch (e) {
        reply = { type: 'dialog-reply', id, error: e instanceof Error ? e.message : String(e) };
      }
    }
    // a core that died while the dialog was open gets no answer; its successor never asked
    if (this.child === child && child) this.send(reply);
  }

  private settle(id: number, reply: CoreReply): void {
    const p = this.pending.get(id);
    if (!p) return this.report(`core answered request ${id}, which is not waiting`);
    this.pending.delete(id);
    if (id === this.holdFor) {
      this.holdFor = null;
      this.flush();
    }
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new CoreCallError(reply.error));
  }

  private exited(code: number | null): void {
    this.child = null;
    this.ready = false;
    this.holdFor = null;
    this.outbox.length = 0;
    const failed = [...this.pending.values()];
    this.pending.clear();
    if (this.stopped) {
      for (const p of failed) p.reject(new CoreCallError(closing(p.label)));
      this.stoppedResolve?.();
      return;
    }
    const restart = this.restartsInARow < (this.options.maxRestarts ?? 3);
    this.report(`the core process stopped (exit code ${code ?? 'none'})${restart ? '; restarting it' : '; not restarting it again'}`);
    for (const p of failed) p.reject(new CoreCallError(stoppedWhile(p.label, code, restart)));
    if (!restart) return;
    this.restartsInARow++;
    this.restarts++;
    this.start();
    if (this.projectFile) {
      const file = this.projectFile;
      this.request(`open ${file}`, (id) => ({ type: 'open', id, file, sample: false }), true).catch((e: unknown) => this.report(`could not reopen ${file} after the restart: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  private report(message: string): void {
    this.options.report?.(message);
  }
}

function stoppedWhile(label: string, code: number | null, restarted: boolean): WireErrorShape {
  const how = code === null ? '' : ` (exit code ${code})`;
  return restarted
    ? {
        code: 'core-stopped',
        message: `the core process stopped${how} before "${label}" finished; it has been restarted, try again`,
        messageSv: `kärnprocessen avslutades${how} innan "${label}" blev klar; den har startats om, försök igen`,
      }
    : {
        code: 'core-stopped',
        message: `the core process stopped${how} before "${label}" finished and keeps stopping; restart Rödtråd`,
        messageSv: `kärnprocessen avslutades${how} innan "${label}" blev klar och avslutas gång på gång; starta om Rödtråd`,
      };
}

const unavailable = (label: string): WireErrorShape => ({
  code: 'core-stopped',
  message: `the core process is not running, so "${label}" cannot run; restart Rödtråd`,
  messageSv: `kärnprocessen körs inte, så "${label}" kan inte köras; starta om Rödtråd`,
});

const closing = (label: string): WireErrorShape => ({
  code: 'core-stopped',
  message: `Rödtråd is closing, so "${label}" did not run`,
  messageSv: `Rödtråd stängs, så "${label}" kördes inte`,
});
