/**
 * The well-formedness check of a `project.qde` in a thread of its own: fast-xml-parser reads
 * the whole file once more just to say yes or no, and that is as long as building the model,
 * so the two run side by side. The thread is started before the archive is unpacked (its
 * start-up overlaps the unzip); without the built script (tests run from source) the check
 * runs here, after the build, as before.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../paths';
import { decodeXmlBytes, wellFormedness, type XmlProblem } from './xml';

function checkScript(): string | undefined {
  const file = path.join(appRoot(), 'dist', 'refi-check.mjs');
  return existsSync(file) ? file : undefined;
}

export class WellFormedCheck {
  private worker: Worker | undefined;

  constructor() {
    const script = checkScript();
    if (script) this.worker = new Worker(script);
    // a thread that failed to start is not needed: the check then runs here
    this.worker?.on('error', () => this.close());
  }

  /** Starts the check of `bytes`; the answer is null when they are well-formed. */
  start(bytes: Buffer): () => Promise<XmlProblem | null> {
    const worker = this.worker;
    const here = (): XmlProblem | null => wellFormedness(decodeXmlBytes(bytes));
    if (!worker) return () => Promise.resolve(here());
    const answer = new Promise<XmlProblem | null>((resolve) => {
      let settled = false;
      const settle = (m: () => XmlProblem | null): void => {
        if (settled) return;
        settled = true;
        resolve(m());
      };
      worker.once('message', (m: XmlProblem | null) => settle(() => m));
      // a thread that died without answering: the check runs here
      worker.once('error', () => settle(here));
      worker.once('exit', () => settle(here));
    });
    const copy = new Uint8Array(bytes);
    worker.postMessage(copy, [copy.buffer]);
    return () => answer;
  }

  close(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }
}
