/**
 * The desktop app's core process (dist/core-process.mjs): SQLite, jobs and every API call run
 * here, so a long query or a busy_timeout never freezes the window. Started by the main
 * process with Electron's utilityProcess (messages arrive as MessageEvents on
 * process.parentPort) or, in tests and the benchmark, with child_process.fork (process.send).
 */
import type { FromCore } from './desktop/core-protocol';
import { serveCore, type CorePort } from './desktop/core-server';

/** The part of Electron's ParentPort this file uses; read structurally so no Electron import is needed. */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function parentPort(): CorePort {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return { post: (m: FromCore) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)) };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('core-process must be started by the Rödtråd app (utilityProcess or child_process.fork)');
  // the parent gone means nobody can use the answers: stop rather than linger
  process.on('disconnect', () => process.exit(0));
  return { post: (m: FromCore) => void send(m), onMessage: (l) => process.on('message', l) };
}

serveCore(parentPort(), {
  onShutdown: () => process.exit(0),
  report: (message) => process.stderr.write(`${message}\n`),
});
