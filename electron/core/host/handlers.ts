import type { Handlers } from '../api/types';

/** What only a host can do (its own file dialog); hosts without one say so and the UI asks for a path. */
export const hostHandlers: Handlers<'host.pickFile'> = {
  'host.pickFile': async ({ session }, request) => {
    if (!session.dialogs) return { supported: false, paths: [] };
    return { supported: true, paths: await session.dialogs.pickFile(request) };
  },
};
