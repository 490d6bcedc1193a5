/**
 * The CLI runner: `rodtrad <command> <project> …`. Exit codes: 0 success, 1 the user's
 * input or a file was at fault (one line on stderr naming it), 2 usage.
 */
import { parseArgs } from 'node:util';
import { dispatch } from '../core/api/dispatch';
import { Session } from '../core/api/session';
import { CancelledError, isUserError } from '../core/errors';
import { appVersion } from '../core/version';
import type { CliContext, CliIO, Command } from './command';
import { UsageError } from './command';
import { commands } from './commands';
import { existingPassphrase, newPassphrase } from './passphrase';
import { attachProgress } from './progress';

const defaultIO: CliIO = { stdout: process.stdout, stderr: process.stderr };

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Rödtråd ${appVersion()} — qualitative coding of group interviews and field notes`,
    '',
    'Usage: rodtrad <command> <project> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --help, and --json for machine-readable output.',
    'Exit codes: 0 success, 1 bad input or file, 2 usage error.',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return [`Usage: rodtrad ${c.usage}`, '', c.summary, ...(c.details ? ['', c.details] : [])].join('\n');
}

export async function runCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const write = (stream: NodeJS.WritableStream, text: string): void => {
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    write(io.stdout, topic ? commandHelp(topic) : mainHelp());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    write(io.stdout, appVersion());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    write(io.stderr, `rodtrad: unknown command "${name}". Run "rodtrad --help" for the list.`);
    return 2;
  }
  const session = new Session(command.host ?? 'cli');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { json, help, ...options } = parsed.values as Record<string, string | boolean | undefined> & { json?: boolean; help?: boolean };
    if (help) {
      write(io.stdout, commandHelp(command));
      return 0;
    }
    const positionals = [...parsed.positionals];
    let projectPath: string | undefined;
    if (command.project !== 'none') {
      projectPath = positionals.shift();
      if (!projectPath) throw new UsageError('missing the project file');
      if (command.project === 'open') await openWithPassphrase(session, projectPath);
      else if (command.project === 'page') {
        // browser mode asks in the page; the terminal is not asked
        if (!session.openOrLock(projectPath) && process.env.RODTRAD_PASSPHRASE) session.unlock(process.env.RODTRAD_PASSPHRASE);
      } else {
        const passphrase = options.encrypt === true ? await newPassphrase(projectPath, 'RODTRAD_PASSPHRASE') : undefined;
        session.createProject(projectPath, typeof options.name === 'string' ? options.name : undefined, passphrase);
      }
    }
    const warning = session.project ? (await dispatch(session, 'project.info', {})).storageWarning : null;
    if (warning) write(io.stderr, `rodtrad: warning: ${warning.message}`);
    const detachProgress = attachProgress(session, io, Boolean(json));
    const ctx: CliContext = {
      args: positionals,
      options,
      json: Boolean(json),
      projectPath,
      session,
      io,
      call: (method, params) => dispatch(session, method, params),
      print: (human, value) => write(io.stdout, json ? JSON.stringify(value ?? human, null, 2) : human),
    };
    try {
      return (await command.run(ctx)) ?? 0;
    } finally {
      detachProgress();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      write(io.stderr, `rodtrad ${command.name}: ${e.message}\nUsage: rodtrad ${command.usage}`);
      return 2;
    }
    if (isUserError(e)) {
      write(io.stderr, `rodtrad: ${e.message}`);
      return 1;
    }
    if (e instanceof CancelledError) {
      write(io.stderr, 'rodtrad: cancelled');
      return 1;
    }
    // A bug, not the user's fault: still one line, the stack only on request.
    write(io.stderr, `rodtrad: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.RODTRAD_DEBUG) write(io.stderr, String((e as Error)?.stack));
    return 1;
  } finally {
    session.dispose();
  }
}

/** Opens the project, asking for the passphrase (variable or terminal) only when it is encrypted. */
async function openWithPassphrase(session: Session, file: string): Promise<void> {
  try {
    session.openProject(file);
  } catch (e) {
    if (!isUserError(e) || e.code !== 'passphrase-needed') throw e;
    session.openProject(file, await existingPassphrase(file));
  }
}
