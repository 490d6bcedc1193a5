/** Events the core pushes to the UI (IPC in desktop mode, server-sent events in browser mode). */
import { z } from 'zod';
import { Progress } from './entities';

export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: Progress }),
  z.object({ type: z.literal('changed'), method: z.string(), contentVersion: z.number().int().optional() }),
  z.object({ type: z.literal('project'), file: z.string().nullable() }),
  /** An encrypted project the host was asked to open waits for its passphrase (`project.unlock`). */
  z.object({ type: z.literal('locked'), file: z.string() }),
]);
export type AppEvent = z.infer<typeof AppEvent>;
