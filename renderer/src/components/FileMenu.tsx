/**
 * The File menu ("Arkiv"), where ATLAS.ti and MAXQDA keep them: new, open, recent projects and
 * "save as", then importing and exporting. Keyboard: the menu button opens with Enter, Space or
 * ↓, arrows move, Esc closes; Ctrl+N, Ctrl+O and Ctrl+Shift+S work anywhere (browser mode also
 * takes Ctrl+Alt+N, since a browser keeps Ctrl+N for a new window).
 * The desktop uses its own file dialogs; browser mode the server's folder browser (ProjectBrowser).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useImport } from '../store/import-store';
import { isMac, MOD } from './CodingShell';
import { ProjectBrowser, type ProjectDialogMode } from './ProjectBrowser';
import { requestRefi } from './refi/refi-drop';

type Recent = Result<'app.places'>['recent'][number];

interface Item {
  id: string;
  label: string;
  keys?: string;
  hint?: string;
  disabled?: boolean;
  run(): void;
}

function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function FileMenu() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const host = useApp((s) => s.host);
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<Recent[]>([]);
  const [dialog, setDialog] = useState<ProjectDialogMode | null>(null);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  /** The desktop's own file dialog where there is one; otherwise the server's folder browser (browser mode). */
  const choose = useCallback(async (kind: ProjectDialogMode): Promise<void> => {
    const app = useApp.getState();
    if (kind === 'saveAs' && !app.info) return;
    try {
      const defaultName = kind === 'open' ? undefined : `${kind === 'saveAs' ? `${app.info?.name ?? 'projekt'}-kopia` : 'projekt'}.rodtrad`;
      const picked = await api.call('host.pickFile', { purpose: kind === 'open' ? 'openProject' : 'newProject', extensions: ['rodtrad'], defaultName });
      if (!picked.supported) return setDialog(kind);
      const file = picked.paths[0];
      if (!file) return;
      if (kind === 'open') await app.openProject(file);
      else if (kind === 'new') await app.createProject(file);
      else await app.saveProjectAs(file);
    } catch (e) {
      app.setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  const browserMode = host === 'browser';
  const newKeys = browserMode ? `${MOD}+Alt+N` : `${MOD}+N`;

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (!mod || modalOpen()) return;
      const key = e.key.toLowerCase();
      const run = (kind: ProjectDialogMode): void => {
        e.preventDefault();
        setOpen(false);
        void choose(kind);
      };
      if (key === 'o' && !e.shiftKey && !e.altKey) run('open');
      else if (key === 'n' && !e.shiftKey) run('new');
      else if (key === 's' && e.shiftKey && !e.altKey) run('saveAs');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choose]);

  const items: Item[] = [
    { id: 'new', label: t('fileMenu.new'), keys: newKeys, run: () => void choose('new') },
    { id: 'open', label: t('fileMenu.open'), keys: `${MOD}+O`, run: () => void choose('open') },
    ...recent.slice(0, 6).map((r, i) => ({
      id: `recent-${i}`,
      label: r.name,
      hint: r.folder || t('browse.home'),
      // the open project itself is shown but not offered
      disabled: info !== null && (r.path === info.file || info.file.endsWith(`/${r.path}`)),
      run: () => void useApp.getState().openProject(r.path),
    })),
    { id: 'saveAs', label: t('fileMenu.saveAs'), keys: `${MOD}+Shift+S`, disabled: !info, run: () => void choose('saveAs') },
    { id: 'import', label: t('fileMenu.importDocuments'), disabled: !info, run: () => useImport.getState().show() },
    { id: 'refi-import', label: t('refi.importButton'), run: () => requestRefi('import') },
    { id: 'refi-export', label: t('refi.exportButton'), disabled: !info, run: () => requestRefi('export') },
  ];
  // where the separators and the recent list's heading go
  const firstRecent = items.findIndex((it) => it.id.startsWith('recent-'));
  const sectionStart = new Set(['saveAs', 'import']);

  const show = (focusFirst: boolean): void => {
    setOpen(true);
    setActive(focusFirst ? 0 : -1);
    api.call('app.places', {}).then(
      (p) => setRecent(p.recent),
      () => setRecent([]),
    );
  };

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const el = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active];
    el?.focus();
  }, [open, active, recent]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent): void => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [open]);

  const onMenuKey = (e: ReactKeyboardEvent): void => {
    const n = items.length;
    const step = (from: number, by: number): number => {
      let i = from;
      for (let k = 0; k < n; k++) {
        i = (i + by + n) % n;
        if (!items[i]!.disabled) return i;
      }
      return from;
    };
    const move = (to: (a: number) => number): void => {
      e.preventDefault();
      setActive(to);
    };
    if (e.key === 'ArrowDown') move((a) => step(a, 1));
    else if (e.key === 'ArrowUp') move((a) => step(a < 0 ? 0 : a, -1));
    else if (e.key === 'Home') move(() => step(-1, 1));
    else if (e.key === 'End') move(() => step(n, -1));
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close(e.key === 'Escape');
    }
  };

  const activate = (it: Item): void => {
    close(false);
    it.run();
  };

  return (
    <div className="file-menu">
      <button
        ref={button}
        type="button"
        className="file-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close(false) : show(false))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || ((e.key === 'Enter' || e.key === ' ') && !open)) {
            e.preventDefault();
            show(true);
          }
        }}
        data-testid="file-menu"
      >
        {t('fileMenu.title')} <span aria-hidden>▾</span>
      </button>
      {open && (
        <div ref={menu} className="dropdown file-menu-list" role="menu" aria-label={t('fileMenu.title')} onKeyDown={onMenuKey} data-testid="file-menu-list">
          {items.map((it, i) => (
            <div key={it.id} role="none">
              {i === firstRecent && (
                <div className="file-menu-heading" role="presentation">
                  {t('fileMenu.recent')}
                </div>
              )}
              {sectionStart.has(it.id) && <div className="file-menu-separator" role="separator" />}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={`dropdown-item${it.id.startsWith('recent-') ? ' file-menu-recent' : ''}`}
                disabled={it.disabled}
                onClick={() => activate(it)}
                onMouseEnter={() => setActive(i)}
                title={it.hint}
                data-testid={`file-menu-${it.id}`}
              >
                <span className="file-menu-label">{it.label}</span>
                {it.hint && <span className="file-menu-hint">{it.hint}</span>}
                {it.keys && <kbd className="file-menu-keys">{it.keys}</kbd>}
              </button>
            </div>
          ))}
        </div>
      )}
      {dialog && <ProjectBrowser mode={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
