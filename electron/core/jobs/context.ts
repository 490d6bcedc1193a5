import type { Progress } from '../../../shared/contract';
import { CancelledError } from '../errors';
import type { JobContext } from './registry';

export function makeJobContext(flag: Int32Array, onProgress: (p: Omit<Progress, 'jobId'>) => void): JobContext {
  let lastSent = 0;
  return {
    progress(p) {
      // At most ~20 updates a second, but always the last one.
      const now = Date.now();
      if (p.done < p.total && now - lastSent < 50) return;
      lastSent = now;
      onProgress(p);
    },
    throwIfCancelled() {
      if (Atomics.load(flag, 0) === 1) throw new CancelledError();
    },
    get cancelled() {
      return Atomics.load(flag, 0) === 1;
    },
  };
}
