/**
 * Errors the user can act on: a bad file, a bad argument, a project from a newer version.
 * Hosts show `message` as it is (CLI: one line on stderr, exit 1); anything else is a bug.
 */
export class UserError extends Error {
  readonly code: string;
  readonly file?: string;
  /** The message in Swedish (without the file name), for the Swedish UI; `message` is English (CLI, logs). */
  readonly sv?: string;
  constructor(code: string, message: string, file?: string, sv?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'UserError';
    this.code = code;
    this.file = file;
    this.sv = sv;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** Thrown when a job is cancelled; work done so far is rolled back by the caller's transaction. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
