/**
 * The shape of one API method: a zod schema for its parameters and one for its result.
 * Every host validates params with the same schema before calling the core.
 */
import type { z } from 'zod';

export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  /** Long work: reports progress events and accepts a jobId for cancellation. */
  job?: boolean;
  /** Changes project data: hosts broadcast a `changed` event after it succeeds. */
  mutates?: boolean;
  summary: string;
}

export function method<P extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<P, R>): MethodSpec<P, R> {
  return spec;
}
