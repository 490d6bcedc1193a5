/**
 * Reading files ahead of writing them. Decoding, hashing, parsing and finding turns
 * (prepare.ts) cost more than the SQLite writes, so a reader thread prepares files while
 * the job's thread writes, and the job's thread, whenever it would otherwise wait, takes
 * the next file to prepare itself. Both take files from one shared cursor, so on two
 * cores the work splits by itself and neither thread idles; on one core it costs nothing.
 * Where the built reader is missing (tests from sources) or the batch is one file, all
 * files are prepared in the job's thread.
 *
 * Memory stays bounded: no file is taken more than READ_AHEAD files beyond the one being
 * written, and a large file only when it is the next to be written.
 *
 * The reader outlives its batch: the job worker keeps it for the next one (its code is then
 * compiled already), and starts it as soon as it knows an import is coming (prewarmReader),
 * so it boots while the job's own code loads and the project opens.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../paths';
import type { ImportItem, PreparedFile, PrepareOptions } from './prepared';

export interface Prefetcher {
  /** Item `index` prepared; call with 0, 1, 2 … in order. */
  next(index: number): Promise<PreparedFile>;
  /** Whether item `index` is prepared already (next() will not wait). */
  ready(index: number): boolean;
  /** Stops the reader (a cancelled or finished batch). */
  close(): Promise<void>;
  readonly threaded: boolean;
}

/** A batch for the reader: sent as a message, so one reader serves batch after batch. */
export interface ReaderBatch {
  id: number;
  items: ImportItem[];
  options: PrepareOptions;
  /** Int32Array: [CANCEL] 1 once cancelled, [NEXT] next file nobody has taken, [WRITTEN] files the job has taken back. */
  control: SharedArrayBuffer;
}

export type ReaderReply = { type: 'file'; batch: number; index: number; file: PreparedFile } | { type: 'done'; batch: number };

export const CANCEL = 0;
export const NEXT = 1;
export const WRITTEN = 2;
export const READ_AHEAD = 4;
const LARGE_FILE = 16 * 1024 * 1024;

/** Takes the next file to prepare from the shared cursor, if it lies within the read-ahead window. */
export function takeNext(control: Int32Array, items: readonly ImportItem[]): number | undefined {
  for (;;) {
    const next = Atomics.load(control, NEXT);
    const written = Atomics.load(control, WRITTEN);
    if (next >= items.length || next - written >= READ_AHEAD) return undefined;
    if (next > written && items[next]!.size > LARGE_FILE) return undefined;
    if (Atomics.compareExchange(control, NEXT, next, next + 1) === next) return next;
  }
}

export function readerScript(): string | undefined {
  const file = path.join(appRoot(), 'dist', 'import-reader.mjs');
  return existsSync(file) ? file : undefined;
}

type Signal = { readonly cancelled: boolean };

/** This thread's reader while no batch runs. */
let idleReader: Worker | undefined;
let batches = 0;
let started = 0;

/** How many readers this thread started, and whether one waits for a batch now. */
export function readerStats(): { started: number; waiting: boolean } {
  return { started, waiting: idleReader !== undefined };
}

function spawnReader(script: string): Worker {
  started++;
  return new Worker(script);
}

/** Starts the reader now, before the batch that will use it. */
export function prewarmReader(): void {
  const script = readerScript();
  if (!script || idleReader) return;
  park(spawnReader(script));
}

function park(worker: Worker): void {
  worker.unref();
  idleReader = worker;
  worker.once('exit', () => {
    if (idleReader === worker) idleReader = undefined;
  });
}

function acquire(script: string): Worker {
  const waiting = idleReader;
  if (waiting && script === readerScript()) {
    idleReader = undefined;
    waiting.removeAllListeners('exit');
    waiting.ref();
    return waiting;
  }
  return spawnReader(script);
}

export function startPrefetch(items: ImportItem[], options: PrepareOptions, signal: Signal, o: { thread?: boolean; script?: string } = {}): Prefetcher {
  const script = o.thread === false || items.length < 2 ? undefined : (o.script ?? readerScript());
  return script ? shared(script, items, options, signal) : inThread(items, options, signal);
}

async function prepareHere(item: ImportItem, options: PrepareOptions, signal: Signal): Promise<PreparedFile> {
  const { prepareFile } = await import('./prepare');
  return prepareFile(item, options, signal);
}

function inThread(items: ImportItem[], options: PrepareOptions, signal: Signal): Prefetcher {
  return {
    threaded: false,
    ready: () => false,
    next: (index) => prepareHere(items[index]!, options, signal),
    async close() {},
  };
}

function shared(script: string, items: ImportItem[], options: PrepareOptions, signal: Signal): Prefetcher {
  const control = new Int32Array(new SharedArrayBuffer(12));
  const id = ++batches;
  const worker = acquire(script);
  const done = new Map<number, PreparedFile>();
  let wake: (() => void) | undefined;
  let broken = false;
  let finished = false;

  // the reader's own cancel flag, raised from here (the job's flag may not be shared memory)
  const cancelPoll = setInterval(() => {
    if (signal.cancelled) Atomics.store(control, CANCEL, 1);
  }, 50);
  const onMessage = (m: ReaderReply): void => {
    if (m.batch !== id) return;
    if (m.type === 'file') done.set(m.index, m.file);
    else finished = true;
    wake?.();
  };
  // a reader that dies (out of memory on some file, a bug) must not lose the batch: what it
  // had taken and not delivered is prepared here instead
  const onBroken = (): void => {
    broken = true;
    wake?.();
  };
  worker.on('message', onMessage);
  worker.on('error', onBroken);
  worker.on('exit', onBroken);
  worker.postMessage({ id, items, options, control: control.buffer as SharedArrayBuffer } satisfies ReaderBatch);

  const waitForReader = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve)).finally(() => (wake = undefined));

  return {
    threaded: true,
    ready: (index) => done.has(index),
    async next(index) {
      while (!done.has(index)) {
        if (signal.cancelled) Atomics.store(control, CANCEL, 1);
        const mine = broken ? index : takeNext(control, items);
        if (mine !== undefined) {
          done.set(mine, await prepareHere(items[mine]!, options, signal));
          continue;
        }
        // the reader has the file in hand: wait for it (or for it to die)
        await waitForReader();
      }
      const file = done.get(index)!;
      done.delete(index);
      Atomics.store(control, WRITTEN, index + 1);
      Atomics.notify(control, WRITTEN);
      return file;
    },
    async close() {
      clearInterval(cancelPoll);
      Atomics.store(control, CANCEL, 1);
      Atomics.notify(control, WRITTEN);
      // the reader ends its batch at the next file boundary; kept if it does so promptly
      const deadline = Date.now() + 1000;
      while (!finished && !broken && Date.now() < deadline) await Promise.race([waitForReader(), new Promise((r) => setTimeout(r, 50))]);
      worker.off('message', onMessage);
      worker.off('error', onBroken);
      worker.off('exit', onBroken);
      if (finished && !broken && !idleReader && script === readerScript()) park(worker);
      else {
        worker.on('error', () => undefined);
        await worker.terminate();
      }
    },
  };
}
