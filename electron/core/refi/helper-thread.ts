/**
 * The REFI import's second thread. First it checks that `project.qde` is well-formed
 * (fast-xml-parser reads the whole file once more just to say yes or no, as long as building
 * the model takes) while the job's thread builds the model from the same bytes. Then it
 * prepares text sources (prepare-source.ts: decoding, positions, turns, hash) while the
 * job's thread writes the ones before. Both threads take sources from one shared cursor,
 * so on two cores the work splits by itself and the job's thread never waits while a source
 * is left untaken (as the import's reader does, import/prefetch.ts); on one core it costs
 * nothing.
 *
 * The job's thread reads the answers from a message port of the import's own
 * (receiveMessageOnPort) as soon as a shared flag says they are there, without waiting for
 * its event loop; it waits (Atomics.waitAsync) only for a source the helper has in hand, and
 * then also for the helper's exit, so a helper that dies never holds the import up. Without
 * the built script (tests from sources), or should the thread fail, the work is done in the
 * job's thread instead, with the same result. Each import has a fresh thread, started when
 * the one before ended (see close()).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { appRoot } from '../paths';
import { prepareSource, type PreparedSource, type SourceInput } from './prepare-source';
import { decodeXmlBytes, wellFormedness, type XmlProblem } from './xml';

export type HelperRequest =
  | { type: 'check'; port: MessagePort; bytes: Uint8Array; flag: SharedArrayBuffer }
  // the archive's entries are in shared memory (archive.ts): the helper reads them where they lie
  | { type: 'prepare'; sources: readonly (SourceInput | null)[]; origin: string | null; control: SharedArrayBuffer };

/** Answers on the import's port; `failed`: the helper threw, so the job's thread does that part itself. */
export type HelperReply = { type: 'verdict'; problem: XmlProblem | null; failed?: boolean } | { type: 'source'; index: number; prepared: PreparedSource | null };

/** Int32 slots of the prepare control block: the shared cursor, then a done flag per source. */
export const NEXT = 0;
export const doneSlot = (index: number): number => 1 + index;

// Node 20 has Atomics.waitAsync; TypeScript declares it in ES2024, newer than this project's ES2023 lib
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

function helperScript(): string | undefined {
  const file = path.join(appRoot(), 'dist', 'refi-helper.mjs');
  return existsSync(file) ? file : undefined;
}

/** The next import's helper, started when the last import ended. */
let idle: Worker | undefined;
let started = 0;
let delivered = 0;

/** How many helpers this thread started, whether one waits for the next import, and how many sources helpers prepared. */
export function helperStats(): { started: number; waiting: boolean; prepared: number } {
  return { started, waiting: idle !== undefined, prepared: delivered };
}

/**
 * Tests: `script` another helper (null: none), `steal: false` makes the job's thread wait
 * for every source instead of taking untaken ones itself.
 */
export interface HelperOptions {
  script?: string | null;
  steal?: boolean;
}

function spawn(script: string): Worker {
  started++;
  const worker = new Worker(script);
  // a helper that failed or stopped is not needed: the work is then done here
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    if (idle === worker) idle = undefined;
  });
  return worker;
}

export class RefiHelper {
  private worker: Worker | undefined;
  private broken = false;
  private port: MessagePort | undefined;
  private flag: Int32Array | undefined;
  private bytes: Buffer | undefined;
  private answer: { problem: XmlProblem | null } | undefined;
  private control: Int32Array | undefined;
  private readonly prepared = new Map<number, PreparedSource>();
  private readonly failed = new Set<number>();
  private wake: (() => void) | undefined;
  /** Settles when the helper fails or exits. */
  private readonly gone = new Promise<void>((resolve) => (this.wake = resolve));
  private readonly onBroken = (): void => {
    this.broken = true;
    this.wake?.();
  };
  private readonly steal: boolean;
  /** Whether the helper runs the built script, so that one is started for the next import when this one ends. */
  private keepable = false;

  constructor(o: HelperOptions = {}) {
    this.steal = o.steal ?? true;
    const script = o.script === undefined ? helperScript() : o.script;
    if (!script) return;
    this.keepable = script === helperScript();
    if (idle && this.keepable) {
      this.worker = idle;
      idle = undefined;
      this.worker.ref();
    } else this.worker = spawn(script);
    this.worker.on('error', this.onBroken);
    this.worker.on('exit', this.onBroken);
  }

