import type { Handlers } from '../api/types';
import { listFolder } from '../api/browse-root';

/**
 * What only a host can do: its own file dialog (hosts without one say so and the UI asks
 * for a path), and browser mode's folder listing under the browse root. A picked path is
 * remembered so the path policy accepts it later in this session.
 */
export const hostHandlers: Handlers<'host.pickFile' | 'host.browse'> = {
  'host.pickFile': async ({ session }, request) => {
    if (!session.dialogs) return { supported: false, paths: [] };
    const paths = await session.dialogs.pickFile(request);
    session.rememberPicked(paths);
    return { supported: true, paths };
  },
  'host.browse': ({ session }, { dir }) => listFolder(session.browseRoot, dir ?? ''),
};
