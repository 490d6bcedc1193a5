import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../api/types';
import { folderInside, listFolder, pageRelative } from '../api/browse-root';
import type { Session } from '../api/session';
import { PROJECT_EXTENSION } from '../project/project';
import { defaultProjectFolder, recentProjects, setDefaultFolder } from './user-settings';

/**
 * A path as this host's page names it: browser mode's page sees only paths relative to the
 * browse root (null for one outside it), the desktop and the CLI absolute ones.
 */
function forPage(session: Session, abs: string): string | null {
  return session.host === 'browser' ? pageRelative(session.browseRoot, abs) : abs;
}

/**
 * What only a host can do: its own file dialog (hosts without one say so and the UI asks
 * for a path), and browser mode's folder listing under the browse root. A picked path is
 * remembered so the path policy accepts it later in this session.
 */
export const hostHandlers: Handlers<'host.pickFile' | 'host.browse' | 'app.places' | 'app.setDefaultFolder'> = {
  'host.pickFile': async ({ session }, request) => {
    if (!session.dialogs) return { supported: false, paths: [] };
    // a new project's dialog starts in the default folder, not wherever the app was started from
    const folder = request.purpose === 'newProject' ? defaultProjectFolder(session.browseRoot) : null;
    if (folder) mkdirSync(folder, { recursive: true });
    const defaultName = folder ? path.join(folder, path.basename(request.defaultName ?? `projekt${PROJECT_EXTENSION}`)) : request.defaultName;
    const paths = await session.dialogs.pickFile({ ...request, defaultName });
    session.rememberPicked(paths);
    return { supported: true, paths };
  },
  'host.browse': ({ session }, { dir }) => listFolder(session.browseRoot, dir ?? ''),
  'app.places': ({ session }, { ensureDefaultFolder }) => {
    const folder = defaultProjectFolder(session.browseRoot);
    if (ensureDefaultFolder) mkdirSync(folder, { recursive: true });
    const recent = recentProjects().flatMap((r) => {
      const shown = forPage(session, r.file);
      return shown === null ? [] : [{ path: shown, name: path.basename(r.file, PROJECT_EXTENSION), folder: path.dirname(shown) === '.' ? '' : path.dirname(shown), opened: r.opened }];
    });
    // the desktop page names files only from its own dialogs; the recent list is the user's own earlier choice
    if (session.host === 'desktop') session.rememberPicked(recent.map((r) => r.path));
    return { recent, defaultFolder: forPage(session, folder) ?? '' };
  },
  'app.setDefaultFolder': ({ session }, { dir }) => {
    const real = folderInside(session.browseRoot, dir);
    setDefaultFolder(real);
    return { defaultFolder: forPage(session, real) ?? '' };
  },
};
