/**
 * The import's reader thread (see prefetch.ts): for each batch it is sent, takes files from
 * the shared cursor, prepares them and hands them to the job's thread, staying within the
 * read-ahead window; then it waits for the next batch. It never opens the project.
 */
import { parentPort } from 'node:worker_threads';
import { CANCEL, NEXT, takeNext, WRITTEN, type ReaderBatch, type ReaderReply } from './prefetch';
import { prepareFile } from './prepare';
import type { PreparedFile } from './prepared';

async function run({ id, items, options, control: buffer }: ReaderBatch): Promise<void> {
  const control = new Int32Array(buffer);
  const signal = {
    get cancelled() {
      return Atomics.load(control, CANCEL) === 1;
    },
  };
  while (!signal.cancelled && Atomics.load(control, NEXT) < items.length) {
    const index = takeNext(control, items);
    if (index === undefined) {
      // far enough ahead: sleep until the job takes a file back (or a short while passes)
      Atomics.wait(control, WRITTEN, Atomics.load(control, WRITTEN), 100);
      continue;
    }
    const file = await prepareFile(items[index]!, options, signal);
    parentPort!.postMessage({ type: 'file', batch: id, index, file } satisfies ReaderReply, transferable(file));
  }
  parentPort!.postMessage({ type: 'done', batch: id } satisfies ReaderReply);
}

/** The text's bytes and the turn columns move to the job's thread instead of being copied. */
function transferable(file: PreparedFile): ArrayBuffer[] {
  if (file.type !== 'text') return [];
  // a small Buffer may be a slice of Node's shared pool, which must not be moved away
  const whole = (a: Uint8Array | Float64Array): boolean => a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
  return [file.draft.utf8, file.draft.turns.data].filter(whole).map((a) => a.buffer as ArrayBuffer);
}

// batches one after another, each to its end, on this one thread
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (batch: ReaderBatch) => {
  queue = queue.then(() => run(batch));
});
