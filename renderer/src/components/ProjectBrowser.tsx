/**
 * Browser mode's "Open project" / "New project" / "Save as" dialog: the page may not name
 * files on the server, so it browses the folders the server offers (host.browse, limited to
 * the user's home) like a desktop file dialog: breadcrumb and Up on top, folders then projects
 * in a list, a file name for a new project below. Arrow keys move, Enter opens, Backspace goes
 * up. New and Save as start in the default folder (app.places), which the dialog can change.
 */
import { withPassphrase } from '../store/passphrase-store';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { Dialog } from './Dialog';

type Listing = Result<'host.browse'>;
type BrowseEntry = Listing['entries'][number];

export type ProjectDialogMode = 'open' | 'new' | 'saveAs';

interface Props {
  mode: ProjectDialogMode;
  onClose(): void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function ProjectBrowser({ mode, onClose }: Props) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<Listing | null>(null);
  const [selected, setSelected] = useState(0);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const show = useCallback((r: Listing, select?: string) => {
    setListing(r);
    setError(null);
    // coming up from a folder, keep it selected, as file dialogs do
    setSelected(Math.max(0, r.entries.findIndex((e) => e.path === select)));
  }, []);

  const browse = useCallback(
    (dir: string, select?: string): Promise<void> =>
      api.call('host.browse', { dir }).then(
        (r) => show(r, select),
        (e: unknown) => setError(message(e)),
      ),
    [show],
  );

  const [defaultFolder, setDefaultFolder] = useState<string | null>(null);
  const creating = mode !== 'open';

  useEffect(() => {
    let live = true;
    // a new project starts in the default folder (made when missing), an open in the home folder
    const start = creating ? api.call('app.places', { ensureDefaultFolder: true }).then((p) => (live && setDefaultFolder(p.defaultFolder), p.defaultFolder)) : Promise.resolve('');
    start
      .then((dir) => api.call('host.browse', { dir }))
      .then(
        (r) => live && show(r),
        (e: unknown) => live && setError(message(e)),
      );
    return () => {
      live = false;
    };
  }, [show, creating]);

