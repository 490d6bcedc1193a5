/** Events the core pushes to the UI (IPC in desktop mode, server-sent events in browser mode). */
import { z } from 'zod';
import { Progress } from './entities';

export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: Progress }),
  z.object({ type: z.literal('changed'), method: z.string(), contentVersion: z.number().int().optional() }),
  z.object({ type: z.literal('project'), file: z.string().nullable() }),
]);
export type AppEvent = z.infer<typeof AppEvent>;
