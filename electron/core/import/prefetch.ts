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

export interface ReaderData {
  items: ImportItem[];
  options: PrepareOptions;
  /** Int32Array: [CANCEL] 1 once cancelled, [NEXT] next file nobody has taken, [WRITTEN] files the job has taken back. */
  control: SharedArrayBuffer;
}

export type ReaderReply = { index: number; file: PreparedFile };

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
  const worker = new Worker(script, { workerData: { items, options, control: control.buffer as SharedArrayBuffer } satisfies ReaderData });
  const done = new Map<number, PreparedFile>();
  let wake: (() => void) | undefined;
  let broken = false;

  // the reader's own cancel flag, raised from here (the job's flag may not be shared memory)
  const cancelPoll = setInterval(() => {
    if (signal.cancelled) Atomics.store(control, CANCEL, 1);
  }, 50);
  worker.on('message', (m: ReaderReply) => {
    done.set(m.index, m.file);
    wake?.();
  });
  // a reader that dies (out of memory on some file, a bug) must not lose the batch: what it
  // had taken and not delivered is prepared here instead
  const onBroken = (): void => {
    broken = true;
    wake?.();
  };
  worker.on('error', onBroken);
  worker.on('exit', onBroken);

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
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
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
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      worker.on('error', () => undefined);
      await worker.terminate();
    },
  };
}
