/**
 * What a CLI command is. Each command lives in its own file under commands/ and is listed
 * in commands/index.ts; the runner (run.ts) does parsing, help, errors and exit codes.
 */
import type { ParseArgsConfig } from 'node:util';
import type { MethodName, Params, Result } from '../../shared/contract';
import type { HostKind, Session } from '../core/api/session';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface CliContext {
  /** Positional arguments after the project path. */
  args: string[];
  /** Parsed options (besides --json and --help). */
  options: Record<string, string | boolean | string[] | boolean[] | undefined>;
  json: boolean;
  projectPath: string | undefined;
  session: Session;
  io: CliIO;
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  /** Prints text (human mode) or the value as JSON (--json). */
  print(human: string, value?: unknown): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage line after "rodtrad ", e.g. "info <project> [--json]". */
  usage: string;
  /** More help text: options, examples. */
  details?: string;
  options?: OptionSpec;
  /**
   * 'open': the project must exist and is opened; 'create': the path is a new project;
   * 'none': no project argument (e.g. help); 'page': opened, or, when encrypted and
   * RODTRAD_PASSPHRASE is not set, left waiting for the page to ask for its passphrase (serve).
   */
  project: 'open' | 'create' | 'none' | 'page';
  /**
   * The session's host (default 'cli'). `serve` hands its session to the browser-mode server,
   * so the page's calls get browser mode's path policy, not the CLI's trust in its arguments.
   */
  host?: HostKind;
  /** Returns the exit code (default 0). */
  run(ctx: CliContext): Promise<number | void>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
