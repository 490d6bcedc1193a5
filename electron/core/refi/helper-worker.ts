/**
 * The REFI import's second thread (helper-thread.ts): checks a `project.qde` for
 * well-formedness, then prepares text sources from the shared cursor until none is left,
 * answering on the import's own port and raising a shared flag after each answer.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { doneSlot, NEXT, type HelperReply, type HelperRequest } from './helper-thread';
import { prepareSource, type PreparedSource } from './prepare-source';
import { decodeXmlBytes, wellFormedness } from './xml';

/** The port of the import under way (each import brings its own). */
let port: MessagePort | undefined;

function check(bytes: Uint8Array): HelperReply {
  try {
    return { type: 'verdict', problem: wellFormedness(decodeXmlBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) };
  } catch {
    return { type: 'verdict', problem: null, failed: true };
  }
}

function prepareAll(m: Extract<HelperRequest, { type: 'prepare' }>, to: MessagePort): void {
  const control = new Int32Array(m.control);
  for (;;) {
    const index = Atomics.add(control, NEXT, 1);
    if (index >= m.sources.length) return;
    const wire = m.sources[index];
    if (!wire) continue;
    let prepared: PreparedSource | null = null;
    try {
      prepared = prepareSource(wire, m.origin);
    } catch {
      // the job's thread prepares it again and reports what went wrong
    }
    to.postMessage({ type: 'source', index, prepared } satisfies HelperReply, prepared ? movable(prepared) : []);
    Atomics.store(control, doneSlot(index), 1);
    Atomics.notify(control, doneSlot(index));
  }
}

/** The text's bytes and the turn and position columns move to the job's thread instead of being copied. */
function movable(p: PreparedSource): ArrayBuffer[] {
  // a small Buffer may be a slice of Node's shared pool, which must not be moved away
  const whole = (a: Uint8Array | Float64Array | null): a is Uint8Array | Float64Array => a !== null && a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
  return [p.utf8, p.turns.data, p.placed].filter(whole).map((a) => a.buffer as ArrayBuffer);
}

parentPort!.on('message', (m: HelperRequest) => {
  if (m.type === 'check') {
    port?.close();
    port = m.port;
    port.postMessage(check(m.bytes));
    const flag = new Int32Array(m.flag);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  } else if (port) prepareAll(m, port);
});
