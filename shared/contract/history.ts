/**
 * Undo and redo of coding, code-tree, memo, attribute and group changes. Each step is one
 * transaction; the journal lives in the project file, so it survives closing the project.
 */
import { z } from 'zod';
import { method } from './define';

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** English description of the step ("Apply code \"Bollande\""), for tooltips. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  /** The contract method that made the step ("quotations.addCodes"), for translated labels. */
  undoAction: z.string().nullable(),
  redoAction: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const historyMethods = {
  'history.state': method({
    summary: 'Whether undo and redo are possible, and what they would undo or redo.',
    params: z.object({}).strict(),
    result: HistoryState,
  }),
  'history.undo': method({
    summary: 'Undo the last step (restores the exact previous rows). Refused when the data changed by other means since.',
    params: z.object({}).strict(),
    result: HistoryState.extend({ done: z.string().nullable() }),
    mutates: true,
  }),
  'history.redo': method({
    summary: 'Redo the last undone step.',
    params: z.object({}).strict(),
    result: HistoryState.extend({ done: z.string().nullable() }),
    mutates: true,
  }),
  'history.list': method({
    summary: 'The latest steps, newest first, with whether each is undone.',
    params: z.object({ limit: z.number().int().positive().max(1000).default(50) }).strict(),
    result: z.array(z.object({ id: z.number().int(), label: z.string(), action: z.string(), undone: z.boolean(), createdAt: z.string() })),
  }),
};
