import type { Handlers } from '../api/types';

export const jobHandlers: Handlers<'job.cancel'> = {
  'job.cancel': ({ session }, { jobId }) => {
    const job = session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },
};
