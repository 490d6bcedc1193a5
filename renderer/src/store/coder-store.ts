/**
 * Who codes in this copy. A copy whose coder was never chosen asks in a bar that does not
 * block (CoderBar): coding goes on under the suggested name (the operating-system user)
 * until the user answers. Changing the coder from the status bar asks in the app's own dialog
 * (CoderDialog), answered through a promise; Electron has no `window.prompt`.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import { useApp } from './app-store';

/** 'change': from the status bar (the first question is CoderBar's, which does not block). */
export type CoderQuestionReason = 'change';

export interface CoderQuestion {
  /** Tells one question from the next, so each dialog starts from its own suggestion. */
  id: number;
  reason: CoderQuestionReason;
  suggested: string;
  /** The trimmed name, or null when cancelled. */
  answer(name: string | null): void;
}

export const useCoderQuestion = create<{ question: CoderQuestion | null }>(() => ({ question: null }));
let asked = 0;

/** Opens the coder dialog with the suggested name filled in; resolves with the name given, or null when cancelled. */
export function askCoderName(reason: CoderQuestionReason, suggested: string): Promise<string | null> {
  // one question at a time: an earlier one still open counts as cancelled
  useCoderQuestion.getState().question?.answer(null);
  return new Promise((resolve) => {
    const question: CoderQuestion = {
      id: ++asked,
      reason,
      suggested,
      answer(name) {
        if (useCoderQuestion.getState().question === question) useCoderQuestion.setState({ question: null });
        resolve(name?.trim() || null);
      },
    };
    useCoderQuestion.setState({ question });
  });
}

/** Records new coding in this copy under the name, and shows it in the status bar. */
export async function setCoder(name: string): Promise<void> {
  await api.call('project.setCoder', { name });
  await useApp.getState().refresh();
}

/** The status bar's "change coder": asks, then sets the coder unless cancelled. */
export async function changeCoder(current: string): Promise<void> {
  const name = await askCoderName('change', current);
  if (!name || name === current) return;
  try {
    await setCoder(name);
  } catch (e) {
    useApp.getState().setError(e instanceof Error ? e.message : String(e));
  }
}
