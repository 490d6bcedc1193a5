/**
 * Where the CLI gets a project's passphrase: RODTRAD_PASSPHRASE (RODTRAD_NEW_PASSPHRASE for a
 * new one), else a prompt on the terminal that does not echo what is typed. Never from an
 * argument (it would show in the process list and the shell history). Without a terminal
 * and without the variable the command stops with exit 1.
 */
import { UserError } from '../core/errors';

export interface PassphraseInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Reads one line from a terminal with echo off (raw mode: nothing is written back). */
export function promptHidden(question: string, input: PassphraseInput = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err?: Error): void => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new UserError('cancelled', 'no passphrase given', undefined, 'ingen lösenfras angavs'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    // echo off before the question shows: what is typed the moment it appears is not echoed
    input.setRawMode?.(true);
    input.resume();
    input.on('data', onData);
    output.write(question);
  });
}

function noTerminal(file: string, variable: string): UserError {
  return new UserError(
    'passphrase-needed',
    `needs a passphrase: set ${variable} or run the command on a terminal to be asked for it`,
    file,
    `behöver en lösenfras: sätt ${variable} eller kör kommandot i en terminal för att bli tillfrågad`,
  );
}

/** The passphrase of an existing encrypted project. */
export async function existingPassphrase(file: string, env: NodeJS.ProcessEnv = process.env, input: PassphraseInput = process.stdin): Promise<string> {
  const fromEnv = env.RODTRAD_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!input.isTTY) throw noTerminal(file, 'RODTRAD_PASSPHRASE');
  return promptHidden(`Passphrase for ${file}: `, input);
}

/**
 * A new passphrase (new --encrypt, encrypt, passphrase): from the variable, else typed twice.
 * `variable` is RODTRAD_PASSPHRASE where no old one is needed, RODTRAD_NEW_PASSPHRASE when
 * changing one.
 */
export async function newPassphrase(file: string, variable: string, env: NodeJS.ProcessEnv = process.env, input: PassphraseInput = process.stdin): Promise<string> {
  const fromEnv = env[variable];
  if (fromEnv) return fromEnv;
  if (!input.isTTY) throw noTerminal(file, variable);
  const first = await promptHidden(`New passphrase for ${file}: `, input);
  if (first.length === 0) throw new UserError('bad-input', 'the passphrase is empty', file, 'lösenfrasen är tom');
  const again = await promptHidden('The same passphrase again: ', input);
  if (again !== first) throw new UserError('bad-input', 'the two passphrases differ; nothing was changed', file, 'de två lösenfraserna skiljer sig; inget har ändrats');
  return first;
}
