/**
 * The core process started with Node's child_process.fork instead of Electron's
 * utilityProcess: what the tests and the benchmark run, with the same protocol and entry.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { CoreChild } from './core-client';

export function forkCore(script: string, options: { env?: NodeJS.ProcessEnv; started?: (child: ChildProcess) => void } = {}): CoreChild {
  // structured clone, as Electron's utilityProcess messages are
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', env: options.env ?? process.env });
  // a send racing the process's death fails here; the 'exit' listener is what reports it
  child.on('error', () => undefined);
  options.started?.(child);
  return {
    postMessage: (m) => void child.send(m),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.once('exit', (code) => l(code)),
    kill: () => void child.kill(),
  };
}
