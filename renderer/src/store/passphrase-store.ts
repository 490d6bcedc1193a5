/**
 * Asking for an encrypted project's passphrase: a call that the core refuses with
 * passphrase-needed (or wrong-passphrase) opens the passphrase dialog and is repeated with
 * what the user types. The passphrase goes to the core with that one call and is not kept
 * in the page.
 */
import { create } from 'zustand';
import { api, ApiError } from '../api/client';

interface Ask {
  file: string;
  wrong: boolean;
  answer(passphrase: string | null): void;
}

interface PassphraseState {
  asking: Ask | null;
  ask(file: string, wrong: boolean): Promise<string | null>;
}

export const usePassphrase = create<PassphraseState>((set) => ({
  asking: null,
  ask: (file, wrong) =>
    new Promise((resolve) =>
      set({
        asking: {
          file,
          wrong,
          answer: (passphrase) => {
            set({ asking: null });
            resolve(passphrase);
          },
        },
      }),
    ),
}));

const NEEDS = new Set(['passphrase-needed', 'wrong-passphrase']);

/** Runs call without a passphrase, then, as long as the core asks for one, with the one the user gives (null: the user cancelled). */
export async function withPassphrase<T>(file: string, call: (passphrase?: string) => Promise<T>): Promise<T | null> {
  let passphrase: string | undefined;
  for (;;) {
    try {
      return await call(passphrase);
    } catch (e) {
      if (!(e instanceof ApiError) || !NEEDS.has(e.code)) throw e;
      const given = await usePassphrase.getState().ask(file, e.code === 'wrong-passphrase');
      if (given === null) return null;
      passphrase = given;
    }
  }
}

/**
 * The encrypted project the host was asked to open (command line, OS, `rodtrad serve`) waits
 * in the core: ask for its passphrase until it opens or the user cancels (false). The
 * passphrase goes with the one project.unlock call, which names no file.
 */
export async function unlockWaiting(file: string): Promise<boolean> {
  if (usePassphrase.getState().asking?.file === file) return false; // asked already
  let wrong = false;
  for (;;) {
    const given = await usePassphrase.getState().ask(file, wrong);
    if (given === null) return false;
    try {
      await api.call('project.unlock', { passphrase: given });
      return true;
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'wrong-passphrase') throw e;
      wrong = true;
    }
  }
}