  /** Starts the well-formedness check of `bytes` (the answer: verdict()). */
  check(bytes: Buffer): void {
    this.bytes = bytes;
    if (!this.worker || this.broken) return;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.flag = new Int32Array(new SharedArrayBuffer(4));
    this.worker.postMessage({ type: 'check', port: port2, bytes, flag: this.flag.buffer as SharedArrayBuffer } satisfies HelperRequest, [port2]);
  }

  /** Where the checked file is not well-formed, or null; waits for the helper's answer. */
  async verdict(): Promise<XmlProblem | null> {
    if (!this.answer && this.flag) {
      await this.until(this.flag, 0);
      this.drain();
    }
    // no answer from the helper: checked here
    this.answer ??= { problem: this.bytes ? wellFormedness(decodeXmlBytes(this.bytes)) : null };
    return this.answer.problem;
  }

  /** Starts the helper on the sources (null: skipped); gives back source i prepared, taking them in order 0, 1, 2 … */
  prepare(inputs: readonly (SourceInput | null)[], origin: string | null): (index: number) => Promise<PreparedSource> {
    const here = (i: number): PreparedSource => prepareSource(inputs[i]!, origin);
    if (!this.worker || this.broken || !this.port || inputs.filter(Boolean).length < 2) return (i) => Promise.resolve(here(i));
    const control = new Int32Array(new SharedArrayBuffer(4 * (inputs.length + 1)));
    this.control = control;
    this.worker.postMessage({ type: 'prepare', sources: inputs, origin, control: control.buffer as SharedArrayBuffer } satisfies HelperRequest);
    return (i) => this.take(i, inputs, here);
  }

  private async take(i: number, inputs: readonly (SourceInput | null)[], here: (i: number) => PreparedSource): Promise<PreparedSource> {
    const control = this.control!;
    const count = control.length - 1;
    for (;;) {
      const have = this.prepared.get(i);
      if (have) {
        this.prepared.delete(i);
        return have;
      }
      // the helper threw on it: done here, where the same error (if any) is thrown with its message
      if (this.failed.has(i)) return here(i);
      if (Atomics.load(control, doneSlot(i)) === 1) {
        this.drain();
        if (!this.prepared.has(i) && !this.failed.has(i)) return here(i);
        continue;
      }
      // what a helper that died had in hand is done here
      if (this.broken) return here(i);
      // rather than wait, prepare the next untaken source here
      if (this.steal) {
        const next = Atomics.add(control, NEXT, 1);
        if (next < count) {
          if (inputs[next]) this.prepared.set(next, here(next));
          continue;
        }
      }
      // the helper has it in hand
      await this.until(control, doneSlot(i));
    }
  }

  /** Until `flags[slot]` is set, or the helper is gone. */
  private async until(flags: Int32Array, slot: number): Promise<void> {
    if (this.broken) return;
    const w = waitAsync(flags, slot, 0);
    if (w.async) await Promise.race([w.value, this.gone]);
  }

  private drain(): void {
    if (!this.port) return;
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const reply = m.message as HelperReply;
      if (reply.type === 'verdict') {
        if (!reply.failed) this.answer = { problem: reply.problem };
      } else if (reply.prepared) {
        this.prepared.set(reply.index, reply.prepared);
        delivered++;
      } else this.failed.add(reply.index);
    }
  }

  /**
   * Ends the helper with this import and starts the next import's now. Kept from one import
   * to the next, a helper held what an import left (the decoded .qde, the archive in shared
   * memory) until its own garbage collection, which an idle thread never runs: 150 MB more
   * at the peak of the bench's back-to-back imports. A fresh one costs its start, which
   * happens here, between imports.
   */
  close(): void {
    // no source is taken any more; the helper finishes the one in hand and waits
    if (this.control) Atomics.store(this.control, NEXT, this.control.length);
    this.port?.close();
    this.port = undefined;
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.off('error', this.onBroken);
    worker.off('exit', this.onBroken);
    void worker.terminate();
    if (this.keepable && !idle) {
      idle = spawn(helperScript()!);
      idle.unref();
    }
  }
}