  const makeDefault = (): void => {
    if (!listing) return;
    api.call('app.setDefaultFolder', { dir: listing.dir }).then(
      (r) => setDefaultFolder(r.defaultFolder),
      (e: unknown) => setError(message(e)),
    );
  };

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, listing]);

  const finish = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      // null: the user cancelled the passphrase dialog; the browser stays open
      if ((await call()) === null) return;
      await useApp.getState().projectChanged();
      onClose();
    } catch (e) {
      setError(message(e));
    }
  };

  const activate = (entry: BrowseEntry | undefined): void => {
    if (!entry) return;
    if (entry.kind === 'folder') void browse(entry.path);
    else if (mode === 'open') void finish(() => withPassphrase(entry.path, (passphrase) => api.call('project.open', { path: entry.path, passphrase })));
    else setName(entry.name.replace(/\.rodtrad$/, ''));
  };

  const up = (): void => {
    if (listing?.parent !== null && listing?.parent !== undefined) void browse(listing.parent, listing.dir);
  };

  const submit = (): void => {
    if (mode === 'open') return activate(listing?.entries[selected]);
    const file = name.trim();
    if (!file || !listing) return;
    const path = listing.dir ? `${listing.dir}/${file}` : file;
    if (mode === 'new') void finish(() => api.call('project.create', { path }));
    else void finish(() => api.call('project.saveAs', { path }).then((info) => (useApp.getState().setNotice(t('fileMenu.savedAs', { file: info.file })), info)));
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    const n = listing?.entries.length ?? 0;
    const move = (i: number): void => {
      e.preventDefault();
      if (n > 0) setSelected(Math.min(n - 1, Math.max(0, i)));
    };
    if (e.key === 'ArrowDown') move(selected + 1);
    else if (e.key === 'ArrowUp' && e.altKey) {
      e.preventDefault();
      up();
    }
    else if (e.key === 'ArrowUp') move(selected - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(n - 1);
    else if (e.key === 'PageDown') move(selected + 8);
    else if (e.key === 'PageUp') move(selected - 8);
    else if (e.key === 'Backspace') {
      e.preventDefault();
      up();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      activate(listing?.entries[selected]);
    }
  };

  const crumbs = listing ? (listing.dir ? listing.dir.split('/') : []) : [];
  const chosen = listing?.entries[selected];
  const title = { open: t('menu.open'), new: t('menu.new'), saveAs: t('fileMenu.saveAsTitle') }[mode];
  const submitLabel = mode === 'open' && chosen?.kind === 'folder' ? t('browse.enter') : { open: t('menu.openAction'), new: t('menu.createAction'), saveAs: t('fileMenu.saveAction') }[mode];
  const isDefault = listing !== null && defaultFolder !== null && listing.dir === defaultFolder;

  return (
    <Dialog title={title} onClose={onClose} onSubmit={submit} submitLabel={submitLabel} testId="project-browser" wide>
      <div className="pb-bar">
        <button type="button" className="pb-up" onClick={up} disabled={!listing || listing.parent === null} title={t('browse.upHint')} data-testid="project-browser-up">
          ↑ {t('browse.up')}
        </button>
        <nav className="pb-crumbs" aria-label={t('browse.location')}>
          <button type="button" onClick={() => void browse('')} title={listing?.rootName} aria-current={crumbs.length === 0 ? 'location' : undefined}>
            ⌂ {t('browse.home')}
          </button>
          {crumbs.map((c, i) => (
            <span key={i} className="pb-crumb">
              <span aria-hidden className="pb-sep">›</span>
              <button type="button" onClick={() => void browse(crumbs.slice(0, i + 1).join('/'))} aria-current={i === crumbs.length - 1 ? 'location' : undefined}>
                {c}
              </button>
            </span>
          ))}
        </nav>
      </div>
      <ul
        ref={listRef}
        className="pb-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('browse.contents')}
        aria-activedescendant={chosen ? `pb-${selected}` : undefined}
        onKeyDown={onListKey}
        data-autofocus={mode === 'open' ? '' : undefined}
        data-testid="project-browser-list"
      >
        {listing?.entries.map((e, i) => (
          <li
            key={e.path}
            id={`pb-${i}`}
            role="option"
            aria-selected={i === selected}
            className={`pb-entry pb-${e.kind}${creating && e.kind === 'project' ? ' pb-muted' : ''}`}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => (setSelected(i), listRef.current?.focus())}
            onDoubleClick={() => activate(e)}
          >
            <span className="pb-icon" aria-hidden>{e.kind === 'project' ? '◆' : ''}</span>
            <span className="pb-name">{e.name}</span>
            <span className="pb-kind">{e.kind === 'folder' ? t('browse.folder') : t('browse.project')}</span>
          </li>
        ))}
        {listing && listing.entries.length === 0 && <li className="pb-empty">{t('browse.empty')}</li>}
      </ul>
      {creating && (
        <label className="pb-name-field">
          {t('browse.fileName')}
          <span className="pb-name-row">
            <input data-autofocus="" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('browse.namePlaceholder')} data-testid="project-browser-name" />
            <span className="pb-ext">.rodtrad</span>
          </span>
        </label>
      )}
      {error && (
        <p className="pb-error" role="alert">
          {error}
        </p>
      )}
      <p className="pb-hint">
        {mode === 'open' ? t('browse.openHint') : t('browse.newHint', { folder: [t('browse.home'), ...crumbs].join(' › ') })}
        {creating && listing && (
          <>
            {' '}
            {isDefault ? (
              <span data-testid="project-browser-is-default">{t('browse.isDefault')}</span>
            ) : (
              <button type="button" className="link" onClick={makeDefault} data-testid="project-browser-make-default">
                {t('browse.makeDefault')}
              </button>
            )}
          </>
        )}
      </p>
    </Dialog>
  );
}
